import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import { procoreApiRequestAllItems } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';

export const description: INodeProperties[] = forOperation('rfi', 'getPotentialAssignees', [
	projectLocator,
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: [
			{ name: 'Assignees', value: 'potential_assignees', description: 'Users who can be asked to answer' },
			{ name: 'RFI Managers', value: 'potential_rfi_managers', description: 'Users who can manage RFIs' },
		],
		default: 'potential_assignees',
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const role = this.getNodeParameter('role', i) as string;
	const users = await procoreApiRequestAllItems.call(this, {
		method: 'GET',
		path: `/rest/v1.0/projects/${projectId}/rfis/${role}`,
		companyId,
		itemIndex: i,
	});
	return users.map((u) => ({ id: u.id, name: u.name, login: u.login, vendor: (u.vendor as IDataObject | undefined)?.name }));
}
