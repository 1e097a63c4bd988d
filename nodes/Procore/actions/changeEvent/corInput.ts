import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toCents, toNumber } from './money';

/** A code or an ID as the user gave it: `byId` when it came from an `…Id` field. */
export interface Ref {
	text: string;
	byId: boolean;
}

/** One line of the COR, normalised from the JSON array or the "Lines" fields. */
export interface CorLine {
	/** 1-based position in the COR, for error messages. */
	index: number;
	description: string;
	costCode?: Ref;
	category?: Ref;
	budgetCode?: Ref;
	rateType?: string;
	quantity?: number;
	unit?: string;
	unitCost?: number;
	amountCents: number;
	vendor?: Ref;
	contract?: Ref;
}

/** Accepted keys per field: camelCase, snake_case and the words COR tools use. First match wins. */
const KEYS = {
	description: ['description', 'name', 'title'],
	costCodeId: ['costCodeId', 'cost_code_id'],
	costCode: ['costCode', 'cost_code', 'code'],
	categoryId: ['lineItemTypeId', 'line_item_type_id', 'categoryId', 'category_id'],
	category: ['category', 'lineItemType', 'line_item_type', 'costType', 'cost_type'],
	budgetCodeId: ['wbsCodeId', 'wbs_code_id', 'budgetCodeId', 'budget_code_id'],
	budgetCode: ['budgetCode', 'budget_code', 'wbsCode', 'wbs_code'],
	rateType: ['rateType', 'rate_type', 'type'],
	quantity: ['quantity', 'qty'],
	unit: ['unit', 'uom', 'unitOfMeasure', 'unit_of_measure'],
	unitCost: ['unitCost', 'unit_cost', 'rate', 'unitPrice', 'unit_price'],
	amount: ['amount', 'total', 'extendedAmount', 'extended_amount'],
	vendorId: ['vendorId', 'vendor_id'],
	vendor: ['vendor'],
	contractId: ['contractId', 'contract_id', 'commitmentId', 'commitment_id'],
	contract: ['contract', 'commitment'],
} as const;

function pick(raw: IDataObject, keys: readonly string[]): unknown {
	for (const key of keys) {
		const value = raw[key];
		if (value !== undefined && value !== null && value !== '') {
			// `{ id, name }` objects (as Procore or a COR tool returns them) count by their id.
			if (typeof value === 'object' && !Array.isArray(value) && 'id' in (value as IDataObject)) {
				return (value as IDataObject).id;
			}
			return value;
		}
	}
	return undefined;
}

function ref(raw: IDataObject, idKeys: readonly string[], codeKeys: readonly string[]): Ref | undefined {
	const id = pick(raw, idKeys);
	if (id !== undefined) return { text: String(id).trim(), byId: true };
	const code = pick(raw, codeKeys);
	return code === undefined ? undefined : { text: String(code).trim(), byId: false };
}

function fail(ctx: IExecuteFunctions, i: number, message: string, description: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { description, itemIndex: i });
}

export const LINE_SHAPE =
	'{ "description", "costCode" (code or costCodeId), "category" (line item type code/name, or lineItemTypeId), "budgetCode" (WBS code, optional), "rateType" (labor, material, equipment, subcontract, markup…), "quantity", "unit", "unitCost", "amount", "vendor" (ID or name), "contract" (commitment ID, number or title) }';

/** The lines from the JSON parameter (array, or JSON text). */
function jsonLines(ctx: IExecuteFunctions, value: unknown, i: number): IDataObject[] {
	if (value === undefined || value === null || value === '') return [];
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			fail(ctx, i, 'Lines (JSON) is not valid JSON', `Give an array of lines, each like ${LINE_SHAPE}.`);
		}
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
		// A single line object, or { lines: [...] } from a COR tool.
		const inner = (parsed as IDataObject).lines;
		parsed = Array.isArray(inner) ? inner : [parsed];
	}
	if (!Array.isArray(parsed)) {
		fail(ctx, i, 'Lines (JSON) must be an array of lines', `Each line is an object like ${LINE_SHAPE}.`);
	}
	return (parsed as unknown[]).map((line, n) => {
		if (!line || typeof line !== 'object' || Array.isArray(line)) {
			fail(ctx, i, `Line ${n + 1} of Lines (JSON) is not an object`, `Each line is an object like ${LINE_SHAPE}.`);
		}
		return line as IDataObject;
	});
}

export type LinesInput = 'fields' | 'json';

/** The lines entered in the panel. The panel fills Amount with 0 when left alone: that means quantity × unit cost. */
function fieldLines(ctx: IExecuteFunctions, i: number): IDataObject[] {
	const entered = ((ctx.getNodeParameter('lineItems', i, {}) as IDataObject).line as IDataObject[] | undefined) ?? [];
	return entered.map(({ amount, ...line }) => (amount === 0 || amount === '0' ? line : { ...line, amount }));
}

/** The COR's lines from the one input "Lines Input" chooses (the JSON array, or the fields), validated and normalised. */
export function readCorLines(ctx: IExecuteFunctions, i: number, input: LinesInput): CorLine[] {
	const raws = input === 'json' ? jsonLines(ctx, ctx.getNodeParameter('lines', i, ''), i) : fieldLines(ctx, i);
	const lines: CorLine[] = [];
	for (const [n, raw] of raws.entries()) {
		const index = n + 1;
		const quantity = toNumber(pick(raw, KEYS.quantity));
		const unitCost = toNumber(pick(raw, KEYS.unitCost));
		const amountValue = pick(raw, KEYS.amount);
		let amountCents = toCents(amountValue);
		if (amountValue !== undefined && amountCents === undefined) {
			fail(ctx, i, `Line ${index}: amount "${String(amountValue)}" is not a number`, 'Give the amount as a number, e.g. 1250.50.');
		}
		if (amountCents === undefined) {
			if (quantity === undefined || unitCost === undefined) {
				fail(
					ctx,
					i,
					`Line ${index} has no amount`,
					'Give "amount", or "quantity" and "unitCost" (the amount is then quantity × unit cost).',
				);
			}
			amountCents = Math.round(quantity * unitCost * 100);
		}
		const description = String(pick(raw, KEYS.description) ?? '').trim();
		lines.push({
			index,
			description,
			costCode: ref(raw, KEYS.costCodeId, KEYS.costCode),
			category: ref(raw, KEYS.categoryId, KEYS.category),
			budgetCode: ref(raw, KEYS.budgetCodeId, KEYS.budgetCode),
			rateType: (pick(raw, KEYS.rateType) as string | undefined)?.toString().trim() || undefined,
			quantity,
			unit: (pick(raw, KEYS.unit) as string | undefined)?.toString().trim() || undefined,
			unitCost,
			amountCents,
			vendor: ref(raw, KEYS.vendorId, KEYS.vendor),
			contract: ref(raw, KEYS.contractId, KEYS.contract),
		});
	}
	return lines;
}

/**
 * The COR's Cost Code: picked from the list or given by ID (used as is), or typed as a code (matched
 * against the project's cost codes). A plain string is a code, as in workflows built by expression.
 */
export function costCodeRef(value: unknown): Ref | undefined {
	const text = value && typeof value === 'object' ? String((value as IDataObject).value ?? '').trim() : String(value ?? '').trim();
	if (!text) return undefined;
	const mode = value && typeof value === 'object' ? (value as IDataObject).mode : undefined;
	return { text, byId: mode === 'list' || mode === 'id' };
}
