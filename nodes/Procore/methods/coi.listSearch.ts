import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../helpers/context';
import type { InsuranceStatus } from '../actions/insurance/statusMap';
import { insuranceStatusName } from '../actions/insurance/statusMap';
import { listPage, matching } from './rows';

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
	const { rows, next } = await listPage(this, '/rest/v1.0/vendors', qs, paginationToken, { id: companyId });
	return {
		results: rows.map((v) => ({
			name: `${String(v.name)}${v.trade_name ? ` (${String(v.trade_name)})` : ''}${v.is_active === false ? ' (inactive)' : ''}`,
			value: String(v.id),
		})),
		paginationToken: next,
	};
}

function commitmentResults({ rows, next }: { rows: IDataObject[]; next?: string }, filter?: string): INodeListSearchResult {
	return {
		results: rows
			.map((c) => ({
				name: [c.number, c.title, (c.vendor as IDataObject | undefined)?.name ? `– ${String((c.vendor as IDataObject).name)}` : '']
					.filter((s) => s !== undefined && s !== null && s !== '')
					.join(' '),
				value: String(c.id),
			}))
			.filter(matching(filter)),
		paginationToken: next,
	};
}

async function projectCommitments(ctx: ILoadOptionsFunctions, paginationToken?: string) {
	const companyId = await getCompanyId(ctx);
	return await listPage(ctx, '/rest/v1.0/commitments', { project_id: getProjectId(ctx) }, paginationToken, { id: companyId });
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
	const { rows, next } = await projectCommitments(this, paginationToken);
	const vendorId = currentParameter(this, 'vendor');
	// The rows carry the vendor; Procore's commitment list takes no vendor filter.
	const own = /^\d+$/.test(vendorId) ? rows.filter((c) => normalizeId((c.vendor as IDataObject | undefined)?.id) === vendorId) : rows;
	return commitmentResults({ rows: own, next }, filter);
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
	return insuranceResults(await listPage(this, path, {}, paginationToken, { id: companyId }), filter);
}

function insuranceResults({ rows, next }: { rows: IDataObject[]; next?: string }, filter?: string): INodeListSearchResult {
	return {
		results: rows
			.map((r) => ({
				name: [r.insurance_type, r.policy_number, r.status ? insuranceStatusName(r.status as InsuranceStatus) : '', r.expiration_date ? `exp. ${String(r.expiration_date)}` : '']
					.filter((s) => s !== undefined && s !== null && s !== '')
					.join(' · '),
				value: String(r.id),
			}))
			.filter(matching(filter)),
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
	return insuranceResults(await listPage(this, path, {}, paginationToken, { id: companyId }), filter);
}
