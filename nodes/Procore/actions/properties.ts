import type { INodeProperties } from 'n8n-workflow';

import { companyLocator } from './common.descriptions';
import { resources } from './resources';

const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: Object.values(resources).map((r) => r.option),
	default: 'project',
};

const companyParameter: INodeProperties = {
	...companyLocator,
	displayOptions: { hide: { resource: ['company'] } },
};

/** Resource, each resource's operation selector, the company, then the operations' parameters. */
export const properties: INodeProperties[] = [
	resourceSelector,
	...Object.values(resources).flatMap((r) => r.description.slice(0, 1)),
	companyParameter,
	...Object.values(resources).flatMap((r) => r.description.slice(1)),
];
