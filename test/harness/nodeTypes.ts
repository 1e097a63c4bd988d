/**
 * The node types a harness workflow can use: this package's nodes (loaded from `nodes/` as
 * TypeScript, under their published type names `n8n-nodes-procore.<name>`) and small stand-ins
 * for the n8n-nodes-base nodes fixtures start from (n8n-nodes-base is not installed here).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { Procore } from '../../nodes/Procore/Procore.node';

const PACKAGE_NAME = 'n8n-nodes-procore';

/** n8n-nodes-base.manualTrigger: emits one empty item (or its pinned items) when run by hand. */
export class ManualTriggerStandIn implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: "When clicking 'Execute workflow'" },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

/** n8n-nodes-base.noOp: passes its input through (a place to read a node's output from). */
export class NoOpStandIn implements INodeType {
	description: INodeType['description'] = {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/**
 * n8n-nodes-base.set, reduced to "Manual Mapping" of string fields with `includeOtherFields`:
 * enough to shape items with expressions between nodes, paired like n8n's Edit Fields.
 */
export class SetStandIn implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Edit Fields (Set)',
		name: 'set',
		group: ['input'],
		version: [3, 3.4],
		description: 'Modify, add, or remove item fields',
		defaults: { name: 'Edit Fields' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Fields to Set',
				name: 'assignments',
				type: 'assignmentCollection',
				default: {},
			},
			{ displayName: 'Include Other Input Fields', name: 'includeOtherFields', type: 'boolean', default: false },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		return [
			items.map((item, i) => {
				const { assignments } = this.getNodeParameter('assignments', i, { assignments: [] }) as {
					assignments: Array<{ name: string; value: unknown }>;
				};
				const keep = this.getNodeParameter('includeOtherFields', i, false) as boolean;
				const json: IDataObject = keep ? { ...item.json } : {};
				for (const a of assignments ?? []) json[a.name] = a.value as IDataObject[string];
				return { json, pairedItem: { item: i } };
			}),
		];
	}
}

const nodeTypes: Record<string, INodeType> = {
	[`${PACKAGE_NAME}.procore`]: new Procore(),
	'n8n-nodes-base.manualTrigger': new ManualTriggerStandIn(),
	'n8n-nodes-base.noOp': new NoOpStandIn(),
	'n8n-nodes-base.set': new SetStandIn(),
};

/** `INodeTypes` over this package's nodes and the stand-ins; extra types may be registered. */
export class HarnessNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType> = nodeTypes) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(type);
	}

	getByNameAndVersion(type: string): INodeType {
		const nodeType = this.types[type];
		if (!nodeType) {
			throw new Error(
				`Unknown node type "${type}" in the workflow harness; known: ${Object.keys(this.types).join(', ')}`,
			);
		}
		return nodeType;
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries(Object.keys(this.types).map((t) => [t, { className: t, sourcePath: '' }]));
	}

	with(extra: Record<string, INodeType>): HarnessNodeTypes {
		return new HarnessNodeTypes({ ...this.types, ...extra });
	}
}

export const harnessNodeTypes = new HarnessNodeTypes();
