import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequest } from '../transport';

async function rows(ctx: ILoadOptionsFunctions, path: string, qs: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
	const companyId = await getCompanyId(ctx);
	const body: unknown = await procoreApiRequest.call(ctx, { method: 'GET', path, qs: { per_page: 100, ...qs }, companyId });
	return Array.isArray(body) ? (body as Array<Record<string, unknown>>) : [];
}

export async function searchSubmittals(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const list = await rows(this, `/rest/v1.1/projects/${projectId}/submittals`, filter ? { 'filters[query]': filter } : {});
	return { results: list.map((s) => ({ name: `${String(s.formatted_number ?? s.number)} ${String(s.title ?? '')}`.trim(), value: String(s.id) })) };
}

export async function searchSpecificationSections(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const needle = (filter ?? '').toLowerCase();
	const list = await rows(this, '/rest/v1.0/specification_sections', { project_id: projectId });
	return {
		results: list
			.map((s) => ({ name: String(s.label ?? `${String(s.number)} ${String(s.description)}`), value: String(s.id) }))
			.filter((o) => !needle || o.name.toLowerCase().includes(needle)),
	};
}
