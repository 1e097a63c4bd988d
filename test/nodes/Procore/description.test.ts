/** Invariants of the Procore node's description that every resource added later must keep. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Procore } from '../../../nodes/Procore/Procore.node';
import { resources } from '../../../nodes/Procore/actions/resources';

const { properties } = new Procore().description;
const operationSelectors = properties.filter((p) => p.name === 'operation');
const resourceSelector = properties.find((p) => p.name === 'resource')!;
const resourceValues = (resourceSelector.options as INodePropertyOptions[]).map((o) => String(o.value));

function selectorOf(resource: string): INodeProperties | undefined {
	return operationSelectors.find((p) => p.displayOptions?.show?.resource?.includes(resource));
}

describe('Procore node description', () => {
	it('lists every registered resource once', () => {
		expect(resourceValues).toEqual(Object.keys(resources));
		expect(new Set(resourceValues).size).toBe(resourceValues.length);
	});

	it.each(Object.keys(resources))('%s has exactly one operation selector, without expressions', (resource) => {
		expect(operationSelectors.filter((p) => p.displayOptions?.show?.resource?.includes(resource))).toHaveLength(1);
		expect(selectorOf(resource)?.noDataExpression).toBe(true);
	});

	it.each(Object.keys(resources))('%s: each operation has a unique name and value, an action and a description', (resource) => {
		const options = selectorOf(resource)!.options as INodePropertyOptions[];
		expect(options.length).toBeGreaterThan(0);
		for (const option of options) {
			expect(option.action).toEqual(expect.any(String));
			expect(String(option.action).length).toBeGreaterThan(3);
			expect(option.description).toEqual(expect.any(String));
			expect(String(option.description).length).toBeGreaterThan(10);
		}
		expect(new Set(options.map((o) => o.name)).size).toBe(options.length);
		expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
		expect(new Set(options.map((o) => o.action)).size).toBe(options.length);
	});

	it.each(Object.keys(resources))('%s: every operation in the selector has an implementation, and vice versa', (resource) => {
		const values = (selectorOf(resource)!.options as INodePropertyOptions[]).map((o) => String(o.value));
		expect(values.sort()).toEqual(Object.keys(resources[resource].operations).sort());
		for (const value of values) {
			const op = resources[resource].operations[value];
			expect(typeof ('executeBatch' in op ? op.executeBatch : op.execute)).toBe('function');
		}
		expect(values).toContain(selectorOf(resource)!.default);
	});

	it('every required parameter has a default', () => {
		const missing = properties.filter((p) => p.required && p.default === undefined).map((p) => p.name);
		expect(missing).toEqual([]);
	});

	it('every parameter is shown for some resource, except the shared Company', () => {
		for (const p of properties) {
			if (['resource', 'company'].includes(p.name)) continue;
			expect({ name: p.name, resource: p.displayOptions?.show?.resource }).toEqual({
				name: p.name,
				resource: expect.any(Array),
			});
		}
	});
});

describe('displayOptions order', () => {
	it('every operation parameter checks resource and operation first (an expression in a later key must not show it elsewhere)', () => {
		const wrong = properties
			.filter((p) => p.displayOptions?.show?.operation)
			.filter((p) => Object.keys(p.displayOptions!.show!).slice(0, 2).join() !== 'resource,operation')
			.map((p) => p.name);
		expect(wrong).toEqual([]);
	});

	it('Push COR with Scope as an expression asks for no parameter of another resource', () => {
		const { NodeHelpers } = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
		const description = new Procore().description;
		const node = {
			id: '1',
			name: 'Push COR',
			type: 'n8n-nodes-procore.procore',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: {
				resource: 'changeEvent',
				operation: 'pushCor',
				project: { __rl: true, mode: 'id', value: '={{ $json.projectId }}' },
				corId: '={{ $json.corId }}',
				title: '={{ $json.title }}',
				scope: '={{ $json.scope }}',
				breakdown: '={{ $json.breakdown }}',
			},
		};
		expect(NodeHelpers.getNodeParametersIssues(description.properties, node, description)).toBeNull();
	});
});
