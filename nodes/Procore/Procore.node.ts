import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/properties';
import { router } from './actions/router';
import { listSearch } from './methods';
import * as changeEventOptions from './methods/changeEvent.loadOptions';
import * as loadOptions from './methods/loadOptions';

export class Procore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Procore',
		name: 'procore',
		icon: { light: 'file:../../icons/procore.svg', dark: 'file:../../icons/procore.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Read and write Procore: change events from CORs, timecards, insurance compliance, documents, RFIs and more',
		defaults: { name: 'Procore' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'procoreOAuth2Api', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions: { ...loadOptions, ...changeEventOptions } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
