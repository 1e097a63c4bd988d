import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { uploadBinaryAttachments } from '../../../helpers/attachments';
import type { Scope } from '../lookups';
import type { FileToAttach } from './input';

export interface Uploads {
	uuids: string[];
	/** One line per file given as binary data: uploaded, already attached, or would upload. */
	report: IDataObject[];
}

/**
 * Uploads the item's files the Change Event does not have yet (matched by file name) and returns
 * their upload UUIDs with a line per file for the output. In preview nothing is uploaded.
 */
export async function uploadFiles(
	ctx: IExecuteFunctions,
	i: number,
	scope: Scope,
	files: FileToAttach[],
	existing: IDataObject | undefined,
	preview: boolean,
): Promise<Uploads> {
	const attached = new Set(
		(Array.isArray(existing?.attachments) ? (existing.attachments as IDataObject[]) : []).map((a) => String(a.filename ?? a.name ?? '')),
	);
	const fresh = files.filter((f) => !attached.has(f.fileName));
	const report: IDataObject[] = files.filter((f) => attached.has(f.fileName)).map((f) => ({ fileName: f.fileName, status: 'already attached' }));
	if (!fresh.length) return { uuids: [], report };
	if (preview) {
		return {
			uuids: fresh.map((f) => `(upload of ${f.fileName})`),
			report: [...fresh.map((f) => ({ fileName: f.fileName, status: 'would upload' })), ...report],
		};
	}
	const uuids = await uploadBinaryAttachments(ctx, i, {
		companyId: scope.companyId,
		projectId: scope.projectId,
		binaryProperties: fresh.map((f) => f.property),
	});
	return { uuids, report: [...fresh.map((f, n) => ({ fileName: f.fileName, status: 'uploaded', uuid: uuids[n] })), ...report] };
}
