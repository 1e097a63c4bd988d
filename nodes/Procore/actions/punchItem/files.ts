import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { uploadBinaryFiles } from '../../helpers/attachments';
import { binaryPropertyNames, binarySource } from '../../helpers/files/binary';

export interface PunchFiles {
	/** Upload IDs for `punch_item.upload_ids` (empty in a preview). */
	uploadIds: string[];
	/** The files, uploaded or (preview) to be uploaded. */
	files: IDataObject[];
}

/** Checks every named binary field exists, before anything is read or written. */
export async function checkPunchFiles(ctx: IExecuteFunctions, i: number, property: string): Promise<string[]> {
	const names: string[] = [];
	for (const name of binaryPropertyNames(property)) names.push((await binarySource(ctx, i, name)).fileName);
	return names;
}

/**
 * Uploads the item's files to the project (Procore's direct uploads, streamed in parts like
 * Document › Upload) and returns their upload IDs; a preview uploads nothing and names the files.
 */
export async function uploadPunchFiles(
	ctx: IExecuteFunctions,
	i: number,
	scope: { companyId: string; projectId: string; property: string; preview: boolean },
): Promise<PunchFiles> {
	if (!binaryPropertyNames(scope.property).length) return { uploadIds: [], files: [] };
	if (scope.preview) {
		return { uploadIds: [], files: (await checkPunchFiles(ctx, i, scope.property)).map((file_name) => ({ file_name })) };
	}
	const uploads = await uploadBinaryFiles(ctx, i, { companyId: scope.companyId, projectId: scope.projectId, binaryProperties: scope.property });
	return {
		uploadIds: uploads.map((u) => u.uuid),
		files: uploads.map((u) => ({ file_name: u.fileName, size: u.size, upload_id: u.uuid })),
	};
}

export function filesSentence(files: IDataObject[], preview: boolean): string {
	if (!files.length) return '';
	return ` with ${files.length} file${files.length === 1 ? '' : 's'} (${files.map((f) => String(f.file_name)).join(', ')}${preview ? ' would be uploaded' : ''})`;
}
