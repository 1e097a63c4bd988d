/**
 * Peak memory of a large upload through Document > Upload (not a test; run by hand):
 *
 *   scripts/node24.sh npx tsx bench/upload-memory.ts [--mib=1024] [--part-mib=16] [--target=sandbox|local]
 *
 * The file is generated on the fly as n8n's filesystem-mode binary stream (never held in memory),
 * uploaded through the real operation (hash pass + streamed parts + completion + Create File), and
 * RSS is sampled every 20 ms. `--target=sandbox` (default) uses the Procore sandbox
 * (sandbox/index.ts: parts checked against their sha256 and stored on disk); `local` uses the small in-process stand-in below (API and storage on different origins,
 * storage refusing an Authorization header, parts checked against their sha256). Both servers run
 * in this process and stream what they receive, so their own memory is included in the figure.
 */
import { createHash } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { Readable } from 'stream';

import { startSandbox } from '../sandbox';
import { createExecuteContext } from '../test/helpers/executeContext';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const MIB = 1024 * 1024;
const size = Number(args.mib ?? 1024) * MIB;
const partMib = Number(args['part-mib'] ?? 16);
const target = String(args.target ?? 'sandbox');

/** Deterministic bytes, generated chunk by chunk. */
function generated(total: number, chunk: number): Readable {
	let sent = 0;
	const block = Buffer.alloc(chunk);
	for (let k = 0; k < chunk; k++) block[k] = 97 + (k % 26);
	return new Readable({
		read() {
			if (sent >= total) return void this.push(null);
			const n = Math.min(chunk, total - sent);
			sent += n;
			this.push(n === chunk ? block : block.subarray(0, n));
		},
	});
}

async function drainHash(req: http.IncomingMessage): Promise<{ sha256: string; bytes: number }> {
	const hash = createHash('sha256');
	let bytes = 0;
	for await (const chunk of req) {
		hash.update(chunk as Buffer);
		bytes += (chunk as Buffer).length;
	}
	return { sha256: hash.digest('hex'), bytes };
}

async function readJson(req: http.IncomingMessage): Promise<any> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	return text.startsWith('{') ? JSON.parse(text) : {};
}

/** A minimal stand-in for Procore's upload flow, for when the sandbox is not available. */
async function startLocal(): Promise<{ url: string; close(): Promise<void> }> {
	const uploads = new Map<string, { segments: Array<{ size: number; sha256: string; etag?: string }> }>();
	let storageOrigin = '';
	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url!, 'http://x');
		const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
			res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
			res.end(body === undefined ? '' : JSON.stringify(body));
		};
		const part = /^\/_storage\/(\w+)\/(\d+)$/.exec(url.pathname);
		if (part && req.method === 'PUT') {
			if (req.headers.authorization) return send(400, { error: 'two auth mechanisms' });
			const seg = uploads.get(part[1])?.segments[Number(part[2])];
			const got = await drainHash(req);
			if (!seg || got.sha256 !== seg.sha256 || got.bytes !== seg.size) return send(400, { error: 'XAmzContentSHA256Mismatch' });
			seg.etag = `"${got.sha256.slice(0, 32)}"`;
			return send(200, undefined, { ETag: seg.etag });
		}
		if (req.method === 'GET' && url.pathname === '/rest/v1.0/folders') return send(200, { id: 1, name: 'Documents', folders: [], files: [] });
		if (req.method === 'POST' && /^\/rest\/v1\.1\/projects\/\d+\/uploads$/.test(url.pathname)) {
			const body = await readJson(req);
			const uuid = `U${uploads.size + 1}`;
			uploads.set(uuid, { segments: body.segments });
			return send(201, {
				uuid,
				status: 'ready',
				segments: body.segments.map((s: { size: number; sha256: string }, k: number) => ({
					...s,
					url: `${storageOrigin}/_storage/${uuid}/${k}`,
					headers: { 'x-amz-content-sha256': s.sha256, 'content-length': String(s.size) },
				})),
			});
		}
		const complete = /^\/rest\/v1\.1\/projects\/\d+\/uploads\/(\w+)$/.exec(url.pathname);
		if (req.method === 'PATCH' && complete) {
			const body = await readJson(req);
			const upload = uploads.get(complete[1]);
			const ok = upload && body.segments.every((s: { etag: string }, k: number) => s.etag === upload.segments[k].etag);
			return ok ? send(200, { uuid: complete[1], status: 'complete' }) : send(422, { errors: 'etags do not match' });
		}
		if (req.method === 'POST' && url.pathname === '/rest/v1.0/files') {
			await drainHash(req);
			return send(201, { id: 1, name: 'generated.bin' });
		}
		send(404, { errors: `no route ${req.method} ${url.pathname}` });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	storageOrigin = `http://localhost:${port}`;
	return { url: `http://127.0.0.1:${port}`, close: async () => void server.close() };
}

