/**
 * `npm run bench`: runs every figure, prints the table and writes docs/benchmarks.md.
 *   scripts/node24.sh npx tsx bench/run.ts [--only=calls,limits,memory,package,n8n [--update]] [--sizes=1024,2048] [--out=docs/benchmarks.md]
 * With --only the report is not written, unless --update: then only those figures' sections are replaced.
 * --n8n=burst,memory,cost,publish runs only some of the real-n8n figures (--sizes also sets the n8n memory figure's files).
 * Figures are modules in bench/figures/ returning rows; a new figure is one import and one entry below.
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { callsPerRecord } from './figures/callsPerRecord';
import { memory } from './figures/memory';
import { n8nFigures } from './figures/n8n';
import { packageLoad } from './figures/packageLoad';
import { rateLimits } from './figures/rateLimits';
import type { FigureResult, Row } from './lib/report';

// `--key=value`, or a bare `--flag` (true).
const args: Record<string, string | true> = Object.fromEntries(
	process.argv.slice(2).map((a) => {
		const [key, ...value] = a.replace(/^--/, '').split('=');
		return [key, value.length ? value.join('=') : true];
	}),
);
const only = args.only ? new Set(String(args.only).split(',')) : undefined;
const sizes = args.sizes ? String(args.sizes).split(',').map(Number) : [1024, 2048];
const root = path.join(__dirname, '..');
const out = path.resolve(root, String(args.out ?? 'docs/benchmarks.md'));

const figures: Array<{ key: string; run: (log: (s: string) => void) => Promise<FigureResult | FigureResult[]> }> = [
	{ key: 'calls', run: callsPerRecord },
	{ key: 'limits', run: rateLimits },
	{ key: 'memory', run: (log) => memory(log, sizes) },
	{ key: 'package', run: packageLoad },
	{ key: 'n8n', run: (log) => n8nFigures(log, args.n8n ? new Set(String(args.n8n).split(',')) : undefined, sizes) },
];

function version(pkg: string): string {
	try {
		return (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`, { paths: [root] }), 'utf8')) as { version: string }).version;
	} catch {
		return 'unknown';
	}
}

function ratioText(r: Row): string {
	if (r.ratioText) return r.ratioText;
	if (r.ratio === undefined || !Number.isFinite(r.ratio)) return 'n/a';
	return `${r.ratio >= 100 ? r.ratio.toFixed(0) : r.ratio.toFixed(1)}×`;
}

const loadText = (load: number[]) => load.map((l) => l.toFixed(1)).join(' / ');

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

async function main(): Promise<void> {
	const started = Date.now();
	const loadAtStart = os.loadavg();
	const results: FigureResult[] = [];
	for (const f of figures) {
		if (only && !only.has(f.key)) continue;
		console.log(`\n== ${f.key}`);
		const t = Date.now();
		const r = await f.run((s) => console.log(s));
		results.push(...(Array.isArray(r) ? r : [r]));
		console.log(`   (${((Date.now() - t) / 1000).toFixed(0)} s)`);
	}
	const seconds = (Date.now() - started) / 1000;
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
	let commit = 'unknown';
	try {
		commit = execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8' }).trim();
	} catch {
		// not a git checkout
	}
	const machine = [
		`- Date: ${new Date().toISOString()} (whole run ${(seconds / 60).toFixed(1)} min)`,
		`- Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} CPUs (nproc), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory, ${os.platform()} ${os.release()}`,
		`- Load average (1, 5, 15 min; os.loadavg) at the start ${loadText(loadAtStart)}, at the end ${loadText(os.loadavg())}: above the ${os.cpus().length} CPUs, other work shared the machine and the times are slower than on a quiet one`,
		`- Node ${process.version}, n8n-core ${version('n8n-core')}, n8n-workflow ${version('n8n-workflow')}, n8n-nodes-procore ${pkg.version} (commit ${commit})`,
	];
	const lines: string[] = [
		'# Benchmarks',
		'',
		'Written by `npm run bench` (bench/run.ts); the last run on this machine. Every figure runs the real node',
		'operations through n8n-core (test/harness) against the local Procore sandbox, side by side with the',
		'baseline a user would otherwise build, and counts calls at the sandbox. Ratio = baseline / ours.',
		'',
		...machine,
		'',
	];
	for (const r of results) {
		lines.push(`## ${r.title}`, '');
		if (r.skipped) {
			lines.push(`Not run: ${r.skipped}.`, '');
			continue;
		}
		lines.push('| Workload | This package | Baseline | Ratio | Goal met | Detail |', '|---|---|---|---|---|---|');
		for (const row of r.rows) {
			lines.push(`| ${cell(row.workload)} | ${cell(row.ours)} | ${cell(row.baseline)} | ${ratioText(row)} | ${row.ok ? 'yes' : '**no**'} | ${cell(row.detail ?? '')} |`);
		}
		lines.push('');
		for (const n of r.notes ?? []) lines.push(`- ${n}`);
		if (r.notes?.length) lines.push('');
	}
	if (!only) fs.writeFileSync(out, lines.join('\n'));
	else if (args.update && fs.existsSync(out)) {
		fs.writeFileSync(out, updateSections(fs.readFileSync(out, 'utf8'), lines.join('\n'), `${[...only].join(',')}${args.n8n ? ` (--n8n=${String(args.n8n)})` : ''} (${(seconds / 60).toFixed(1)} min)`));
		console.log(`\n(--only --update: the sections of ${[...only].join(',')} replaced in ${out})`);
	} else console.log(`\n(--only: ${out} not written; add --update to replace only these sections)`);
	console.log(`\n${machine.join('\n')}\n`);
	const table = results.flatMap((r) =>
		r.skipped ? [[r.title, '(not run)', '', '', r.skipped]] : r.rows.map((row) => [r.title, row.workload, ratioText(row), row.ok ? 'yes' : 'NO', row.ours]),
	);
	const header = ['Figure', 'Workload', 'Ratio', 'Goal', 'This package'];
	const widths = header.map((h, k) => Math.min(k === 4 ? 90 : 60, Math.max(h.length, ...table.map((t) => t[k].length))));
	const fmt = (t: string[]) => t.map((c, k) => c.slice(0, widths[k]).padEnd(widths[k])).join('  ');
	console.log(fmt(header));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const t of table) console.log(fmt(t));
	if (!only) console.log(`\nwritten: ${path.relative(root, out)}`);
	process.exit(0);
}

/**
 * `--only=… --update`: the figures just run replace their sections (same `## title`) in the last
 * full report, new ones are appended, the rest is kept; the header says which part is newer.
 */
function updateSections(previous: string, fresh: string, what: string): string {
	const split = (text: string) => {
		const parts = text.split(/^(?=## )/m);
		return { head: parts[0], sections: parts.slice(1).map((body) => ({ title: body.split('\n')[0], body: body.replace(/\n*$/, '\n\n') })) };
	};
	const old = split(previous);
	const now = split(fresh);
	const sections = old.sections.map((sec) => now.sections.find((f) => f.title === sec.title) ?? sec);
	for (const f of now.sections) if (!old.sections.some((sec) => sec.title === f.title)) sections.push(f);
	const date = /^- Date: .*$/m.exec(now.head)?.[0].replace('- Date: ', '').replace(/ \(whole run .*\)$/, '') ?? new Date().toISOString();
	// Earlier partial updates are kept (each says which sections it wrote); the newest comes first.
	const head = old.head.replace(/^(- Date: .*)$/m, `$1\n- Partial update: ${date}, figures ${what} re-run with \`--only --update\`; sections not named in a partial update are from the date above`);
	return [head, ...sections.map((sec) => sec.body)].join('');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
