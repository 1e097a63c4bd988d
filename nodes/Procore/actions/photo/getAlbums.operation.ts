import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';

export const description: INodeProperties[] = [
	...forOperation('photo', 'getAlbums', [projectLocator]),
	...returnAllOrLimit({ resource: ['photo'], operation: ['getAlbums'] }),
];

/** The project's photo albums (Procore's image categories), with how many photos each holds. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const limit = readLimit(this, i);
	return await procoreApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/rest/v1.0/image_categories', qs: { project_id: projectId }, companyId, itemIndex: i },
		{ limit },
	);
}

export const output: OutputSpec = { fields: ['id', 'name', 'count', 'private', 'position', 'updated_at'] };
