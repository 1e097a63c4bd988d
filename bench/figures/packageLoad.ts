/**
 * Package size and load time: what the API Operation catalog (issue 28) adds to the package n8n
 * installs and to n8n's start-up. Sizes from `npm pack --dry-run --json` of the built package; load
 * times are medians of fresh processes running n8n's own community-package loader
 * (bench/package-load.ts). Baseline: the same load with the catalog imported eagerly, i.e. what the
 * lazy import (actions/apiOperation/catalog.ts) saves every n8n start.
 */
import { execSync, spawnSync } from 'child_process';
import * as path from 'path';

import type { FigureResult } from '../lib/report';

const RUNS = 7;
const root = path.join(__dirname, '..', '..');

interface Measure {
	loadMs: number;
	eagerMs: number;
	firstUseMs: number | null;
}

function once(eager: boolean): Measure {
	const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/package-load.ts'), `--dir=${root}`, ...(eager ? ['--eager'] : [])], { encoding: 'utf8', timeout: 120_000 });
	const line = (r.stdout ?? '').split('\n').reverse().find((l) => l.startsWith('{'));
	if (!line) throw new Error(`package-load ended (${r.status ?? r.signal}): ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' ')}`);
	return JSON.parse(line) as Measure;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function packageLoad(log: (s: string) => void): Promise<FigureResult> {
	execSync('bash scripts/build.sh', { cwd: root, stdio: 'ignore' });
	const pack = (JSON.parse(execSync('npm pack --dry-run --json', { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ size: number; unpackedSize: number; files: Array<{ path: string; size: number }> }>)[0];
	const catalogBytes = pack.files.filter((f) => f.path.includes('apiOperation/catalog.data')).reduce((n, f) => n + f.size, 0);
	const lazy = Array.from({ length: RUNS }, () => once(false));
	const eager = Array.from({ length: RUNS }, () => once(true));
	const lazyMs = median(lazy.map((m) => m.loadMs));
	const eagerMs = median(eager.map((m) => m.loadMs));
	const firstUse = median(lazy.map((m) => m.firstUseMs ?? 0));
	log(`  packed ${pack.size} B, unpacked ${pack.unpackedSize} B (catalog ${catalogBytes} B); load ${lazyMs.toFixed(0)} ms lazy, ${eagerMs.toFixed(0)} ms eager; first use ${firstUse.toFixed(0)} ms`);
	return {
		title: 'Package size and load time (API Operation catalog)',
		rows: [
			{
				figure: 'Package',
				workload: 'npm pack of the built package',
				ours: `${(pack.size / 1e3).toFixed(0)} kB packed, ${(pack.unpackedSize / 1e6).toFixed(2)} MB unpacked`,
				baseline: `the catalog: ${(catalogBytes / 1e3).toFixed(0)} kB unpacked`,
				ratioText: 'n/a',
				ok: catalogBytes < 1.5e6,
			},
			{
				figure: 'Load time',
				workload: `n8n's package loader, median of ${RUNS} fresh processes`,
				ours: `${lazyMs.toFixed(0)} ms (catalog loaded on first use: +${firstUse.toFixed(0)} ms, once per process)`,
				baseline: `${eagerMs.toFixed(0)} ms with the catalog imported at start-up`,
				ratio: eagerMs / lazyMs,
				ok: lazyMs <= eagerMs,
			},
		],
	};
}
