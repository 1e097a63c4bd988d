import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getProjectId, getRecordId } from '../../helpers/context';
import { downloadFiles } from '../../helpers/files/download';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequest } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { PHOTO_FIELDS } from './create';
import { photoLocator } from './read';

export const description: INodeProperties[] = forOperation('photo', 'download', [
	projectLocator,
	photoLocator,
	{
		displayName: 'Output Data Field Name',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the photo in',
	},
]);

/**
 * The photo's record with its full-size file as binary data (streamed into n8n's binary store),
 * e.g. for a vision model or an archive.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	assertRequired: (itemIndex: number) => void,
): Promise<INodeExecutionData[]> {
	return downloadFiles(this, items, assertRequired, async (i, companyId) => {
		const projectId = getProjectId(this, i);
		const id = getRecordId(this, 'photoId', 'Photo', i);
		const photo = (await procoreApiRequest.call(this, {
			method: 'GET',
			path: `/rest/v1.0/images/${id}`,
			qs: { project_id: projectId },
			companyId,
			itemIndex: i,
		})) as IDataObject;
		return [
			{
				url: photo.url ? String(photo.url) : undefined,
				fileName: String(photo.filename ?? photo.name ?? `photo-${id}`),
				json: photo,
				noLink: {
					message: `Procore gave no download link for photo ${id}`,
					description: 'The photo may still be processing in Procore, or the connected user cannot see it (private photos).',
				},
			},
		];
	});
}

export const output: OutputSpec = { fields: PHOTO_FIELDS };
