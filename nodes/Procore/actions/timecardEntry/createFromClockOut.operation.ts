import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	AllocationError,
	allocate,
	hundredthsToHours,
	minutesToHundredths,
	timeSegments,
	workedMinutes,
} from '../../helpers/allocation';
import { getProjectId, getRecordId } from '../../helpers/context';
import { isoDay } from '../../helpers/filters';
import type { OutputSpec } from '../../helpers/output';
import type { MilestoneRef } from '../../helpers/milestone';
import { formatMilestone, milestoneFields } from '../../helpers/milestone';
import type { Shift } from '../../helpers/shiftTime';
import { formatInZone, readShift } from '../../helpers/shiftTime';
import type { Allocation } from './allocations';
import { readAllocation } from './allocations';
import type { BatchSettings } from './batch';
import { briefEntries, entryRecord, removedRecord } from './batch';
import type { EntryResult, PlannedEntry } from './bulk';
import { readOptionalIds } from './input';
import { personName } from './preflight';
import { clockInOrigin, entries, inShiftZone, plural, projectZone, readCoworkers, runShiftBatch } from './shift';
import type { RemovedEntry } from './replaced';

export { description } from './clockOut.description';

function fail(ctx: IExecuteFunctions, message: string, description: string, i: number): never {
	throw new NodeOperationError(ctx.getNode(), message, { description, itemIndex: i });
}


function summarize(results: EntryResult[], removed: RemovedEntry[], who: string, date: string, hours: string, milestones: number, allBudgetLines: boolean, preview: boolean): string {
	const count = (s: string) => results.filter((r) => r.status === s).length;
	const over = `${hours} h${who.includes(' and ') ? ' each' : ''} over ${plural(milestones, allBudgetLines ? 'cost code' : 'milestone')}`;
	const dropped = removed.length ? `; ${removed.length} no longer in the clock-out ${preview ? 'would be' : ''} deleted`.replace('  ', ' ') : '';
	if (preview) return `Would write ${entries(results.length)} for ${who} on ${date}: ${over}${dropped}`;
	const created = count('created');
	const parts = [
		created ? `${entries(created)} created` : '',
		count('completed') ? `${count('completed')} clock-in ${count('completed') === 1 ? 'entry' : 'entries'} completed` : '',
		count('updated') ? `${count('updated')} updated` : '',
		count('existing') ? `${count('existing')} already in Procore` : '',
	].filter(Boolean);
	const head = parts.length === 1 && created ? parts[0] : `Timecard entries: ${parts.join(', ')}`;
	return `${head} for ${who} on ${date}: ${over}${dropped}`;
}

/**
 * The shift in the given zone. Called first with the zone the input alone gives (no call to Procore,
 * so bad input fails before any), then in the project's zone, read once per project per execution.
 */
function shiftIn(ctx: IExecuteFunctions, projectTzName: unknown, i: number): Shift {
	return inShiftZone(ctx, projectTzName, i, (clockIn, zone) => readShift(clockIn, ctx.getNodeParameter('clockOut', i), zone));
}

/** Worked minutes and each milestone's share of them, in whole units, summing exactly. */
function split(ctx: IExecuteFunctions, shift: Shift, lunch: number, mode: string, allocation: Allocation, i: number) {
	try {
		const worked = workedMinutes({ epochMs: shift.start.toMillis(), offset: '' }, { epochMs: shift.end.toMillis(), offset: '' }, lunch);
		const total = mode === 'startStop' ? worked : minutesToHundredths(worked);
		const lines = allocation.lines.map((l) => ({ key: l.ref, amount: l.amount }));
		return { worked, shares: allocate(lines, allocation.unit, worked, total, (a: MilestoneRef, b: MilestoneRef) => formatMilestone(a) === formatMilestone(b)) };
	} catch (error) {
		const known = error instanceof AllocationError;
		return fail(ctx, (error as Error).message, known ? 'Check Clock In, Clock Out, Lunch (Minutes) and the Allocations: the shares must cover exactly the worked time.' : '', i);
	}
}

