import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { listPage as page, matching as keep } from './rows';
import { userLabel } from './userLabel';

/** The project's users (assignees, managers, ball in court, received from: user IDs, not directory people). */
export async function searchProjectUsers(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const { rows, next } = await page(this, `/rest/v1.0/projects/${getProjectId(this)}/users`, filter ? { 'filters[search]': filter } : {}, token);
	return { results: rows.map((u) => ({ name: userLabel(u), value: String(u.id) })).filter(keep(filter)), paginationToken: next };
}

/** The company's trades. */
export async function searchTrades(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const { rows, next } = await page(this, `/rest/v1.0/companies/${await getCompanyId(this)}/trades`, {}, token);
	return { results: rows.map((t) => ({ name: String(t.name ?? t.id), value: String(t.id) })).filter(keep(filter)), paginationToken: next };
}

/** The company's submittal statuses. */
export async function searchSubmittalStatuses(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const { rows, next } = await page(this, `/rest/v1.0/companies/${await getCompanyId(this)}/submittal_statuses`, {}, token);
	return { results: rows.map((s) => ({ name: String(s.name ?? s.status ?? s.id), value: String(s.id) })).filter(keep(filter)), paginationToken: next };
}
