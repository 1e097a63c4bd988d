import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { procoreApiRequestAllItems } from '../../transport';

/**
 * Finding the entries already in Procore. Procore has no timecard upsert and it is UNCONFIRMED
 * whether its lists filter on origin_id, so the project's entries for the days concerned are read
 * (a range is always sent: the list defaults to today only) and matched here by origin ID.
 */

function sameValue(field: string, a: unknown, b: unknown): boolean {
	if ((a === undefined || a === null || a === '') && (b === undefined || b === null || b === '')) return true;
	if (a && typeof a === 'object') return sameValue(field, (a as IDataObject).id, b);
	if (field === 'hours' || field === 'lunch_time') return Number(a) === Number(b);
	if (field === 'time_in' || field === 'time_out') {
		const x = Date.parse(String(a));
		const y = Date.parse(String(b));
		return Number.isFinite(x) && Number.isFinite(y) ? x === y : String(a) === String(b);
	}
	return String(a) === String(b);
}

const COMPARED = ['date', 'hours', 'time_in', 'time_out', 'lunch_time', 'party_id', 'cost_code_id', 'line_item_type_id', 'wbs_code_id', 'timecard_time_type_id', 'sub_job_id', 'crew_id', 'billable', 'description'];

/** The fields of `wanted` that differ from the entry in Procore. */
export function differences(existing: IDataObject, wanted: IDataObject): string[] {
	return COMPARED.filter((f) => f in wanted && wanted[f] !== undefined && wanted[f] !== '').filter((f) => {
		const current = existing[f] ?? existing[f.replace(/_id$/, '')];
		return !sameValue(f, current, wanted[f]);
	});
}

export function originOf(row: IDataObject): string {
	return row.origin_id === undefined || row.origin_id === null ? '' : String(row.origin_id);
}

/** The project's timecard entries from one day to another (inclusive), every page. */
export async function projectEntries(
	ctx: IExecuteFunctions,
	companyId: string,
	projectId: string,
	from: string,
	to: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: `/rest/v1.0/projects/${projectId}/timecard_entries`,
		qs: { start_date: from, end_date: to },
		companyId,
		itemIndex,
	});
}

/** Reads a project's entries from one day to another (inclusive); inProgress.ts adds open clock-ins. */
export type EntryReader = (projectId: string, from: string, to: string, itemIndex: number) => Promise<IDataObject[]>;

/** Entries already in Procore for these origin IDs (the first one found for each). */
export async function findExisting(
	read: EntryReader,
	projectId: string,
	dates: string[],
	originIds: Set<string>,
	itemIndex: number,
): Promise<Map<string, IDataObject>> {
	const sorted = [...dates].filter(Boolean).sort();
	const found = new Map<string, IDataObject>();
	if (!originIds.size || !sorted.length) return found;
	for (const row of await read(projectId, sorted[0], sorted[sorted.length - 1], itemIndex)) {
		const origin = originOf(row);
		if (originIds.has(origin) && !found.has(origin)) found.set(origin, row);
	}
	return found;
}

/**
 * The company's timecard entries from one day to another (inclusive), every page, with Procore's
 * in-progress filter: `only` the open clock-ins, or finished entries `including` them (the company
 * list is the only one that shows open entries).
 */
export async function companyEntries(
	ctx: IExecuteFunctions,
	companyId: string,
	from: string,
	to: string,
	inProgress: 'only' | 'include',
	itemIndex: number,
): Promise<IDataObject[]> {
	return await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: `/rest/v1.0/companies/${companyId}/timecard_entries`,
		qs: { start_date: from, end_date: to, [inProgress === 'only' ? 'filters[in_progress_only]' : 'filters[include_in_progress]']: true },
		companyId,
		itemIndex,
	});
}
