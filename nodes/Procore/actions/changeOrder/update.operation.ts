import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { writeOptionsCollection } from '../../helpers/write';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { CHANGE_ORDER_FIELDS, changeOrderLocator, changeOrderTypeParameter, headerBody, headerFields } from './fields';
import { kindOf } from './kinds';
import { updateChangeOrder } from './write';

export const description: INodeProperties[] = forOperation('changeOrder', 'update', [
	projectLocator,
	changeOrderTypeParameter,
	changeOrderLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: headerFields,
	},
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const s = { companyId: await getCompanyId(this, i), projectId: getProjectId(this, i), itemIndex: i };
	const kind = kindOf(this.getNodeParameter('changeOrderType', i));
	const id = getRecordId(this, 'changeOrderId', kind.label, i);
	const fields = headerBody(this.getNodeParameter('updateFields', i, {}) as IDataObject);
	if (!Object.keys(fields).length) {
		throw new NodeOperationError(this.getNode(), `No fields to update on the ${kind.label}`, {
			description: 'Add at least one field under "Update Fields".',
			itemIndex: i,
		});
	}
	return await updateChangeOrder(this, s, kind, id, fields);
}

export const output: OutputSpec = { fields: CHANGE_ORDER_FIELDS };
