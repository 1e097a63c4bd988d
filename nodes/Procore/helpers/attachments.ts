import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, toProcoreId } from './context';
import { binaryPropertyNames, binarySource } from './files/binary';
import type { UploadOptions, UploadResult } from './files/upload';
import { uploadToProcore } from './files/upload';

/**
 * THE table of how each Procore record takes files (Procore's field differs per endpoint). Every
 * resource that offers "attachments" reads it, so a field name is fixed in one place.
 *
 * `fields(uuids)` is what goes inside the record's wrapper (`change_event`, `rfi`, …) to attach
 * completed uploads; `path` is the record's own URL (GET for the current values, PATCH to attach).
 */
export interface AttachmentTarget {
	/** Procore's name for the record. */
	label: string;
	/** Key of the record in request bodies. */
	wrapperKey: string;
	/** GET/PATCH path of one record: `{project_id}`, `{parent_id}` and `{id}` are filled in. */
	path: string;
	/** Query every call needs (v1.0 paths that take the project in the query). */
	projectInQuery?: boolean;
	/** Top-level body keys Procore wants beside the wrapper. */
	projectInBody?: boolean;
	/** The record this one lives under, when its path needs it (e.g. a compliance document's contract). */
	parent?: { label: string };
	/** Fields that attach these uploads, inside the wrapper. `current` is the record as it is now. */
	fields(uuids: string[], current?: IDataObject): IDataObject;
	/** Procore creates one new record per file instead (Photos): POST here, one upload per call. */
	createPath?: string;
	/** Where Procore's field is not documented beyond doubt (see README / final notes). */
	unconfirmed?: string;
	/**
	 * Fields that attach photos already in Procore's Photos tool (image IDs), inside the wrapper;
	 * absent where the record takes no photos by ID (Photo › Attach to Record offers only these).
	 */
	images?(imageIds: Array<number | string>, current?: IDataObject): IDataObject;
}

const uploadIds = (uuids: string[]): IDataObject => ({ upload_ids: uuids });
const imageIds = (ids: Array<number | string>): IDataObject => ({ image_ids: ids });
const withName = (fields: IDataObject, current?: IDataObject): IDataObject =>
	current?.name !== undefined ? { ...fields, name: current.name } : fields;

/** The ids of a record's current attachments, as Procore's integers (big ones kept as strings). */
function existingAttachmentIds(current: IDataObject | undefined): Array<number | string> | undefined {
	const list = current?.attachments;
	if (!Array.isArray(list)) return undefined;
	return (list as IDataObject[])
		.map((a) => String(a.id))
		.filter((id) => id && id !== 'undefined')
		.map((id) => toProcoreId(id));
}

