import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../helpers/context';
import type { InsuranceStatus } from '../actions/insurance/statusMap';
import { insuranceStatusName } from '../actions/insurance/statusMap';
import { procoreApiRequest } from '../transport';

const PAGE = 100;

async function page(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	companyId: string,
	paginationToken?: string,
): Promise<{ records: IDataObject[]; next?: string }> {
	const pageNumber = Number(paginationToken ?? 1);
	const body: unknown = await procoreApiRequest.call(ctx, {
		method: 'GET',
		path,
		qs: { ...qs, page: pageNumber, per_page: PAGE },
		companyId,
	});
	const records = Array.isArray(body) ? (body as IDataObject[]) : [];
	return { records, next: records.length === PAGE ? String(pageNumber + 1) : undefined };
}

function currentParameter(ctx: ILoadOptionsFunctions, name: string): string {
	try {
		return normalizeId(ctx.getNodeParameter(name, undefined, { extractValue: true }));
	} catch {
		return '';
	}
}

export async function searchVendors(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const companyId = await getCompanyId(this);
	const qs: IDataObject = { company_id: companyId, sort: 'name' };
	if (filter) qs['filters[search]'] = filter;
	const { records, next } = await page(this, '/rest/v1.0/vendors', qs, companyId, paginationToken);
	return {
		results: records.map((v) => ({
			name: `${String(v.name)}${v.trade_name ? ` (${String(v.trade_name)})` : ''}${v.is_active === false ? ' (inactive)' : ''}`,
			value: String(v.id),
		})),
		paginationToken: next,
	};
}

function commitmentResults({ records, next }: { records: IDataObject[]; next?: string }, filter?: string): INodeListSearchResult {
	const needle = (filter ?? '').toLowerCase();
	return {
		results: records
			.map((c) => ({
				name: [c.number, c.title, (c.vendor as IDataObject | undefined)?.name ? `– ${String((c.vendor as IDataObject).name)}` : '']
					.filter((s) => s !== undefined && s !== null && s !== '')
					.join(' '),
				value: String(c.id),
			}))
			.filter((o) => !needle || o.name.toLowerCase().includes(needle)),
		paginationToken: next,
	};
}

async function projectCommitments(ctx: ILoadOptionsFunctions, paginationToken?: string) {
	const companyId = await getCompanyId(ctx);
	return await page(ctx, '/rest/v1.0/commitments', { project_id: getProjectId(ctx) }, companyId, paginationToken);
}

export async function searchCommitments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return commitmentResults(await projectCommitments(this, paginationToken), filter);
}

/** The project's commitments that belong to the vendor chosen above (all of them until one is chosen by ID). */
export async function searchVendorCommitments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { records, next } = await projectCommitments(this, paginationToken);
	const vendorId = currentParameter(this, 'vendor');
	// The rows carry the vendor; Procore's commitment list takes no vendor filter.
	const own = /^\d+$/.test(vendorId) ? records.filter((c) => normalizeId((c.vendor as IDataObject | undefined)?.id) === vendorId) : records;
	return commitmentResults({ records: own, next }, filter);
}

/** Update Compliance Status: the chosen vendor's insurances in the directory chosen in "Write Status To". */
export async function searchVendorInsurances(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const companyId = await getCompanyId(this);
	const vendorId = currentParameter(this, 'vendor');
	if (!/^\d+$/.test(vendorId)) return { results: [] };
	const targets = this.getNodeParameter('writeTo', ['companyInsurance']) as string[];
	const path = targets.includes('companyInsurance')
		? `/rest/v1.0/companies/${companyId}/vendors/${vendorId}/insurances`
		: `/rest/v1.0/projects/${getProjectId(this)}/vendors/${vendorId}/insurances`;
	return insuranceResults(await page(this, path, {}, companyId, paginationToken), filter);
}

function insuranceResults({ records, next }: { records: IDataObject[]; next?: string }, filter?: string): INodeListSearchResult {
	const needle = (filter ?? '').toLowerCase();
	return {
		results: records
			.map((r) => ({
				name: [r.insurance_type, r.policy_number, r.status ? insuranceStatusName(r.status as InsuranceStatus) : '', r.expiration_date ? `exp. ${String(r.expiration_date)}` : '']
					.filter((s) => s !== undefined && s !== null && s !== '')
					.join(' · '),
				value: String(r.id),
			}))
			.filter((o) => !needle || o.name.toLowerCase().includes(needle)),
		paginationToken: next,
	};
}

export async function searchInsurances(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const companyId = await getCompanyId(this);
	const scope = String(this.getNodeParameter('scope', undefined) ?? 'companyVendor');
	const projectId = scope.startsWith('project') ? getProjectId(this) : '';
	// Only a vendor given by ID can be listed here; by name or origin ID, enter the insurance ID.
	const vendorId = currentParameter(this, 'vendor');
	if (scope.endsWith('Vendor') && !/^\d+$/.test(vendorId)) return { results: [] };
	const path = {
		company: `/rest/v1.0/companies/${companyId}/insurances`,
		companyVendor: `/rest/v1.0/companies/${companyId}/vendors/${vendorId}/insurances`,
		project: `/rest/v1.0/projects/${projectId}/insurances`,
		projectVendor: `/rest/v1.0/projects/${projectId}/vendors/${vendorId}/insurances`,
	}[scope];
	if (!path) return { results: [] };
	return insuranceResults(await page(this, path, {}, companyId, paginationToken), filter);
}
