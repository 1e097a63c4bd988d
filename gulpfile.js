// Copies what tsc does not emit into dist/: the node and credential icons, and any JSON the nodes
// read at run time (codex files reach dist through tsc's resolveJsonModule already).
const { src, dest, parallel } = require('gulp');

function buildIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

function buildJson() {
	return src(['nodes/**/*.json'], { base: '.' }).pipe(dest('dist'));
}

exports['build:assets'] = parallel(buildIcons, buildJson);
exports.default = exports['build:assets'];
