import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { uploadBinaryFiles } from '../../helpers/attachments';
import { binaryPropertyNames, binarySource } from '../../helpers/files/binary';

/**
 * The certificate file(s) of a compliance document: upload IDs made earlier (Document > Upload or
 * any Procore upload), and/or the item's binary data (e.g. the PDF a COI platform sends), which is
 * uploaded to the project through the Documents upload flow. This is the one place that turns the
 * node's input into `upload_ids`.
 */
export const certificateParameters: INodeProperties[] = [
	{
		displayName: 'Input Data Field Names',
		name: 'certificateBinaryProperty',
		type: 'string',
		default: '',
		placeholder: 'e.g. data',
		hint: 'Names of the input binary fields holding the certificate, separated by commas',
		description:
			'The certificate file(s) on the input item (e.g. the PDF from the COI platform): each is uploaded to the project and attached to the document. Leave empty to attach only Upload IDs.',
	},
	{
		displayName: 'Upload IDs',
		name: 'uploadIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 01JD6X2Y4Z8K9M3N5P7Q',
		description:
			'Files already uploaded to Procore, as upload IDs, comma-separated (from Document > Upload, or the uuid of any Procore upload made by the same user)',
	},
];

/** Upload IDs typed or mapped into the node, validated (nothing is uploaded here). */
export function givenUploadIds(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const raw = ctx.getNodeParameter('uploadIds', itemIndex, '') as string | string[] | IDataObject;
	const values = Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(',');
	const ids = values.map((v) => v.trim()).filter(Boolean);
	const bad = ids.find((id) => !/^[A-Za-z0-9_-]{1,100}$/.test(id));
	if (bad !== undefined) {
		throw new NodeOperationError(ctx.getNode(), `Upload IDs contains "${bad}", which is not a Procore upload ID`, {
			description: 'Enter the upload IDs (uuids) returned by the upload, separated by commas.',
			itemIndex,
		});
	}
	return ids;
}

/** The item's certificate binary fields, checked to exist (before anything is written). */
export async function certificateFiles(ctx: IExecuteFunctions, itemIndex: number): Promise<string[]> {
	const names = binaryPropertyNames(ctx.getNodeParameter('certificateBinaryProperty', itemIndex, ''));
	const files: string[] = [];
	for (const name of names) files.push((await binarySource(ctx, itemIndex, name)).fileName);
	return files;
}

export interface CertificateUploads {
	/** Every upload ID to attach: the given ones, then the item's files once uploaded. */
	ids: string[];
	/** The item's files that were (or, in a preview, would be) uploaded. */
	files: IDataObject[];
}

/**
 * The upload IDs to attach. The item's binary certificate files are uploaded to the project
 * unless `preview` is set (then only their names are reported).
 */
export async function certificateUploadIds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	scope: { companyId: string; projectId: string; preview?: boolean },
): Promise<CertificateUploads> {
	const ids = givenUploadIds(ctx, itemIndex);
	const property = String(ctx.getNodeParameter('certificateBinaryProperty', itemIndex, '') ?? '');
	if (!binaryPropertyNames(property).length) return { ids, files: [] };
	if (scope.preview) {
		return { ids, files: (await certificateFiles(ctx, itemIndex)).map((fileName) => ({ fileName })) };
	}
	const uploads = await uploadBinaryFiles(ctx, itemIndex, {
		companyId: scope.companyId,
		projectId: scope.projectId,
		binaryProperties: property,
	});
	return {
		ids: [...ids, ...uploads.map((u) => u.uuid)],
		files: uploads.map((u) => ({ fileName: u.fileName, mimeType: u.mimeType, size: u.size, uploadId: u.uuid })),
	};
}
