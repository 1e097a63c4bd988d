/**
 * Streams 1 GiB through the sandbox (segmented direct upload, then a download through the 302) and
 * reports the sandbox process's peak RSS. Not a test: run `scripts/node24.sh tsx bench/upload-1gb.ts [MiB]`.
 * The bytes are generated on the fly (a fixed 1 MiB block tagged per chunk), hashed once per
 * segment before the upload, and never held whole in either process.
 */
import { fork } from 'child_process';
import { createHash } from 'crypto';
import * as http from 'http';
import * as path from 'path';
import { Readable } from 'stream';

const MiB = 1024 * 1024;
const totalMiB = Number(process.argv[2] ?? 1024);
const segmentMiB = 100;
const block = Buffer.alloc(MiB);
for (let i = 0; i < MiB; i++) block[i] = (i * 2654435761) >>> 24;

function* chunks(segment: number, sizeMiB: number): Generator<Buffer> {
	for (let c = 0; c < sizeMiB; c++) {
		const b = Buffer.from(block);
		b.writeUInt32BE(segment, 0);
		b.writeUInt32BE(c, 4);
		yield b;
	}
}

function request(
	url: string,
	method: string,
	headers: Record<string, string | number>,
	body?: Readable | string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; bytes: number }> {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, headers }, (res) => {
			let text = '';
			let bytes = 0;
			res.on('data', (d: Buffer) => {
				bytes += d.length;
				if (text.length < 4096) text += d.toString();
			});
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, text, bytes }),
			);
		});
		req.on('error', reject);
		if (body instanceof Readable) body.pipe(req);
		else req.end(body);
	});
}

async function main(): Promise<void> {
	const child = fork(path.join(__dirname, 'sandbox-child.ts'), {
		execArgv: ['--import', 'tsx'],
		stdio: 'inherit',
	});
	const ask = <T>(cmd: string): Promise<T> =>
		new Promise((r) => {
			child.once('message', (m) => r(m as T));
			child.send({ cmd });
		});
	const info = await new Promise<{
		url: string;
		companyId: number;
		project: number;
		rss: number;
		vmHwm: number;
	}>((r) => child.once('message', (m) => r(m as never)));
	const { token } = await ask<{ token: string }>('token');
	const api = {
		Authorization: `Bearer ${token}`,
		'Procore-Company-Id': String(info.companyId),
		'Content-Type': 'application/json',
	};
	const sizes: number[] = [];
	for (let left = totalMiB; left > 0; left -= segmentMiB) sizes.push(Math.min(segmentMiB, left));
	const segments = sizes.map((s, i) => {
		const h = createHash('sha256');
		for (const c of chunks(i, s)) h.update(c);
		return { size: s * MiB, sha256: h.digest('hex') };
	});
	const before = await ask<{ rss: number; vmHwm: number }>('memory');
	const started = Date.now();
	const created = await request(
		`${info.url}/rest/v1.1/projects/${info.project}/uploads`,
		'POST',
		api,
		JSON.stringify({
			response_filename: 'big.bin',
			response_content_type: 'application/octet-stream',
			size: totalMiB * MiB,
			segments,
		}),
	);
	const upload = JSON.parse(created.text) as {
		uuid: string;
		segments: Array<{ url: string; headers: Record<string, string> }>;
	};
	const etags: string[] = [];
	for (const [i, seg] of upload.segments.entries()) {
		const res = await request(
			seg.url,
			'PUT',
			{ ...seg.headers, 'Content-Type': 'application/octet-stream' },
			Readable.from(chunks(i, sizes[i])),
		);
		if (res.status !== 200) throw new Error(`segment ${i}: ${res.status} ${res.text}`);
		etags.push(String(res.headers.etag));
	}
	const done = await request(
		`${info.url}/rest/v1.1/projects/${info.project}/uploads/${upload.uuid}`,
		'PATCH',
		api,
		JSON.stringify({ segments: etags.map((etag) => ({ etag })) }),
	);
	const file = await request(
		`${info.url}/rest/v1.0/files?project_id=${info.project}`,
		'POST',
		api,
		JSON.stringify({ file: { upload_uuid: upload.uuid, name: 'big.bin' } }),
	);
	const url = (JSON.parse(file.text) as { file_versions: Array<{ url: string }> }).file_versions[0]
		.url;
	const redirect = await request(url, 'GET', { Authorization: api.Authorization });
	const download = await request(String(redirect.headers.location), 'GET', {});
	const after = await ask<{ rss: number; sampledPeak: number; vmHwm: number }>('memory');
	child.send({ cmd: 'stop' });
	const mb = (n: number) => `${(n / MiB).toFixed(0)} MiB`;
	console.log(
		JSON.stringify(
			{
				uploadedMiB: totalMiB,
				segments: sizes.length,
				complete: JSON.parse(done.text).status,
				downloadedMiB: download.bytes / MiB,
				seconds: (Date.now() - started) / 1000,
				sandboxRssBefore: mb(before.rss),
				sandboxPeakRssDuring: mb(after.sampledPeak),
				sandboxVmHWM: mb(after.vmHwm),
				sandboxRssAfter: mb(after.rss),
			},
			null,
			1,
		),
	);
}

void main();
