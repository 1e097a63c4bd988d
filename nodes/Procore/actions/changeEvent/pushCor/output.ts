import type { IDataObject } from 'n8n-workflow';

import { simplify } from '../../../helpers/output';
import { CHANGE_EVENT_FIELDS, withTotals } from '../fields';
import type { LinePlan } from '../lineDiff';
import { fromCents } from '../money';

export interface OutputDetails {
	action: string;
	corId: string;
	previousCents: number;
	newCents: number;
	diff: IDataObject;
	lineCount: number;
	record?: IDataObject;
	owned?: boolean;
	existingOrigin?: string;
	/** One line per file given as binary data: uploaded, already attached, or would upload. */
	attachments?: IDataObject[];
}

/** "2 lines changed, 1 added, 1 removed" */
export function linesPhrase(plan: LinePlan): string {
	const removed = plan.removals.filter((r) => r.action === 'deleted' || r.action === 'zeroed').length;
	const parts = [
		plan.updates.length ? `${plan.updates.length} line${plan.updates.length === 1 ? '' : 's'} changed` : '',
		plan.creates.length ? `${plan.creates.length} added` : '',
		removed ? `${removed} removed` : '',
	].filter(Boolean);
	return parts.length ? parts.join(', ') : 'lines unchanged';
}

/**
 * The Change Event (simplified), the totals, the per-line diff, and what was (or would be) sent.
 * `main` is procoreWrite's result of the first write (or a summary alone when nothing was written).
 */
export function pushOutput(main: IDataObject, followUp: IDataObject | undefined, d: OutputDetails): IDataObject {
	const out: IDataObject = {
		...(d.record ? simplify(withTotals(d.record), CHANGE_EVENT_FIELDS) : {}),
		action: main.preview && d.action !== 'unchanged' ? `would be ${d.action}` : d.action,
		corId: d.corId,
		previousTotal: fromCents(d.previousCents),
		newTotal: fromCents(d.newCents),
		delta: fromCents(d.newCents - d.previousCents),
		lines: d.diff,
		summary: main.summary,
	};
	// The record in Procore is the total of what was written, not the v1.0 response alone.
	if (d.record) {
		out.total = fromCents(d.newCents);
		out.line_count = d.lineCount;
	}
	if (d.attachments) out.attachments = d.attachments;
	if (main.confirmedBy) out.confirmedBy = main.confirmedBy;
	if (d.owned === false) {
		out.notes = `This Change Event belongs to origin "${String(d.existingOrigin)}", not to this COR: its other lines were left as they are and its origin ID was kept.`;
	}
	if (main.preview) {
		out.preview = true;
		out.requests = [main.request, followUp?.request].filter(Boolean) as IDataObject[];
	}
	if (main._n8n) out._n8n = main._n8n;
	return out;
}
