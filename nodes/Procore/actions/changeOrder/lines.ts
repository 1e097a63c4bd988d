import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toProcoreId } from '../../helpers/context';
import { procoreApiRequestAllItems } from '../../transport';
import { fromCents, toCents } from '../changeEvent/money';
import type { Contract, Scope } from './records';

/** A Change Event line as the change order gets it. */
export interface SourceLine {
	id: string;
	description: string;
	cents: number;
	quantity?: number;
	unitCost?: number;
	uom?: string;
	costCodeId?: string;
	lineItemTypeId?: string;
	wbsCodeId?: string;
	contractId?: string;
	vendorId?: string;
}

const idOf = (v: unknown): string | undefined => {
	if (v && typeof v === 'object') return idOf((v as IDataObject).id);
	return v === undefined || v === null || v === '' ? undefined : String(v);
};
const num = (v: unknown) => (v === undefined || v === null || v === '' || Number.isNaN(Number(v)) ? undefined : Number(v));

/**
 * The amount a line brings to the change order: its cost on a commitment, its revenue on the
 * prime contract (revenue ROM where Procore shows one, else the ROM the COR set).
 */
function amountOf(line: IDataObject, side: Contract['side']): number {
	const order = side === 'prime' ? [line.revenue_rom, line.rom, line.estimated_cost_amount] : [line.estimated_cost_amount, line.rom];
	for (const v of order) {
		const cents = toCents(v);
		if (cents !== undefined) return cents;
	}
	return 0;
}

export function sourceLines(changeEvent: IDataObject, side: Contract['side']): SourceLine[] {
	const lines = (changeEvent.change_event_line_items ?? changeEvent.line_items ?? []) as IDataObject[];
	return lines.map((l) => ({
		id: String(l.id),
		description: String(l.description ?? ''),
		cents: amountOf(l, side),
		quantity: num(l.estimated_cost_quantity ?? l.quantity),
		unitCost: num(l.estimated_cost_unit_cost ?? l.unit_cost),
		uom: l.uom ? String(l.uom) : undefined,
		costCodeId: idOf(l.cost_code_id) ?? idOf(l.cost_code),
		lineItemTypeId: idOf(l.line_item_type_id) ?? idOf(l.line_item_type),
		wbsCodeId: idOf(l.wbs_code_id) ?? idOf(l.budget_code) ?? idOf(l.wbs_code),
		contractId: idOf(l.proposed_contract_id) ?? idOf(l.contract),
		vendorId: idOf(l.proposed_vendor_id) ?? idOf(l.vendor),
	}));
}

export type LineChoice = 'contract' | 'all' | 'chosen';

/**
 * The lines a PM would take: on a commitment, the Change Event's lines for that commitment (its
 * contract, else its vendor); on the prime contract, every line (each is revenue to the owner).
 */
export function pickLines(
	ctx: IExecuteFunctions,
	itemIndex: number,
	all: SourceLine[],
	choice: LineChoice,
	chosenIds: string[],
	contract: Contract,
	changeEventLabel: string,
): SourceLine[] {
	let picked: SourceLine[];
	if (choice === 'all') picked = all;
	else if (choice === 'chosen') {
		const missing = chosenIds.filter((id) => !all.some((l) => l.id === id));
		if (missing.length)
			throw new NodeOperationError(ctx.getNode(), `Change Event ${changeEventLabel} has no line ${missing.join(', ')}`, {
				description: `Its lines are ${all.map((l) => `${l.id} (${l.description || 'no description'})`).join(', ') || 'none'}. Pick the lines from the list.`,
				itemIndex,
			});
		picked = all.filter((l) => chosenIds.includes(l.id));
	} else if (contract.side === 'prime') picked = all;
	else {
		const vendorId = idOf(contract.record.vendor);
		const onContract = all.filter((l) => l.contractId === contract.id);
		picked = onContract.length ? onContract : all.filter((l) => !l.contractId && vendorId !== undefined && l.vendorId === vendorId);
	}
	if (!picked.length)
		throw new NodeOperationError(ctx.getNode(), `No line of Change Event ${changeEventLabel} is for this contract`, {
			description:
				choice === 'contract'
					? 'None of its lines names this commitment or its vendor. Set "Lines" to "All Lines" or "Chosen Lines", or give the lines a contract in Procore.'
					: 'The Change Event has no lines: add them in Procore (or push the COR again) first.',
			itemIndex,
		});
	return picked;
}

export const totalCents = (lines: SourceLine[]) => lines.reduce((sum, l) => sum + l.cents, 0);

/** Budget codes (WBS) of the project by cost code + cost type: v2.0 change order lines need one. */
export async function budgetCodes(ctx: IExecuteFunctions, s: Scope): Promise<Map<string, string>> {
	const rows = await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: `/rest/v1.0/projects/${s.projectId}/work_breakdown_structure/wbs_codes`,
		companyId: s.companyId,
		itemIndex: s.itemIndex,
	});
	const map = new Map<string, string>();
	for (const row of rows) {
		const items = (row.segment_items ?? []) as IDataObject[];
		const cc = items.find((it) => /cost code/i.test(String(it.segment_name ?? '')));
		const type = items.find((it) => /cost type|category/i.test(String(it.segment_name ?? '')));
		if (cc && type) map.set(`${String(cc.id)}:${String(type.id)}`, String(row.id));
	}
	return map;
}

/** `POST …/potential_change_orders/{id}/line_items`: the line's codes and its origin (the Change Event line). */
export function pcoLineBody(projectId: string, l: SourceLine): IDataObject {
	const line: IDataObject = { description: l.description, amount: fromCents(l.cents).toFixed(2), origin_id: lineOriginId(l) };
	if (l.quantity !== undefined) line.quantity = String(l.quantity);
	if (l.unitCost !== undefined) line.unit_cost = String(l.unitCost);
	if (l.uom) line.uom = l.uom;
	if (l.costCodeId) line.cost_code_id = toProcoreId(l.costCodeId);
	if (l.lineItemTypeId) line.line_item_type_id = toProcoreId(l.lineItemTypeId);
	if (l.wbsCodeId) line.wbs_code_id = toProcoreId(l.wbsCodeId);
	return { project_id: toProcoreId(projectId), line_item: line };
}

/** v2.0 commitment / prime change order line: Procore requires its budget code (`wbs_code_id`). */
export function v2LineBody(ctx: IExecuteFunctions, itemIndex: number, l: SourceLine, codes: Map<string, string>): IDataObject {
	const wbs = l.wbsCodeId ?? codes.get(`${l.costCodeId}:${l.lineItemTypeId}`);
	if (!wbs)
		throw new NodeOperationError(ctx.getNode(), `Change Event line ${l.id} (${l.description || 'no description'}) has no budget code`, {
			description: 'Procore needs a budget code (cost code + cost type) on every change order line. Give the line a cost code and a cost type in Procore, then run again.',
			itemIndex,
		});
	const body: IDataObject = { description: l.description, amount: fromCents(l.cents).toFixed(2), wbs_code_id: wbs };
	if (l.quantity !== undefined) body.quantity = String(l.quantity);
	if (l.unitCost !== undefined) body.unit_cost = String(l.unitCost);
	if (l.uom) body.uom = l.uom;
	return body;
}

export const lineOriginId = (l: SourceLine) => `change_event_line_item:${l.id}`;

/** Whether a line already on the change order is this source line (re-runs add only what is missing). */
export function sameLine(existing: IDataObject, l: SourceLine): boolean {
	if (existing.origin_id) return String(existing.origin_id) === lineOriginId(l);
	return String(existing.description ?? '') === l.description && toCents(existing.amount) === l.cents;
}
