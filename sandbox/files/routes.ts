/**
 * Non-API paths: `/_downloads/<key>` on the API host (bearer required, answers 302 to storage) and
 * `/_storage/…` on the storage host, which behaves like S3 presigned URLs: a Procore Authorization
 * header is refused (S3 answers 400 when a request carries two auth mechanisms).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import * as path from 'path';
import { pipeline } from 'stream/promises';
import { Transform } from 'stream';
import type { Tokens } from '../oauth/tokens';
import type { Runtime } from '../runtime';
import type { Reply } from '../types';
import { boundaryOf, parseMultipart, type PartHeaders } from '../http/multipart';
import { findUpload } from './uploads-store';

const s3Error = (status: number, code: string, message: string): Reply => ({
	status,
	raw: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
	contentType: 'application/xml',
});

const TWO_AUTH = s3Error(
	400,
	'InvalidArgument',
	'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
);

export function filesRoute(rt: Runtime, tokens: Tokens) {
	return async (
		req: IncomingMessage,
		res: ServerResponse,
		url: URL,
	): Promise<Reply | null | 'handled'> => {
		const p = url.pathname;
		if (p.startsWith('/_downloads/') && (req.method === 'GET' || req.method === 'HEAD')) {
			const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
			const t = bearer ? tokens.lookup(bearer) : null;
			if (!t || t.expired)
				return {
					status: 401,
					body: { error: 'invalid_token', error_description: 'The access token is invalid' },
				};
			const key = decodeURIComponent(p.slice('/_downloads/'.length));
			if (!rt.blobs.get(key)) return { status: 404, body: { errors: 'File not found' } };
			return {
				status: 302,
				headers: {
					Location: `${rt.storageOrigin()}/_storage/objects/${encodeURIComponent(key)}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-Signature=sandbox`,
				},
			};
		}
		if (!p.startsWith('/_storage/')) return null;
		if (req.headers.authorization) return TWO_AUTH;
		if (p.startsWith('/_storage/objects/') && (req.method === 'GET' || req.method === 'HEAD')) {
			const blob = rt.blobs.get(decodeURIComponent(p.slice('/_storage/objects/'.length)));
			if (!blob) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
			res.writeHead(200, {
				'Content-Type': blob.contentType,
				'Content-Length': blob.size,
				'Content-Disposition': `attachment; filename="${blob.filename}"`,
			});
			if (req.method === 'GET') await rt.blobs.pipeTo(blob, res);
			res.end();
			return 'handled';
		}
		const m = /^\/_storage\/uploads\/([^/]+)(?:\/parts\/(\d+))?$/.exec(p);
		if (!m) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
		const upload = findUpload(rt, m[1]);
		if (!upload) return s3Error(404, 'NoSuchUpload', 'The specified upload does not exist.');
		if (req.method === 'PUT' && m[2] !== undefined) return putPart(rt, req, upload, Number(m[2]));
		if (req.method === 'POST' && m[2] === undefined) return postForm(rt, req, upload);
		return s3Error(
			405,
			'MethodNotAllowed',
			'The specified method is not allowed against this resource.',
		);
	};
}

/** Streams bytes to disk while hashing them; nothing larger than a chunk is held in memory. */
function hashingWriter(file: string) {
	const sha = createHash('sha256');
	const md5 = createHash('md5');
	let size = 0;
	const tap = new Transform({
		transform(chunk: Buffer, _enc, cb) {
			sha.update(chunk);
			md5.update(chunk);
			size += chunk.length;
			cb(null, chunk);
		},
	});
	return {
		tap,
		out: fs.createWriteStream(file),
		result: () => ({ sha256: sha.digest('hex'), md5: md5.digest('hex'), size }),
	};
}

