import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequest } from '../transport';

async function list(ctx: ILoadOptionsFunctions, path: string, qs = {}): Promise<Array<Record<string, unknown>>> {
	const companyId = await getCompanyId(ctx);
	const body: unknown = await procoreApiRequest.call(ctx, { method: 'GET', path, qs: { per_page: 100, ...qs }, companyId });
	return Array.isArray(body) ? (body as Array<Record<string, unknown>>) : [];
}

function byName(filter: string | undefined) {
	const needle = (filter ?? '').toLowerCase();
	return (text: string) => !needle || text.toLowerCase().includes(needle);
}

export async function searchRfis(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const rows = await list(this, `/rest/v1.0/projects/${projectId}/rfis`, filter ? { search: filter } : {});
	return {
		results: rows.map((r) => ({
			name: `${r.number ? `#${String(r.number)} ` : ''}${String(r.subject)}${r.draft ? ' (draft)' : ''}`,
			value: String(r.id),
		})),
	};
}

export async function searchRfiManagers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const keep = byName(filter);
	const rows = await list(this, `/rest/v1.0/projects/${projectId}/rfis/potential_rfi_managers`);
	return {
		results: rows
			.map((u) => ({ name: String(u.name ?? u.login), value: String(u.id) }))
			.filter((o) => keep(o.name)),
	};
}
