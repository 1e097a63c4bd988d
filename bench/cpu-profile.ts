/**
 * Reads a V8 CPU profile (node --cpu-prof; BENCH_N8N_CPU_PROF for the bench's n8n) and prints where
 * the time went: self time by function and by package, and the total time under the Procore
 * package's frames. Usage: npx tsx bench/cpu-profile.ts <file.cpuprofile> [--top=40] [--match=text]
 */
import * as fs from 'fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
	endTime: number;
}

const args = Object.fromEntries(process.argv.slice(3).map((a) => a.replace(/^--/, '').split('=')));
const file = process.argv[2];
const top = Number(args.top ?? 40);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfUs = new Map<number, number>();
profile.samples.forEach((id, k) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

function packageOf(url: string): string {
	if (!url) return '(native/vm)';
	const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
	if (m) return m[m.length - 1].replace('node_modules/', '');
	if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
	return url.split('/').slice(-2).join('/');
}
const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '')}:${n.callFrame.lineNumber + 1}`;

const fnSelf = new Map<string, number>();
const pkgSelf = new Map<string, number>();
for (const [id, us] of selfUs) {
	const n = byId.get(id)!;
	fnSelf.set(label(n), (fnSelf.get(label(n)) ?? 0) + us);
	pkgSelf.set(packageOf(n.callFrame.url), (pkgSelf.get(packageOf(n.callFrame.url)) ?? 0) + us);
}
// Inclusive time of every frame whose url matches (default: the Procore package), counted once per sample.
const match = String(args.match ?? 'n8n-nodes-procore');
const inclusive = new Map<string, number>();
let underMatch = 0;
for (const [id, us] of selfUs) {
	const seen = new Set<string>();
	let cur: number | undefined = id;
	let hit = false;
	while (cur !== undefined) {
		const n = byId.get(cur)!;
		const l = label(n);
		if (!seen.has(l)) {
			seen.add(l);
			inclusive.set(l, (inclusive.get(l) ?? 0) + us);
		}
		if (n.callFrame.url.includes(match)) hit = true;
		cur = parent.get(cur);
	}
	if (hit) underMatch += us;
}
const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%`;
const print = (title: string, m: Map<string, number>, filter: (k: string) => boolean = () => true) => {
	console.log(`\n${title}`);
	for (const [k, v] of [...m].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)}  ${k}`);
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled; under frames matching "${match}": ${ms(underMatch)}`);
print('Self time by package', pkgSelf);
print('Self time by function', fnSelf);
print(`Inclusive time, frames matching "${match}"`, inclusive, (k) => k.includes(match));
