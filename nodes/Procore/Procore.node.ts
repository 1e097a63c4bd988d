import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/properties';
import { resources } from './actions/resources';
import { router } from './actions/router';
import { listSearch } from './methods';
import * as changeEventOptions from './methods/changeEvent.loadOptions';
import * as changeOrderOptions from './methods/changeOrder.loadOptions';
import * as contractOptions from './methods/contract.loadOptions';
import * as directoryOptions from './methods/directory.loadOptions';
import * as documentOptions from './methods/document.loadOptions';
import * as loadOptions from './methods/loadOptions';
import * as punchItemOptions from './methods/punchItem.loadOptions';
import * as resourceMapping from './methods/apiOperation.resourceMapping';

/**
 * The node's subtitle on the canvas in the names the panel shows ("Get Many: Project"), not the
 * internal values ("getAll: project"): a lookup built from the resources' own options.
 */
const subtitles: Record<string, string> = Object.fromEntries(
	Object.values(resources).flatMap((r) => {
		const selector = r.description.find((p) => p.name === 'operation');
		return ((selector?.options ?? []) as INodePropertyOptions[]).map((o) => [
			`${String(r.option.value)}:${String(o.value)}`,
			`${o.name}: ${r.option.name}`,
		]);
	}),
);
const subtitle = `={{ (${JSON.stringify(subtitles)})[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] }}`;

export class Procore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Procore',
		name: 'procore',
		icon: { light: 'file:../../icons/procore.svg', dark: 'file:../../icons/procore.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description:
			'Read and write Procore: change events from CORs, timecards, insurance compliance, documents, RFIs and more',
		defaults: { name: 'Procore' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'procoreOAuth2Api', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions: { ...loadOptions, ...changeEventOptions, ...changeOrderOptions, ...contractOptions, ...directoryOptions, ...documentOptions, ...punchItemOptions }, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
