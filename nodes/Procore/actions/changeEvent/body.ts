/**
 * The one place that knows Procore's Change Event bodies.
 *
 * WHICH VERSION, AND WHY
 * Writes with lines use v1.0 (`POST /rest/v1.0/change_events`, `PATCH /rest/v1.0/change_events/{id}`):
 *  1. Every line field a COR needs is named in Procore's v1.0 schema: `cost_code_id`,
 *     `line_item_type_id`, `estimated_cost_quantity` / `_unit_cost` / `_amount` /
 *     `_calculation_strategy`, `uom`, `proposed_vendor_id`, `proposed_contract_id`, `description`, and
 *     `id` to change a line in place. In v1.1 the money sits under `change_items[].cost_impact.*`,
 *     whose request sub-fields are cut off in the only schema there is (UNCONFIRMED): a wrong guess
 *     would silently drop the amounts, which are the point of a COR.
 *  2. v1.0 takes `attachments_by_uuid` on create; v1.1 only on PATCH (a second call).
 *  3. v1.0 list and show return `origin_id`, the field the push writes the COR's ID to, so the
 *     idempotency look-up reads what the write wrote.
 * What v1.0 cannot carry goes in ONE v1.1 PATCH, sent only when there is something for it: the
 * description (v1.0's request has no `description`), the company's configurable change type (v1.0
 * has only the fixed `event_type` enum), the prime contract for estimates, and removed lines (v1.0
 * documents no way to delete a line; v1.1 has `change_items[].deleted`).
 * Delete is v1.1 (v1.0 has no DELETE). Reads are v1.0: the record carries `origin_id`,
 * `change_event_status` and lines with their cost code, line item type and amount.
 */
import type { IDataObject } from 'n8n-workflow';

import { toProcoreId } from '../../helpers/context';
import { fromCents, toCents, toNumber } from './money';

export const V10_PATH = '/rest/v1.0/change_events';
export const v10ItemPath = (id: string): string => `${V10_PATH}/${id}`;
export const v11ItemPath = (id: string): string => `/rest/v1.1/change_events/${id}`;

/**
 * Shapes the reference marks UNCONFIRMED, kept here so they can be corrected once.
 * - A WBS budget code on a line: the v1.0 create schema names `budget_code: { id }`; the update
 *   schema names `wbs_code_id` with its form cut off (PY24 types it `{ id }`); we send the bare ID.
 * - Removing a line through v1.1: `change_items: [{ id, deleted }]` are named, `deleted`'s type
 *   is cut off; we send `true`.
 */
export const UNCONFIRMED = {
	budgetCodeOnCreate: (wbsCodeId: string): IDataObject => ({ budget_code: { id: toProcoreId(wbsCodeId) } }),
	budgetCodeOnUpdate: (wbsCodeId: string): IDataObject => ({ wbs_code_id: toProcoreId(wbsCodeId) }),
	deletedChangeItem: (lineId: string): IDataObject => ({ id: toProcoreId(lineId), deleted: true }),
};

/** A line to write, every code resolved to a Procore ID. */
export interface ResolvedLine {
	description: string;
	costCodeId?: string;
	lineItemTypeId?: string;
	wbsCodeId?: string;
	vendorId?: string;
	contractId?: string;
	quantity?: number;
	uom?: string;
	unitCost?: number;
	amountCents: number;
	from?: number[];
}

/** A line as it is in Procore. */
export interface ExistingLine extends ResolvedLine {
	id: string;
	deletable: boolean;
	editable: boolean;
}

/** Header fields in our words; undefined = not sent. */
export interface HeaderInput {
	title?: string;
	number?: string;
	statusId?: string;
	scope?: string;
	reasonId?: string;
	eventType?: string;
	originId?: string;
	description?: string;
	changeTypeId?: string;
	primeContractId?: string;
	attachmentUuids?: string[];
	fileVersionIds?: string[];
}

const money = (cents: number): string => fromCents(cents).toFixed(2);

function setId(body: IDataObject, field: string, id: string | undefined): void {
	if (id) body[field] = toProcoreId(id);
}

