import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EntryReader } from './existing';
import { companyEntries, projectEntries } from './existing';
import { partyOf, projectOf } from './fields';

/**
 * Clock-ins exported before the clock-out are Procore's in-progress timecard entries
 * (`in_progress: true`: a time in, no time out or hours yet). The catalog's entry schema says they
 * "generally do not appear in API responses unless specifically requested using the
 * include_in_progress filter", and only the company list takes that filter
 * (`filters[in_progress_only]`), so the project list `existing.ts` reads never shows them.
 *
 * The company list is "serialized according to the MyTime field set": whether that set carries
 * `origin_id` and the project is UNCONFIRMED (procore-api.md §4.2). Both answers work here:
 * - a row with `origin_id` is matched by it, and a row naming another project is left out;
 * - a row without `origin_id` is matched by what identifies a clock-in without it: the worker and
 *   the instant of the time in (Procore keeps one open clock-in per worker and time). Its origin ID
 *   is then the one the clock-in was planned with, so the rest of the bulk path treats it alike.
 */

/** A clock-in the run is looking for: the worker, the instant clocked in, the origin ID planned. */
export interface ClockInKey {
	party: string;
	timeInMs: number;
	originId: string;
}

/** Where an in-progress row was matched from (kept on the copy, for the output and for a successor). */
export const MATCHED_BY = 'matched_by';


/** The company's open (in-progress) entries in the days, as rows of the project with origin IDs. */
export async function inProgressEntries(
	ctx: IExecuteFunctions,
	companyId: string,
	projectId: string,
	from: string,
	to: string,
	keys: ClockInKey[],
	itemIndex: number,
): Promise<IDataObject[]> {
	const rows = await companyEntries(ctx, companyId, from, to, 'only', itemIndex);
	const out: IDataObject[] = [];
	for (const row of rows) {
		const project = projectOf(row);
		if (project && project !== projectId) continue;
		if (row.origin_id !== undefined && row.origin_id !== null && row.origin_id !== '') {
			out.push(row);
			continue;
		}
		const timeIn = Date.parse(String(row.time_in ?? row.clock_in_time ?? ''));
		const key = keys.find((k) => k.party === partyOf(row) && k.timeInMs === timeIn);
		if (key) out.push({ ...row, origin_id: key.originId, [MATCHED_BY]: 'worker and time in' });
	}
	return out;
}

/**
 * The reader of the bulk path: the project's entries, and when the run plans clock-ins (or
 * clock-outs completing them) the company's open entries of that project too, once each.
 */
export function entryReader(ctx: IExecuteFunctions, companyId: string, keys: ClockInKey[]): EntryReader {
	return async (projectId, from, to, itemIndex) => {
		const rows = await projectEntries(ctx, companyId, projectId, from, to, itemIndex);
		if (!keys.length) return rows;
		const seen = new Set(rows.map((r) => String(r.id)));
		const open = await inProgressEntries(ctx, companyId, projectId, from, to, keys, itemIndex);
		return [...rows, ...open.filter((r) => !seen.has(String(r.id)))];
	};
}
