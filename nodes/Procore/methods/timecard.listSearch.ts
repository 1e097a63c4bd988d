import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import type { CostCodeLike } from '../helpers/milestone';
import { milestonesFor } from '../helpers/milestone';
import { listPage as page, matching as keep } from './rows';

function personLabel(p: IDataObject): string {
	const name = p.name ?? [p.first_name, p.last_name].filter(Boolean).join(' ');
	return `${String(name || p.id)}${p.employee_id ? ` (#${String(p.employee_id)})` : ''}`;
}

export async function searchProjectPeople(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const { rows, next } = await page(this, `/rest/v1.0/projects/${projectId}/people`, filter ? { 'filters[search]': filter } : {}, token);
	return { results: rows.map((p) => ({ name: personLabel(p), value: String(p.id) })), paginationToken: next };
}

/**
 * The workers a timecard list can be filtered on: the project's people, or the company's people
 * when Get Many reads the whole company (no project is chosen then).
 */
export async function searchTimecardWorkers(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	if (this.getNodeParameter('scope', 'project') !== 'company') return await searchProjectPeople.call(this, filter, token);
	const companyId = await getCompanyId(this);
	const { rows, next } = await page(this, `/rest/v1.0/companies/${companyId}/people`, filter ? { 'filters[search]': filter } : {}, token);
	return { results: rows.map((p) => ({ name: personLabel(p), value: String(p.id) })), paginationToken: next };
}

export async function searchCostCodes(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const { rows, next } = await page(this, '/rest/v1.0/cost_codes', { project_id: projectId }, token);
	return {
		results: rows
			.map((c) => ({ name: `${String(c.full_code ?? c.code ?? '')} ${String(c.name ?? '')}`.trim(), value: String(c.id) }))
			.filter(keep(filter)),
		paginationToken: next,
	};
}

export async function searchLineItemTypes(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const { rows, next } = await page(this, '/rest/v1.0/line_item_types', { project_id: projectId }, token);
	return {
		results: rows
			.map((t) => ({ name: `${String(t.name ?? t.code)}${t.code ? ` (${String(t.code)})` : ''}`, value: String(t.id) }))
			.filter(keep(filter)),
		paginationToken: next,
	};
}

export async function searchWbsCodes(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const { rows, next } = await page(this, `/rest/v1.0/projects/${projectId}/work_breakdown_structure/wbs_codes`, filter ? { query: filter } : {}, token);
	return {
		results: rows.map((w) => ({ name: `${String(w.flat_code ?? '')} ${String(w.flat_name ?? w.description ?? '')}`.trim(), value: String(w.id) })),
		paginationToken: next,
	};
}

export async function searchMilestones(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const { rows, next } = await page(this, '/rest/v1.0/cost_codes', { project_id: projectId }, token);
	return {
		results: milestonesFor(rows as CostCodeLike[])
			.map((m) => ({ name: m.name, value: m.milestone }))
			.filter(keep(filter)),
		paginationToken: next,
	};
}

export async function searchTimecardEntries(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const today = new Date();
	const start = new Date(today.getTime() - 14 * 86_400_000);
	const { rows } = await page(this, `/rest/v1.0/projects/${projectId}/timecard_entries`, {
		start_date: start.toISOString().slice(0, 10),
		end_date: today.toISOString().slice(0, 10),
	});
	return {
		results: rows
			.map((e) => {
				const party = (e.party ?? {}) as IDataObject;
				const code = (e.cost_code ?? {}) as IDataObject;
				return {
					name: `${String(e.date ?? '')} ${String(party.name ?? `worker ${String(e.party_id ?? '')}`)}: ${String(e.hours ?? '')} h${code.full_code ? ` on ${String(code.full_code)}` : ''}`,
					value: String(e.id),
				};
			})
			.filter(keep(filter)),
	};
}

/** A project's crews (the crew a clock-out's time is logged for). */
export async function searchCrews(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const { rows, next } = await page(this, `/rest/v1.0/projects/${projectId}/crews`, {}, token);
	return {
		results: rows.map((c) => ({ name: String(c.name ?? `Crew ${String(c.id)}`), value: String(c.id) })).filter(keep(filter)),
		paginationToken: next,
	};
}

/** A project's sub jobs (legacy once the project uses WBS codes). */
export async function searchSubJobs(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const { rows, next } = await page(this, '/rest/v1.0/sub_jobs', { project_id: projectId }, token);
	return {
		results: rows
			.map((s) => ({ name: `${String(s.code ?? '')} ${String(s.name ?? '')}`.trim() || `Sub job ${String(s.id)}`, value: String(s.id) }))
			.filter(keep(filter)),
		paginationToken: next,
	};
}

/** The time types a project's entries can take (Regular, Overtime…). */
export async function searchTimecardTimeTypes(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const { rows, next } = await page(this, '/rest/v1.0/timecard_time_types', { project_id: projectId }, token);
	return {
		results: rows
			.map((t) => ({
				name: `${String(t.time_type ?? t.id)}${t.abbreviated_time_type ? ` (${String(t.abbreviated_time_type)})` : ''}`,
				value: String(t.id),
			}))
			.filter(keep(filter)),
		paginationToken: next,
	};
}

/** A project's locations (where on site the work was done), by their full path. */
export async function searchLocations(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const { rows, next } = await page(this, `/rest/v1.0/projects/${projectId}/locations`, {}, token);
	return {
		results: rows.map((l) => ({ name: String(l.node_name ?? l.name ?? `Location ${String(l.id)}`), value: String(l.id) })).filter(keep(filter)),
		paginationToken: next,
	};
}

/** A project's timesheets, one per day, newest first as Procore lists them. */
export async function searchTimesheets(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const { rows, next } = await page(this, `/rest/v1.0/projects/${projectId}/timesheets`, {}, token);
	return {
		results: rows
			.map((t) => ({ name: `${String(t.date ?? '')} ${String(t.name ?? (t.number ? `#${String(t.number)}` : ''))}`.trim() || `Timesheet ${String(t.id)}`, value: String(t.id) }))
			.filter(keep(filter)),
		paginationToken: next,
	};
}

/** A project's work classifications (trade or pay class, e.g. Journeyman Carpenter). */
export async function searchWorkClassifications(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const { rows, next } = await page(this, `/rest/v1.0/projects/${projectId}/work_classifications`, {}, token);
	return {
		results: rows.map((w) => ({ name: String(w.name ?? `Work classification ${String(w.id)}`), value: String(w.id) })).filter(keep(filter)),
		paginationToken: next,
	};
}
