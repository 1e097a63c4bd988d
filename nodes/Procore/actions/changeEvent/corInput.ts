import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

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

/** The lines from the JSON parameter (array, or JSON text), shaped but not yet checked line by line. */
function jsonLines(ctx: IExecuteFunctions, value: unknown, i: number, shape: string): unknown[] {
	if (value === undefined || value === null || value === '') return [];
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			fail(ctx, i, 'Lines (JSON) is not valid JSON', `Give an array of lines, each like ${shape}.`);
		}
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
		// A single line object, or { lines: [...] } from a COR tool.
		const inner = (parsed as IDataObject).lines;
		parsed = Array.isArray(inner) ? inner : [parsed];
	}
	if (!Array.isArray(parsed)) {
		fail(ctx, i, 'Lines (JSON) must be an array of lines', `Each line is an object like ${shape}.`);
	}
	return parsed as unknown[];
}

/**
 * A figure as COR tools send it (1200.5, "1,200.50", "$1,200.50"); empty = not given; anything else
 * is an issue naming the field and the value.
 */
const figure = (field: string, read: (value: unknown) => number | undefined) =>
	z.unknown().transform((value, issues) => {
		if (value === undefined || value === null || value === '') return undefined;
		const n = read(value);
		if (n === undefined) {
			issues.addIssue({ code: 'custom', message: `${field} "${String(value)}" is not a number` });
			return z.NEVER;
		}
		return n;
	});

/** The figures of one line, read under their aliases (KEYS): an amount (in cents), or quantity × unit cost. */
const lineFigures = z
	.object({ amountCents: figure('amount', toCents), quantity: figure('quantity', toNumber), unitCost: figure('unitCost', toNumber) })
	.superRefine((line, issues) => {
		if (line.amountCents === undefined && (line.quantity === undefined || line.unitCost === undefined)) {
			issues.addIssue({ code: 'custom', message: 'has no amount: give "amount", or "quantity" and "unitCost"' });
		}
	});

/** Every line an object with valid figures; one pass finds every problem of every line. */
const corLines = z.array(
	z
		.record(z.string(), z.unknown(), { invalid_type_error: 'is not an object' })
		.transform((record) => {
			const raw = record as IDataObject;
			return { raw, figures: { amountCents: pick(raw, KEYS.amount), quantity: pick(raw, KEYS.quantity), unitCost: pick(raw, KEYS.unitCost) } };
		})
		.pipe(z.object({ raw: z.custom<IDataObject>(), figures: lineFigures })),
);

/** `Line 2: amount "abc" is not a number`, `Line 3 has no amount: …`, `Line 4 is not an object`. */
function issueText(issue: z.ZodIssue): string {
	const line = typeof issue.path[0] === 'number' ? `Line ${issue.path[0] + 1}` : 'Lines';
	return /^(has|is) /.test(issue.message) ? `${line} ${issue.message}` : `${line}: ${issue.message}`;
}

export type LinesInput = 'fields' | 'json';

/** The lines entered in the panel. The panel fills Amount with 0 when left alone: that means quantity × unit cost. */
function fieldLines(ctx: IExecuteFunctions, i: number): IDataObject[] {
	const entered = ((ctx.getNodeParameter('lineItems', i, {}) as IDataObject).line as IDataObject[] | undefined) ?? [];
	return entered.map(({ amount, ...line }) => (amount === 0 || amount === '0' ? line : { ...line, amount }));
}

/**
 * The COR's lines from the one input "Lines Input" chooses (the JSON array, or the fields), validated
 * and normalised. A schedule of values (commitments, direct costs) reads its lines here too, naming
 * them and their shape its own way in errors.
 */
export function readCorLines(ctx: IExecuteFunctions, i: number, input: LinesInput, what = "the COR's lines", shape = LINE_SHAPE): CorLine[] {
	const raws = input === 'json' ? jsonLines(ctx, ctx.getNodeParameter('lines', i, ''), i, shape) : fieldLines(ctx, i);
	const checked = corLines.safeParse(raws);
	if (!checked.success) {
		const problems = checked.error.issues.map(issueText);
		fail(
			ctx,
			i,
			problems.length === 1 ? problems[0] : `${problems.length} problems in ${what}: ${problems.join('; ')}`,
			`Each line is an object like ${shape}, with "amount", or "quantity" and "unitCost" (the amount is then quantity × unit cost), as numbers. Nothing was written.`,
		);
	}
	return checked.data.map(({ raw, figures }, n) => ({
		index: n + 1,
		description: String(pick(raw, KEYS.description) ?? '').trim(),
		costCode: ref(raw, KEYS.costCodeId, KEYS.costCode),
		category: ref(raw, KEYS.categoryId, KEYS.category),
		budgetCode: ref(raw, KEYS.budgetCodeId, KEYS.budgetCode),
		rateType: (pick(raw, KEYS.rateType) as string | undefined)?.toString().trim() || undefined,
		quantity: figures.quantity,
		unit: (pick(raw, KEYS.unit) as string | undefined)?.toString().trim() || undefined,
		unitCost: figures.unitCost,
		amountCents: figures.amountCents ?? Math.round((figures.quantity ?? 0) * (figures.unitCost ?? 0) * 100),
		vendor: ref(raw, KEYS.vendorId, KEYS.vendor),
		contract: ref(raw, KEYS.contractId, KEYS.contract),
	}));
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
