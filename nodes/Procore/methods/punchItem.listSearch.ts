import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequest } from '../transport';
import { userLabel } from './userLabel';

const PAGE = 100;

async function page(ctx: ILoadOptionsFunctions, path: string, qs: IDataObject, token?: string): Promise<{ rows: IDataObject[]; next?: string }> {
	const companyId = await getCompanyId(ctx);
	const pageNumber = Number(token ?? 1);
	const body: unknown = await procoreApiRequest.call(ctx, { method: 'GET', path, qs: { ...qs, page: pageNumber, per_page: PAGE }, companyId });
	const rows = Array.isArray(body) ? (body as IDataObject[]) : [];
	return { rows, next: rows.length === PAGE ? String(pageNumber + 1) : undefined };
}

const keep = (filter: string | undefined) => {
	const needle = (filter ?? '').toLowerCase();
	return (o: { name: string }) => !needle || o.name.toLowerCase().includes(needle);
};

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
