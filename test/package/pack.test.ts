/** What `npm publish` would ship: only the build, the README, the licence and package.json. */
import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));

describe('npm package contents', () => {
	it('declares only dist/ in "files", and every n8n entry point lives there', () => {
		expect(pkg.files).toEqual(['dist']);
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(entry).toMatch(/^dist\/.+\.js$/);
	});

	it('packs nothing but dist/, README.md, LICENSE and package.json', () => {
		const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: ROOT,
			encoding: 'utf-8',
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		const [packed] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
		const files = packed.files.map((f) => f.path);
		expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
		const stray = files.filter((f) => !['package.json', 'README.md', 'LICENSE'].includes(f) && !f.startsWith('dist/'));
		expect(stray).toEqual([]);
		expect(files.some((f) => /(^|\/)test\/|\.test\.|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toBe(false);
		// When built (npm test builds first), the entry points n8n loads must be in the tarball.
		if (existsSync(path.join(ROOT, 'dist'))) {
			for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(entry);
		}
	});
});
