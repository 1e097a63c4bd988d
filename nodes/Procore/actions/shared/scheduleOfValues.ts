import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { formatMoney, toCents } from '../changeEvent/money';
import type { CorLine, LinesInput } from '../changeEvent/corInput';
import { readCorLines } from '../changeEvent/corInput';
import type { Scope } from '../changeEvent/lookups';
import { KINDS, Unmatched, refKey, resolveAll } from '../changeEvent/lookups';
import { forOperation } from '../operationSelector';

/**
 * A schedule of values (the line items of a commitment or a direct cost) entered in the panel or
 * given as JSON, with codes matched to the project's cost codes and cost types the way Push COR
 * matches a COR's lines (one read of each list, every unmatched code reported at once).
 */
const SOV_SHAPE = '{ "description", "costCode" (code or costCodeId), "category" (cost type code or name, or lineItemTypeId), "quantity", "unit", "unitCost", "amount" }';

export function scheduleOfValuesParameters(resource: string, operation: string, hint: string): INodeProperties[] {
	const lineFields: INodeProperties[] = [
		{ displayName: 'Amount', name: 'amount', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'The line\'s amount; 0 = quantity × unit cost' },
		{
			displayName: 'Cost Code Name or ID',
			name: 'costCode',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getProjectCostCodes', loadOptionsDependsOn: ['project.value'] },
			default: '',
			description:
				'The project\'s cost code of this line (a code such as 03-300 works too). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Cost Type Name or ID',
			name: 'category',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getProjectCostTypes', loadOptionsDependsOn: ['project.value'] },
			default: '',
			description:
				'The line item type (cost type) of this line, e.g. Labor (a code such as L works too). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 0 },
		{ displayName: 'Unit', name: 'unit', type: 'string', default: '', placeholder: 'e.g. LS', description: 'One of the company\'s units of measure' },
		{ displayName: 'Unit Cost', name: 'unitCost', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
	];
	return forOperation(resource, operation, [
		{
			displayName: 'Line Items Input',
			name: 'linesInput',
			type: 'options',
			options: [
				{ name: 'Fields Below', value: 'fields', description: 'Enter each line in the panel' },
				{ name: 'JSON', value: 'json', description: 'An array of lines, e.g. mapped from an ERP or estimating tool' },
			],
			default: 'fields',
			description: hint,
		},
		{
			displayName: 'Line Items',
			name: 'lineItems',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Line Item',
			default: {},
			displayOptions: { show: { linesInput: ['fields'] } },
			options: [{ displayName: 'Line', name: 'line', values: lineFields }],
		},
		{
			displayName: 'Line Items (JSON)',
			name: 'lines',
			type: 'json',
			default: '[]',
			displayOptions: { show: { linesInput: ['json'] } },
			description: `An array of lines, each like ${SOV_SHAPE}`,
		},
	]);
}

/** One line with Procore IDs, ready for a line item body. */
export interface SovLine {
	index: number;
	description: string;
	costCodeId?: string;
	costCodeLabel?: string;
	lineItemTypeId?: string;
	lineItemTypeLabel?: string;
	quantity?: number;
	unit?: string;
	unitCost?: number;
	amountCents: number;
}

/** The lines entered, codes matched; throws once naming every unmatched code (nothing written). */
export async function readScheduleOfValues(ctx: IExecuteFunctions, i: number, scope: Scope): Promise<SovLine[]> {
	const input = ctx.getNodeParameter('linesInput', i, 'fields') as LinesInput;
	const raw: CorLine[] = readCorLines(ctx, i, input);
	const unmatched = new Unmatched();
	const where = (l: CorLine) => `line ${l.index}`;
	// A value picked from the list is an ID; a typed one may be a code. Both match the project's list.
	const costCodes = await resolveAll(ctx, i, scope, KINDS.costCode, raw.flatMap((l) => (l.costCode ? [{ ref: { ...l.costCode, byId: false }, where: where(l) }] : [])), unmatched);
	const types = await resolveAll(ctx, i, scope, KINDS.category, raw.flatMap((l) => (l.category ? [{ ref: { ...l.category, byId: false }, where: where(l) }] : [])), unmatched);
	unmatched.throwIfAny(ctx, i, scope.projectId);
	return raw.map((l) => {
		const cc = l.costCode ? costCodes.get(refKey({ ...l.costCode, byId: false })) : undefined;
		const lit = l.category ? types.get(refKey({ ...l.category, byId: false })) : undefined;
		return {
			index: l.index,
			description: l.description,
			costCodeId: cc ? String(cc.id) : undefined,
			costCodeLabel: cc ? String(cc.full_code ?? cc.code ?? cc.id) : undefined,
			lineItemTypeId: lit ? String(lit.id) : undefined,
			lineItemTypeLabel: lit ? String(lit.name ?? lit.code ?? lit.id) : undefined,
			quantity: l.quantity,
			unit: l.unit,
			unitCost: l.unitCost,
			amountCents: l.amountCents,
		};
	});
}

/** The `line_item` body Procore's v1.0 line item endpoints take. */
export function lineItemBody(line: SovLine, originData?: string, numeric = false): IDataObject {
	const body: IDataObject = { description: line.description, amount: numeric ? line.amountCents / 100 : (line.amountCents / 100).toFixed(2) };
	if (line.costCodeId) body.cost_code_id = Number(line.costCodeId);
	if (line.lineItemTypeId) body.line_item_type_id = Number(line.lineItemTypeId);
	if (line.quantity !== undefined) body.quantity = numeric ? line.quantity : String(line.quantity);
	if (line.unitCost !== undefined) body.unit_cost = numeric ? line.unitCost : line.unitCost.toFixed(2);
	if (line.unit) body.uom = line.unit;
	if (originData) body.origin_data = originData;
	return body;
}

const idIn = (v: unknown) => (v && typeof v === 'object' ? String((v as IDataObject).id ?? '') : v === undefined || v === null ? '' : String(v));
const norm = (v: unknown) => String(v ?? '').trim().toLowerCase();

/** What identifies a line across runs: cost code, cost type and description. */
function keyOfExisting(l: IDataObject): string {
	return [idIn(l.cost_code ?? l.cost_code_id), idIn(l.line_item_type ?? l.line_item_type_id), norm(l.description)].join('|');
}
function keyOfWanted(l: SovLine): string {
	return [l.costCodeId ?? '', l.lineItemTypeId ?? '', norm(l.description)].join('|');
}

export interface LinePlan {
	add: SovLine[];
	change: Array<{ line: SovLine; current: IDataObject; fields: Array<{ field: string; previous: unknown; new: unknown }> }>;
	remove: IDataObject[];
	unchanged: number;
}

/**
 * The writes that turn the current lines into the wanted ones. A wanted line matches a current line
 * with the same cost code, cost type and description; its amount, quantity, unit cost and unit are
 * compared. Current lines nobody asked for are removed only when `removeOthers` is set.
 */
export function planLines(current: IDataObject[], wanted: SovLine[], removeOthers: boolean): LinePlan {
	const pool = [...current];
	const plan: LinePlan = { add: [], change: [], remove: [], unchanged: 0 };
	for (const line of wanted) {
		const at = pool.findIndex((c) => keyOfExisting(c) === keyOfWanted(line));
		if (at < 0) {
			plan.add.push(line);
			continue;
		}
		const [found] = pool.splice(at, 1);
		const fields: LinePlan['change'][number]['fields'] = [];
		const body = lineItemBody(line);
		if (toCents(found.amount) !== line.amountCents) fields.push({ field: 'amount', previous: found.amount, new: body.amount });
		if (line.quantity !== undefined && Number(found.quantity) !== line.quantity) fields.push({ field: 'quantity', previous: found.quantity, new: body.quantity });
		if (line.unitCost !== undefined && toCents(found.unit_cost) !== Math.round(line.unitCost * 100)) fields.push({ field: 'unit_cost', previous: found.unit_cost, new: body.unit_cost });
		if (line.unit && norm(found.uom) !== norm(line.unit)) fields.push({ field: 'uom', previous: found.uom, new: line.unit });
		if (fields.length) plan.change.push({ line, current: found, fields });
		else plan.unchanged++;
	}
	if (removeOthers) plan.remove = pool;
	return plan;
}

export function lineLabel(line: SovLine | IDataObject): string {
	const l = line as IDataObject & SovLine;
	const code = l.costCodeLabel ?? (l.cost_code as IDataObject | undefined)?.full_code ?? '';
	const type = l.lineItemTypeLabel ?? (l.line_item_type as IDataObject | undefined)?.name ?? '';
	return [code, type, l.description].filter((v) => v !== undefined && v !== null && v !== '').join(' ') || `line ${String(l.index ?? l.id)}`;
}

/** "2 added, 1 changed, 1 removed" (or "unchanged"). */
export function planSentence(plan: LinePlan): string {
	const parts = [
		plan.add.length ? `${plan.add.length} added` : '',
		plan.change.length ? `${plan.change.length} changed` : '',
		plan.remove.length ? `${plan.remove.length} removed` : '',
	].filter(Boolean);
	return parts.length ? parts.join(', ') : 'unchanged';
}

export const sumCents = (lines: Array<{ amountCents: number }>) => lines.reduce((s, l) => s + l.amountCents, 0);
export const money = formatMoney;
