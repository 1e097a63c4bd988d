import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequest } from '../transport';
import { listPage as page, matching as keep } from './rows';
import { userLabel } from './userLabel';

/** The company directory's users (people with a Procore login), by name and e-mail. */
export async function searchCompanyUsers(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const companyId = await getCompanyId(this);
	const { rows, next } = await page(this, `/rest/v1.0/companies/${companyId}/users`, filter ? { 'filters[search]': filter } : {}, token);
	return {
		results: rows
			.map((u) => ({ name: `${userLabel(u)}${u.email_address ?? u.login ? ` <${String(u.email_address ?? u.login)}>` : ''}`, value: String(u.id) }))
			.filter(keep(filter)),
		paginationToken: next,
	};
}

/** The permission templates a user can be given in the project (Procore's assignable ones). */
export async function searchPermissionTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const body: unknown = await procoreApiRequest.call(this, {
		method: 'GET',
		path: `/rest/v1.0/projects/${projectId}/permission_templates`,
		qs: { 'filters[assignables_only]': true },
		companyId: await getCompanyId(this),
	});
	const rows = Array.isArray(body) ? (body as IDataObject[]) : [];
	return {
		results: rows
			.map((t) => ({ name: `${String(t.name ?? t.id)}${t.project_specific ? ' (this project only)' : ''}`, value: String(t.id) }))
			.filter(keep(filter))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}

async function companyList(ctx: ILoadOptionsFunctions, path: string, qs: IDataObject, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const { rows, next } = await page(ctx, path, qs, token);
	return { results: rows.map((r) => ({ name: String(r.name ?? r.id), value: String(r.id) })).filter(keep(filter)), paginationToken: next };
}

/** The company's project stages (e.g. Bidding, Course of Construction, Closeout). */
export async function searchProjectStages(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await companyList(this, `/rest/v1.0/companies/${await getCompanyId(this)}/project_stages`, {}, filter, token);
}

/** The company's project types. */
export async function searchProjectTypes(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await companyList(this, `/rest/v1.0/companies/${await getCompanyId(this)}/project_types`, {}, filter, token);
}

/** The company's offices. */
export async function searchOffices(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await companyList(this, '/rest/v1.0/offices', { company_id: await getCompanyId(this) }, filter, token);
}

/** The company's project templates (a new project copies its tools and settings). */
export async function searchProjectTemplates(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await companyList(this, '/rest/v1.0/project_templates', { company_id: await getCompanyId(this) }, filter, token);
}
