import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';

export const description: INodeProperties[] = [
	...forOperation('drawing', 'getSets', [projectLocator]),
	...returnAllOrLimit({ resource: ['drawing'], operation: ['getSets'] }),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const limit = readLimit(this, i);
	return await procoreApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `/rest/v1.0/projects/${projectId}/drawing_sets`, companyId, itemIndex: i },
		{ limit },
	);
}

export const output: OutputSpec = { fields: ['id', 'name', 'date', 'position', 'updated_at'] };
