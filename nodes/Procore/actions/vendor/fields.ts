import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getProjectId, toProcoreId } from '../../helpers/context';
import { idList } from '../../helpers/filters';
import { pickManyFromList } from '../common.descriptions';

export type VendorDirectory = 'company' | 'project';

export const directoryParameter: INodeProperties = {
	displayName: 'Directory',
	name: 'directory',
	type: 'options',
	options: [
		{ name: 'Company', value: 'company', description: 'The company directory (every vendor the company works with)' },
		{ name: 'Project', value: 'project', description: 'A project\'s directory (the vendors added to that project)' },
	],
	default: 'company',
};

/** What "Simplified" keeps of a vendor. */
export const VENDOR_FIELDS = [
	'id',
	'name',
	'trade_name',
	'email_address',
	'business_phone',
	'city',
	'state_code',
	'is_active',
	'origin_id',
	'updated_at',
];

export const vendorFieldOptions: INodeProperties[] = [
	{ displayName: 'Abbreviated Name', name: 'abbreviatedName', type: 'string', default: '' },
	{ displayName: 'Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether the vendor is active in the directory' },
	{ displayName: 'Address', name: 'address', type: 'string', default: '' },
	{ displayName: 'Business Phone', name: 'businessPhone', type: 'string', default: '' },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'Country Code', name: 'countryCode', type: 'string', default: '', placeholder: 'e.g. US' },
	{ displayName: 'Email Address', name: 'emailAddress', type: 'string', default: '', placeholder: 'e.g. name@email.com' },
	{ displayName: 'License Number', name: 'licenseNumber', type: 'string', default: '' },
	{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
	{
		displayName: 'Origin ID',
		name: 'originId',
		type: 'string',
		default: '',
		description: 'The vendor\'s ID in another system (COI platform, ERP), unique across the company, so it can be found again',
	},
	{ displayName: 'State Code', name: 'stateCode', type: 'string', default: '', placeholder: 'e.g. CA' },
	{ displayName: 'Trade Name', name: 'tradeName', type: 'string', default: '', placeholder: 'e.g. Electrical' },
	pickManyFromList('tradeIds', 'Trade Names or IDs', 'getTrades', 'The vendor\'s trades (company directory only)'),
	{ displayName: 'Website', name: 'website', type: 'string', default: '' },
	{ displayName: 'Zip', name: 'zip', type: 'string', default: '' },
];

const TEXT: Record<string, string> = {
	abbreviatedName: 'abbreviated_name',
	address: 'address',
	businessPhone: 'business_phone',
	city: 'city',
	countryCode: 'country_code',
	emailAddress: 'email_address',
	licenseNumber: 'license_number',
	name: 'name',
	notes: 'notes',
	originId: 'origin_id',
	stateCode: 'state_code',
	tradeName: 'trade_name',
	website: 'website',
	zip: 'zip',
};

export function vendorFieldsToBody(ctx: IExecuteFunctions, f: IDataObject, i: number, directory: VendorDirectory): IDataObject {
	const body: IDataObject = {};
	for (const [option, field] of Object.entries(TEXT)) {
		if (f[option] !== undefined && f[option] !== null && String(f[option]).trim() !== '') body[field] = String(f[option]).trim();
	}
	if (typeof f.isActive === 'boolean') body.is_active = f.isActive;
	// Project directory bodies have no trade_ids in Procore's schema.
	if (idList(ctx, f.tradeIds, 'Trades', i).length && directory === 'company') body.trade_ids = idList(ctx, f.tradeIds, 'Trade IDs', i).map(toProcoreId);
	return body;
}

export interface VendorPaths {
	directory: VendorDirectory;
	list: string;
	item: (id: string) => string;
	/** Query the company directory needs on every call. */
	qs: IDataObject;
}

export function vendorPaths(ctx: IExecuteFunctions, i: number, companyId: string): VendorPaths {
	const directory = ctx.getNodeParameter('directory', i, 'company') as VendorDirectory;
	if (directory === 'project') {
		const projectId = getProjectId(ctx, i);
		const list = `/rest/v1.0/projects/${projectId}/vendors`;
		return { directory, list, item: (id) => `${list}/${id}`, qs: {} };
	}
	return { directory, list: '/rest/v1.0/vendors', item: (id) => `/rest/v1.0/vendors/${id}`, qs: { company_id: companyId } };
}
