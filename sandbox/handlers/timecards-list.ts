/**
 * Timecard lists filter by day the way Procore documents (procore-api.md §4.1): the project list
 * defaults to today only (`log_date`, or `start_date` + `end_date` inclusive); the legacy
 * `/timecard_entries?project_id=` list defaults to the last 7 days; the company list takes an
 * optional range. "Today" is the sandbox clock's UTC date.
 */
import { applyFilters, applySort } from '../engine/filters';
import { keyOf, listRecords, listReply } from '../engine/generic';
import type { Runtime } from '../runtime';
import type { StoredRec } from '../store';
import type { Ctx, Reply } from '../types';
import { defineHandler } from './registry';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function window(ctx: Ctx, rt: Runtime, defaultDays: number | null): [string, string] | null {
	const q = ctx.rawQuery;
	const log = q.get('log_date');
	if (log) return [log, log];
	const start = q.get('start_date');
	const end = q.get('end_date');
	if (start || end) return [start ?? '0000-01-01', end ?? '9999-12-31'];
	if (defaultDays === null) return null;
	const today = rt.clock.now();
	return [day(today - (defaultDays - 1) * 86400000), day(today)];
}

function inWindow(records: StoredRec[], w: [string, string] | null): StoredRec[] {
	return w
		? records.filter((r) => typeof r.date === 'string' && r.date >= w[0] && r.date <= w[1])
		: records;
}

/**
 * In-progress entries (a worker clocked in, not out yet: `in_progress` true, no time out or hours)
 * "generally do not appear in API responses unless specifically requested using the
 * include_in_progress filter" (the catalog's timecard entry schema). Only the company list takes
 * that filter (`filters[include_in_progress]`, `filters[in_progress_only]`); project lists never
 * show them.
 */
const omit = (rec: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(rec).filter(([k]) => !keys.includes(k)));

const finished = (records: StoredRec[]) => records.filter((r) => r.in_progress !== true);

function byProgress(records: StoredRec[], filters: unknown): StoredRec[] {
	const f = (typeof filters === 'object' && filters !== null ? filters : {}) as Record<string, unknown>;
	if (String(f.in_progress_only) === 'true') return records.filter((r) => r.in_progress === true);
	return String(f.include_in_progress) === 'true' ? records : finished(records);
}

/**
 * What the company list carries of each entry. Its schema only says the entries are "serialized
 * according to the MyTime field set"; whether that set has `origin_id` and the project is
 * UNCONFIRMED, so config `companyTimecardFields` gives both answers: 'full' (every stored field)
 * or 'mytime' (no origin_id / origin_data / project_id / project).
 */
function companyFields(rt: Runtime, rec: StoredRec): StoredRec {
	if (rt.config.companyTimecardFields !== 'mytime') return rec;
	return omit(rec, ['origin_id', 'origin_data', 'project_id', 'project']) as StoredRec;
}

const list =
	(defaultDays: number | null) =>
	(ctx: Ctx, rt: Runtime): Reply =>
		listReply(
			ctx,
			rt,
			finished(inWindow(listRecords(ctx, rt, keyOf(ctx).key), window(ctx, rt, defaultDays))),
		);

export const projectTimecards = defineHandler(
	'GET /rest/v1.0/projects/{project_id}/timecard_entries',
	list(1),
);
export const legacyTimecards = defineHandler('GET /rest/v1.0/timecard_entries', list(7));

/** The company list covers every project's entries (they are stored per project). */
export const companyTimecards = defineHandler(
	'GET /rest/v1.0/companies/{company_id}/timecard_entries',
	(ctx, rt) => {
		const fromProjects = rt.store
			.findAll('timecard_entries', (_r, key) => key.startsWith('projects/'))
			.map((x) => x.rec);
		const own = rt.store.list(`companies/${ctx.params.company_id}/timecard_entries`);
		// Not attributes of an entry: byProgress reads them.
		const filters = omit((ctx.query.filters ?? {}) as Record<string, unknown>, ['in_progress_only', 'include_in_progress']);
		const all = applySort(
			applyFilters(byProgress([...fromProjects, ...own], ctx.query.filters), filters),
			ctx.query.sort,
		);
		return listReply(ctx, rt, inWindow(all, window(ctx, rt, null)).map((r) => companyFields(rt, r)));
	},
);

export const timecardListHandlers = [projectTimecards, legacyTimecards, companyTimecards];
