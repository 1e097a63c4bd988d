import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, normalizeId } from '../../helpers/context';
import { isoDay } from '../../helpers/filters';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procorePages } from '../../transport';
import { filtersCollection, pickFromList, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { INSURANCE_FIELDS } from './fields';
import { insuranceTarget, scopeParameters } from './scope';
import { INSURANCE_STATUS_OPTIONS } from './statusMap';

export const description: INodeProperties[] = [
	...forOperation('insurance', 'getAll', scopeParameters(false)),
	...returnAllOrLimit({ resource: ['insurance'], operation: ['getAll'] }),
	...forOperation('insurance', 'getAll', [
		filtersCollection([
			{
				displayName: 'Expiring Before',
				name: 'expiringBefore',
				type: 'dateTime',
				default: '',
				description: 'Only insurances whose expiration date is on or before this day (e.g. 30 days from now, to chase renewals)',
			},
			{ displayName: 'Insurance Type Contains', name: 'insuranceType', type: 'string', default: '', placeholder: 'e.g. liability' },
			{ displayName: 'Origin ID', name: 'originId', type: 'string', default: '' },
			{ displayName: 'Policy Number', name: 'policyNumber', type: 'string', default: '' },
			{ displayName: 'Status', name: 'status', type: 'multiOptions', options: INSURANCE_STATUS_OPTIONS, default: [] },
			pickFromList('vendorId', 'Vendor', 'searchVendors', 'Only this vendor\'s insurances (for the "All Vendors" directories)'),
		]),
	]),
];

function keep(filters: IDataObject, expiringBefore: string | undefined) {
	const statuses = (filters.status as string[] | undefined) ?? [];
	const type = String(filters.insuranceType ?? '').trim().toLowerCase();
	return (record: IDataObject): boolean => {
		if (statuses.length && !statuses.includes(String(record.status))) return false;
		if (normalizeId(filters.vendorId) && String(record.vendor_id) !== normalizeId(filters.vendorId)) return false;
		if (filters.policyNumber && String(record.policy_number ?? '').trim() !== String(filters.policyNumber).trim()) return false;
		if (filters.originId && String(record.origin_id ?? '') !== String(filters.originId).trim()) return false;
		if (type && !String(record.insurance_type ?? '').toLowerCase().includes(type)) return false;
		if (expiringBefore) {
			const expires = String(record.expiration_date ?? '').slice(0, 10);
			if (!expires || expires > expiringBefore) return false;
		}
		return true;
	};
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject | IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const target = await insuranceTarget(this, i, companyId, false);
	const limit = readLimit(this, i) ?? Infinity;
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const expiringBefore = filters.expiringBefore ? isoDay(this, filters.expiringBefore, 'Expiring Before', i) : undefined;
	// Procore's insurance lists take no filters, so they are applied here, page by page, stopping
	// as soon as the limit is met.
	const matches = keep(filters, expiringBefore);
	const records: IDataObject[] = [];
	for await (const page of procorePages.call(this, { method: 'GET', path: target.basePath, companyId, itemIndex: i })) {
		for (const record of page) {
			if (records.length < limit && matches(record)) records.push(record);
		}
		if (records.length >= limit) break;
	}
	return records;
}

export const output: OutputSpec = { fields: INSURANCE_FIELDS };
