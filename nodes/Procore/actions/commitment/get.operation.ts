import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { commitmentLocator, getCommitment } from './common';

export const COMMITMENT_FIELDS = [
	'id',
	'number',
	'title',
	'type',
	'status',
	'executed',
	'vendor_id',
	'vendor_name',
	'grand_total',
	'revised_contract',
];

/** v1.0 nests the vendor (`vendor.name`), v2.0 gives it flat (`vendor_name`): Simplified reads both. */
export function flatVendor(record: IDataObject): IDataObject {
	const vendor = (record.vendor ?? {}) as IDataObject;
	return { ...record, vendor_id: record.vendor_id ?? vendor.id, vendor_name: record.vendor_name ?? vendor.name };
}

export const description: INodeProperties[] = forOperation('commitment', 'get', [projectLocator, commitmentLocator]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject | IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'commitment', 'Commitment', i);
	const record = await getCommitment(this, i, companyId, projectId, id);
	return record;
}

export const output: OutputSpec = { fields: COMMITMENT_FIELDS, simplify: flatVendor };