interface Target {
	url: string;
	close(): Promise<void>;
	companyId: string;
	projectId: string;
	token?: string;
	/** Bytes the server stored for the uploaded file, when it can tell. */
	storedBytes?: () => number | undefined;
}

async function startTarget(): Promise<Target> {
	if (target === 'sandbox') {
		const sb = await startSandbox({ port: 0 });
		return {
			url: sb.url,
			close: async () => await sb.stop(),
			companyId: String(sb.companyId),
			projectId: String(sb.seed.projects.tower),
			token: sb.issueToken(),
			storedBytes: () => {
				const key = sb.store.keyOf(sb.seed.files.contractPdf);
				const file = key ? sb.store.list(key).find((f) => f.name === 'generated.bin') : undefined;
				return file ? Number(file.size) : undefined;
			},
		};
	}
	const local = await startLocal();
	return { ...local, companyId: '4264807', projectId: '101' };
}

async function main(): Promise<void> {
	const server = await startTarget();
	const ctx = createExecuteContext({
		parameters: {
			resource: 'document',
			operation: 'upload',
			company: { __rl: true, mode: 'id', value: server.companyId },
			documentScope: 'project',
			project: { __rl: true, mode: 'id', value: server.projectId },
			folder: { __rl: true, mode: 'list', value: '' },
			binaryPropertyName: 'data',
			ifExists: 'keepBoth',
			options: { partSizeMiB: partMib },
		},
		items: [{ json: {}, binary: { data: { data: 'filesystem-v2', id: 'bench:1', fileName: 'generated.bin', mimeType: 'application/octet-stream', fileSize: String(size) } } }],
		credentials: { apiBaseUrl: server.url, companyId: server.companyId, ...(server.token ? { oauthTokenData: { access_token: server.token } } : {}) },
	});
	ctx.helpers.getBinaryStream = async (_id: string, chunk?: number) => generated(size, chunk ?? 64 * 1024);
	ctx.helpers.getBinaryMetadata = async () => ({ fileSize: size, fileName: 'generated.bin', mimeType: 'application/octet-stream' });

	global.gc?.();
	const baseline = process.memoryUsage().rss;
	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
	const started = Date.now();
	const { Procore } = await import('../nodes/Procore/Procore.node');
	const [out] = await new Procore().execute.call(ctx);
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);
	const seconds = (Date.now() - started) / 1000;
	console.log(JSON.stringify({
		target,
		fileMiB: size / MIB,
		partMiB: partMib,
		parts: (out[0].json.upload as { parts: number }).parts,
		seconds: Number(seconds.toFixed(1)),
		baselineRssMiB: Math.round(baseline / MIB),
		peakRssMiB: Math.round(peak / MIB),
		peakGrowthMiB: Math.round((peak - baseline) / MIB),
		storedBytes: server.storedBytes?.() ?? null,
		summary: out[0].json.summary,
	}, null, 2));
	if (server.storedBytes && server.storedBytes() !== size) throw new Error(`the server stored ${server.storedBytes()} bytes, not ${size}`);
	await server.close();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
