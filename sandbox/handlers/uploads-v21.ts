/**
 * Unified File Upload API v2.1 (May 2026, newer than the vendored catalog, so the operations are
 * declared here): always multipart; parts > 5 MiB (exactly 5 MiB is refused) and ≤ 100 MiB except
 * the last, at most 10,000; PATCH `part_etags` (nulls allowed for partial progress) completes it.
 */
import { randomUUID } from 'crypto';
import { errorReply, notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { Ctx, Reply } from '../types';
import { findUpload, type Segment, UPLOADS, type UploadRecord } from '../files/uploads-store';
import { defineHandler } from './registry';

const MiB = 1024 * 1024;
const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const P = '/rest/v2.1/companies/{company_id}/projects/{project_id}/uploads';
const C = '/rest/v2.1/companies/{company_id}/uploads';
const op = (method: string, path: string, id: string) => ({
	operationId: id,
	method,
	path,
	version: 'v2.1',
});
const pathParam = (name: string, type = 'string') => ({
	name,
	in: 'path',
	required: true,
	schema: { type },
});

function view(rt: Runtime, u: UploadRecord): Record<string, unknown> {
	const expires = new Date(Date.parse(u.created_at) + 3600000).toISOString();
	return {
		upload_id: u.uuid,
		file_name: u.response_filename,
		file_size: u.size,
		content_type: u.response_content_type,
		upload_expires_at: new Date(Date.parse(u.created_at) + 7 * 86400000).toISOString(),
		// GET reports `available` once complete (processing is instant here).
		status:
			u.status === 'complete'
				? 'available'
				: u.segments.some((s) => s.etag)
					? 'receiving'
					: 'ready',
		segments: u.segments.map((s, i) => ({
			url: `${rt.storageOrigin()}/_storage/uploads/${u.uuid}/parts/${i}?X-Amz-Signature=sandbox`,
			url_expires_at: expires,
			headers: { 'Content-Length': String(s.size) },
		})),
	};
}

const create = defineHandler(
	[`POST ${P}`, `POST ${C}`],
	(ctx, rt): Reply => {
		const body = isObject(ctx.body) ? ctx.body : {};
		const segs = Array.isArray(body.segments) ? body.segments : [];
		const problems: Record<string, string[]> = {};
		for (const f of ['file_name', 'file_size', 'sha256'])
			if (body[f] === undefined || body[f] === '') problems[f] = ["can't be blank"];
		if (!segs.length) problems.segments = ["can't be blank"];
		if (segs.length > 10000) problems.segments = ['is too long (maximum is 10000 parts)'];
		const segments: Segment[] = segs.map((s, i) => {
			const seg = isObject(s) ? s : {};
			const size = Number(seg.size);
			const last = i === segs.length - 1;
			if (!Number.isInteger(size) || size <= 0 || size > 100 * MiB || (!last && size <= 5 * MiB))
				(problems.segments ??= []).push(
					`segment ${i}: parts must be larger than 5 MiB and at most 100 MiB (the last may be smaller)`,
				);
			return {
				size,
				sha256: String(seg.sha256 ?? '').toLowerCase(),
				md5: seg.md5 ? String(seg.md5) : undefined,
			};
		});
		if (segments.reduce((n, s) => n + s.size, 0) !== Number(body.file_size))
			(problems.file_size ??= []).push('does not equal the sum of the segment sizes');
		if (Object.keys(problems).length)
			return errorReply(true, 422, 'Invalid upload request', problems);
		const uuid = randomUUID();
		const u: UploadRecord = {
			id: uuid,
			uuid,
			user_id: ctx.token.userId,
			company_id: Number(ctx.params.company_id),
			project_id: ctx.projectId,
			response_filename: String(body.file_name),
			response_content_type: String(body.content_type ?? 'application/octet-stream'),
			size: Number(body.file_size),
			segmented: true,
			segments,
			status: 'ready',
			created_at: rt.clock.iso(),
		};
		rt.store.insert(UPLOADS, u as unknown as Record<string, unknown>);
		return { status: 201, body: { data: view(rt, u) } };
	},
	[
		op('POST', P, 'RestV21CompaniesCompanyIdProjectsProjectIdUploadsPost'),
		op('POST', C, 'RestV21CompaniesCompanyIdUploadsPost'),
	].map((o) => ({
		...o,
		parameters: [
			pathParam('company_id'),
			...(o.path === P ? [pathParam('project_id', 'integer')] : []),
		],
	})),
);

function own(ctx: Ctx, rt: Runtime): UploadRecord | null {
	const u = findUpload(rt, ctx.params.upload_id);
	return u && u.user_id === ctx.token.userId ? u : null;
}

const show = defineHandler(
	[`GET ${P}/{upload_id}`, `GET ${C}/{upload_id}`],
	(ctx, rt) => {
		const u = own(ctx, rt);
		return u ? { status: 200, body: { data: view(rt, u) } } : notFound(true, 'Upload');
	},
	[
		op('GET', `${P}/{upload_id}`, 'RestV21CompaniesCompanyIdProjectsProjectIdUploadsUploadIdGet'),
		op('GET', `${C}/{upload_id}`, 'RestV21CompaniesCompanyIdUploadsUploadIdGet'),
	],
);

const complete = defineHandler(
	[`PATCH ${P}/{upload_id}`, `PATCH ${C}/{upload_id}`],
	(ctx, rt) => {
		const u = own(ctx, rt);
		if (!u) return notFound(true, 'Upload');
		const body = isObject(ctx.body) ? ctx.body : {};
		const etags = Array.isArray(body.part_etags) ? body.part_etags : [];
		if (etags.length !== u.segments.length)
			return errorReply(true, 422, `part_etags must list ${u.segments.length} entries`, {
				part_etags: ['has the wrong length'],
			});
		const wrong = etags.findIndex(
			(e, i) =>
				e !== null && String(e).replace(/"/g, '') !== (u.segments[i].etag ?? '').replace(/"/g, ''),
		);
		if (wrong >= 0)
			return errorReply(true, 422, `part ${wrong}: etag does not match an uploaded part`, {
				part_etags: ['is invalid'],
			});
		if (etags.every((e) => e !== null)) {
			u.status = 'complete';
			u.stored_size = u.size ?? 0;
			u.blob_key = rt.blobs.put({
				filename: u.response_filename,
				contentType: u.response_content_type,
				size: u.stored_size,
				paths: u.segments.map((s) => s.path!),
			}).key;
		}
		const v = view(rt, u);
		return {
			status: 200,
			body: { data: { ...v, status: u.status === 'complete' ? 'complete' : v.status } },
		};
	},
	[
		op(
			'PATCH',
			`${P}/{upload_id}`,
			'RestV21CompaniesCompanyIdProjectsProjectIdUploadsUploadIdPatch',
		),
		op('PATCH', `${C}/{upload_id}`, 'RestV21CompaniesCompanyIdUploadsUploadIdPatch'),
	],
);

export const uploadV21Handlers = [create, show, complete];
