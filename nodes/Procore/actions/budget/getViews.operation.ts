import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import { procoreApiRequestAllItems } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';

export const description: INodeProperties[] = forOperation('budget', 'getViews', [projectLocator]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const views = await procoreApiRequestAllItems.call(this, {
		method: 'GET',
		path: '/rest/v1.0/budget_views',
		qs: { project_id: projectId },
		companyId,
		itemIndex: i,
	});
	return views.map((v) => ({ id: v.id, name: v.name, description: v.description, role: v.role, project_id: projectId }));
}
