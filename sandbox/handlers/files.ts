/**
 * Documents tool files (project via `?project_id=`, and company paths): create from an upload
 * (`file[upload_uuid]`) or the legacy binary `file[data]`, and a PATCH carrying either adds a new
 * version. Each version's `url` is on the API host and needs the bearer token (302 to storage).
 */
import {
	createRecord,
	emitChange,
	findRecord,
	keyOf,
	readAttributes,
	respond,
} from '../engine/generic';
import { errorReply, notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { Ctx, Reply } from '../types';
import { findUpload } from '../files/uploads-store';
import { rootFolder } from './folders';
import { defineHandler } from './registry';

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

interface Content {
	blobKey: string;
	size: number;
	filename: string;
	contentType: string;
}

/** The bytes a create/update names: a completed upload of this user, or an inline file part. */
function contentOf(ctx: Ctx, rt: Runtime, attrs: Record<string, unknown>): Content | Reply | null {
	if (attrs.upload_uuid) {
		const u = findUpload(rt, String(attrs.upload_uuid));
		if (!u || u.user_id !== ctx.token.userId)
			return errorReply(false, 422, 'Upload not found', { upload_uuid: ['is invalid'] });
		if (u.status !== 'complete' || !u.blob_key)
			return errorReply(false, 422, 'Upload is not complete', {
				upload_uuid: ['has not finished uploading'],
			});
		return {
			blobKey: u.blob_key,
			size: u.stored_size ?? 0,
			filename: u.response_filename,
			contentType: u.response_content_type,
		};
	}
	const data = attrs.data;
	if (isObject(data) && Buffer.isBuffer(data.data)) {
		const filename = String(data.filename ?? attrs.name ?? 'file');
		const blob = rt.blobs.put({
			filename,
			contentType: String(data.contentType ?? 'application/octet-stream'),
			size: data.data.length,
			data: data.data,
		});
		return { blobKey: blob.key, size: blob.size, filename, contentType: blob.contentType };
	}
	return null;
}

function version(
	ctx: Ctx,
	rt: Runtime,
	fileId: unknown,
	number: number,
	c: Content,
): Record<string, unknown> {
	return {
		id: rt.store.newId(),
		number,
		file_id: fileId,
		size: c.size,
		notes: null,
		created_at: rt.clock.iso(),
		created_by: { id: ctx.token.userId },
		url: `${rt.apiOrigin()}/_downloads/${c.blobKey}`,
		prostore_file: {
			id: rt.store.newId(),
			name: c.filename,
			filename: c.filename,
			size: c.size,
			url: null,
		},
	};
}

export const createFile = defineHandler(
	['POST /rest/v1.0/files', 'POST /rest/v1.0/companies/{company_id}/files'],
	(ctx, rt): Reply => {
		const read = readAttributes(ctx, 'files', false);
		if ('error' in read) return read.error;
		const { upload_uuid: _u, data: _d, ...attrs } = read.attrs;
		const content = contentOf(ctx, rt, read.attrs);
		if (content && 'status' in content) return content;
		if (!content)
			return errorReply(false, 422, 'Validation failed', { upload_uuid: ["can't be blank"] });
		void _u;
		void _d;
		const rk = keyOf(ctx);
		// Without parent_id Procore files land in the root folder.
		if (attrs.parent_id === undefined || attrs.parent_id === null)
			attrs.parent_id = rootFolder(rt, rk.key.replace(/files$/, 'folders')).id;
		const rec = createRecord(ctx, rt, rk.key, {
			name: content.filename,
			...attrs,
			size: content.size,
			file_type: content.contentType,
			private: false,
			is_deleted: false,
			checked_out_until: null,
			file_versions: [],
		});
		(rec.file_versions as unknown[]).push(version(ctx, rt, rec.id, 1, content));
		return respond(ctx, rt, rec, 201);
	},
);

export const updateFile = defineHandler(
	['PATCH /rest/v1.0/files/{id}', 'PATCH /rest/v1.0/companies/{company_id}/files/{id}'],
	(ctx, rt): Reply => {
		const rk = keyOf(ctx);
		const found = findRecord(rt, rk, ctx.params.id, ctx.projectId);
		if (!found) return notFound(false, 'File');
		const read = readAttributes(ctx, 'files', true);
		if ('error' in read) return read.error;
		const content = contentOf(ctx, rt, read.attrs);
		if (content && 'status' in content) return content;
		const { upload_uuid: _u, data: _d, ...attrs } = read.attrs;
		void _u;
		void _d;
		Object.assign(found.rec, attrs, { updated_at: rt.clock.iso() });
		if (content) {
			const versions = (found.rec.file_versions as Array<{ number: number }>) ?? [];
			// Newest first, as Procore lists them.
			versions.unshift(
				version(ctx, rt, found.rec.id, (versions[0]?.number ?? 0) + 1, content) as {
					number: number;
				},
			);
			found.rec.file_versions = versions;
			found.rec.size = content.size;
		}
		emitChange(ctx, rt, 'update', found.key, found.rec);
		return respond(ctx, rt, found.rec, 200);
	},
);

export const fileHandlers = [createFile, updateFile];
