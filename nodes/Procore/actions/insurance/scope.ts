import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getProjectId } from '../../helpers/context';
import { projectLocator } from '../common.descriptions';
import type { ResolvedVendor, VendorCache } from '../vendor/resolve';
import { resolveVendor, vendorLocator } from '../vendor/resolve';

export type InsuranceScope = 'company' | 'companyVendor' | 'project' | 'projectVendor';

const PROJECT_SCOPES: InsuranceScope[] = ['project', 'projectVendor'];
export const VENDOR_SCOPES: InsuranceScope[] = ['companyVendor', 'projectVendor'];

/** Procore keeps insurances on a vendor in the company or in a project directory; four API paths reach them. */
export const scopeParameter: INodeProperties = {
	displayName: 'Directory',
	name: 'scope',
	type: 'options',
	options: [
		{
			name: 'Company (All Vendors)',
			value: 'company',
			description: 'Insurances in the company directory, for every vendor',
		},
		{
			name: 'Company Vendor',
			value: 'companyVendor',
			description: 'Insurances of one vendor in the company directory (the usual place for a COI)',
		},
		{
			name: 'Project (All Vendors)',
			value: 'project',
			description: 'Insurances in a project directory, for every vendor',
		},
		{
			name: 'Project Vendor',
			value: 'projectVendor',
			description: 'Insurances of one vendor in a project directory (project-specific requirements)',
		},
	],
	default: 'companyVendor',
	description: 'Where the insurance records live in Procore',
};

/** Scope, project and vendor parameters of an insurance operation. */
export function scopeParameters(vendorInEveryScope: boolean, vendorDescription?: string): INodeProperties[] {
	return [
		scopeParameter,
		{ ...projectLocator, displayOptions: { show: { scope: PROJECT_SCOPES } } },
		{
			...vendorLocator({ description: vendorDescription }),
			...(vendorInEveryScope ? {} : { displayOptions: { show: { scope: VENDOR_SCOPES } } }),
		},
	];
}

export interface InsuranceTarget {
	scope: InsuranceScope;
	companyId: string;
	projectId?: string;
	vendor?: ResolvedVendor;
	/** The list path of the scope, e.g. /rest/v1.0/companies/1/vendors/5/insurances. */
	basePath: string;
}

export function insuranceBasePath(scope: InsuranceScope, companyId: string, projectId?: string, vendorId?: string): string {
	switch (scope) {
		case 'company':
			return `/rest/v1.0/companies/${companyId}/insurances`;
		case 'companyVendor':
			return `/rest/v1.0/companies/${companyId}/vendors/${vendorId}/insurances`;
		case 'project':
			return `/rest/v1.0/projects/${projectId}/insurances`;
		case 'projectVendor':
			return `/rest/v1.0/projects/${projectId}/vendors/${vendorId}/insurances`;
	}
}

/** Reads the scope parameters of one item; the vendor is resolved when the scope or the write needs it. */
export async function insuranceTarget(
	ctx: IExecuteFunctions,
	itemIndex: number,
	companyId: string,
	vendorNeeded: boolean,
	vendorCache?: VendorCache,
): Promise<InsuranceTarget> {
	const scope = ctx.getNodeParameter('scope', itemIndex, 'companyVendor') as InsuranceScope;
	const projectId = PROJECT_SCOPES.includes(scope) ? getProjectId(ctx, itemIndex) : undefined;
	const vendor =
		vendorNeeded || VENDOR_SCOPES.includes(scope) ? await resolveVendor(ctx, itemIndex, companyId, 'vendor', vendorCache) : undefined;
	return { scope, companyId, projectId, vendor, basePath: insuranceBasePath(scope, companyId, projectId, vendor?.id) };
}

/** Company- and project-level insurance bodies name the vendor; vendor-level paths already do. */
export function needsVendorIdInBody(scope: InsuranceScope): boolean {
	return !VENDOR_SCOPES.includes(scope);
}
