import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequest } from '../transport';

const PAGE = 100;

/**
 * The project's prime contracts ("PC-001 Harbor View Tower (Approved)"), searched by number or
 * title. Any ID parameter that names a prime contract lists with this method.
 */
export async function searchPrimeContracts(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const companyId = await getCompanyId(this);
	const page = Number(token ?? 1);
	const body: unknown = await procoreApiRequest.call(this, {
		method: 'GET',
		path: '/rest/v1.0/prime_contracts',
		qs: { project_id: getProjectId(this), page, per_page: PAGE },
		companyId,
	});
	const rows = Array.isArray(body) ? (body as IDataObject[]) : [];
	const needle = (filter ?? '').toLowerCase();
	return {
		results: rows
			.filter((c) => !needle || [c.number, c.title].some((v) => String(v ?? '').toLowerCase().includes(needle)))
			.map((c) => ({
				name: `${[c.number, c.title].filter((v) => v !== undefined && v !== null && v !== '').join(' ') || `Prime contract ${String(c.id)}`}${c.status ? ` (${String(c.status)})` : ''}`,
				value: String(c.id),
				url: typeof c.url === 'string' ? c.url : undefined,
			})),
		paginationToken: rows.length === PAGE ? String(page + 1) : undefined,
	};
}