async function planClockOut(ctx: IExecuteFunctions, i: number, settings: BatchSettings) {
	const projectId = getProjectId(ctx, i);
	const workerId = getRecordId(ctx, 'worker', 'Worker', i);
	const workers = [...new Set([workerId, ...readCoworkers(ctx, i)])];
	const clockOutId = String(ctx.getNodeParameter('clockOutId', i)).trim();
	const additional = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const clockInId = String(additional.clockInId ?? '').trim();
	const lunch = Number(additional.lunchMinutes ?? 0);
	const mode = ctx.getNodeParameter('options.timeEntryMode', i, 'hours') as string;
	const allocation = readAllocation(ctx, i);
	split(ctx, shiftIn(ctx, undefined, i), lunch, mode, allocation, i);
	const shift = shiftIn(ctx, await projectZone(ctx, settings, projectId, i), i);
	const { worked, shares } = split(ctx, shift, lunch, mode, allocation, i);
	const date = additional.date ? isoDay(ctx, additional.date, 'Date', i) : shift.date;
	const names = new Map<string, string>();
	if (settings.preflight) {
		await settings.preflight.project(projectId, i);
		for (const w of workers) names.set(w, personName(await settings.preflight.worker(projectId, w, i), w));
		for (const s of shares) await settings.preflight.milestone(projectId, s.key, i);
	}
	const common: IDataObject = { date, ...readOptionalIds(ctx, ['crew', 'subJob', 'timeType'], i) };
	if (additional.billable !== undefined) common.billable = additional.billable;
	if (additional.description) common.description = additional.description;
	const segments = mode === 'startStop' ? timeSegments(shift.start.toMillis(), shares.map((s) => s.units), lunch) : [];
	const planned: Array<Omit<PlannedEntry, 'itemIndex'>> = [];
	for (const party of workers) {
		shares.forEach((share, n) => {
			const entry: IDataObject = { ...common, party_id: party, ...milestoneFields(share.key) };
			if (mode === 'startStop') {
				entry.time_in = formatInZone(segments[n].timeIn, shift.zone.name);
				entry.time_out = formatInZone(segments[n].timeOut, shift.zone.name);
				entry.lunch_time = String(segments[n].lunchMinutes);
			} else {
				entry.hours = hundredthsToHours(share.units);
			}
			// The first milestone's entry of each worker is the clock-in's, when one was exported:
			// completed with this time (bulk.ts), never a second entry for the same hours.
			if (clockInId && n === 0) planned.push({ projectId, entry, originId: clockInOrigin(clockInId, party), clockIn: { party, timeInMs: shift.start.toMillis() } });
			else planned.push({ projectId, entry, originId: `${clockOutId}:${party}:${formatMilestone(share.key)}` });
		});
	}
	const workerName = names.get(workerId) ?? `worker ${workerId}`;
	const who = workers.length > 1 ? `${workerName} and ${plural(workers.length - 1, 'coworker')}` : workerName;
	const hours = hundredthsToHours(minutesToHundredths(worked));
	return {
		entries: planned,
		replaces: { projectId, originPrefixes: clockInId ? [`${clockOutId}:`, `${clockInId}:`] : [`${clockOutId}:`], dates: [date], parties: workers },
		output: (results: EntryResult[], preview: boolean, removed: RemovedEntry[]) => ({
			summary: summarize(results, removed, who, date, hours, shares.length, shares.every((s) => s.key.kind === 'budgetLine'), preview),
			clock_out_id: clockOutId,
			...(clockInId ? { clock_in_id: clockInId } : {}),
			project_id: projectId,
			worker_id: workerId,
			worker_name: workerName,
			coworker_ids: workers.slice(1),
			date,
			time_zone: shift.zone.name,
			worked_minutes: worked,
			hours,
			milestones: shares.map((s) => formatMilestone(s.key)),
			entries: results.map(entryRecord),
			...(removed.length ? { removed: removed.map(removedRecord) } : {}),
		}),
	};
}

export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	assertRequired: (itemIndex: number) => void,
): Promise<INodeExecutionData[]> {
	return await runShiftBatch(
		this,
		items,
		assertRequired,
		(i) => this.getNodeParameter('options.onExisting', i, 'skip') as 'skip' | 'update',
		async (i, settings) => await planClockOut(this, i, settings),
	);
}

/**
 * One output per clock-out: Simplified keeps who, when and how long, and each entry's IDs, hours
 * and status (the entries are trimmed, not dropped); Raw keeps Procore's entry records whole and
 * the package's keys (worked_minutes, milestones, write_calls, audit_tag).
 */
export const output: OutputSpec = {
	fields: ['clock_out_id', 'date', 'hours', 'worker_name', 'coworker_ids', 'project_id', 'time_zone', 'entries', 'removed', 'worker_id'],
	simplify: (record) => ({ ...record, entries: briefEntries(record.entries), ...(record.removed ? { removed: briefEntries(record.removed) } : {}) }),
};