export const ATTACHMENT_TARGETS = {
	changeEvent: {
		label: 'Change Event',
		wrapperKey: 'change_event',
		path: '/rest/v1.0/change_events/{id}',
		projectInQuery: true,
		projectInBody: true,
		fields: (uuids: string[]) => ({ attachments_by_uuid: uuids.map((upload_uuid) => ({ upload_uuid })) }),
		images: (ids) => ({ attachments_by_image: ids.map((id) => ({ id })) }),
	},
	rfi: {
		label: 'RFI',
		wrapperKey: 'rfi',
		path: '/rest/v1.0/projects/{project_id}/rfis/{id}',
		// Procore's schema requires the question's body whenever `question` is sent: keep it as it is.
		fields: (uuids: string[], current?: IDataObject) => {
			const question: IDataObject = { upload_ids: uuids };
			const body = (current?.question as IDataObject | undefined)?.body ??
				((current?.questions as IDataObject[] | undefined)?.[0]?.body as string | undefined);
			if (body !== undefined) question.body = body;
			return { question };
		},
		images: (ids, current?: IDataObject) => {
			const question: IDataObject = { image_ids: ids };
			const body = (current?.question as IDataObject | undefined)?.body ??
				((current?.questions as IDataObject[] | undefined)?.[0]?.body as string | undefined);
			if (body !== undefined) question.body = body;
			return { question };
		},
		unconfirmed: 'whether upload_ids on an RFI update adds to or replaces the question\'s attachments',
	},
	workOrderContract: {
		label: 'Commitment (Subcontract)',
		wrapperKey: 'work_order_contract',
		path: '/rest/v1.0/work_order_contracts/{id}',
		projectInQuery: true,
		projectInBody: true,
		fields: uploadIds,
		images: imageIds,
	},
	purchaseOrderContract: {
		label: 'Commitment (Purchase Order)',
		wrapperKey: 'purchase_order_contract',
		path: '/rest/v1.0/purchase_order_contracts/{id}',
		projectInQuery: true,
		projectInBody: true,
		fields: uploadIds,
		images: imageIds,
	},
	punchItem: {
		label: 'Punch Item',
		wrapperKey: 'punch_item',
		path: '/rest/v1.1/punch_items/{id}',
		projectInQuery: true,
		projectInBody: true,
		// Procore's PATCH schema requires the name even when it does not change.
		fields: (uuids: string[], current?: IDataObject) => withName({ upload_ids: uuids }, current),
		images: (ids, current?: IDataObject) => withName({ image_ids: ids }, current),
	},
	observation: {
		label: 'Observation',
		wrapperKey: 'observation',
		path: '/rest/v1.0/observations/items/{id}',
		projectInQuery: true,
		projectInBody: true,
		// Procore's PATCH schema requires name and type_id even when they do not change.
		fields: (uuids: string[], current?: IDataObject) => {
			const fields: IDataObject = { upload_ids: uuids };
			if (current?.name !== undefined) fields.name = current.name;
			const typeId = (current?.type as IDataObject | undefined)?.id ?? current?.type_id;
			if (typeId !== undefined && typeId !== null) fields.type_id = typeId;
			return fields;
		},
		unconfirmed: 'the place of upload_ids on an observation (Procore recommends upload_ids; observation[upload_ids] is used)',
	},
	workOrderComplianceDocument: {
		label: 'Compliance Document (Subcontract)',
		wrapperKey: 'attributes',
		path: '/rest/v1.0/projects/{project_id}/work_order_contracts/{parent_id}/compliance_documents/{id}',
		parent: { label: 'Subcontract' },
		// The current attachments are listed too, so the document keeps them whether Procore adds or replaces.
		fields: (uuids: string[], current?: IDataObject) => {
			const kept = existingAttachmentIds(current);
			return kept?.length ? { upload_ids: uuids, attachment_ids: kept } : { upload_ids: uuids };
		},
	},
	purchaseOrderComplianceDocument: {
		label: 'Compliance Document (Purchase Order)',
		wrapperKey: 'attributes',
		path: '/rest/v1.0/projects/{project_id}/purchase_order_contracts/{parent_id}/compliance_documents/{id}',
		parent: { label: 'Purchase Order' },
		fields: (uuids: string[], current?: IDataObject) => {
			const kept = existingAttachmentIds(current);
			return kept?.length ? { upload_ids: uuids, attachment_ids: kept } : { upload_ids: uuids };
		},
	},
	image: {
		label: 'Photo',
		wrapperKey: 'image',
		path: '/rest/v1.0/images/{id}',
		createPath: '/rest/v1.0/images',
		projectInQuery: true,
		// Procore's schema puts the upload at the top level (upload_uuid, image_name); its guide shows
		// an `upload` object. Both are sent, so either reading works.
		fields: (uuids: string[]) => ({ upload_uuid: uuids[0] }),
		unconfirmed: 'top-level upload_uuid/image_name (schema) vs upload{uuid,image_name} (guide): both sent',
	},
} satisfies Record<string, AttachmentTarget>;

export type AttachmentRecordType = keyof typeof ATTACHMENT_TARGETS;

export function attachmentTarget(recordType: string): AttachmentTarget {
	const target = (ATTACHMENT_TARGETS as Record<string, AttachmentTarget>)[recordType];
	if (!target) throw new Error(`Unknown attachment record type "${recordType}"`);
	return target;
}

/**
 * The fields that attach completed uploads to a record of `recordType`, inside its wrapper, e.g.
 * `attachmentBody('rfi', uuids)` → `{ question: { upload_ids: [...] } }`. Merge them into a create or
 * update body with `withAttachments`.
 */
export function attachmentBody(recordType: AttachmentRecordType, uuids: string[], current?: IDataObject): IDataObject {
	return attachmentTarget(recordType).fields(uuids, current);
}

function deepMerge(base: IDataObject, extra: IDataObject): IDataObject {
	const out: IDataObject = { ...base };
	for (const [key, value] of Object.entries(extra)) {
		const existing = out[key];
		if (Array.isArray(existing) && Array.isArray(value)) out[key] = [...existing, ...value] as IDataObject[];
		else if (existing && value && typeof existing === 'object' && typeof value === 'object' && !Array.isArray(existing) && !Array.isArray(value)) {
			out[key] = deepMerge(existing as IDataObject, value as IDataObject);
		} else out[key] = value;
	}
	return out;
}

