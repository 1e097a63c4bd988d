/**
 * Issue #12 figure 4, "Memory of the n8n process": the RSS of a real n8n 2.41 main process (binary
 * data in filesystem mode) moving 1 GiB and 2 GiB files through the Procore node.
 *  - Upload: Webhook (Respond: last node) → Read/Write Files from Disk (read a generated file from
 *    a temp dir) → Procore Document › Upload into the sandbox's tower project.
 *  - Download: Webhook → Procore Document › Download of that file → Read/Write Files from Disk
 *    (write it to the temp dir); its size and sha256 are checked against the generated file.
 * Both run in n8n's main process (regular mode: executions are not sent to workers). The sandbox
 * runs in the bench process, not in n8n, so its memory is not in the figure; n8n's task runner is
 * a separate process and not counted either (these workflows run no Code node).
 * RSS = VmRSS of the main process from /proc/<pid>/status every 20 ms, from an idle second before
 * the webhook call to its answer; the kernel's own peak (VmHWM, reset through clear_refs just
 * before) is reported alongside when the kernel allows it.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pipeline } from 'stream/promises';

import type { Sandbox } from '../../sandbox';
import { SANDBOX_CREDENTIAL_ID, SANDBOX_CREDENTIAL_NAME, type N8nInstance } from '../../scripts/lib/n8n';
import { generated, request } from '../lib/files';
import type { FigureResult, Row } from '../lib/report';

export const N8N_MEMORY_TITLE = 'Memory of the n8n process';
const CREDENTIALS = { procoreOAuth2Api: { id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME } };
const MiB = 1024 * 1024;
const GOAL_MIB = 150;
const SAMPLE_MS = 20;
const IDLE_MS = 1500;

type Log = (s: string) => void;

/** Environment the n8n process needs for this figure (set when it starts). */
export function n8nMemoryEnv(fileDir: string): Record<string, string> {
	return {
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		// The Read/Write Files node may only touch this folder (n8n 2.x refuses paths outside it).
		N8N_RESTRICT_FILE_ACCESS_TO: fileDir,
		N8N_BLOCK_FILE_ACCESS_TO_N8N_FILES: 'true',
	};
}

function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	try {
		const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : NaN;
	} catch {
		return NaN;
	}
}

/** Resets the kernel's peak RSS of `pid` (VmHWM); false when not allowed. */
function resetPeak(pid: number): boolean {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (bytes: number) => Math.round(bytes / MiB);

async function writeGenerated(file: string, bytes: number): Promise<string> {
	const hash = createHash('sha256');
	const source = generated(bytes);
	source.on('data', (c: Buffer) => hash.update(c));
	await pipeline(source, fs.createWriteStream(file));
	return hash.digest('hex');
}

async function sha256File(file: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const c of fs.createReadStream(file, { highWaterMark: MiB })) hash.update(c as Buffer);
	return hash.digest('hex');
}

function workflow(name: string, webhookPath: string, second: object, third: object): object {
	const id = (k: number) => `e0000000-0000-4000-8000-${webhookPath.replace(/[^a-z0-9]/g, '').slice(-8).padStart(8, '0')}000${k}`;
	return {
		name,
		nodes: [
			{ id: id(1), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: webhookPath, parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', options: {} } },
			{ id: id(2), position: [220, 0], ...second },
			{ id: id(3), position: [440, 0], ...third },
		],
		connections: {
			Webhook: { main: [[{ node: (second as { name: string }).name, type: 'main', index: 0 }]] },
			[(second as { name: string }).name]: { main: [[{ node: (third as { name: string }).name, type: 'main', index: 0 }]] },
		},
		// Execution data is not what is measured (and binary data of unsaved runs is removed at once).
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'none', saveDataErrorExecution: 'all' },
	};
}

interface Measured {
	status: number;
	answer: string;
	seconds: number;
	idle: number;
	peak: number;
	hwm: number;
	samples: number;
}

/** Calls the webhook and samples n8n's RSS from an idle moment before to its answer. */
async function measured(n8n: N8nInstance, webhookPath: string, body: object): Promise<Measured> {
	const pid = n8n.process.pid!;
	await sleep(300);
	const idleSamples: number[] = [];
	const idleEnd = Date.now() + IDLE_MS;
	while (Date.now() < idleEnd) {
		idleSamples.push(status(pid, 'VmRSS'));
		await sleep(SAMPLE_MS);
	}
	const idle = idleSamples.sort((a, b) => a - b)[Math.floor(idleSamples.length / 2)];
	const canReset = resetPeak(pid);
	let peak = idle;
	let samples = 0;
	const timer = setInterval(() => {
		samples++;
		const v = status(pid, 'VmRSS');
		if (v > peak) peak = v;
	}, SAMPLE_MS);
	const t0 = Date.now();
	try {
		const r = await request(`${n8n.url}/webhook/${webhookPath}`, 'POST', { 'Content-Type': 'application/json' }, JSON.stringify(body));
		return { status: r.status, answer: r.text, seconds: (Date.now() - t0) / 1000, idle, peak: Math.max(peak, status(pid, 'VmRSS')), hwm: canReset ? status(pid, 'VmHWM') : NaN, samples };
	} finally {
		clearInterval(timer);
	}
}

