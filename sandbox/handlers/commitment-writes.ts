/**
 * Subcontracts (work order contracts) and purchase orders written through v1.0, with their
 * schedule of values (`…/{contract_id}/line_items`). Refused as Procore refuses them, nothing
 * stored: a contract of another project (404), a vendor not in the directory, a number already
 * used by a commitment of the project, a line on a cost code not in the project or a cost type not
 * in the company (422 naming the field). The contract's `grand_total` is its lines' sum, kept up to
 * date on every line change, as Procore shows it.
 */
import { resolveAttachments } from '../engine/attachments';
import { createRecord, emitChange, listReply, readAttributes, respond } from '../engine/generic';
import { errorReply, type FieldErrors, notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { StoredRec } from '../store';
import type { Ctx, Reply } from '../types';
import { defineHandler } from './registry';

type Obj = Record<string, unknown>;
const given = (v: unknown) => v !== undefined && v !== null && v !== '';
const idOf = (v: unknown): string | undefined =>
	typeof v === 'object' && v !== null ? idOf((v as Obj).id) : given(v) ? String(v) : undefined;
export const cents = (v: unknown) => Math.round((Number(v ?? 0) || 0) * 100);

const KINDS = {
	work_order_contracts: { type: 'WorkOrderContract', label: 'Work Order Contract' },
	purchase_order_contracts: { type: 'PurchaseOrderContract', label: 'Purchase Order Contract' },
} as const;
type Kind = keyof typeof KINDS;

function find(rt: Runtime, keys: string[], id: string | undefined): StoredRec | undefined {
	if (id === undefined) return undefined;
	for (const key of keys) {
		const rec = rt.store.get(key, id);
		if (rec && !rec.deleted_at) return rec;
	}
	return undefined;
}

const vendorOf = (rt: Runtime, ctx: Ctx, id: string | undefined) =>
	find(rt, [`projects/${ctx.projectId}/vendors`, `companies/${ctx.companyId ?? rt.companyId}/vendors`], id);

/** The contract named by the path, in the project the call names (else Procore's 404). */
function contractOf(ctx: Ctx, rt: Runtime, kind: Kind): StoredRec | undefined {
	// Line item paths name the contract as `{work_order_contract_id}` and the line as `{id}`.
	const id = ctx.params.work_order_contract_id ?? ctx.params.purchase_order_contract_id ?? ctx.params.id;
	return ctx.projectId === null ? undefined : find(rt, [`projects/${ctx.projectId}/${kind}`], id);
}

/** Header checks Procore makes: the vendor exists, the number is free in the project. */
function checkHeader(ctx: Ctx, rt: Runtime, attrs: Obj, self: StoredRec | undefined): FieldErrors {
	const errors: FieldErrors = {};
	if (given(attrs.vendor_id) && !vendorOf(rt, ctx, idOf(attrs.vendor_id))) errors.vendor_id = ['is not a vendor in the directory'];
	if (given(attrs.number)) {
		const clash = (Object.keys(KINDS) as Kind[])
			.flatMap((k) => rt.store.list(`projects/${ctx.projectId}/${k}`))
			.find((r) => r !== self && String(r.number ?? '').toLowerCase() === String(attrs.number).toLowerCase());
		if (clash) errors.number = ['has already been taken'];
	}
	return errors;
}

function withVendor(ctx: Ctx, rt: Runtime, attrs: Obj): Obj {
	if (!given(attrs.vendor_id)) return attrs;
	const v = vendorOf(rt, ctx, idOf(attrs.vendor_id));
	const { vendor_id: _drop, ...rest } = attrs;
	void _drop;
	return { ...rest, vendor: { id: v?.id, name: v?.name ?? null } };
}

function createContract(kind: Kind) {
	return defineHandler(`POST /rest/v1.0/${kind}`, (ctx, rt) => {
		const read = readAttributes(ctx, kind, false);
		if ('error' in read) return read.error;
		const errors = checkHeader(ctx, rt, read.attrs, undefined);
		if (Object.keys(errors).length) return errorReply(false, 422, 'Validation failed', errors);
		const refused = resolveAttachments(ctx, rt, read.attrs, undefined);
		if (refused) return refused;
		const rec = createRecord(ctx, rt, `projects/${ctx.projectId}/${kind}`, {
			status: 'Draft',
			executed: false,
			...withVendor(ctx, rt, read.attrs),
			type: KINDS[kind].type,
			project: { id: ctx.projectId },
			grand_total: '0.00',
		});
		return respond(ctx, rt, rec, 201);
	});
}

function updateContract(kind: Kind) {
	return defineHandler(`PATCH /rest/v1.0/${kind}/{id}`, (ctx, rt) => {
		const rec = contractOf(ctx, rt, kind);
		if (!rec) return notFound(false, KINDS[kind].label);
		const read = readAttributes(ctx, kind, true);
		if ('error' in read) return read.error;
		const errors = checkHeader(ctx, rt, read.attrs, rec);
		if (Object.keys(errors).length) return errorReply(false, 422, 'Validation failed', errors);
		const refused = resolveAttachments(ctx, rt, read.attrs, rec);
		if (refused) return refused;
		// grand_total is the schedule of values' sum: Procore does not take it on the header.
		const { grand_total: _ignored, ...attrs } = withVendor(ctx, rt, read.attrs);
		void _ignored;
		Object.assign(rec, attrs, { updated_at: rt.clock.iso() });
		emitChange(ctx, rt, 'update', `projects/${ctx.projectId}/${kind}`, rec);
		return respond(ctx, rt, rec, 200);
	});
}

const linesKey = (ctx: Ctx, kind: Kind, contract: StoredRec) => `projects/${ctx.projectId}/${kind}/${String(contract.id)}/line_items`;

/** The line as Procore returns it; unknown cost codes, cost types or units become field errors. */
export function buildLine(ctx: Ctx, rt: Runtime, input: Obj, current: Obj, errors: FieldErrors): Obj {
	const line: Obj = { ...current };
	for (const f of ['description', 'uom', 'origin_id', 'origin_data', 'extended_type']) if (f in input) line[f] = input[f];
	for (const f of ['quantity', 'unit_cost', 'amount']) {
		if (!(f in input)) continue;
		if (given(input[f]) && Number.isNaN(Number(input[f]))) (errors[f] ??= []).push('is not a number');
		line[f] = given(input[f]) ? (f === 'quantity' ? String(Number(input[f])) : (cents(input[f]) / 100).toFixed(2)) : null;
	}
	if ('cost_code_id' in input) {
		const cc = find(rt, [`projects/${ctx.projectId}/cost_codes`], idOf(input.cost_code_id));
		if (!cc) (errors.cost_code_id ??= []).push('is not a cost code of this project');
		else line.cost_code = { id: cc.id, full_code: cc.full_code, name: cc.name };
	}
	if ('line_item_type_id' in input) {
		const lit = find(rt, [`companies/${ctx.companyId ?? rt.companyId}/line_item_types`, `projects/${ctx.projectId}/line_item_types`], idOf(input.line_item_type_id));
		if (!lit) (errors.line_item_type_id ??= []).push('is not a line item type of this company');
		else line.line_item_type = { id: lit.id, name: lit.name, code: lit.code, base_type: lit.base_type };
	}
	if (given(input.uom) && !rt.store.list(`companies/${ctx.companyId ?? rt.companyId}/uoms`).some((u) => String(u.name) === String(input.uom)))
		(errors.uom ??= []).push('is not included in the list');
	if (!given(input.amount) && given(line.quantity) && given(line.unit_cost))
		line.amount = ((Number(line.quantity) * cents(line.unit_cost)) / 100).toFixed(2);
	line.total_amount = line.amount ?? '0.00';
	line.updated_at = rt.clock.iso();
	return line;
}

/** Procore's grand total: the schedule of values' sum. */
function retotal(ctx: Ctx, rt: Runtime, kind: Kind, contract: StoredRec): void {
	const total = rt.store.list(linesKey(ctx, kind, contract)).reduce((s, l) => s + cents(l.amount), 0);
	Object.assign(contract, { grand_total: (total / 100).toFixed(2), updated_at: rt.clock.iso() });
	emitChange(ctx, rt, 'update', `projects/${ctx.projectId}/${kind}`, contract);
}

function lineHandlers(kind: Kind) {
	const base = `/rest/v1.0/${kind}/{${kind.slice(0, -1)}_id}/line_items`;
	const withContract = (fn: (ctx: Ctx, rt: Runtime, contract: StoredRec) => Reply) => (ctx: Ctx, rt: Runtime) => {
		const contract = contractOf(ctx, rt, kind);
		return contract ? fn(ctx, rt, contract) : notFound(false, KINDS[kind].label);
	};
	return [
		defineHandler(`GET ${base}`, withContract((ctx, rt, c) => listReply(ctx, rt, rt.store.list(linesKey(ctx, kind, c))))),
		defineHandler(
			`POST ${base}`,
			withContract((ctx, rt, c) => {
				const read = readAttributes(ctx, 'line_items', false);
				if ('error' in read) return read.error;
				const errors: FieldErrors = {};
				const position = rt.store.list(linesKey(ctx, kind, c)).length + 1;
				const line = buildLine(ctx, rt, read.attrs, { position, holder: { id: c.id, holder_type: KINDS[kind].type } }, errors);
				if (Object.keys(errors).length) return errorReply(false, 422, 'Validation failed', errors);
				const rec = createRecord(ctx, rt, linesKey(ctx, kind, c), line);
				retotal(ctx, rt, kind, c);
				return respond(ctx, rt, rec, 201);
			}),
		),
		defineHandler(
			`PATCH ${base}/{id}`,
			withContract((ctx, rt, c) => {
				const current = rt.store.get(linesKey(ctx, kind, c), ctx.params.id);
				if (!current || current.deleted_at) return notFound(false, 'Line Item');
				const read = readAttributes(ctx, 'line_items', true);
				if ('error' in read) return read.error;
				const errors: FieldErrors = {};
				const line = buildLine(ctx, rt, read.attrs, current, errors);
				if (Object.keys(errors).length) return errorReply(false, 422, 'Validation failed', errors);
				Object.assign(current, line);
				emitChange(ctx, rt, 'update', linesKey(ctx, kind, c), current);
				retotal(ctx, rt, kind, c);
				return respond(ctx, rt, current, 200);
			}),
		),
		defineHandler(
			`DELETE ${base}/{id}`,
			withContract((ctx, rt, c) => {
				const current = rt.store.get(linesKey(ctx, kind, c), ctx.params.id);
				if (!current || current.deleted_at) return notFound(false, 'Line Item');
				rt.store.remove(linesKey(ctx, kind, c), ctx.params.id, rt.clock.iso());
				emitChange(ctx, rt, 'delete', linesKey(ctx, kind, c), current);
				retotal(ctx, rt, kind, c);
				return respond(ctx, rt, current, 204);
			}),
		),
	];
}

export const commitmentWriteHandlers = (Object.keys(KINDS) as Kind[]).flatMap((kind) => [
	createContract(kind),
	updateContract(kind),
	...lineHandlers(kind),
]);
