import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchCompanies, searchProjects } from '../Procore/methods/listSearch';
import { getCompanyProjects } from '../Procore/methods/loadOptions';
import { properties } from './description';
import { checkExists, create, remove } from './lifecycle';
import { estimatePublishCost, getResources } from './methods';
import { receive } from './receive';

export class ProcoreTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Procore Trigger',
		name: 'procoreTrigger',
		icon: { light: 'file:../../icons/procore.svg', dark: 'file:../../icons/procore.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["resources"] || []).join(", ") }}',
		// n8n's node creator merges "Procore" and "Procore Trigger" into one app entry and shows the
		// trigger's description there, also when an action is being added: it speaks of both.
		description:
			'Procore: start workflows when records change (RFIs, change events, timecards, projects…), and read and write them with the Procore node',
		defaults: { name: 'Procore Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'procoreOAuth2Api', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties,
	};

	methods = {
		listSearch: { searchCompanies, searchProjects },
		loadOptions: { getResources, estimatePublishCost, getCompanyProjects },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}
}
