import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { auditTagFor, formatAuditTag } from '../../helpers/write';
import type { FieldChange } from '../../helpers/write';
import type { ProcoreRequest } from '../../transport';
import { procoreApiRequest, procoreApiRequestAllItems } from '../../transport';
import type { Scope } from '../changeEvent/lookups';
import type { LinePlan } from '../shared/scheduleOfValues';
import { lineItemBody, lineLabel } from '../shared/scheduleOfValues';
import type { CommitmentType } from './common';
import { commitmentTypeLabel, contractSegment } from './common';

/** The v1.0 paths that write each kind, spelled out (the catalog test reads path literals). */
const PATHS: Record<CommitmentType, { list: string; one: (id: string) => string; lines: (id: string) => string }> = {
	WorkOrderContract: {
		list: '/rest/v1.0/work_order_contracts',
		one: (id) => `/rest/v1.0/work_order_contracts/${id}`,
		lines: (id) => `/rest/v1.0/work_order_contracts/${id}/line_items`,
	},
	PurchaseOrderContract: {
		list: '/rest/v1.0/purchase_order_contracts',
		one: (id) => `/rest/v1.0/purchase_order_contracts/${id}`,
		lines: (id) => `/rest/v1.0/purchase_order_contracts/${id}/line_items`,
	},
};
export const contractPath = (type: CommitmentType, id?: string) => (id ? PATHS[type].one(id) : PATHS[type].list);
const linesPath = (type: CommitmentType, id: string) => PATHS[type].lines(id);
export const wrapperKey = (type: CommitmentType) => contractSegment(type).slice(0, -1);

export async function readContract(ctx: IExecuteFunctions, i: number, scope: Scope, type: CommitmentType, id: string): Promise<IDataObject> {
	return await procoreApiRequest.call(ctx, { method: 'GET', path: contractPath(type, id), qs: { project_id: scope.projectId }, companyId: scope.companyId, itemIndex: i });
}

export async function readLines(ctx: IExecuteFunctions, i: number, scope: Scope, type: CommitmentType, id: string): Promise<IDataObject[]> {
	return await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: linesPath(type, id),
		qs: { project_id: scope.projectId },
		companyId: scope.companyId,
		itemIndex: i,
	});
}

/** The plan as previous → new entries (the package's `changes` key). */
export function lineChanges(plan: LinePlan): FieldChange[] {
	return [
		...plan.add.map((l) => ({ field: `line "${lineLabel(l)}"`, previous: null, new: (l.amountCents / 100).toFixed(2) })),
		...plan.change.flatMap((c) => c.fields.map((f) => ({ field: `line "${lineLabel(c.line)}" ${f.field}`, previous: f.previous, new: f.new }))),
		...plan.remove.map((l) => ({ field: `line "${lineLabel(l)}"`, previous: l.amount, new: null })),
	];
}

/** The line calls of a plan, as Preview Only shows them. */
export function planRequests(plan: LinePlan, type: CommitmentType, id: string, projectId: string): ProcoreRequest[] {
	const base = linesPath(type, id);
	const pid = Number(projectId);
	return [
		...plan.add.map((l): ProcoreRequest => ({ method: 'POST', path: base, body: { project_id: pid, line_item: lineItemBody(l) } })),
		...plan.change.map((c): ProcoreRequest => ({
			method: 'PATCH',
			path: `${base}/${String(c.current.id)}`,
			body: { project_id: pid, line_item: Object.fromEntries(c.fields.map((f) => [f.field, f.new])) },
		})),
		...plan.remove.map((l): ProcoreRequest => ({ method: 'DELETE', path: `${base}/${String(l.id)}`, qs: { project_id: pid } })),
	];
}

/** Procore's error with what was already written and how to finish (a re-run writes only what is left). */
function withProgress<T extends Error>(error: T, progress: string): T {
	if (!(error instanceof NodeApiError) && !(error instanceof NodeOperationError)) return error;
	error.description = [error.description, progress, 'Fix that line and run again: the run finds the contract and writes only the lines still missing or different.']
		.filter(Boolean)
		.join('\n');
	return error;
}

/**
 * Sends the plan's line calls one by one. A refused line stops the run with Procore's text, what
 * was already written and how to finish: a re-run finds the contract and writes only what is left.
 */
export async function applyPlan(
	ctx: IExecuteFunctions,
	i: number,
	scope: Scope,
	type: CommitmentType,
	id: string,
	plan: LinePlan,
	tagEnabled: boolean,
): Promise<void> {
	const tag = tagEnabled ? formatAuditTag(auditTagFor(ctx)) : undefined;
	const calls = planRequests(plan, type, id, scope.projectId);
	plan.add.forEach((l, k) => ((calls[k].body as IDataObject).line_item = lineItemBody(l, tag)));
	let done = 0;
	for (const call of calls) {
		try {
			await procoreApiRequest.call(ctx, { ...call, companyId: scope.companyId, itemIndex: i });
			done++;
		} catch (error) {
			throw withProgress(error as Error, `${commitmentTypeLabel(type)} ${id}: ${done} of ${calls.length} line item calls were written before Procore refused ${call.method} ${call.path}.`);
		}
	}
}
