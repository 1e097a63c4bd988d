import type { INode, INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { getSchema } from 'n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool';

import { Procore } from '../../../nodes/Procore/Procore.node';
import { resources } from '../../../nodes/Procore/actions/resources';
import { requireFromN8n } from '../../helpers/n8nInstall';

type Convert = (item: { description: INodeTypeDescription }) => { description: INodeTypeDescription };

function visibleFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show;
	const hide = property.displayOptions?.hide;
	if (hide?.resource?.includes(resource)) return false;
	if (show?.resource && !show.resource.includes(resource)) return false;
	if (show?.operation && !show.operation.includes(operation)) return false;
	// Parameters that depend on other toggles (e.g. Limit under Return All) are not required for a tool.
	return Object.keys(show ?? {}).every((k) => ['resource', 'operation'].includes(k));
}

describe('the Procore node as an AI agent tool', () => {
	const node = new Procore();

	it('converts with n8n\'s own tool generator (the one n8n 2.41 runs at start-up)', () => {
		const { convertNodeToAiTool } = requireFromN8n<{ convertNodeToAiTool: Convert }>('n8n/dist/tool-generation/ai-tools');
		const tool = convertNodeToAiTool({ description: structuredClone(node.description) }).description;
		expect(tool.name).toBe('procoreTool');
		expect(tool.outputs).toEqual(['ai_tool']);
		expect(tool.properties.map((p) => p.name)).toEqual(expect.arrayContaining(['descriptionType', 'toolDescription', 'resource']));
	});

	const operations = Object.entries(resources).flatMap(([resource, r]) => {
		const selector = r.description[0];
		return (selector.options as INodePropertyOptions[]).map((o) => [resource, String(o.value), o] as const);
	});

	it.each(operations)('%s.%s tells a model what it does and which IDs it needs', (resource, operation, option) => {
		expect(option.action).toMatch(/\w/);
		expect(String(option.description ?? '').length).toBeGreaterThan(25);
		expect(resources[resource].operations[operation]).toBeDefined();
	});

	it.each(operations)('%s.%s: every required parameter can be filled by $fromAI', (resource, operation) => {
		const required = node.description.properties.filter((p) => p.required && visibleFor(p, resource, operation));
		for (const p of required) {
			// noDataExpression would block `={{ $fromAI(...) }}`; hidden parameters cannot be set at all.
			expect({ name: p.name, noDataExpression: p.noDataExpression ?? false }).toEqual({ name: p.name, noDataExpression: false });
			expect(p.type).not.toBe('hidden');
			if (p.type === 'resourceLocator') {
				expect({ name: p.name, modes: p.modes?.map((m) => m.name) }).toEqual({ name: p.name, modes: expect.arrayContaining(['id']) });
			}
		}
	});

	it('API Operation: a model picks the operation by ID and fills its fields, the two arguments n8n builds the tool from', () => {
		const tool: INode = {
			id: '1',
			name: 'Procore',
			type: 'n8n-nodes-procore.procoreTool',
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				resource: 'apiOperation',
				operation: 'call',
				procoreOperation: { __rl: true, mode: 'id', value: "={{ $fromAI('operation_id', 'The operation ID from Procore\\'s catalog, e.g. RestV11PunchItemsPost', 'string') }}" },
				specifyFields: 'json',
				fieldsJson: "={{ $fromAI('fields', 'The operation\\'s fields as one JSON object', 'json') }}",
			},
		};
		// n8n-core's own schema builder for a node used as a tool (what the AI Agent offers the model).
		const schema = getSchema(tool);
		expect(Object.keys(schema.shape).sort()).toEqual(['fields', 'operation_id']);
		expect(schema.safeParse({ operation_id: 'RestV11PunchItemsPost', fields: { punch_item: { name: 'Patch drywall' } } }).success).toBe(true);
		expect(schema.safeParse({ fields: {} }).success).toBe(false);
		// The operation locator takes the ID a model gives (its By Operation ID mode).
		const locator = node.description.properties.find((p) => p.name === 'procoreOperation')!;
		expect(locator.modes?.map((m) => m.name)).toEqual(['list', 'id']);
	});
});
