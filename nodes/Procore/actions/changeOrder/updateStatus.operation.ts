import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { writeOptionsCollection } from '../../helpers/write';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { CHANGE_ORDER_FIELDS, changeOrderLocator, changeOrderTypeParameter, statusParameter } from './fields';
import { kindOf, STATUSES } from './kinds';
import { updateChangeOrder } from './write';

export const description: INodeProperties[] = forOperation('changeOrder', 'updateStatus', [
	projectLocator,
	changeOrderTypeParameter,
	changeOrderLocator,
	{ ...statusParameter, default: 'pending', description: 'The status to move the change order to (Procore\'s change order statuses)' },
	writeOptionsCollection,
]);

const nameOf = (value: unknown) => STATUSES.find((s) => s.value === String(value ?? '').toLowerCase())?.name ?? String(value ?? 'none');

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const s = { companyId: await getCompanyId(this, i), projectId: getProjectId(this, i), itemIndex: i };
	const kind = kindOf(this.getNodeParameter('changeOrderType', i));
	const id = getRecordId(this, 'changeOrderId', kind.label, i);
	const status = String(this.getNodeParameter('status', i));
	return await updateChangeOrder(this, s, kind, id, { status }, (previous, record, preview) => {
		const title = record.title ? ` "${String(record.title)}"` : '';
		const move = `from ${nameOf(previous.status)} to ${nameOf(status)}`;
		return preview ? `Would move ${kind.label} ${id}${title} ${move}` : `${kind.label} ${id}${title} moved ${move}`;
	});
}

export const output: OutputSpec = { fields: CHANGE_ORDER_FIELDS };
