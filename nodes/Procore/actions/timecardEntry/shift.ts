import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ShiftZone } from '../../helpers/shiftTime';
import { ShiftTimeError, shiftZone } from '../../helpers/shiftTime';
import type { BatchSettings, ItemPlan } from './batch';
import { runBatch } from './batch';
import { PROJECT_BULK_MAX } from './bulk';
import { readIdListOption } from './input';

/** What Create From Clock-In and Create From Clock-Out read alike: coworkers, the zone, words. */

export function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "1 timecard entry", "2 timecard entries" (or another kind of entry). */
export function entries(n: number, kind = 'timecard entry'): string {
	return plural(n, kind).replace('entrys', 'entries');
}

/**
 * The origin ID of a worker's clock-in entry: `<clock-in ID>:<party ID>`, without a milestone, since
 * the clock-out may charge the time to another one; it keeps this origin ID once completed.
 */
export function clockInOrigin(clockInId: string, party: string): string {
	return `${clockInId}:${party}`;
}

/** Coworkers as picked in the list, or as an expression giving an array or comma-separated IDs. */
export function readCoworkers(ctx: IExecuteFunctions, i: number): string[] {
	const value = ctx.getNodeParameter('additionalFields.coworkers', i, []) as unknown;
	const list = Array.isArray(value) ? value.map((v) => String(v)).join(',') : String(value ?? '');
	return readIdListOption(ctx, list, 'Coworker Names or IDs', i);
}

/** The project's `tz_name`, read once per project per run, unless Options › Time Zone overrides it. */
export async function projectZone(ctx: IExecuteFunctions, settings: BatchSettings, projectId: string, i: number): Promise<unknown> {
	const ownZone = String(ctx.getNodeParameter('options.timeZone', i, '') ?? '').trim() !== '';
	return ownZone ? undefined : (await settings.projects.get(projectId, i)).tz_name;
}

/** Reads the item's times in the zone (Time Zone option, else the project's, else the offset sent). */
export function inShiftZone<T>(ctx: IExecuteFunctions, projectTzName: unknown, i: number, read: (clockIn: unknown, zone: ShiftZone) => T): T {
	const override = String(ctx.getNodeParameter('options.timeZone', i, '') ?? '');
	const clockIn = ctx.getNodeParameter('clockIn', i);
	try {
		return read(clockIn, shiftZone(override, projectTzName, clockIn));
	} catch (error) {
		if (error instanceof ShiftTimeError) throw new NodeOperationError(ctx.getNode(), error.message, { description: error.fix, itemIndex: i });
		throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: i });
	}
}

/**
 * Runs a clock-in or clock-out batch: the project bulk endpoint (25 per call), the checks before
 * writing and the synced projects as each item's Options say, and what to do with entries found.
 */
export async function runShiftBatch(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	assertRequired: (itemIndex: number) => void,
	onExisting: (i: number) => 'skip' | 'update',
	plan: (i: number, settings: BatchSettings) => Promise<ItemPlan>,
): Promise<INodeExecutionData[]> {
	return await runBatch(
		ctx,
		items,
		(i) => ({
			target: 'project',
			chunkSize: PROJECT_BULK_MAX,
			onExisting: onExisting(i),
			check: ctx.getNodeParameter('options.checkBeforeWrite', i, true) as boolean,
			synced: readIdListOption(ctx, ctx.getNodeParameter('options.syncedProjectIds', i, ''), 'Synced Project IDs', i),
		}),
		plan,
		assertRequired,
	);
}
