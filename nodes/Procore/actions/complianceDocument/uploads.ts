import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The certificate file of a compliance document. Today: upload IDs made by Document > Upload (or
 * any Procore upload). This is the one place that turns the node's input into `upload_ids`, so
 * accepting n8n binary data is a change here only: upload the item's binary with the Documents
 * upload helper and return its ID next to these.
 */
export const certificateParameters: INodeProperties[] = [
	{
		displayName: 'Upload IDs',
		name: 'uploadIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 01JD6X2Y4Z8K9M3N5P7Q',
		description:
			'The certificate file(s) as Procore upload IDs, comma-separated (from Document > Upload, or the uuid of any Procore upload made by the same user)',
	},
];

export async function certificateUploadIds(ctx: IExecuteFunctions, itemIndex: number): Promise<string[]> {
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
