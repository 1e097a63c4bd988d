import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import { outputOption, shapeOutput } from '../../helpers/output';
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
	'vendor.id',
	'vendor.name',
	'vendor_id',
	'vendor_name',
	'grand_total',
	'revised_contract',
	'pending_revised_contract',
	'percentage_paid',
	'remaining_balance_outstanding',
	'contract_start_date',
	'contract_estimated_completion_date',
	'updated_at',
];

export const description: INodeProperties[] = forOperation('commitment', 'get', [projectLocator, commitmentLocator, outputOption]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject | IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'commitment', 'Commitment', i);
	const record = await getCommitment(this, i, companyId, projectId, id);
	return shapeOutput(this, i, record, COMMITMENT_FIELDS);
}
