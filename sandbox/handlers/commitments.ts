/**
 * `/rest/v1.0/commitments?project_id=` and v2.0's `commitment_contracts` list both kinds of
 * commitment (work order and purchase order contracts), which the engine stores in their own
 * collections; v2.0 also shows one and its summary.
 */
import { applyFilters, applySort, includeDeleted } from '../engine/filters';
import { listReply, respond } from '../engine/generic';
import { notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { Ctx } from '../types';
import { defineHandler } from './registry';

const KINDS = [
	['work_order_contracts', 'WorkOrderContract'],
	['purchase_order_contracts', 'PurchaseOrderContract'],
] as const;

function all(ctx: Ctx, rt: Runtime) {
	const deleted = includeDeleted(ctx.query.filters);
	return KINDS.flatMap(([name, type]) =>
		rt.store
			.list(`projects/${ctx.projectId}/${name}`, deleted)
			.map((r) => ({ ...r, type: r.type ?? type })),
	);
}

export const listCommitments = defineHandler('GET /rest/v1.0/commitments', (ctx, rt) =>
	listReply(ctx, rt, applySort(applyFilters(all(ctx, rt), ctx.query.filters), ctx.query.sort)),
);

export const showCommitment = defineHandler('GET /rest/v1.0/commitments/{id}', (ctx, rt) => {
	const rec = all(ctx, rt).find((r) => String(r.id) === ctx.params.id && !r.deleted_at);
	return rec ? respond(ctx, rt, rec, 200) : notFound(false, 'Commitment');
});

/** v2.0 records name their vendor (`vendor: {id, name}`) from the directory. */
function v2Record(rt: Runtime, rec: Record<string, unknown>): Record<string, unknown> {
	const vendor = (rec.vendor ?? {}) as { id?: number | string; name?: string };
	if (vendor.id === undefined || vendor.name) return rec;
	const key = rt.store.keyOf(vendor.id);
	const found = key ? rt.store.get(key, vendor.id) : undefined;
	return { ...rec, vendor: { id: vendor.id, name: found?.name ?? null } };
}

const V2 = '/rest/v2.0/companies/{company_id}/projects/{project_id}/commitment_contracts';

export const listCommitmentContracts = defineHandler(`GET ${V2}`, (ctx, rt) =>
	listReply(
		ctx,
		rt,
		applySort(applyFilters(all(ctx, rt), ctx.query.filters), ctx.query.sort).map((r) => v2Record(rt, r)),
	),
);

function oneContract(ctx: Ctx, rt: Runtime): Record<string, unknown> | undefined {
	const id = ctx.params.commitment_contract_id ?? ctx.params.contract_id;
	return all(ctx, rt).find((r) => String(r.id) === id && !r.deleted_at);
}

export const showCommitmentContract = defineHandler(`GET ${V2}/{commitment_contract_id}`, (ctx, rt) => {
	const rec = oneContract(ctx, rt);
	return rec ? respond(ctx, rt, v2Record(rt, rec), 200) : notFound(true, 'Commitment Contract');
});

const money = (v: unknown) => Number(v ?? 0) || 0;

/**
 * The contract's money at a glance. UNCONFIRMED field set: the catalog declares no response
 * schema, so these are the figures of Procore's commitment page (original, approved and pending
 * change orders, revised, invoiced, paid, remaining), from the stored record where it has them.
 */
export const commitmentContractSummary = defineHandler(
	`GET ${V2}/{contract_id}/summary`,
	(ctx, rt) => {
		const rec = oneContract(ctx, rt);
		if (!rec) return notFound(true, 'Commitment Contract');
		const original = money(rec.grand_total);
		const approved = money(rec.approved_change_orders);
		const pending = money(rec.pending_change_orders);
		const invoiced = money(rec.invoiced_amount);
		const paid = money(rec.payments_issued);
		const revised = original + approved;
		return respond(
			ctx,
			rt,
			{
				id: rec.id,
				original_contract_amount: original.toFixed(2),
				approved_change_orders: approved.toFixed(2),
				pending_change_orders: pending.toFixed(2),
				revised_contract_amount: revised.toFixed(2),
				pending_revised_contract_amount: (revised + pending).toFixed(2),
				invoiced_amount: invoiced.toFixed(2),
				payments_issued: paid.toFixed(2),
				percent_paid: revised ? ((paid / revised) * 100).toFixed(2) : '0.00',
				remaining_balance_outstanding: (revised - paid).toFixed(2),
			},
			200,
		);
	},
);

export const commitmentHandlers = [
	listCommitments,
	showCommitment,
	listCommitmentContracts,
	showCommitmentContract,
	commitmentContractSummary,
];
