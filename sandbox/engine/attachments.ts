/**
 * Photos attached by ID (`image_ids`, `attachments_by_image`) must exist. Files attached to a record by upload: `upload_ids: [uuid]` (RFIs' question, commitments,
 * observations, compliance documents), `attachments_by_uuid: [{ upload_uuid }]` (change events)
 * and `upload_uuid` / `upload: { uuid }` (photos). Each uuid must be a completed upload of the same
 * user, as in Procore; it becomes an entry of `attachments` on the object that named it (added to
 * the ones already there, or to those `attachment_ids` keeps).
 */
import { errorReply } from '../http/errors';
import { findUpload } from '../files/uploads-store';
import type { Runtime } from '../runtime';
import type { Ctx, Reply } from '../types';

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function uuidsIn(obj: Record<string, unknown>): Array<[string, string]> {
	const out: Array<[string, string]> = [];
	if (Array.isArray(obj.upload_ids)) for (const u of obj.upload_ids) out.push(['upload_ids', String(u)]);
	if (Array.isArray(obj.attachments_by_uuid))
		for (const a of obj.attachments_by_uuid) if (isObject(a) && a.upload_uuid) out.push(['attachments_by_uuid', String(a.upload_uuid)]);
	if (typeof obj.upload_uuid === 'string') out.push(['upload_uuid', obj.upload_uuid]);
	if (isObject(obj.upload) && typeof obj.upload.uuid === 'string') out.push(['upload', obj.upload.uuid]);
	return out;
}

/**
 * Resolves the uploads named in `attrs` (and one level below, e.g. `question.upload_ids`) in place;
 * `current` is the stored record on an update. A 422 when an upload is unknown or unfinished.
 */
export function resolveAttachments(
	ctx: Ctx,
	rt: Runtime,
	attrs: Record<string, unknown>,
	current?: Record<string, unknown>,
): Reply | null {
	const targets: Array<[Record<string, unknown>, Record<string, unknown> | undefined]> = [[attrs, current]];
	for (const [k, v] of Object.entries(attrs))
		if (isObject(v)) targets.push([v, isObject(current?.[k]) ? (current[k] as Record<string, unknown>) : undefined]);
	for (const [obj, was] of targets) {
		// Photos attached by ID (`image_ids`, `attachments_by_image`) must be photos in Procore.
		const imageIds = [
			...(Array.isArray(obj.image_ids) ? obj.image_ids : []),
			...(Array.isArray(obj.attachments_by_image) ? obj.attachments_by_image.map((a) => (isObject(a) ? a.id : a)) : []),
		].map(String);
		const unknownImage = imageIds.find((id) => !rt.store.keyOf(id)?.endsWith('/images'));
		if (unknownImage !== undefined)
			return errorReply(ctx.isV2, 422, `Image ${unknownImage} not found`, { image_ids: [`${unknownImage} is not a photo of this project`] });
		const named = uuidsIn(obj);
		if (!named.length) continue;
		const added: Array<Record<string, unknown>> = [];
		for (const [field, uuid] of [...new Map(named.map(([f, u]) => [u, [f, u] as [string, string]])).values()]) {
			const u = findUpload(rt, uuid);
			if (!u || u.user_id !== ctx.token.userId)
				return errorReply(ctx.isV2, 422, `Upload ${uuid} not found`, { [field]: [`${uuid} is not an upload of this user`] });
			if (u.status !== 'complete')
				return errorReply(ctx.isV2, 422, `Upload ${uuid} is not complete`, { [field]: [`${uuid} has not finished uploading`] });
			added.push({
				id: rt.store.newId(),
				name: u.response_filename,
				filename: u.response_filename,
				content_type: u.response_content_type,
				size: u.stored_size ?? u.size,
				upload_uuid: uuid,
			});
		}
		const before = Array.isArray(was?.attachments) ? (was.attachments as Array<Record<string, unknown>>) : [];
		const keep = Array.isArray(obj.attachment_ids) ? obj.attachment_ids.map(String) : null;
		obj.attachments = [...before.filter((a) => !keep || keep.includes(String(a.id))), ...added];
		delete obj.upload_ids;
		delete obj.attachments_by_uuid;
		delete obj.attachment_ids;
	}
	return null;
}