/** One v1.0 line: a new one (no id) or an existing one replaced in place. */
export function v10Line(line: ResolvedLine, existingId?: string): IDataObject {
	const body: IDataObject = {};
	if (existingId) body.id = toProcoreId(existingId);
	body.description = line.description;
	setId(body, 'cost_code_id', line.costCodeId);
	setId(body, 'line_item_type_id', line.lineItemTypeId);
	if (line.wbsCodeId) {
		Object.assign(body, existingId ? UNCONFIRMED.budgetCodeOnUpdate(line.wbsCodeId) : UNCONFIRMED.budgetCodeOnCreate(line.wbsCodeId));
	}
	if (line.uom) body.uom = line.uom;
	if (line.quantity !== undefined) body.estimated_cost_quantity = line.quantity;
	if (line.unitCost !== undefined) body.estimated_cost_unit_cost = line.unitCost;
	// "manual": the amount is the COR's, to the cent, not Procore's quantity × unit cost.
	body.estimated_cost_amount = money(line.amountCents);
	body.estimated_cost_calculation_strategy = 'manual';
	setId(body, 'proposed_vendor_id', line.vendorId);
	setId(body, 'proposed_contract_id', line.contractId);
	return body;
}

/** A line the COR no longer has, kept (it is locked or linked downstream) at zero. */
export function v10ZeroLine(id: string): IDataObject {
	return { id: toProcoreId(id), estimated_cost_amount: money(0), estimated_cost_calculation_strategy: 'manual' };
}

/** The v1.0 `change_event` fields of a header. */
export function v10Header(h: HeaderInput): IDataObject {
	const body: IDataObject = {};
	if (h.title !== undefined) body.title = h.title;
	if (h.number !== undefined) body.number = h.number;
	setId(body, 'change_event_status_id', h.statusId);
	if (h.scope) body.event_scope = h.scope;
	if (h.eventType) body.event_type = h.eventType;
	setId(body, 'change_order_change_reason_id', h.reasonId);
	if (h.originId !== undefined) body.origin_id = h.originId;
	if (h.attachmentUuids?.length) body.attachments_by_uuid = h.attachmentUuids.map((upload_uuid) => ({ upload_uuid }));
	if (h.fileVersionIds?.length) body.attachments_by_file_version = h.fileVersionIds.map((id) => ({ id: toProcoreId(id) }));
	return body;
}

/** The v1.1 PATCH for what v1.0 cannot carry, or undefined when there is nothing to send. */
export function v11Extras(h: HeaderInput, deletedLineIds: string[]): IDataObject | undefined {
	const body: IDataObject = {};
	if (h.description !== undefined) body.description = h.description;
	if (h.changeTypeId) body.change_type = { id: toProcoreId(h.changeTypeId) };
	if (h.primeContractId) body.prime_contract_for_estimates = { id: toProcoreId(h.primeContractId) };
	if (deletedLineIds.length) body.change_items = deletedLineIds.map(UNCONFIRMED.deletedChangeItem);
	return Object.keys(body).length ? body : undefined;
}

function idOf(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'object') return idOf((value as IDataObject).id);
	return String(value);
}

/** A v1.0 line as Procore returns it, in our words. */
export function readLine(raw: IDataObject): ExistingLine {
	return {
		id: String(raw.id),
		description: String(raw.description ?? ''),
		costCodeId: idOf(raw.cost_code_id) ?? idOf(raw.cost_code),
		lineItemTypeId: idOf(raw.line_item_type_id) ?? idOf(raw.line_item_type),
		wbsCodeId: idOf(raw.wbs_code_id) ?? idOf(raw.budget_code),
		vendorId: idOf(raw.proposed_vendor_id) ?? idOf(raw.vendor),
		contractId: idOf(raw.proposed_contract_id) ?? idOf(raw.contract),
		quantity: toNumber(raw.estimated_cost_quantity),
		uom: raw.uom ? String(raw.uom) : undefined,
		unitCost: toNumber(raw.estimated_cost_unit_cost),
		amountCents: toCents(raw.estimated_cost_amount) ?? 0,
		deletable: raw.deletable !== false,
		editable: raw.editable !== false,
	};
}

export function readLines(changeEvent: IDataObject): ExistingLine[] {
	const lines = changeEvent.change_event_line_items;
	return Array.isArray(lines) ? (lines as IDataObject[]).map(readLine) : [];
}

/** The origin ID of a Change Event, from v1.0 (`origin_id`) or v1.1 (`external_data.origin_id`). */
export function originIdOf(changeEvent: IDataObject): string {
	const external = changeEvent.external_data as IDataObject | undefined;
	return String(changeEvent.origin_id ?? external?.origin_id ?? '').trim();
}

export function totalCents(lines: Array<{ amountCents: number }>): number {
	return lines.reduce((sum, l) => sum + l.amountCents, 0);
}