async function putPart(
	rt: Runtime,
	req: IncomingMessage,
	upload: import('./uploads-store').UploadRecord,
	index: number,
): Promise<Reply> {
	const seg = upload.segments[index];
	if (!upload.segmented || !seg)
		return s3Error(404, 'NoSuchUpload', 'The specified part does not exist.');
	const declared = req.headers['content-length'];
	if (declared !== undefined && Number(declared) !== seg.size) {
		req.resume();
		return s3Error(
			400,
			'BadDigest',
			`Content-Length ${declared} does not match the presigned size ${seg.size}.`,
		);
	}
	const headerSha = req.headers['x-amz-content-sha256'];
	if (headerSha !== undefined && headerSha !== seg.sha256) {
		req.resume();
		return s3Error(
			400,
			'XAmzContentSHA256Mismatch',
			'The provided x-amz-content-sha256 header does not match what was signed.',
		);
	}
	const file = path.join(rt.tmpDir, `${upload.uuid}.part${index}`);
	const w = hashingWriter(file);
	await pipeline(req, w.tap, w.out);
	const got = w.result();
	if (got.size !== seg.size || got.sha256 !== seg.sha256) {
		fs.rmSync(file, { force: true });
		return s3Error(
			400,
			'XAmzContentSHA256Mismatch',
			`The part's sha256/size (${got.size} bytes) does not match the segment declared at upload creation.`,
		);
	}
	seg.path = file;
	seg.etag = `"${got.md5}"`;
	return { status: 200, headers: { ETag: seg.etag } };
}

async function postForm(
	rt: Runtime,
	req: IncomingMessage,
	upload: import('./uploads-store').UploadRecord,
): Promise<Reply> {
	const boundary = boundaryOf(req.headers['content-type']);
	if (upload.segmented || !boundary) {
		req.resume();
		return s3Error(
			400,
			'MalformedPOSTRequest',
			'The body of your POST request is not well-formed multipart/form-data.',
		);
	}
	const fields: Record<string, string> = {};
	const file = path.join(rt.tmpDir, `${upload.uuid}.file`);
	let current: PartHeaders | null = null;
	let text: Buffer[] = [];
	let writer: ReturnType<typeof hashingWriter> | null = null;
	let sawFile = false;
	let fileDone: Promise<void> | null = null;
	await parseMultipart(req as AsyncIterable<Buffer>, boundary, {
		onPart: (h) => {
			current = h;
			text = [];
			if (h.name === 'file') {
				sawFile = true;
				writer = hashingWriter(file);
				writer.tap.pipe(writer.out);
				const out = writer.out;
				fileDone = new Promise((resolve, reject) => {
					out.on('finish', () => resolve());
					out.on('error', reject);
				});
			}
		},
		onData: async (chunk) => {
			if ((current as PartHeaders | null)?.name === 'file' && writer) {
				if (!writer.tap.write(chunk)) await new Promise((r) => writer!.tap.once('drain', r));
			} else text.push(chunk);
		},
		onPartEnd: async () => {
			const h = current as PartHeaders | null;
			if (h?.name === 'file' && writer) {
				writer.tap.end();
				await fileDone;
			} else if (h) fields[h.name] = Buffer.concat(text).toString('utf8');
		},
	});
	// Every presigned field must come back unchanged, as S3 checks the policy.
	for (const [k, v] of Object.entries(upload.fields ?? {})) {
		if (fields[k] !== v) {
			fs.rmSync(file, { force: true });
			return s3Error(
				403,
				'AccessDenied',
				`Invalid according to Policy: Policy Condition failed: ["eq", "$${k}", "${v}"]`,
			);
		}
	}
	if (!sawFile || !writer)
		return s3Error(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
	const got = (writer as ReturnType<typeof hashingWriter>).result();
	upload.path = file;
	upload.stored_size = got.size;
	upload.status = 'complete';
	const blob = rt.blobs.put({
		filename: upload.response_filename,
		contentType: upload.response_content_type,
		size: got.size,
		paths: [file],
	});
	upload.blob_key = blob.key;
	const etag = `"${got.md5}"`;
	if (fields.success_action_status === '201') {
		return {
			status: 201,
			headers: { ETag: etag },
			contentType: 'application/xml',
			raw: `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Bucket>sandbox</Bucket><Key>${fields.key}</Key><ETag>${etag}</ETag></PostResponse>`,
		};
	}
	return { status: 204, headers: { ETag: etag } };
}
