import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Output option for reads: Simplified keeps what a person or an AI agent needs, Raw keeps all. */
export const outputOption: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	options: [
		{
			name: 'Simplified',
			value: 'simplified',
			description: 'IDs, names, status, dates and amounts only (small enough for an AI agent)',
		},
		{ name: 'Raw', value: 'raw', description: 'The record exactly as Procore returns it' },
	],
	default: 'simplified',
};

function pick(record: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => {
		return value && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
	}, record);
}

/** Keeps the listed fields (dotted paths become flat keys: `vendor.name` → `vendor_name`). */
export function simplify(record: IDataObject, fields: string[]): IDataObject {
	const out: IDataObject = {};
	for (const field of fields) {
		const value = pick(record, field);
		if (value !== undefined) out[field.replace(/\./g, '_')] = value as IDataObject[string];
	}
	return out;
}

export function shapeOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject | IDataObject[],
	fields: string[],
): IDataObject | IDataObject[] {
	const output = ctx.getNodeParameter('output', itemIndex, 'simplified') as string;
	if (output === 'raw') return records;
	return Array.isArray(records) ? records.map((r) => simplify(r, fields)) : simplify(records, fields);
}
