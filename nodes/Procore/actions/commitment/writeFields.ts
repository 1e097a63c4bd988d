import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizeId } from '../../helpers/context';
import { pickFromList } from '../common.descriptions';
import type { CommitmentType } from './common';

/** Procore's statuses per kind of commitment (v1.0 request schemas). */
export const STATUSES: Record<CommitmentType, string[]> = {
	WorkOrderContract: ['Draft', 'Out For Bid', 'Out For Signature', 'Approved', 'Complete', 'Terminated', 'Void'],
	PurchaseOrderContract: ['Draft', 'Processing', 'Submitted', 'Partially Received', 'Received', 'Approved', 'Closed'],
};

const ALL_STATUSES = [...new Set([...STATUSES.WorkOrderContract, ...STATUSES.PurchaseOrderContract])].sort().map((s) => ({ name: s, value: s }));

const date = (displayName: string, name: string): INodeProperties => ({ displayName, name, type: 'dateTime', default: '' });

/** Header fields of a subcontract or purchase order, in Procore's words (create and update share them). */
export function headerFields(forUpdate: boolean): INodeProperties[] {
	return [
		date('Contract Date', 'contractDate'),
		date('Contract Start Date', 'contractStartDate'),
		{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
		date('Estimated Completion Date', 'estimatedCompletionDate'),
		{ displayName: 'Exclusions', name: 'exclusions', type: 'string', typeOptions: { rows: 2 }, default: '' },
		{ displayName: 'Executed', name: 'executed', type: 'boolean', default: false, description: 'Whether the contract is signed by both parties' },
		{ displayName: 'Inclusions', name: 'inclusions', type: 'string', typeOptions: { rows: 2 }, default: '' },
		{
			displayName: 'Number',
			name: 'number',
			type: 'string',
			default: '',
			placeholder: 'e.g. SC-010',
			description: forUpdate ? 'The commitment\'s number' : 'The commitment\'s number. A re-run finds the commitment with this number instead of creating another.',
		},
		...(forUpdate
			? []
			: [
					{
						displayName: 'Origin ID',
						name: 'originId',
						type: 'string',
						default: '',
						description: 'The ID of this contract in your ERP or other system. A re-run finds the commitment by it instead of creating another.',
					} as INodeProperties,
				]),
		{ displayName: 'Private', name: 'private', type: 'boolean', default: false, description: 'Whether only admins (and the people Procore lists on it) can see the contract' },
		{ displayName: 'Retainage Percent', name: 'retainagePercent', type: 'number', typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 }, default: 10 },
		{ displayName: 'Status', name: 'status', type: 'options', options: ALL_STATUSES, default: 'Draft', description: 'Subcontracts and purchase orders have different statuses; Procore refuses one of the other kind' },
		...(forUpdate ? [{ displayName: 'Title', name: 'title', type: 'string', default: '' } as INodeProperties] : []),
		...(forUpdate ? [pickFromList('vendor', 'Vendor', 'searchProjectVendors', 'The company the contract is with')] : []),
	];
}

const DATES: Record<string, string> = {
	contractDate: 'contract_date',
	contractStartDate: 'contract_start_date',
	estimatedCompletionDate: 'contract_estimated_completion_date',
};

/** The header fields as Procore names them; a status of the other kind is refused before any call. */
export function headerBody(ctx: IExecuteFunctions, i: number, type: CommitmentType, f: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const key of ['title', 'number', 'description', 'inclusions', 'exclusions', 'status'] as const) {
		if (f[key] !== undefined && f[key] !== '') body[key] = f[key];
	}
	if (typeof f.executed === 'boolean') body.executed = f.executed;
	if (typeof f.private === 'boolean') body.private = f.private;
	if (f.retainagePercent !== undefined && f.retainagePercent !== '') body.retainage_percent = String(f.retainagePercent);
	if (f.originId) body.origin_id = String(f.originId).trim();
	const vendorId = normalizeId(f.vendor);
	if (vendorId) body.vendor_id = Number(vendorId);
	for (const [key, field] of Object.entries(DATES)) if (f[key]) body[field] = String(f[key]).slice(0, 10);
	if (body.status && !STATUSES[type].includes(String(body.status))) {
		throw new NodeOperationError(ctx.getNode(), `Status "${String(body.status)}" is not a status of a ${type === 'PurchaseOrderContract' ? 'purchase order' : 'subcontract'}`, {
			description: `Use one of: ${STATUSES[type].join(', ')}.`,
			itemIndex: i,
		});
	}
	return body;
}
