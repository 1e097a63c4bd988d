import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import { projectLocator } from '../common.descriptions';

/** Webhooks live in a company or in one project; the v1.0 Webhooks API takes the scope as a query. */
export function scopeProperties(operation: string): INodeProperties[] {
	return [
		{
			displayName: 'Scope',
			name: 'webhookScope',
			type: 'options',
			options: [
				{ name: 'Company', value: 'company', description: 'Hooks registered on the company (e.g. Projects, Company Vendors)' },
				{ name: 'Project', value: 'project', description: 'Hooks registered on one project (e.g. RFIs, Change Events)' },
			],
			default: 'project',
			description: 'Where the hook is registered. The Procore Trigger\'s All Projects mode has one hook per project and one on the company.',
			displayOptions: { show: { resource: ['webhook'], operation: [operation] } },
		},
		{
			...projectLocator,
			displayOptions: { show: { resource: ['webhook'], operation: [operation], webhookScope: ['project'] } },
		},
	];
}

/** The company and the scope query of item `i` (or, in a list search, of the panel as it is). */
export async function scopeQuery(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	i?: number,
): Promise<{ companyId: string; qs: IDataObject }> {
	const companyId = await getCompanyId(ctx, i);
	const scope = (
		i === undefined
			? (ctx as ILoadOptionsFunctions).getNodeParameter('webhookScope', 'project')
			: (ctx as IExecuteFunctions).getNodeParameter('webhookScope', i, 'project')
	) as string;
	return scope === 'project'
		? { companyId, qs: { project_id: getProjectId(ctx, i) } }
		: { companyId, qs: { company_id: companyId } };
}
