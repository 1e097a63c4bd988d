/**
 * Upload / download memory: peak RSS growth of a process running the real Document > Upload and
 * Download operations (n8n-core harness, binary data in filesystem mode) for 1 GiB and 2 GiB
 * files, against a buffered baseline. Each measurement is a fresh process (bench/upload-memory.ts).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

import type { FigureResult, Row } from '../lib/report';

interface Measure {
	op: string;
	mode: string;
	mib: number;
	seconds: number;
	rssBeforeMiB: number;
	peakRssMiB: number;
	growthMiB: number;
	outcome: string;
}

const GOAL_MIB = 150;

function measure(op: 'upload' | 'download', mode: 'node' | 'buffered', mib: number, log: (s: string) => void): Measure {
	const script = path.join(__dirname, '..', 'upload-memory.ts');
	const r = spawnSync(process.execPath, ['--import', 'tsx', script, `--op=${op}`, `--mode=${mode}`, `--mib=${mib}`], {
		encoding: 'utf8',
		timeout: 10 * 60_000,
		maxBuffer: 16 * 1024 * 1024,
	});
	const line = (r.stdout ?? '').split('\n').reverse().find((l) => l.startsWith('{'));
	const m: Measure = line
		? (JSON.parse(line) as Measure)
		: { op, mode, mib, seconds: 0, rssBeforeMiB: 0, peakRssMiB: 0, growthMiB: NaN, outcome: `error: the process ended (${r.status ?? r.signal}): ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' ')}` };
	log(`  ${op} ${mib} MiB, ${mode}: +${m.growthMiB} MiB (peak ${m.peakRssMiB}, before ${m.rssBeforeMiB}) in ${m.seconds.toFixed(1)} s; ${m.outcome}`);
	return m;
}

const failed = (m: Measure) => m.outcome.startsWith('error');
const show = (m: Measure) => (failed(m) ? `${m.outcome.slice(0, 120)} (peak +${m.growthMiB} MiB before failing)` : `+${m.growthMiB} MiB peak RSS (${m.seconds.toFixed(0)} s)`);

export async function memory(log: (s: string) => void, sizes = [1024, 2048]): Promise<FigureResult> {
	const rows: Row[] = [];
	for (const op of ['upload', 'download'] as const) {
		for (const mib of sizes) {
			const ours = measure(op, 'node', mib, log);
			const base = measure(op, 'buffered', mib, log);
			rows.push({
				figure: 'Memory',
				workload: `${op === 'upload' ? 'Upload' : 'Download'} ${mib / 1024} GiB`,
				ours: `Document > ${op === 'upload' ? 'Upload' : 'Download'}: ${show(ours)}`,
				baseline: `buffered: ${show(base)}`,
				ratio: !failed(ours) && !failed(base) && ours.growthMiB > 0 ? base.growthMiB / ours.growthMiB : undefined,
				ratioText: failed(ours) || failed(base) ? 'n/a' : undefined,
				detail: `goal: growth under ${GOAL_MIB} MiB`,
				ok: !failed(ours) && ours.growthMiB < GOAL_MIB,
			});
		}
	}
	return {
		title: 'Memory',
		rows,
		notes: [
			'The upload streams each part from n8n\'s binary store (one hashing pass, then one part at a time) and the download hands the response stream to prepareBinaryData, which writes it to disk. Earlier runs grew with the file and failed large or repeated downloads with "aborted": the harness imports nock, whose interceptor (@mswjs/interceptors) patches http.ClientRequest process-wide and copied every body; bench/upload-memory.ts now removes it (`--nock=keep` measures with it).',
			'Measured in a process running n8n-core (workflow harness, binary data mode "filesystem"), not a real n8n process: the same operations in a real n8n are the figure "Memory of the n8n process" (`--only=n8n --n8n=memory`). The sandbox runs in a child process and is not counted.',
			'Growth = peak RSS while moving the file (sampled every 10 ms) minus RSS just before, after a 4 MiB warm-up of the same path.',
			'Buffered baseline: upload = n8n\'s getAsBuffer of the stored file, then one PUT of that buffer; download = the whole response in one buffer, then stored. n8n reads a stored file into a buffer with fs.readFile, which refuses files of 2 GiB or more.',
		],
	};
}
