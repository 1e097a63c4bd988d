/**
 * Peak memory of one large upload or download, in a process of its own (not a test):
 *
 *   scripts/node24.sh npx tsx bench/upload-memory.ts --op=upload|download --mode=node|buffered [--mib=1024] [--nock=keep]
 *
 * `node`: the real Document > Upload / Download operation through the n8n-core workflow harness,
 * with n8n's binary data in filesystem mode (as n8n runs it: files on disk, read and written as
 * streams). `buffered`: the baseline, the way a buffered integration moves the same file: n8n's
 * `getBinaryDataBuffer` (the whole file in memory) then one PUT; for downloads, the whole response
 * in memory (an HTTP Request node's "File" response) then stored.
 * The sandbox runs in a child process (bench/sandbox-child.ts), so the figure is this process's
 * alone: peak RSS while moving the file, minus RSS just before. Prints one JSON line.
 */
import { fork } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import type { IBinaryData } from 'n8n-workflow';
import * as v8 from 'v8';
import { runInNewContext } from 'vm';

import { generated, request, sha256Of, uploadFile } from './lib/files';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const MiB = 1024 * 1024;
const sizeMiB = Number(args.mib ?? 1024);
const size = sizeMiB * MiB;
const op = String(args.op ?? 'upload') as 'upload' | 'download';
const mode = String(args.mode ?? 'node') as 'node' | 'buffered';

const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-n8n-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';

interface SandboxInfo {
	url: string;
	companyId: number;
	project: number;
	token: string;
	makeFile(bytes: number): Promise<{ fileId: number; digest: string }>;
	stop(): void;
}

