/**
 * Prime contracts: v1.0 shows one at `/rest/v1.0/prime_contract/{id}` (singular, as Procore has it)
 * while its list and line items live under `prime_contracts`, so the show needs this handler. The
 * money figures are Procore's definitions (v1.0 schema descriptions): grand total = the schedule of
 * values (seeded total when the contract has no lines), revised = grand total + approved change
 * orders, pending revised = revised + pending and revised change orders, outstanding = revised −
 * payments. Prime change orders stored on the contract (`prime_change_orders` with its
 * `contract_id`) add to the seeded approved / pending / draft amounts.
 */
import { respond } from '../engine/generic';
import { notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { Ctx } from '../types';
import { defineHandler } from './registry';

type Obj = Record<string, unknown>;
const cents = (v: unknown) => Math.round((Number(v ?? 0) || 0) * 100);
const money = (c: number) => (c / 100).toFixed(2);

function changeOrderTotals(rt: Runtime, projectId: number, contractId: unknown) {
	const totals = { approved: 0, pending: 0, draft: 0 };
	for (const co of rt.store.list(`projects/${projectId}/prime_change_orders`)) {
		const on = (co.contract_id ?? (co.contract as Obj | undefined)?.id) as unknown;
		if (String(on) !== String(contractId)) continue;
		const status = String(co.status ?? '').toLowerCase();
		const amount = cents(co.grand_total);
		if (status === 'approved') totals.approved += amount;
		else if (status === 'pending' || status === 'revised' || status === 'pending - revised') totals.pending += amount;
		else if (status === 'draft') totals.draft += amount;
	}
	return totals;
}

/** The contract with every money figure of its page, derived as Procore defines them. */
export function primeContractWithMoney(rt: Runtime, projectId: number, rec: Obj): Obj {
	const lines = rt.store.list(`projects/${projectId}/prime_contracts/${String(rec.id)}/line_items`);
	const grand = lines.length ? lines.reduce((s, l) => s + cents(l.amount), 0) : cents(rec.grand_total);
	const cos = changeOrderTotals(rt, projectId, rec.id);
	const approved = cents(rec.approved_change_orders) + cos.approved;
	const pending = cents(rec.pending_change_orders_amount) + cos.pending;
	const draft = cents(rec.draft_change_orders_amount) + cos.draft;
	const paid = cents(rec.total_payments);
	const revised = grand + approved;
	return {
		...rec,
		grand_total: money(grand),
		line_items_total: money(grand),
		approved_change_orders: money(approved),
		pending_change_orders_amount: money(pending),
		draft_change_orders_amount: money(draft),
		revised_contract_amount: money(revised),
		pending_revised_contract_amount: money(revised + pending),
		total_payments: money(paid),
		outstanding_balance: money(revised - paid),
		percentage_paid: revised ? ((paid / revised) * 100).toFixed(2) : '0.00',
		line_items: lines,
	};
}

export const showPrimeContract = defineHandler('GET /rest/v1.0/prime_contract/{id}', (ctx: Ctx, rt: Runtime) => {
	const projectId = ctx.projectId;
	const rec = projectId === null ? undefined : rt.store.get(`projects/${projectId}/prime_contracts`, ctx.params.id);
	if (!rec || rec.deleted_at || projectId === null) return notFound(false, 'Prime Contract');
	return respond(ctx, rt, primeContractWithMoney(rt, projectId, rec), 200);
});

export const primeContractHandlers = [showPrimeContract];
