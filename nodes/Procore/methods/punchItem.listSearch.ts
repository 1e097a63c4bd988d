import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getProjectId } from '../helpers/context';
import { listPage as page, matching as keep } from './rows';
import { userLabel } from './userLabel';

/** A project's punch items, "#position name (status)", searched by Procore. */
export async function searchPunchItems(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const qs: IDataObject = { project_id: getProjectId(this) };
	if (filter) qs['filters[query]'] = filter;
	const { rows, next } = await page(this, '/rest/v1.1/punch_items', qs, token);
	return {
		results: rows.map((p) => ({
			name: `${p.position !== undefined && p.position !== null ? `#${String(p.position)} ` : ''}${String(p.name ?? p.id)}${p.status ? ` (${String(p.status)})` : ''}`,
			value: String(p.id),
		})),
		paginationToken: next,
	};
}

/** The punch item types set up for the project (e.g. Paint, Electrical, Cleaning). */
export async function searchPunchItemTypes(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const qs: IDataObject = { project_id: getProjectId(this) };
	if (filter) qs['filters[name]'] = filter;
	const { rows, next } = await page(this, '/rest/v1.0/punch_item_types', qs, token);
	return { results: rows.map((t) => ({ name: String(t.name ?? t.id), value: String(t.id) })).filter(keep(filter)), paginationToken: next };
}

async function people(ctx: ILoadOptionsFunctions, path: string, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const { rows, next } = await page(ctx, path, filter ? { query: filter } : {}, token);
	return { results: rows.map((u) => ({ name: userLabel(u), value: String(u.id) })).filter(keep(filter)), paginationToken: next };
}

/** The people Procore allows as the project's punch item manager. */
export async function searchPunchItemManagers(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await people(this, `/rest/v1.0/projects/${getProjectId(this)}/available_punch_item_managers`, filter, token);
}

/** The people Procore allows as a punch item's final approver. */
export async function searchPunchItemFinalApprovers(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await people(this, `/rest/v1.0/projects/${getProjectId(this)}/punch_list/available_final_approvers`, filter, token);
}
