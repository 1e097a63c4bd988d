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

const list =
	(defaultDays: number | null) =>
	(ctx: Ctx, rt: Runtime): Reply =>
		listReply(
			ctx,
			rt,
			inWindow(listRecords(ctx, rt, keyOf(ctx).key), window(ctx, rt, defaultDays)),
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
		const all = applySort(
			applyFilters([...fromProjects, ...own], ctx.query.filters),
			ctx.query.sort,
		);
		return listReply(ctx, rt, inWindow(all, window(ctx, rt, null)));
	},
);

export const timecardListHandlers = [projectTimecards, legacyTimecards, companyTimecards];
