import type { INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { properties } from '../../../nodes/Procore/actions/properties';
import { resources } from '../../../nodes/Procore/actions/resources';
import { isShown } from '../../../nodes/Procore/helpers/requiredParameters';
import { runProcoreNode } from '../../helpers/executeContext';

/**
 * Bad input, for every item operation of the node: each required parameter left blank, and each
 * required record locator given something that is not an ID. Each must be refused with a message
 * naming the parameter, before any request reaches Procore.
 */
function plausible(property: INodeProperties): unknown {
	switch (property.type) {
		case 'resourceLocator':
			return { __rl: true, mode: 'id', value: '101' };
		case 'number':
			return 1;
		case 'boolean':
			return true;
		case 'dateTime':
			return '2026-11-20';
		case 'options':
			return property.default ?? (property.options as INodePropertyOptions[])[0].value;
		case 'json':
			return '{}';
		default:
			return property.name.toLowerCase().includes('path') ? '/rest/v1.0/projects' : 'x';
	}
}

function validParameters(resource: string, operation: string): INodeParameters {
	const values: INodeParameters = { resource, operation };
	for (const property of properties) {
		if (property.name === 'resource' || property.name === 'operation') continue;
		if (!isShown(property, values)) continue;
		values[property.name] = (property.required ? plausible(property) : property.default) as INodeParameters[string];
	}
	return values;
}

const cases: Array<[string, string, string, 'blank' | 'not an id', INodeParameters, string]> = [];
for (const [resource, r] of Object.entries(resources)) {
	for (const option of r.description[0].options as INodePropertyOptions[]) {
		const operation = String(option.value);
		if (!('execute' in r.operations[operation])) continue;
		const valid = validParameters(resource, operation);
		const seen = new Set<string>();
		for (const property of properties) {
			if (!property.required || !(property.name in valid) || ['resource', 'operation'].includes(property.name)) continue;
			if (!isShown(property, valid) || seen.has(property.name)) continue;
			seen.add(property.name);
			const blank = property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: '' } : '';
			cases.push([resource, operation, property.name, 'blank', { ...valid, [property.name]: blank }, `${property.displayName} is required`]);
			if (property.type === 'resourceLocator') {
				cases.push([resource, operation, property.name, 'not an id', { ...valid, [property.name]: { __rl: true, mode: 'id', value: 'Level 3' } }, property.displayName]);
			}
		}
	}
}

describe('bad input is refused before anything is sent', () => {
	beforeAll(() => nock.disableNetConnect());
	afterAll(() => nock.enableNetConnect());

	it('covers every item operation', () => {
		expect(cases.length).toBeGreaterThan(40);
	});

	it.each(cases)('%s.%s: %s %s', async (_resource, _operation, _name, _kind, parameters, expected) => {
		const requests: IHttpRequestOptions[] = [];
		const error = await runProcoreNode({ parameters, requests }).then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error).toBeDefined();
		expect(`${error!.message} ${error!.description ?? ''}`).toContain(expected);
		expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
	});
});
