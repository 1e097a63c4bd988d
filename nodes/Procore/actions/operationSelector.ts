import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The `operation` parameter of one resource. */
export function operationSelector(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/** displayOptions for the parameters of one operation (the pattern of n8n's own nodes). */
export function showFor(resource: string, operations: string[]) {
	return { show: { resource: [resource], operation: operations } };
}

/**
 * Adds `displayOptions` for one resource/operation to each parameter (merging any of its own).
 * `resource` and `operation` come first: n8n checks the keys in order and shows a parameter as soon
 * as one it depends on holds an expression, so a Push COR with `scope` as an expression would
 * otherwise show (and require) the insurance operations' Vendor, which depends on their `scope`.
 */
export function forOperation(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => {
		const show: NonNullable<INodeProperties['displayOptions']>['show'] = { resource: [resource], operation: [operation] };
		for (const [key, values] of Object.entries(property.displayOptions?.show ?? {})) {
			if (key !== 'resource' && key !== 'operation') show[key] = values;
		}
		return { ...property, displayOptions: { ...property.displayOptions, show } };
	});
}
