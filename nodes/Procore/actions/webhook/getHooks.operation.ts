import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { getProjectId } from '../../helpers/context';
import { forOperation } from '../operationSelector';
import { scopeProperties, scopeQuery } from './scope';

const FIELDS = ['id', 'status', 'trigger_count', 'namespace', 'destination_url', 'payload_version', 'company_id', 'project_id', 'updated_at'];

export const description: INodeProperties[] = [
	...scopeProperties('getHooks'),
	...forOperation('webhook', 'getHooks', [
		{
			displayName: 'Namespace',
			name: 'namespace',
			type: 'string',
			default: 'n8n-nodes-procore',
			description: 'Only hooks of this namespace (the Procore Trigger\'s default is n8n-nodes-procore). Leave empty for every namespace.',
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[] | IDataObject> {
	const { companyId, qs: scope } = await scopeQuery(this, i);
	// v2.0: the list that says whether Procore disabled a hook (`status`) and how many triggers it
	// has left (`trigger_count`), what a monitor needs; v1.0's list has neither.
	const qs: IDataObject = { include_trigger_count: true };
	const namespace = String(this.getNodeParameter('namespace', i, '')).trim();
	if (namespace) qs.namespace = namespace;
	const path = scope.project_id
		? `/rest/v2.0/companies/${companyId}/projects/${getProjectId(this, i)}/webhooks/hooks`
		: `/rest/v2.0/companies/${companyId}/webhooks/hooks`;
	return await procoreApiRequestAllItems.call(this, { method: 'GET', path, qs, companyId, itemIndex: i });
}

export const output: OutputSpec = { fields: FIELDS };