async function startSandboxChild(): Promise<SandboxInfo> {
	const child = fork(path.join(__dirname, 'sandbox-child.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
	const info = await new Promise<{ url: string; companyId: number; project: number }>((r) => child.once('message', (m) => r(m as never)));
	const { token } = await new Promise<{ token: string }>((r) => {
		child.once('message', (m) => r(m as never));
		child.send({ cmd: 'token' });
	});
	const makeFile = (bytes: number) =>
		new Promise<{ fileId: number; digest: string }>((r) => {
			child.once('message', (m) => r(m as never));
			child.send({ cmd: 'file', bytes });
		});
	return { ...info, token, makeFile, stop: () => child.send({ cmd: 'stop' }) };
}

v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function main(): Promise<void> {
	// n8n-core after the environment is set: its binary data config reads it.
	await import('reflect-metadata');
	// n8n-core's own copy of the DI container (it nests its @n8n packages).
	const { Container } = (await import(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }))) as typeof import('@n8n/di');
	const { BinaryDataService } = await import('n8n-core');
	const { benchCredentials, rl, runProcoreWorkflow } = await import('./lib/workflow');
	// The harness imports nock, and importing nock patches http.ClientRequest process-wide (through
	// @mswjs/interceptors), even with net connect enabled: every request and response body passing
	// through is also copied into the interceptor's own streams. That copy, not the node, is what grew
	// with the file (≈1× on upload, ≈2× on download) and what ended large or repeated downloads with
	// "aborted". n8n has no such interceptor, so it is removed here; `--nock=keep` measures it anyway.
	if (args.nock !== 'keep') (await import('nock')).default.restore();
	const binaryData = Container.get(BinaryDataService);
	await binaryData.init();
	const location = { type: 'execution' as const, workflowId: 'bench', executionId: 'bench-memory' };
	const sb = await startSandboxChild();
	const credentials = benchCredentials(sb.url, sb.companyId, sb.token);
	// A fresh object each time: the binary data service writes the id into the metadata it is given.
	const meta = () => ({ fileName: 'generated.bin', mimeType: 'application/octet-stream' }) as never;

	const nodeUpload = async (stored: IBinaryData) => {
		const run = await runProcoreWorkflow(
			{
				resource: 'document',
				operation: 'upload',
				company: rl(sb.companyId),
				documentScope: 'project',
				project: rl(sb.project),
				folder: { __rl: true, mode: 'list', value: '' },
				binaryPropertyName: 'data',
				ifExists: 'keepBoth',
				options: {},
			},
			[{ json: {}, binary: { data: stored } }],
			credentials,
		);
		const error = run.errorOf('Procore');
		return error ? `error: ${String(error.message)}` : String(run.outputOf('Procore')[0].json.summary ?? run.outputOf('Procore')[0].json.error);
	};
	const bufferedUpload = async (stored: IBinaryData) => {
		const buffer = await binaryData.getAsBuffer(stored);
		const { fileId } = await uploadFile(sb, 'generated.bin', buffer.length, createHash('sha256').update(buffer).digest('hex'), () => buffer);
		return `uploaded ${buffer.length} bytes from one buffer as file ${fileId}`;
	};
	const nodeDownload = async (fileId: number, digest: string) => {
		const run = await runProcoreWorkflow(
			{
				resource: 'document',
				operation: 'download',
				company: rl(sb.companyId),
				documentScope: 'project',
				project: rl(sb.project),
				source: 'documents',
				documentsTarget: 'file',
				fileId: String(fileId),
				binaryPropertyName: 'data',
			},
			[{ json: {} }],
			credentials,
		);
		const error = run.errorOf('Procore');
		if (error) return `error: ${String(error.message)}`;
		const item = run.outputOf('Procore')[0];
		if (!item.binary?.data) return `error: ${JSON.stringify(item.json).slice(0, 300)}`;
		const binary = item.binary.data;
		const got = await sha256Of(await binaryData.getAsStream(binary.id!));
		return `downloaded ${binary.fileSize} into n8n's binary store (filesystem), sha256 ${got === digest ? 'matches' : 'DIFFERS'}`;
	};
	const bufferedDownload = async (fileId: number) => {
		const api = { Authorization: `Bearer ${sb.token}`, 'Procore-Company-Id': String(sb.companyId) };
		const show = await request(`${sb.url}/rest/v1.0/files/${fileId}?project_id=${sb.project}`, 'GET', api);
		const url = (JSON.parse(show.text) as { file_versions: Array<{ url: string }> }).file_versions[0].url;
		const redirect = await request(url, 'GET', { Authorization: api.Authorization });
		const res = await request(String(redirect.headers.location ?? url), 'GET', {}, undefined, true);
		const stored = await binaryData.store(location, res.body!, meta());
		return `downloaded ${res.bytes} bytes into one buffer, then stored (${stored.fileSize})`;
	};

	/** Puts `bytes` generated bytes where the operation reads them: n8n's binary store or Procore. */
	const prepare = async (bytes: number) => {
		if (op === 'upload') return { stored: await binaryData.store(location, generated(bytes), meta()), fileId: 0, digest: '' };
		// Made by the sandbox process itself, so this process's memory is not touched before measuring.
		const { fileId, digest } = await sb.makeFile(bytes);
		return { stored: undefined as unknown as IBinaryData, fileId, digest };
	};
	const run = (p: Awaited<ReturnType<typeof prepare>>) =>
		op === 'upload'
			? mode === 'node' ? nodeUpload(p.stored) : bufferedUpload(p.stored)
			: mode === 'node' ? nodeDownload(p.fileId, p.digest) : bufferedDownload(p.fileId);
	const warmUp = async () => {
		const outcome = await run(await prepare(4 * MiB));
		if (outcome.startsWith('error')) throw new Error(`warm-up: ${outcome}`);
	};
	const prepared = await prepare(size);
	const work = () => run(prepared);

	// Warm-up: the same path once with a small file, so loading code is not counted as growth.
	await warmUp();
	collectGarbage();
	await new Promise((r) => setTimeout(r, 200));
	collectGarbage();
	const before = process.memoryUsage().rss;
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
	const started = Date.now();
	let outcome: string;
	try {
		outcome = await work();
	} catch (error) {
		outcome = `error: ${(error as Error).message}`;
	}
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);
	console.log(
		JSON.stringify({
			op,
			mode,
			mib: sizeMiB,
			seconds: (Date.now() - started) / 1000,
			rssBeforeMiB: Math.round(before / MiB),
			peakRssMiB: Math.round(peak / MiB),
			growthMiB: Math.round((peak - before) / MiB),
			outcome,
		}),
	);
	sb.stop();
	fs.rmSync(userFolder, { recursive: true, force: true });
	process.exit(0);
}

main().catch((error) => {
	console.error(error);
	fs.rmSync(userFolder, { recursive: true, force: true });
	process.exit(1);
});
