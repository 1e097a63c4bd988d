import type { IDataObject } from 'n8n-workflow';

import type { OutputSpec } from '../../../helpers/output';
import type { LinePlan } from '../lineDiff';
import { fromCents } from '../money';

/**
 * What Simplified keeps of a push (helpers/output.ts; `summary` is always added): the Change Event,
 * what the push did, and its totals. Raw is the Change Event as Procore returned it plus the keys
 * below; a preview is returned whole whatever the Output.
 */
export const output: OutputSpec = {
	fields: ['id', 'number', 'title', 'change_event_status.name', 'origin_id', 'action', 'total', 'previous_total', 'delta', 'line_count'],
};

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
	files?: IDataObject[];
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
 * The Change Event (Procore's record), with what the push did in the package's snake_case keys:
 * `action`, `cor_id`, `total` / `line_count` (after the push: a v1.0 answer alone may not hold every
 * line), `previous_total`, `delta`, `line_changes` (added, changed, removed), `files`, `notes`; and
 * procoreWrite's `changes` / `audit_tag`, `confirmed_by` after a lost answer, `requests` in preview.
 * `main` is procoreWrite's result of the first write (or a summary alone when nothing was written).
 */
export function pushOutput(main: IDataObject, followUp: IDataObject | undefined, d: OutputDetails): IDataObject {
	const out: IDataObject = {
		...(d.record ?? {}),
		action: main.preview && d.action !== 'unchanged' ? `would be ${d.action}` : d.action,
		cor_id: d.corId,
		total: fromCents(d.newCents),
		previous_total: fromCents(d.previousCents),
		delta: fromCents(d.newCents - d.previousCents),
		line_count: d.lineCount,
		line_changes: d.diff,
		summary: main.summary,
	};
	if (d.files) out.files = d.files;
	if (d.owned === false) {
		out.notes = `This Change Event belongs to origin "${String(d.existingOrigin)}", not to this COR: this COR's lines carry its label ("COR <number>: …"), and its other lines, header (title, status, description) and origin ID were left as they are.`;
	}
	for (const key of ['changes', 'audit_tag', 'confirmed_by'] as const) {
		if (main[key] !== undefined) out[key] = main[key];
	}
	if (main.preview) {
		out.preview = true;
		out.requests = [main.request, followUp?.request].filter(Boolean) as IDataObject[];
	}
	return out;
}
