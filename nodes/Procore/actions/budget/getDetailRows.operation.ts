import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import { readLimit } from '../../helpers/limit';
import { procoreApiRequestAllItems } from '../../transport';
import { projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { budgetViewLocator } from './common';

export const description: INodeProperties[] = [
	...forOperation('budget', 'getDetailRows', [projectLocator, budgetViewLocator]),
	...returnAllOrLimit({ resource: ['budget'], operation: ['getDetailRows'] }),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const viewId = getRecordId(this, 'budgetView', 'Budget View', i);
	const limit = readLimit(this, i);
	return await procoreApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			path: `/rest/v1.0/budget_views/${viewId}/detail_rows`,
			qs: { project_id: projectId, budget_row_type: 'all' },
			companyId,
			itemIndex: i,
		},
		{ limit },
	);
}
