import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { procoreApiRequestAllItems } from '../../transport';
import { companyEntries, projectEntries } from './existing';
import { partyOf, projectOf } from './fields';
import type { ReplacedEntries } from './replaced';
import { daysAround, hasPrefix } from './replaced';

/** Entries of edited clock-outs found in a project the clock-out is no longer in. */
export interface LeftBehind {
	days: string[];
	stale: Array<{ itemIndex: number; row: IDataObject }>;
}


/**
 * Whether the company list said each entry's origin ID and project. Its entries are "serialized
 * according to the MyTime field set", and whether that set has them is UNCONFIRMED
 * (procore-api.md §4.2): the keys present on its rows answer it for this account, per read.
 */
function carriesOriginAndProject(rows: IDataObject[]): boolean {
	return rows.every((r) => 'origin_id' in r && ('project_id' in r || 'project' in r));
}

/** The company's active projects (one list read), when the app's synced projects are not given. */
async function activeProjects(ctx: IExecuteFunctions, companyId: string, itemIndex: number): Promise<string[]> {
	const rows = await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: '/rest/v1.0/projects',
		qs: { company_id: companyId },
		companyId,
		itemIndex,
	});
	return rows.map((r) => String(r.id));
}

/**
 * The entries of the days in the projects other than the sets' own, each with its project: from
 * the company list when it says both fields, otherwise from each project's own list (which does),
 * over the projects the app syncs (Options › Synced Project IDs) or else the company's active ones,
 * and only when the company list shows one of the workers with an entry outside those projects.
 */
async function entriesElsewhere(
	ctx: IExecuteFunctions,
	companyId: string,
	sets: ReplacedEntries[],
	days: string[],
	searchProjects: string[],
): Promise<Array<{ project: string; row: IDataObject }>> {
	const itemIndex = sets[0].itemIndex;
	const from = days[0];
	const to = days[days.length - 1];
	// Open clock-ins too (a clock-in exported in the project the clock-out left).
	let rows = await companyEntries(ctx, companyId, from, to, 'include', itemIndex);
	if (carriesOriginAndProject(rows)) return rows.map((row) => ({ project: projectOf(row), row }));
	// Without those fields, only an entry of one of the workers (a row without a worker counts too)
	// that is not in the clock-outs' own projects can be one left behind; most runs have none, and
	// then no other project is read. Open clock-ins are left out: no project list shows them, so
	// one left in another project cannot be placed (docs/timecards.md).
	rows = rows.filter((r) => r.in_progress !== true);
	const own = new Set(sets.map((s) => s.projectId));
	const ownIds = new Set<string>();
	for (const project of own) {
		for (const row of await projectEntries(ctx, companyId, project, from, to, itemIndex)) ownIds.add(String(row.id));
	}
	const parties = new Set(sets.flatMap((s) => s.parties));
	const candidates = rows.filter((r) => !ownIds.has(String(r.id)) && (!partyOf(r) || parties.has(partyOf(r))));
	if (!candidates.length) return [];
	const projects = (searchProjects.length ? searchProjects : await activeProjects(ctx, companyId, itemIndex)).filter((p) => !own.has(p));
	const out: Array<{ project: string; row: IDataObject }> = [];
	for (const project of projects) {
		for (const row of await projectEntries(ctx, companyId, project, from, to, itemIndex)) out.push({ project, row });
	}
	return out;
}

/**
 * A clock-out edited into another project leaves its earlier entries in the project it left, where
 * the per-project read (bulk.ts) does not look: their hours would count twice. The company's list
 * covers every project, so one read for the days concerned (a day either side, as for a shift moved
 * across midnight) finds them by the clock-out's origin ID prefix, grouped by the project they are
 * in. When that list does not carry origin IDs and projects, the projects' own lists are read
 * instead (see entriesElsewhere). An entry whose project is unknown is left alone: it cannot be
 * deleted safely.
 */
export async function entriesLeftBehind(
	ctx: IExecuteFunctions,
	companyId: string,
	sets: ReplacedEntries[],
	searchProjects: string[] = [],
): Promise<Map<string, LeftBehind>> {
	const out = new Map<string, LeftBehind>();
	const days = sets.flatMap((s) => daysAround(s.dates)).filter(Boolean).sort();
	if (!sets.length || !days.length) return out;
	const rows = await entriesElsewhere(ctx, companyId, sets, days, searchProjects);
	const claimed = new Set<string>();
	for (const set of sets) {
		for (const { project, row } of rows) {
			const id = String(row.id);
			if (!project || project === set.projectId || claimed.has(id) || !hasPrefix(row, set)) continue;
			claimed.add(id);
			const left = out.get(project) ?? { days: [], stale: [] };
			left.days.push(...daysAround(set.dates));
			left.stale.push({ itemIndex: set.itemIndex, row });
			out.set(project, left);
		}
	}
	return out;
}
