/**
 * `/rest/v1.0/commitments?project_id=` lists both kinds of commitment (work order and purchase
 * order contracts), which the engine stores in their own collections.
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

export const commitmentHandlers = [listCommitments, showCommitment];
