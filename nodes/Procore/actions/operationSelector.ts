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

/** Adds `displayOptions` for one resource/operation to each parameter (merging any of its own). */
export function forOperation(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: {
				...property.displayOptions?.show,
				resource: [resource],
				operation: [operation],
			},
		},
	}));
}
