import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { CHANGE_ORDER_FIELDS, changeOrderLocator, changeOrderTypeParameter } from './fields';
import { kindOf } from './kinds';
import { getChangeOrder } from './records';

export const description: INodeProperties[] = forOperation('changeOrder', 'get', [projectLocator, changeOrderTypeParameter, changeOrderLocator]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const s = { companyId: await getCompanyId(this, i), projectId: getProjectId(this, i), itemIndex: i };
	const kind = kindOf(this.getNodeParameter('changeOrderType', i));
	return await getChangeOrder(this, s, kind, getRecordId(this, 'changeOrderId', kind.label, i));
}

export const output: OutputSpec = { fields: CHANGE_ORDER_FIELDS };
