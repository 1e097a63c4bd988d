import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { FieldChange } from '../../helpers/write';
import { auditTagFor, formatAuditTag } from '../../helpers/write';
import type { ProcoreRequest } from '../../transport';
import { procoreApiRequest } from '../../transport';
import type { LinePlan } from './scheduleOfValues';
import { lineItemBody, lineLabel } from './scheduleOfValues';

/** Where the lines of one record are written (a commitment's, a direct cost's). */
export interface LineTarget {
	/** "Subcontract 55", "Direct cost 9": how errors name the record. */
	label: string;
	linesPath: string;
	/** Body keys Procore wants beside `line_item` (v1.0 commitments: `project_id`). */
	bodyExtra: IDataObject;
	/** Query of a line DELETE. */
	deleteQs: IDataObject;
	/** Direct cost lines take numbers where commitment lines take decimal strings. */
	numeric?: boolean;
}

/** The plan as previous → new entries (the package's `changes` key). */
export function lineChanges(plan: LinePlan): FieldChange[] {
	return [
		...plan.add.map((l) => ({ field: `line "${lineLabel(l)}"`, previous: null, new: (l.amountCents / 100).toFixed(2) })),
		...plan.change.flatMap((c) => c.fields.map((f) => ({ field: `line "${lineLabel(c.line)}" ${f.field}`, previous: f.previous, new: f.new }))),
		...plan.remove.map((l) => ({ field: `line "${lineLabel(l)}"`, previous: l.amount, new: null })),
	];
}

/** The line calls of a plan, in order (Preview Only shows them; applyPlan sends them). */
export function planRequests(plan: LinePlan, target: LineTarget, originData?: string): ProcoreRequest[] {
	const base = target.linesPath;
	const value = (field: string, v: unknown) => (target.numeric && ['amount', 'quantity', 'unit_cost'].includes(field) ? Number(v) : v);
	return [
		...plan.add.map((l): ProcoreRequest => ({ method: 'POST', path: base, body: { ...target.bodyExtra, line_item: lineItemBody(l, originData, target.numeric) } })),
		...plan.change.map((c): ProcoreRequest => ({
			method: 'PATCH',
			path: `${base}/${String(c.current.id)}`,
			body: { ...target.bodyExtra, line_item: Object.fromEntries(c.fields.map((f) => [f.field, value(f.field, f.new)])) },
		})),
		...plan.remove.map((l): ProcoreRequest => ({ method: 'DELETE', path: `${base}/${String(l.id)}`, qs: target.deleteQs })),
	];
}

/** Procore's error with what was already written and how to finish (a re-run writes only what is left). */
function withProgress<T extends Error>(error: T, progress: string): T {
	if (!(error instanceof NodeApiError) && !(error instanceof NodeOperationError)) return error;
	error.description = [error.description, progress, 'Fix that line and run again: the run finds the record and writes only the lines still missing or different.']
		.filter(Boolean)
		.join('\n');
	return error;
}

/**
 * Sends the plan's line calls one by one (new lines carry the audit tag in their origin data). A
 * refused line stops the run with Procore's text, what was already written and how to finish.
 */
export async function applyPlan(
	ctx: IExecuteFunctions,
	i: number,
	companyId: string,
	target: LineTarget,
	plan: LinePlan,
	tagEnabled: boolean,
): Promise<void> {
	const calls = planRequests(plan, target, tagEnabled ? formatAuditTag(auditTagFor(ctx)) : undefined);
	let done = 0;
	for (const call of calls) {
		try {
			await procoreApiRequest.call(ctx, { ...call, companyId, itemIndex: i });
			done++;
		} catch (error) {
			throw withProgress(error as Error, `${target.label}: ${done} of ${calls.length} line item calls were written before Procore refused ${call.method} ${call.path}.`);
		}
	}
}
