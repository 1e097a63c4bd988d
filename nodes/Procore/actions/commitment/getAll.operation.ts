import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../../helpers/context';
import { idList, sinceRange } from '../../helpers/filters';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { filtersCollection, pickFromList, projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { COMMITMENT_FIELDS, flatVendor } from './get.operation';

const STATUSES = [
	'Approved',
	'Closed',
	'Complete',
	'Draft',
	'Out For Bid',
	'Out For Signature',
	'Partially Received',
	'Processing',
	'Received',
	'Submitted',
	'Terminated',
	'Void',
].map((s) => ({ name: s, value: s }));

export const description: INodeProperties[] = [
	...forOperation('commitment', 'getAll', [projectLocator]),
	...returnAllOrLimit({ resource: ['commitment'], operation: ['getAll'] }),
	...forOperation('commitment', 'getAll', [
		filtersCollection([
			{ displayName: 'Executed', name: 'executed', type: 'boolean', default: true, description: 'Whether to return only executed (or only unexecuted) commitments' },
			{ displayName: 'Status', name: 'status', type: 'options', options: STATUSES, default: 'Approved' },
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Subcontract', value: 'WorkOrderContract' },
					{ name: 'Purchase Order', value: 'PurchaseOrderContract' },
				],
				default: 'WorkOrderContract',
			},
			{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
			pickFromList('vendorId', 'Vendor', 'searchProjectVendors', 'Only this vendor\'s commitments'),
		]),
	]),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject | IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const limit = readLimit(this, i);
	const f = this.getNodeParameter('filters', i, {}) as IDataObject;
	// v2.0 is the commitment list that filters by vendor and type on Procore's side.
	const qs: IDataObject = { view: 'extended' };
	if (f.type) qs['filters[type]'] = f.type;
	if (f.status) qs['filters[status]'] = f.status;
	if (typeof f.executed === 'boolean') qs['filters[executed]'] = f.executed;
	if (normalizeId(f.vendorId)) qs['filters[vendor_id]'] = idList(this, f.vendorId, 'Vendor', i)[0];
	if (f.updatedSince) qs['filters[updated_at]'] = sinceRange(this, f.updatedSince, i);
	const records = await procoreApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			path: `/rest/v2.0/companies/${companyId}/projects/${projectId}/commitment_contracts`,
			qs,
			companyId,
			itemIndex: i,
		},
		{ limit },
	);
	return records;
}

export const output: OutputSpec = { fields: COMMITMENT_FIELDS, simplify: flatVendor };
