import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequest } from '../transport';

export async function searchBudgetViews(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const companyId = await getCompanyId(this);
	const projectId = getProjectId(this);
	const body: unknown = await procoreApiRequest.call(this, {
		method: 'GET',
		path: '/rest/v1.0/budget_views',
		qs: { project_id: projectId, per_page: 100 },
		companyId,
	});
	const needle = (filter ?? '').toLowerCase();
	return {
		results: (Array.isArray(body) ? (body as Array<Record<string, unknown>>) : [])
			.map((v) => ({ name: String(v.name), value: String(v.id) }))
			.filter((o) => !needle || o.name.toLowerCase().includes(needle)),
	};
}
