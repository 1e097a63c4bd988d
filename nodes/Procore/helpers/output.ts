import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The one output convention of the Procore node (docs/architecture.md, "Panel and output conventions").
 *
 * Every read and write operation declares an OutputSpec; the router shapes what the operation
 * returns and the node's properties get the Output parameter from it, so no operation picks fields
 * itself. Record fields keep Procore's snake_case names; nested fields chosen for Simplified are
 * flattened with `_` (`vendor.name` → `vendor_name`), so the whole output reads in one casing.
 */
export interface OutputSpec {
	/** What Simplified keeps, most used first: at most MAX_SIMPLIFIED_FIELDS (n8n's UX guideline). */
	fields: readonly string[];
	/**
	 * Builds the Simplified record when picking fields is not enough (e.g. trimming nested lists);
	 * `fields` then names its keys.
	 */
	simplify?: (record: IDataObject) => IDataObject;
	/**
	 * When what a record holds depends on a parameter (the daily log type), Simplified keeps
	 * `fields[value]` of that parameter's value, and each value gets its own Output description.
	 */
	variants?: { parameter: string; fields: Record<string, readonly string[]> };
}

/** n8n's UX guidelines: a simplified output has at most 10 fields. */
export const MAX_SIMPLIFIED_FIELDS = 10;

/**
 * Keys the package itself adds to a write's output, in the same snake_case as Procore's fields:
 * `summary` (one sentence, always), `changes` (previous → new, updates), `skipped` (an idempotent
 * write found the record already there), `audit_tag` (the tag written to Procore), `confirmed_by`
 * (how a write whose answer was lost was confirmed by reading the record back). Simplified and
 * Selected Fields keep only `summary`; Raw keeps all. A preview (`preview: true`, with `request`)
 * is not a record and is returned as it is in every mode.
 */
export const WRITE_KEYS = ['summary', 'changes', 'skipped', 'audit_tag', 'confirmed_by'] as const;

const SIMPLIFIED_PREFIX = 'Only the most used fields: ';

function simplifiedDescription(fields: readonly string[]): string {
	return `${SIMPLIFIED_PREFIX}${fields.map((f) => f.replace(/\./g, '_')).join(', ')}`;
}

/** The fields Simplified keeps, read back from the Output parameter (for tests and docs). */
export function simplifiedFieldsOf(output: INodeProperties): string[] | undefined {
	const option = (output.options ?? []).find((o) => 'value' in o && o.value === 'simplified') as
		| { description?: string }
		| undefined;
	if (!option?.description?.startsWith(SIMPLIFIED_PREFIX)) return undefined;
	return option.description.slice(SIMPLIFIED_PREFIX.length).split(', ');
}

/**
 * The Output parameter and its "Fields" list (n8n's pattern for nodes used as AI tools: Simplified,
 * Raw, Selected Fields). The Simplified option names its fields, so a person sees what they get.
 */
export function outputParameters(spec: OutputSpec): INodeProperties[] {
	const variants = spec.variants;
	const outputs = variants
		? Object.entries(variants.fields).map(([value, fields]) => ({
				...outputParameter(fields),
				displayOptions: { show: { [variants.parameter]: [value] } },
			}))
		: [outputParameter(spec.fields)];
	return [
		...outputs,
		{
			displayName: 'Fields',
			name: 'outputFields',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. title, status, vendor.name',
			description:
				'Procore field names, separated by commas. A dot reaches into a nested field (vendor.name becomes vendor_name).',
			displayOptions: { show: { output: ['selected'] } },
		},
	];
}

function outputParameter(fields: readonly string[]): INodeProperties {
	return {
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'simplified',
			options: [
				{ name: 'Raw', value: 'raw', description: 'Every field Procore returns' },
				{
					name: 'Selected Fields',
					value: 'selected',
					description: 'Only the fields you list (the ID is always included)',
				},
				{ name: 'Simplified', value: 'simplified', description: simplifiedDescription(fields) },
			],
	};
}

function pick(record: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => {
		return value && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
	}, record);
}

/** Keeps the listed fields (dotted paths become flat keys: `vendor.name` → `vendor_name`). */
export function simplify(record: IDataObject, fields: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const field of fields) {
		const value = pick(record, field);
		if (value !== undefined) out[field.replace(/\./g, '_')] = value as IDataObject[string];
	}
	return out;
}

function selectedFields(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const raw = ctx.getNodeParameter('outputFields', itemIndex, '') as string | string[];
	const fields = (Array.isArray(raw) ? raw : String(raw).split(','))
		.map((f) => String(f).trim())
		.filter(Boolean);
	if (!fields.length) {
		throw new NodeOperationError(ctx.getNode(), 'No fields listed in "Fields"', {
			description: 'List the Procore fields to return, separated by commas (e.g. id, title, status), or set Output to Simplified.',
			itemIndex,
		});
	}
	return fields.includes('id') ? fields : ['id', ...fields];
}

function simplifiedFields(ctx: IExecuteFunctions, itemIndex: number, spec: OutputSpec): readonly string[] {
	if (!spec.variants) return spec.fields;
	const value = String(ctx.getNodeParameter(spec.variants.parameter, itemIndex, ''));
	return spec.variants.fields[value] ?? spec.fields;
}

function shapeOne(record: IDataObject, mode: string, spec: OutputSpec, fields: readonly string[]): IDataObject {
	if (record.preview === true || mode === 'raw') return record;
	const source = mode === 'simplified' && spec.simplify ? spec.simplify(record) : record;
	const shaped = simplify(source, fields);
	if (record.summary !== undefined) shaped.summary = record.summary;
	return shaped;
}

/** Shapes what an operation returned by the item's Output choice (the router calls it). */
export function shapeOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject | IDataObject[],
	spec: OutputSpec,
): IDataObject | IDataObject[] {
	const mode = ctx.getNodeParameter('output', itemIndex, 'simplified') as string;
	const fields = mode === 'selected' ? selectedFields(ctx, itemIndex) : simplifiedFields(ctx, itemIndex, spec);
	return Array.isArray(records)
		? records.map((r) => shapeOne(r, mode, spec, fields))
		: shapeOne(records, mode, spec, fields);
}
