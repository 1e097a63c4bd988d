/** Bytes for the file benchmarks: generated on the fly, moved over HTTP, uploaded to the sandbox. */
import { createHash } from 'crypto';
import * as http from 'http';
import { Readable } from 'stream';

const MiB = 1024 * 1024;

export interface SandboxTarget {
	url: string;
	companyId: number;
	project: number;
	token: string;
}

/** Deterministic bytes, generated 1 MiB at a time (never held whole). */
export function generated(total: number): Readable {
	const block = Buffer.alloc(MiB);
	for (let k = 0; k < MiB; k++) block[k] = (k * 2654435761) >>> 24;
	let sent = 0;
	return new Readable({
		read() {
			if (sent >= total) return void this.push(null);
			const n = Math.min(MiB, total - sent);
			sent += n;
			this.push(Buffer.from(block.subarray(0, n)));
		},
	});
}

export function request(
	url: string,
	method: string,
	headers: Record<string, string | number>,
	body?: Readable | Buffer | string,
	collect = false,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; body?: Buffer; bytes: number }> {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			let text = '';
			let bytes = 0;
			res.on('data', (d: Buffer) => {
				bytes += d.length;
				if (collect) chunks.push(d);
				else if (text.length < 65536) text += d.toString();
			});
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, text, bytes, body: collect ? Buffer.concat(chunks) : undefined }),
			);
		});
		req.on('error', reject);
		if (body instanceof Readable) body.pipe(req);
		else req.end(body);
	});
}

/** Procore's v1.1 upload flow with the bytes as one segment (the sandbox checks size and sha256). */
export async function uploadFile(sb: SandboxTarget, name: string, size: number, sha256: string, body: () => Readable | Buffer): Promise<{ fileId: number }> {
	const api = { Authorization: `Bearer ${sb.token}`, 'Procore-Company-Id': String(sb.companyId), 'Content-Type': 'application/json' };
	const created = await request(
		`${sb.url}/rest/v1.1/projects/${sb.project}/uploads`,
		'POST',
		api,
		JSON.stringify({ response_filename: name, response_content_type: 'application/octet-stream', size, segments: [{ size, sha256 }] }),
	);
	const upload = JSON.parse(created.text) as { uuid: string; segments: Array<{ url: string; headers: Record<string, string> }> };
	const seg = upload.segments[0];
	const put = await request(seg.url, 'PUT', { ...seg.headers, 'Content-Type': 'application/octet-stream' }, body());
	if (put.status !== 200) throw new Error(`PUT ${put.status} ${put.text}`);
	await request(`${sb.url}/rest/v1.1/projects/${sb.project}/uploads/${upload.uuid}`, 'PATCH', api, JSON.stringify({ segments: [{ etag: String(put.headers.etag) }] }));
	const file = await request(`${sb.url}/rest/v1.0/files?project_id=${sb.project}`, 'POST', api, JSON.stringify({ file: { upload_uuid: upload.uuid, name } }));
	return { fileId: (JSON.parse(file.text) as { id: number }).id };
}

export async function sha256Of(stream: Readable): Promise<string> {
	const h = createHash('sha256');
	for await (const c of stream) h.update(c as Buffer);
	return h.digest('hex');
}

