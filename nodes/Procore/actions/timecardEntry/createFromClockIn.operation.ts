import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getProjectId, getRecordId } from '../../helpers/context';
import type { MilestoneRef } from '../../helpers/milestone';
import { formatMilestone, milestoneFields } from '../../helpers/milestone';
import type { OutputSpec } from '../../helpers/output';
import { formatInZone, readClockIn } from '../../helpers/shiftTime';
import type { BatchSettings, ItemPlan } from './batch';
import { briefEntries, entryRecord } from './batch';
import type { EntryResult, PlannedEntry } from './bulk';
import { readMilestone, readOptionalIds } from './input';
import { personName } from './preflight';
import { clockInOrigin, entries, inShiftZone, plural, projectZone, readCoworkers, runShiftBatch } from './shift';

export { description } from './clockIn.description';

/**
 * Create From Clock-In: the moment a worker clocks in, one in-progress timecard entry per worker
 * (and coworker) on the milestone picked: `in_progress: true`, the time in, the project-local date,
 * no time out and no hours yet (Procore's own model of a clock-in: the catalog's entry schema has
 * `in_progress` and `clock_in_time`, and its overtime rules apply "when completing an in-progress
 * timecard entry"). Its origin ID is `<clock-in ID>:<worker>`; Create From Clock-Out given the same
 * Clock-In ID completes it, so the shift's hours are written once.
 *
 * A clock-in sent again finds its entries (open, or already completed by the clock-out) and writes
 * nothing; one whose answer was lost is looked up by origin ID, never sent again (bulkCreate.ts).
 */

function summarize(results: EntryResult[], who: string, date: string, at: string, zone: string, preview: boolean): string {
	const when = `${date} from ${at} (${zone})`;
	if (preview) return `Would open ${entries(results.length, 'in-progress timecard entry')} for ${who} on ${when}`;
	const created = results.filter((r) => r.status === 'created').length;
	const kept = results.length - created;
	if (!created) return `Already in Procore: the clock-in of ${who} on ${when}`;
	return `Clock-in exported: ${entries(created)} in progress for ${who} on ${when}${kept ? `; ${kept} already in Procore` : ''}`;
}

async function planClockIn(ctx: IExecuteFunctions, i: number, settings: BatchSettings): Promise<ItemPlan> {
	const projectId = getProjectId(ctx, i);
	const workerId = getRecordId(ctx, 'worker', 'Worker', i);
	const workers = [...new Set([workerId, ...readCoworkers(ctx, i)])];
	const clockInId = String(ctx.getNodeParameter('clockInId', i)).trim();
	const ref: MilestoneRef = readMilestone(ctx, ctx.getNodeParameter('milestone', i, ''), 'Milestone', i);
	const additional = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	// The input alone first (no call to Procore, so bad input fails before any), then the project's zone.
	inShiftZone(ctx, undefined, i, readClockIn);
	const clockIn = inShiftZone(ctx, await projectZone(ctx, settings, projectId, i), i, readClockIn);
	const names = new Map<string, string>();
	if (settings.preflight) {
		await settings.preflight.project(projectId, i);
		for (const w of workers) names.set(w, personName(await settings.preflight.worker(projectId, w, i), w));
		await settings.preflight.milestone(projectId, ref, i);
	}
	const timeIn = formatInZone(clockIn.start.toMillis(), clockIn.zone.name);
	const common: IDataObject = {
		date: clockIn.date,
		time_in: timeIn,
		in_progress: true,
		...milestoneFields(ref),
		...readOptionalIds(ctx, ['crew', 'subJob', 'timeType'], i),
	};
	if (additional.billable !== undefined) common.billable = additional.billable;
	if (additional.description) common.description = additional.description;
	const planned: Array<Omit<PlannedEntry, 'itemIndex'>> = workers.map((party) => ({
		projectId,
		entry: { ...common, party_id: party },
		originId: clockInOrigin(clockInId, party),
		clockIn: { party, timeInMs: clockIn.start.toMillis() },
	}));
	const workerName = names.get(workerId) ?? `worker ${workerId}`;
	const who = workers.length > 1 ? `${workerName} and ${plural(workers.length - 1, 'coworker')}` : workerName;
	return {
		entries: planned,
		output: (results: EntryResult[], preview: boolean) => ({
			summary: summarize(results, who, clockIn.date, clockIn.start.toFormat('HH:mm'), clockIn.zone.name, preview),
			clock_in_id: clockInId,
			project_id: projectId,
			worker_id: workerId,
			worker_name: workerName,
			coworker_ids: workers.slice(1),
			date: clockIn.date,
			time_in: timeIn,
			time_zone: clockIn.zone.name,
			milestone: formatMilestone(ref),
			entries: results.map(entryRecord),
		}),
	};
}

export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	assertRequired: (itemIndex: number) => void,
): Promise<INodeExecutionData[]> {
	// A clock-in sent again leaves its entries as they are (the clock-out completes them).
	return await runShiftBatch(this, items, assertRequired, () => 'skip', async (i, settings) => await planClockIn(this, i, settings));
}

/**
 * One output per clock-in: Simplified keeps who, when, where and each entry's IDs and status;
 * Raw keeps Procore's entry records whole and the package's keys (write_calls, audit_tag).
 */
export const output: OutputSpec = {
	fields: ['clock_in_id', 'date', 'time_in', 'worker_name', 'coworker_ids', 'project_id', 'milestone', 'time_zone', 'entries', 'worker_id'],
	simplify: (record) => ({ ...record, entries: briefEntries(record.entries) }),
};
