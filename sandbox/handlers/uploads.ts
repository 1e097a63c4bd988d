/**
 * v1.1 direct uploads (project and company). Non-segmented: a presigned multipart POST (url +
 * fields). Segmented: one presigned PUT per segment, checked against the declared sha256 and size,
 * then PATCH with the ETags in order completes the upload. The URLs point at the storage host.
 */
import { randomUUID } from 'crypto';
import { errorReply, notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { Ctx, Reply } from '../types';
import { findUpload, type Segment, UPLOADS, type UploadRecord } from '../files/uploads-store';
import { defineHandler } from './registry';

const MB5 = 5 * 1024 * 1024;
const GB5 = 5 * 1024 * 1024 * 1024;
const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const routes = (method: string, tail = '') => [
	`${method} /rest/v1.1/projects/{project_id}/uploads${tail}`,
	`${method} /rest/v1.1/companies/{company_id}/uploads${tail}`,
];

function view(rt: Runtime, u: UploadRecord): Record<string, unknown> {
	const base = `${rt.storageOrigin()}/_storage/uploads/${u.uuid}`;
	if (!u.segmented)
		return {
			uuid: u.uuid,
			url: base,
			fields: u.fields,
			status: u.status,
			response_filename: u.response_filename,
			response_content_type: u.response_content_type,
		};
	return {
		uuid: u.uuid,
		status: u.status,
		response_filename: u.response_filename,
		response_content_type: u.response_content_type,
		segments: u.segments.map((s, i) => ({
			md5: s.md5 ?? null,
			sha256: s.sha256,
			size: s.size,
			etag: s.etag ?? null,
			url: `${base}/parts/${i}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-Signature=sandbox`,
			headers: {
				'x-amz-content-sha256': s.sha256,
				'content-length': String(s.size),
				...(s.md5 ? { 'content-md5': Buffer.from(s.md5, 'hex').toString('base64') } : {}),
			},
		})),
	};
}

export const createUpload = defineHandler(routes('POST'), (ctx, rt) => {
	const body = isObject(ctx.body) ? ctx.body : {};
	const errors: Record<string, string[]> = {};
	if (!body.response_filename) errors.response_filename = ["can't be blank"];
	const raw =
		body.segments === undefined
			? null
			: Array.isArray(body.segments)
				? body.segments
				: isObject(body.segments)
					? Object.values(body.segments)
					: null;
	const segments: Segment[] = [];
	for (const [i, s] of (raw ?? []).entries()) {
		const seg = isObject(s) ? s : {};
		const size = Number(seg.size);
		if (!Number.isInteger(size) || size <= 0)
			(errors.segments ??= []).push(`segment ${i}: size is invalid`);
		else if (size > GB5) (errors.segments ??= []).push(`segment ${i}: size must be at most 5 GB`);
		else if (size < MB5 && i < (raw ?? []).length - 1)
			(errors.segments ??= []).push(
				`segment ${i}: every segment but the last must be at least 5 MB`,
			);
		if (!/^[0-9a-f]{64}$/i.test(String(seg.sha256 ?? '')))
			(errors.segments ??= []).push(`segment ${i}: sha256 is invalid`);
		segments.push({
			size,
			sha256: String(seg.sha256 ?? '').toLowerCase(),
			md5: seg.md5 ? String(seg.md5) : undefined,
		});
	}
	if (Object.keys(errors).length) return errorReply(false, 422, 'Validation failed', errors);
	const uuid = `01${randomUUID().replace(/-/g, '').toUpperCase().slice(0, 24)}`;
	const key = `uploads/${uuid}`;
	const filename = String(body.response_filename);
	const contentType = String(body.response_content_type ?? 'application/octet-stream');
	const u: UploadRecord = {
		id: uuid,
		uuid,
		user_id: ctx.token.userId,
		company_id: ctx.companyId ?? rt.companyId,
		project_id: ctx.projectId,
		response_filename: filename,
		response_content_type: contentType,
		size: body.size === undefined ? null : Number(body.size),
		segmented: segments.length > 0,
		segments,
		status: 'ready',
		created_at: rt.clock.iso(),
		fields: segments.length
			? undefined
			: {
					key,
					'Content-Type': contentType,
					'Content-Disposition': `${body.attachment_content_disposition === false ? 'inline' : 'attachment'}; filename="${filename}"`,
					policy: Buffer.from(
						JSON.stringify({
							expiration: new Date(rt.clock.now() + 3600000).toISOString(),
							conditions: [{ key }],
						}),
					).toString('base64'),
					'x-amz-credential': 'SANDBOXACCESSKEY/20260901/us-east-1/s3/aws4_request',
					'x-amz-algorithm': 'AWS4-HMAC-SHA256',
					'x-amz-date': rt.clock.iso().replace(/[-:]/g, '').replace(/\.\d+/, ''),
					'x-amz-signature': 'sandbox',
					success_action_status: '201',
				},
	};
	rt.store.insert(UPLOADS, u as unknown as Record<string, unknown>);
	return { status: 201, body: view(rt, u) };
});

/** Only the user who created an upload can see or use it. */
function ownUpload(ctx: Ctx, rt: Runtime): UploadRecord | Reply {
	const u = findUpload(rt, ctx.params.uuid);
	if (!u || u.user_id !== ctx.token.userId) return notFound(false, 'Upload');
	return u;
}

export const showUpload = defineHandler(routes('GET', '/{uuid}'), (ctx, rt) => {
	const u = ownUpload(ctx, rt);
	return 'status' in u && typeof u.status === 'number'
		? (u as Reply)
		: { status: 200, body: view(rt, u as UploadRecord) };
});

export const completeUpload = defineHandler(routes('PATCH', '/{uuid}'), (ctx, rt) => {
	const found = ownUpload(ctx, rt);
	if (typeof found.status === 'number') return found as Reply;
	const u = found as UploadRecord;
	if (!u.segmented) return { status: 200, body: view(rt, u) };
	const body = isObject(ctx.body) ? ctx.body : {};
	const given = Array.isArray(body.segments) ? body.segments : [];
	const errors: string[] = [];
	if (given.length !== u.segments.length)
		errors.push(`expected ${u.segments.length} segments, got ${given.length}`);
	u.segments.forEach((s, i) => {
		const etag = isObject(given[i]) ? String(given[i].etag ?? '') : '';
		if (!s.etag) errors.push(`segment ${i} was never uploaded`);
		else if (etag.replace(/"/g, '') !== s.etag.replace(/"/g, ''))
			errors.push(`segment ${i}: etag does not match`);
	});
	if (errors.length) return errorReply(false, 422, 'Upload is incomplete', { segments: errors });
	u.status = 'complete';
	u.stored_size = u.segments.reduce((n, s) => n + s.size, 0);
	u.blob_key = rt.blobs.put({
		filename: u.response_filename,
		contentType: u.response_content_type,
		size: u.stored_size,
		paths: u.segments.map((s) => s.path!),
	}).key;
	return { status: 200, body: view(rt, u) };
});

export const uploadHandlers = [createUpload, showUpload, completeUpload];
