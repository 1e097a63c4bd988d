import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { formatClockTime, parseClockTime } from '../../helpers/allocation';
import { getProjectId, getRecordId, normalizeId } from '../../helpers/context';
import { isoDay } from '../../helpers/filters';
import type { MilestoneRef } from '../../helpers/milestone';
import { MilestoneError, milestoneFields, parseMilestone } from '../../helpers/milestone';
import { OPTIONAL_IDS } from './parameters';

/** Reading a timecard entry's parameters for one item, each value checked with a clear error. */

export interface EntryInput {
	projectId: string;
	partyId: string;
	entry: IDataObject;
	ref?: MilestoneRef;
	originId?: string;
}

function fail(ctx: IExecuteFunctions, message: string, description: string, i: number): never {
	throw new NodeOperationError(ctx.getNode(), message, { description, itemIndex: i });
}

/** A milestone string or object, or a clear error naming the parameter. */
export function readMilestone(ctx: IExecuteFunctions, value: unknown, label: string, i: number): MilestoneRef {
	try {
		return parseMilestone(value && typeof value === 'object' && '__rl' in (value as object) ? normalizeId(value) : value);
	} catch (error) {
		if (!(error instanceof MilestoneError)) throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: i });
		return fail(ctx, `${label}: ${error.message}`, 'Pick a milestone from the list, or write procore:budget_line:cc:<cost code ID>:cat:<category ID> (or procore:wbs_code:<ID>).', i);
	}
}

export function readIdField(ctx: IExecuteFunctions, value: unknown, label: string, i: number): string {
	const id = normalizeId(value);
	if (id && !/^\d{1,20}$/.test(id)) fail(ctx, `${label} "${id}" is not a Procore ID`, `Enter the numeric ID of the ${label.replace(/ ID$/, '').toLowerCase()}.`, i);
	return id;
}

export function readTime(ctx: IExecuteFunctions, value: unknown, label: string, i: number) {
	const time = parseClockTime(value);
	if (!time) fail(ctx, `${label} "${String(value ?? '')}" is not a date and time`, 'Use ISO 8601, e.g. 2026-11-20T07:00:00-08:00 (the offset of the project\'s time zone).', i);
	return time;
}

/** One timecard entry from the node's parameters for item i, validated before anything is sent. */
export function readEntry(ctx: IExecuteFunctions, i: number): EntryInput {
	const projectId = getProjectId(ctx, i);
	const partyId = getRecordId(ctx, 'worker', 'Worker', i);
	let ref: MilestoneRef | undefined;
	switch (ctx.getNodeParameter('costCoding', i, 'milestone') as string) {
		case 'milestone':
			ref = readMilestone(ctx, ctx.getNodeParameter('milestone', i, ''), 'Milestone', i);
			break;
		case 'costCode':
			ref = {
				kind: 'budgetLine',
				costCodeId: getRecordId(ctx, 'costCode', 'Cost Code', i),
				lineItemTypeId: getRecordId(ctx, 'lineItemType', 'Category', i),
			};
			break;
		case 'wbsCode':
			ref = { kind: 'wbs', wbsCodeId: getRecordId(ctx, 'wbsCode', 'WBS Code', i) };
			break;
	}
	const entry: IDataObject = { party_id: partyId, date: isoDay(ctx, ctx.getNodeParameter('date', i), 'Date', i) };
	if ((ctx.getNodeParameter('timeEntryMode', i, 'hours') as string) === 'startStop') {
		const timeIn = readTime(ctx, ctx.getNodeParameter('timeIn', i, ''), 'Time In', i);
		const timeOut = readTime(ctx, ctx.getNodeParameter('timeOut', i, ''), 'Time Out', i);
		const lunch = Number(ctx.getNodeParameter('lunchMinutes', i, 0));
		const span = (timeOut.epochMs - timeIn.epochMs) / 60_000;
		if (span <= 0) fail(ctx, 'Time Out is not after Time In', 'Check the two times and their offsets.', i);
		if (!Number.isInteger(lunch) || lunch < 0 || lunch >= span) {
			fail(ctx, `Lunch (Minutes) ${lunch} does not fit a shift of ${span} minutes`, 'Give a whole number of minutes, shorter than the shift.', i);
		}
		entry.time_in = formatClockTime(timeIn.epochMs, timeIn.offset);
		entry.time_out = formatClockTime(timeOut.epochMs, timeOut.offset);
		entry.lunch_time = String(lunch);
	} else {
		const raw = ctx.getNodeParameter('hours', i, 0);
		const hours = Number(raw);
		if (!Number.isFinite(hours)) {
			fail(ctx, `Hours "${String(raw)}" is not a number`, 'Give the hours worked as a number, excluding breaks, e.g. 7.5 (map a numeric field, not text such as "eight" or "7h30").', i);
		}
		if (hours <= 0 || hours > 24) {
			fail(ctx, `Hours ${String(hours)} is not between 0 and 24`, 'Give the hours worked, excluding breaks, e.g. 7.5. Procore allows at most 24 per entry.', i);
		}
		entry.hours = (Math.round(hours * 100) / 100).toFixed(2);
	}
	if (ref) Object.assign(entry, milestoneFields(ref));
	const additional = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	Object.assign(entry, readOptionalIds(ctx, Object.keys(additional), i));
	if (additional.billable !== undefined) entry.billable = additional.billable;
	if (additional.description) entry.description = additional.description;
	const originId = String(additional.originId ?? '').trim() || undefined;
	return { projectId, partyId, entry, ref, originId };
}

export function readIdListOption(ctx: IExecuteFunctions, value: unknown, label: string, i: number): string[] {
	const ids = String(value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	for (const id of ids) readIdField(ctx, id, label, i);
	return ids;
}

/** The optional IDs set in Additional Fields (resource locators: list, ID or URL), as Procore fields. */
export function readOptionalIds(ctx: IExecuteFunctions, names: string[], i: number): IDataObject {
	const out: IDataObject = {};
	for (const name of names) {
		const known = OPTIONAL_IDS[name];
		if (!known) continue;
		const id = readIdField(ctx, ctx.getNodeParameter(`additionalFields.${name}`, i, '', { extractValue: true }), known[1], i);
		if (id) out[known[0]] = id;
	}
	return out;
}
