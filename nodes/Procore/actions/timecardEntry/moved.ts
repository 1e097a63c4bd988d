import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { procoreApiRequestAllItems } from '../../transport';
import { originOf } from './existing';
import type { ReplacedEntries } from './replaced';
import { daysAround } from './replaced';

/** Entries of edited clock-outs found in a project the clock-out is no longer in. */
export interface LeftBehind {
	days: string[];
	stale: Array<{ itemIndex: number; row: IDataObject }>;
}

/** The project an entry of the company list belongs to (`project_id`, or `project.id`). */
function projectOf(row: IDataObject): string {
	const project = row.project as IDataObject | undefined;
	return String(row.project_id ?? project?.id ?? '');
}

/**
 * A clock-out edited into another project leaves its earlier entries in the project it left, where
 * the per-project read (bulk.ts) does not look: their hours would count twice. The company's list
 * covers every project, so one read for the days concerned (a day either side, as for a shift moved
 * across midnight) finds them by the clock-out's origin ID prefix, grouped by the project they are
 * in. An entry without a project in that list is left alone: it cannot be deleted safely.
 */
export async function entriesLeftBehind(ctx: IExecuteFunctions, companyId: string, sets: ReplacedEntries[]): Promise<Map<string, LeftBehind>> {
	const out = new Map<string, LeftBehind>();
	const days = sets.flatMap((s) => daysAround(s.dates)).filter(Boolean).sort();
	if (!sets.length || !days.length) return out;
	const rows = await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: `/rest/v1.0/companies/${companyId}/timecard_entries`,
		qs: { start_date: days[0], end_date: days[days.length - 1] },
		companyId,
		itemIndex: sets[0].itemIndex,
	});
	const claimed = new Set<string>();
	for (const set of sets) {
		for (const row of rows) {
			const project = projectOf(row);
			const id = String(row.id);
			if (!project || project === set.projectId || claimed.has(id) || !originOf(row).startsWith(set.originPrefix)) continue;
			claimed.add(id);
			const left = out.get(project) ?? { days: [], stale: [] };
			left.days.push(...daysAround(set.dates));
			left.stale.push({ itemIndex: set.itemIndex, row });
			out.set(project, left);
		}
	}
	return out;
}