/** `record` (the fields inside the wrapper) with these uploads attached the way `recordType` takes them. */
export function withAttachments(recordType: AttachmentRecordType, record: IDataObject, uuids: string[]): IDataObject {
	return uuids.length ? deepMerge(record, attachmentBody(recordType, uuids)) : record;
}

export interface BinaryAttachmentOptions extends UploadOptions {
	/** Uploads are created in this project (omit for company-level records). */
	projectId?: string;
	/** Comma-separated names or a list of the item's binary properties, e.g. "data, invoice". */
	binaryProperties: string | string[];
	/** Defaults to the node's Company parameter / the credential's default company. */
	companyId?: string;
}

/** Uploads each named binary property of the item and returns what each upload became. */
export async function uploadBinaryFiles(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: BinaryAttachmentOptions,
): Promise<UploadResult[]> {
	const names = Array.isArray(options.binaryProperties)
		? options.binaryProperties.map((s) => s.trim()).filter(Boolean)
		: binaryPropertyNames(options.binaryProperties);
	if (!names.length) {
		throw new NodeOperationError(ctx.getNode(), 'No binary property named for the attachments', {
			description: 'Enter the name of the binary property that holds the file (usually "data"); separate several with commas.',
			itemIndex,
		});
	}
	// Every property is checked before anything is uploaded, so a typo fails fast and uploads nothing.
	const sources = [];
	for (const name of names) sources.push(await binarySource(ctx, itemIndex, name));
	const companyId = options.companyId ?? (await getCompanyId(ctx, itemIndex));
	const results: UploadResult[] = [];
	for (const source of sources) {
		results.push(await uploadToProcore(ctx, itemIndex, { companyId, projectId: options.projectId }, source, options));
	}
	return results;
}

/**
 * Uploads the item's binary properties to Procore and returns their upload UUIDs, ready for
 * `attachmentBody(recordType, uuids)` / `withAttachments(recordType, record, uuids)`.
 */
export async function uploadBinaryAttachments(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: BinaryAttachmentOptions,
): Promise<string[]> {
	return (await uploadBinaryFiles(ctx, itemIndex, options)).map((upload) => upload.uuid);
}

/** Fills a table path with the record's ids. */
export function attachmentPath(target: AttachmentTarget, ids: { projectId: string; parentId?: string; id?: string }): string {
	return target.path
		.replace('{project_id}', ids.projectId)
		.replace('{parent_id}', ids.parentId ?? '')
		.replace('{id}', ids.id ?? '');
}

/** Top-level body keys and query a target needs beside its wrapper. */
export function attachmentScope(target: AttachmentTarget, projectId: string): { qs?: IDataObject; bodyExtra: IDataObject } {
	return {
		qs: target.projectInQuery ? { project_id: projectId } : undefined,
		bodyExtra: target.projectInBody ? { project_id: toProcoreId(projectId) } : {},
	};
}

/** How many files a record holds: its own `attachments` and those of the objects it nests (an RFI's question). */
export function attachmentCount(record: IDataObject | undefined, depth = 0): number {
	if (!record || depth > 2) return 0;
	let count = 0;
	for (const [key, value] of Object.entries(record)) {
		if (key === 'attachments' && Array.isArray(value)) count += value.length;
		else if (Array.isArray(value)) count += (value as IDataObject[]).reduce((n, v) => n + (v && typeof v === 'object' ? attachmentCount(v, depth + 1) : 0), 0);
		else if (value && typeof value === 'object') count += attachmentCount(value as IDataObject, depth + 1);
	}
	return count;
}

/**
 * After a PATCH that attaches `added` files went unanswered (it is never re-sent: the files would be
 * attached twice), the record is read again: when it holds them, the attach is reported done from
 * that read; otherwise the original error stands, and re-sending is left to the user, who can see
 * the record (a slow write may still land).
 */
export async function confirmAttachedOnReread(
	error: unknown,
	before: IDataObject | undefined,
	added: number,
	reread: () => Promise<IDataObject>,
): Promise<IDataObject> {
	const after = await reread();
	if (added > 0 && attachmentCount(after) >= attachmentCount(before) + added) return after;
	throw error;
}
