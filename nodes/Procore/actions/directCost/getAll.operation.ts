import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../../helpers/context';
import { isoDay, sinceRange } from '../../helpers/filters';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { filtersCollection, pickFromList, projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { DIRECT_COST_FIELDS, DIRECT_COST_STATUSES, DIRECT_COST_TYPES, directCostsPath } from './common';

export const description: INodeProperties[] = [
	...forOperation('directCost', 'getAll', [projectLocator]),
	...returnAllOrLimit({ resource: ['directCost'], operation: ['getAll'] }),
	...forOperation('directCost', 'getAll', [
		filtersCollection([
			{ displayName: 'Invoice Number', name: 'invoiceNumber', type: 'string', default: '' },
			{ displayName: 'Origin ID', name: 'originId', type: 'string', default: '', description: 'Only the direct cost written from this ID of your ERP or other system' },
			{ displayName: 'Paid On or After', name: 'paidSince', type: 'dateTime', default: '', description: 'Only direct costs whose payment date is on or after this day' },
			{ displayName: 'Received On or After', name: 'receivedSince', type: 'dateTime', default: '', description: 'Only direct costs whose received date is on or after this day' },
			{ displayName: 'Status', name: 'status', type: 'options', options: DIRECT_COST_STATUSES, default: 'approved' },
			{ displayName: 'Type', name: 'type', type: 'options', options: DIRECT_COST_TYPES, default: 'invoice' },
			{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '', description: 'Only direct costs changed at or after this time (for incremental syncs)' },
			pickFromList('vendor', 'Vendor', 'searchProjectVendors', 'Only this vendor\'s direct costs'),
		]),
	]),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const limit = readLimit(this, i);
	const f = this.getNodeParameter('filters', i, {}) as IDataObject;
	// Procore filters by origin ID, invoice number and dates; type, status and vendor are matched
	// here after paging, so the limit counts matching direct costs only.
	const qs: IDataObject = {};
	if (f.originId) qs['filters[origin_id]'] = String(f.originId).trim();
	if (f.invoiceNumber) qs['filters[invoice_number]'] = String(f.invoiceNumber).trim();
	if (f.updatedSince) qs['filters[updated_at]'] = sinceRange(this, f.updatedSince, i);
	if (f.paidSince) qs['filters[payment_date]'] = `${isoDay(this, f.paidSince, 'Paid On or After', i)}...2999-12-31`;
	if (f.receivedSince) qs['filters[received_date]'] = `${isoDay(this, f.receivedSince, 'Received On or After', i)}...2999-12-31`;
	const vendorId = normalizeId(f.vendor);
	const clientSide = Boolean(f.type || f.status || vendorId);
	let records = await procoreApiRequestAllItems.call(
		this,
		{ method: 'GET', path: directCostsPath(projectId), qs, companyId, itemIndex: i },
		{ limit: clientSide ? undefined : limit },
	);
	if (clientSide) {
		records = records.filter(
			(d) =>
				(!f.type || d.direct_cost_type === f.type) &&
				(!f.status || d.status === f.status) &&
				(!vendorId || String(d.vendor_id ?? (d.vendor as IDataObject | undefined)?.id ?? '') === vendorId),
		);
		if (limit !== undefined) records = records.slice(0, limit);
	}
	return records;
}

export const output: OutputSpec = { fields: DIRECT_COST_FIELDS };
