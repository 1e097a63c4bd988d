import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequest } from '../transport';

const PAGE = 100;

/** The project's direct costs ("Invoice INV-1043 · Granite Electric · 2026-09-01 · 12,400.00"). */
export async function searchDirectCosts(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const page = Number(token ?? 1);
	const body: unknown = await procoreApiRequest.call(this, {
		method: 'GET',
		path: `/rest/v1.0/projects/${getProjectId(this)}/direct_costs`,
		qs: { page, per_page: PAGE },
		companyId: await getCompanyId(this),
	});
	const rows = Array.isArray(body) ? (body as IDataObject[]) : [];
	const needle = (filter ?? '').toLowerCase();
	const name = (d: IDataObject) =>
		[`${String(d.direct_cost_type ?? 'Direct cost').replace(/^./, (c) => c.toUpperCase())} ${String(d.invoice_number ?? d.id)}`, d.vendor_name ?? d.vendor, d.direct_cost_date, d.grand_total]
			.filter((v) => v !== undefined && v !== null && v !== '')
			.map(String)
			.join(' · ');
	return {
		results: rows.filter((d) => !needle || name(d).toLowerCase().includes(needle) || String(d.description ?? '').toLowerCase().includes(needle)).map((d) => ({ name: name(d), value: String(d.id) })),
		paginationToken: rows.length === PAGE ? String(page + 1) : undefined,
	};
}