export async function n8nMemory(n8n: N8nInstance, sb: Sandbox, log: Log, fileDir: string, sizesMiB: number[]): Promise<FigureResult> {
	sb.reset();
	const company = String(sb.companyId);
	const project = String(sb.seed.projects.tower);
	const procore = { type: 'n8n-nodes-procore.procore', typeVersion: 1, credentials: CREDENTIALS };
	const upload = await n8n.api<{ id: string }>(
		'POST',
		'/workflows',
		workflow(
			'bench: n8n memory (upload)',
			'bench-memory-upload',
			{ name: 'Read File', type: 'n8n-nodes-base.readWriteFile', typeVersion: 1, parameters: { operation: 'read', fileSelector: '={{ $json.body.path }}', options: {} } },
			{
				name: 'Upload',
				...procore,
				parameters: {
					resource: 'document',
					operation: 'upload',
					company: { __rl: true, mode: 'id', value: company },
					documentScope: 'project',
					project: { __rl: true, mode: 'id', value: project },
					folder: { __rl: true, mode: 'list', value: '' },
					binaryPropertyName: 'data',
					ifExists: 'keepBoth',
					options: {},
				},
			},
		),
	);
	const download = await n8n.api<{ id: string }>(
		'POST',
		'/workflows',
		workflow(
			'bench: n8n memory (download)',
			'bench-memory-download',
			{
				name: 'Download',
				...procore,
				parameters: {
					resource: 'document',
					operation: 'download',
					company: { __rl: true, mode: 'id', value: company },
					documentScope: 'project',
					project: { __rl: true, mode: 'id', value: project },
					source: 'documents',
					documentsTarget: 'file',
					fileId: '={{ $json.body.fileId }}',
					binaryPropertyName: 'data',
				},
			},
			{ name: 'Write File', type: 'n8n-nodes-base.readWriteFile', typeVersion: 1, parameters: { operation: 'write', fileName: '={{ $("Webhook").item.json.body.path }}', dataPropertyName: 'data', options: {} } },
		),
	);
	// Control: the file node alone reading the same file into n8n's binary store, no Procore node.
	const readOnly = await n8n.api<{ id: string }>(
		'POST',
		'/workflows',
		workflow(
			'bench: n8n memory (read only)',
			'bench-memory-read',
			{ name: 'Read File', type: 'n8n-nodes-base.readWriteFile', typeVersion: 1, parameters: { operation: 'read', fileSelector: '={{ $json.body.path }}', options: {} } },
			{ name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
		),
	);
	for (const [wf, p] of [[upload, 'bench-memory-upload'], [download, 'bench-memory-download'], [readOnly, 'bench-memory-read']] as const) {
		await n8n.api('POST', `/workflows/${wf.id}/publish`, {});
		const end = Date.now() + 30_000;
		for (;;) {
			const r = await fetch(`${n8n.url}/webhook/${p}`, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1', 'Access-Control-Request-Method': 'POST' } });
			await r.text();
			if (r.status === 204) break;
			if (Date.now() > end) throw new Error(`webhook ${p} not registered within 30 s`);
			await sleep(200);
		}
	}

	const fileIdOf = (answer: string): string | undefined => {
		try {
			const j = JSON.parse(answer) as Record<string, unknown>;
			const id = j.id ?? (j.file as { id?: unknown } | undefined)?.id ?? (j.record as { id?: unknown } | undefined)?.id;
			return id === undefined ? undefined : String(id);
		} catch {
			return undefined;
		}
	};
	/** One upload then one download of a generated file of `bytes`. */
	const round = async (bytes: number, label: string) => {
		const source = path.join(fileDir, `generated-${label}.bin`);
		const target = path.join(fileDir, `downloaded-${label}.bin`);
		const digest = await writeGenerated(source, bytes);
		const read = await measured(n8n, 'bench-memory-read', { path: source });
		const up = await measured(n8n, 'bench-memory-upload', { path: source });
		const fileId = fileIdOf(up.answer);
		if (up.status !== 200 || !fileId) throw new Error(`upload of ${label} answered ${up.status}: ${up.answer.slice(0, 300)}`);
		fs.rmSync(source, { force: true });
		const down = await measured(n8n, 'bench-memory-download', { fileId, path: target });
		let check: string;
		if (down.status !== 200) check = `download answered ${down.status}: ${down.answer.slice(0, 200)}`;
		else if (!fs.existsSync(target)) check = 'no file written';
		else {
			const size = fs.statSync(target).size;
			const got = await sha256File(target);
			check = size === bytes && got === digest ? `file written: ${size.toLocaleString('en')} bytes, sha256 matches` : `file written: ${size} bytes (expected ${bytes}), sha256 ${got === digest ? 'matches' : 'DIFFERS'}`;
		}
		fs.rmSync(target, { force: true });
		return { read, up, down, fileId, check, ok: down.status === 200 && check.includes('sha256 matches') };
	};

	// Warm-up with 4 MiB: code loaded, token fetched, so loading is not counted as growth.
	const warm = await round(4 * MiB, 'warm-up');
	log(`n8n memory: warm-up upload answered ${warm.up.answer.slice(0, 200)}; download: ${warm.check}`);
	if (!warm.ok) throw new Error(`warm-up: ${warm.check}`);

	const rows: Row[] = [];
	for (const size of sizesMiB) {
		const r = await round(size * MiB, `${size}`);
		for (const [op, m, ok, extra] of [
			['Read only (control)', r.read, r.read.status === 200, 'Read/Write Files (read) → NoOp, no Procore node: what reading the file into n8n\'s binary store costs by itself'],
			['Upload', r.up, r.up.status === 200, `Read/Write Files (read) → Document › Upload, file ${r.fileId}`],
			['Download', r.down, r.ok, `Document › Download → Read/Write Files (write); ${r.check}`],
		] as const) {
			const growth = m.peak - m.idle;
			const hwmGrowth = m.hwm - m.idle;
			log(`n8n memory: ${op} ${size} MiB: idle ${mib(m.idle)} MiB, peak ${mib(m.peak)} MiB (+${mib(growth)}), VmHWM ${Number.isNaN(m.hwm) ? 'n/a' : `${mib(m.hwm)} MiB`}, ${m.seconds.toFixed(1)} s, ${m.samples} samples`);
			rows.push({
				figure: N8N_MEMORY_TITLE,
				workload: `${op} ${size === 1024 ? '1 GiB' : size === 2048 ? '2 GiB' : `${size} MiB`} in n8n's main process (Webhook, Respond: last node)`,
				ours: `+${mib(growth)} MiB peak RSS (idle ${mib(m.idle)} MiB, peak ${mib(m.peak)} MiB; ${m.seconds.toFixed(0)} s)`,
				baseline: op.startsWith('Read') ? 'control, no goal' : `goal: growth < ${GOAL_MIB} MiB (a buffered node would grow by at least the file, ${size} MiB)`,
				ratio: size / Math.max(1, mib(growth)),
				detail: `${extra}; kernel peak (VmHWM) ${Number.isNaN(m.hwm) ? 'not available' : `${mib(m.hwm)} MiB (+${mib(hwmGrowth)})`}; ${m.samples} samples of VmRSS every ${SAMPLE_MS} ms`,
				ok: op.startsWith('Read') ? ok : ok && growth < GOAL_MIB * MiB && (Number.isNaN(hwmGrowth) || hwmGrowth < GOAL_MIB * MiB),
			});
		}
	}
	for (const wf of [upload, download, readOnly]) await n8n.api('POST', `/workflows/${wf.id}/unpublish`);
	return {
		title: N8N_MEMORY_TITLE,
		rows,
		notes: [
			`A real n8n 2.41 (\`n8n start\`, regular mode, N8N_DEFAULT_BINARY_DATA_MODE=filesystem, SQLite) with the packed package; each workflow is called through its production webhook (Respond: last node), so it runs in n8n's main process. The generated file is read from and written to a temp dir (N8N_RESTRICT_FILE_ACCESS_TO); the sandbox runs in the bench process, so its memory is not counted.`,
			`Idle = median VmRSS of n8n's main process (/proc/<pid>/status) over ${IDLE_MS / 1000} s before the call; peak = highest VmRSS sampled every ${SAMPLE_MS} ms until the webhook answered; growth = peak − idle. VmHWM is the kernel's exact peak after resetting it (clear_refs) at the start of the call. n8n's task runner is a separate process and not counted (no Code node runs). A 4 MiB upload and download ran first so loading code is not counted. Ratio = file size / growth.`,
			'Read only (control) runs the same Read/Write Files node into a NoOp on the same file just before the upload: the upload\'s growth minus the control\'s is what the Procore node adds.',
			'The downloaded file is checked against the generated one (size and sha256) after n8n wrote it to disk.',
		],
	};
}
