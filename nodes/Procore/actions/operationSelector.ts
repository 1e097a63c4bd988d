import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

/**
 * Option lists whose order carries meaning (an ordered scale, versions); every other list is shown
 * sorted by name, as n8n's node UI guidelines ask ("Sort list options alphabetically").
 */
export const SEMANTIC_ORDER = new Set(['priority', 'payloadVersion']);

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** Sorts the option lists of a parameter and of everything nested in its collections. */
export function withSortedOptions(property: INodeProperties): INodeProperties {
	const options = property.options;
	if (!Array.isArray(options)) return property;
	if (property.type === 'options' || property.type === 'multiOptions') {
		if (SEMANTIC_ORDER.has(property.name)) return property;
		return { ...property, options: [...(options as INodePropertyOptions[])].sort(byName) };
	}
	if (property.type === 'collection' || property.type === 'fixedCollection') {
		return {
			...property,
			options: options.map((option) => {
				if ('values' in option) {
					const collection = option as INodePropertyCollection;
					return { ...collection, values: collection.values.map(withSortedOptions) };
				}
				return 'type' in option ? withSortedOptions(option as INodeProperties) : option;
			}) as INodeProperties['options'],
		};
	}
	return property;
}

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
		options: [...options].sort(byName),
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
		return withSortedOptions({ ...property, displayOptions: { ...property.displayOptions, show } });
	});
}
