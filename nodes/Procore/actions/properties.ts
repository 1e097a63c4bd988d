import type { INodeProperties } from 'n8n-workflow';

import { outputParameters } from '../helpers/output';
import { companyLocator } from './common.descriptions';
import { forOperation } from './operationSelector';
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

/** The Output parameter of every operation that declares an OutputSpec, last in its panel. */
const outputs: INodeProperties[] = Object.entries(resources).flatMap(([resource, r]) =>
	Object.entries(r.operations).flatMap(([operation, op]) =>
		op.output ? forOperation(resource, operation, outputParameters(op.output)) : [],
	),
);

/** Resource, each resource's operation selector, the company, the operations' parameters, Output. */
export const properties: INodeProperties[] = [
	resourceSelector,
	...Object.values(resources).flatMap((r) => r.description.slice(0, 1)),
	companyParameter,
	...Object.values(resources).flatMap((r) => r.description.slice(1)),
	...outputs,
];
