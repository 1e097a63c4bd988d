/**
 * Direct costs (invoices, expenses, payroll) and their lines on cost codes, written through v1.0.
 * Refused as Procore refuses them, nothing stored: a vendor not in the directory, an invoice with no
 * invoice number or with one the vendor already used in the project, a line on a cost code not in
 * the project, a cost type not in the company or a unit not in its list (422 naming the field); a
 * direct cost of another project (404). `grand_total` is the lines' sum, as Procore shows it.
 * The project-wide line list (`/direct_costs/line_items`) gives every line with its `direct_cost_id`.
 */
import { applyFilters } from '../engine/filters';
import { createRecord, emitChange, listReply, readAttributes, respond } from '../engine/generic';
import { errorReply, type FieldErrors, notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { StoredRec } from '../store';
import type { Ctx, Reply } from '../types';
import { buildLine, cents } from './commitment-writes';
import { defineHandler } from './registry';

type Obj = Record<string, unknown>;
const given = (v: unknown) => v !== undefined && v !== null && v !== '';
const V10 = '/rest/v1.0/projects/{project_id}/direct_costs';
const key = (ctx: Ctx) => `projects/${ctx.projectId}/direct_costs`;
const linesKey = (ctx: Ctx, dc: StoredRec) => `${key(ctx)}/${String(dc.id)}/line_items`;

function vendorOf(ctx: Ctx, rt: Runtime, id: unknown): StoredRec | undefined {
	for (const k of [`projects/${ctx.projectId}/vendors`, `companies/${ctx.companyId ?? rt.companyId}/vendors`]) {
		const v = rt.store.get(k, String(id));
		if (v && !v.deleted_at) return v;
	}
	return undefined;
}

export const createDirectCost = defineHandler(`POST ${V10}`, (ctx, rt) => {
	const read = readAttributes(ctx, 'direct_costs', false);
	if ('error' in read) return read.error;
	const a = read.attrs;
	const errors: FieldErrors = {};
	const vendor = given(a.vendor_id) ? vendorOf(ctx, rt, a.vendor_id) : undefined;
	if (given(a.vendor_id) && !vendor) errors.vendor_id = ['is not a vendor in the directory'];
	if (a.direct_cost_type === 'invoice' && !given(a.invoice_number)) errors.invoice_number = ["can't be blank"];
	if (a.direct_cost_type === 'invoice' && given(a.invoice_number) && vendor) {
		const taken = rt.store
			.list(key(ctx))
			.some((d) => String(d.vendor_id) === String(vendor.id) && String(d.invoice_number ?? '').toLowerCase() === String(a.invoice_number).toLowerCase());
		if (taken) errors.invoice_number = ['has already been taken'];
	}
	if (Object.keys(errors).length) return errorReply(false, 422, 'Validation failed', errors);
	const rec = createRecord(ctx, rt, key(ctx), {
		status: 'draft',
		...a,
		vendor_id: vendor ? vendor.id : null,
		// The list declares `vendor` a name, the show an object: only the keys both agree on are stored.
		vendor_name: vendor ? vendor.name : null,
		grand_total: '0.00',
		amount: '0.00',
		line_items_count: 0,
	});
	return respond(ctx, rt, rec, 201);
});

function directCostOf(ctx: Ctx, rt: Runtime): StoredRec | undefined {
	const rec = ctx.projectId === null ? undefined : rt.store.get(key(ctx), ctx.params.direct_cost_id);
	return rec && !rec.deleted_at ? rec : undefined;
}

const withDirectCost = (fn: (ctx: Ctx, rt: Runtime, dc: StoredRec) => Reply) => (ctx: Ctx, rt: Runtime) => {
	const dc = directCostOf(ctx, rt);
	return dc ? fn(ctx, rt, dc) : notFound(false, 'Direct Cost');
};

export const listDirectCostLines = defineHandler(
	`GET ${V10}/{direct_cost_id}/line_items`,
	withDirectCost((ctx, rt, dc) => listReply(ctx, rt, applyFilters(rt.store.list(linesKey(ctx, dc)), ctx.query.filters))),
);

export const createDirectCostLine = defineHandler(
	`POST ${V10}/{direct_cost_id}/line_items`,
	withDirectCost((ctx, rt, dc) => {
		const read = readAttributes(ctx, 'line_items', false);
		if ('error' in read) return read.error;
		const errors: FieldErrors = {};
		const position = rt.store.list(linesKey(ctx, dc)).length + 1;
		const line = buildLine(ctx, rt, read.attrs, { position, direct_cost_id: dc.id, holder: { id: dc.id, holder_type: 'DirectCostItem' } }, errors);
		if (Object.keys(errors).length) return errorReply(false, 422, 'Validation failed', errors);
		const rec = createRecord(ctx, rt, linesKey(ctx, dc), line);
		const lines = rt.store.list(linesKey(ctx, dc));
		const total = (lines.reduce((s, l) => s + cents(l.amount), 0) / 100).toFixed(2);
		Object.assign(dc, { grand_total: total, amount: total, line_items_count: lines.length, updated_at: rt.clock.iso() });
		emitChange(ctx, rt, 'update', key(ctx), dc);
		return respond(ctx, rt, rec, 201);
	}),
);

/** Every line of every live direct cost of the project, with its `direct_cost_id`. */
export const listAllDirectCostLines = defineHandler(`GET ${V10}/line_items`, (ctx, rt) => {
	const lines: Obj[] = rt.store.list(key(ctx)).flatMap((dc) => rt.store.list(linesKey(ctx, dc)).map((l) => ({ ...l, direct_cost_id: dc.id })));
	const filters = (ctx.query.filters ?? {}) as Obj;
	const byCostCode = given(filters.cost_code_id) ? String(filters.cost_code_id) : undefined;
	const { cost_code_id: _cc, ...rest } = filters;
	void _cc;
	const kept = byCostCode ? lines.filter((l) => String((l.cost_code as Obj | undefined)?.id) === byCostCode) : lines;
	return listReply(ctx, rt, applyFilters(kept as StoredRec[], rest));
});

export const directCostHandlers = [createDirectCost, listDirectCostLines, createDirectCostLine, listAllDirectCostLines];
