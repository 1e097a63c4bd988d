import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { byName, matching, projectRows } from './rows';

/** The project's inspections, newest number first, searched by Procore's `filters[query]`. */
export async function searchInspections(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const rows = await projectRows(this, `/rest/v1.0/projects/${getProjectId(this)}/checklist/lists`, filter ? { 'filters[query]': filter } : {});
	return {
		results: rows
			.sort((a, b) => Number(b.number ?? 0) - Number(a.number ?? 0))
			.map((l) => ({ name: `#${String(l.number ?? l.id)} ${String(l.name ?? '')}${l.status ? ` (${String(l.status)})` : ''}`, value: String(l.id) })),
	};
}

/** The project's inspection templates (what Create copies an inspection from). */
export async function searchInspectionTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const rows = await projectRows(this, `/rest/v1.0/projects/${getProjectId(this)}/checklist/list_templates`);
	return { results: rows.map((t) => ({ name: String(t.name ?? t.id), value: String(t.id) })).filter(matching(filter)).sort(byName) };
}

/** The company's inspection types (Quality, Safety…). */
export async function searchInspectionTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const rows = await projectRows(this, `/rest/v1.0/companies/${await getCompanyId(this)}/inspection_types`);
	return { results: rows.map((t) => ({ name: String(t.name ?? t.id), value: String(t.id) })).filter(matching(filter)).sort(byName) };
}
