import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequest } from '../transport';

export async function searchObservationTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const companyId = await getCompanyId(this);
	const projectId = getProjectId(this);
	const body: unknown = await procoreApiRequest.call(this, {
		method: 'GET',
		path: '/rest/v1.0/observations/types',
		qs: { project_id: projectId, company_id: companyId, per_page: 100 },
		companyId,
	});
	const needle = (filter ?? '').toLowerCase();
	return {
		results: (Array.isArray(body) ? (body as Array<Record<string, unknown>>) : [])
			.map((t) => ({ name: `${String(t.name)}${t.category ? ` (${String(t.category)})` : ''}`, value: String(t.id) }))
			.filter((o) => !needle || o.name.toLowerCase().includes(needle)),
	};
}

export async function searchObservations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const companyId = await getCompanyId(this);
	const projectId = getProjectId(this);
	const qs: Record<string, string | number> = { project_id: projectId, per_page: 100 };
	if (filter) qs['filters[search]'] = filter;
	const body: unknown = await procoreApiRequest.call(this, { method: 'GET', path: '/rest/v1.0/observations/items', qs, companyId });
	return {
		results: (Array.isArray(body) ? (body as Array<Record<string, unknown>>) : []).map((o) => ({
			name: `${o.number ? `#${String(o.number)} ` : ''}${String(o.name)}`,
			value: String(o.id),
		})),
	};
}
