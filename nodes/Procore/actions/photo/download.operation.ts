import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import { asNodeError, errorItem } from '../../helpers/errorItem';
import { fetchProcoreFile, toBinary } from '../../helpers/files/download';
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
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			assertRequired(i);
			const companyId = await getCompanyId(this, i);
			const projectId = getProjectId(this, i);
			const id = getRecordId(this, 'photoId', 'Photo', i);
			const property = (this.getNodeParameter('binaryPropertyName', i, 'data') as string).trim() || 'data';
			const photo = (await procoreApiRequest.call(this, {
				method: 'GET',
				path: `/rest/v1.0/images/${id}`,
				qs: { project_id: projectId },
				companyId,
				itemIndex: i,
			})) as IDataObject;
			if (!photo.url) {
				throw new NodeOperationError(this.getNode(), `Procore gave no download link for photo ${id}`, {
					description: 'The photo may still be processing in Procore, or the connected user cannot see it (private photos).',
					itemIndex: i,
				});
			}
			const file = await fetchProcoreFile(this, i, String(photo.url), companyId);
			const binary = await toBinary(this, file, String(photo.filename ?? photo.name ?? `photo-${id}`));
			out.push({ json: photo, binary: { [property]: binary }, pairedItem: { item: i } });
		} catch (error) {
			if (this.continueOnFail()) {
				out.push(errorItem(this, error as Error, i));
				continue;
			}
			throw asNodeError(this, error as Error, i);
		}
	}
	return out;
}

export const output: OutputSpec = { fields: PHOTO_FIELDS };
