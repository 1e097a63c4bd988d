import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { forOperation } from '../operationSelector';
import { scopeProperties, scopeQuery } from './scope';

const FIELDS = ['id', 'namespace', 'destination_url', 'api_version', 'owned_by_company_id', 'owned_by_project_id'];

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
	const { companyId, qs } = await scopeQuery(this, i);
	const namespace = String(this.getNodeParameter('namespace', i, '')).trim();
	if (namespace) qs.namespace = namespace;
	// The v1.0 list is not paged; the shared loop stops after the first short page.
	const hooks = await procoreApiRequestAllItems.call(this, {
		method: 'GET',
		path: '/rest/v1.0/webhooks/hooks',
		qs,
		companyId,
		itemIndex: i,
	});
	return hooks;
}

export const output: OutputSpec = { fields: FIELDS };
