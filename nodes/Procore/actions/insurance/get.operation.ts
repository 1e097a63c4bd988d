import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getRecordId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequest } from '../../transport';
import { forOperation } from '../operationSelector';
import { INSURANCE_FIELDS } from './fields';
import { insuranceLocator } from './read';
import { insuranceTarget, scopeParameters } from './scope';

export const description: INodeProperties[] = forOperation('insurance', 'get', [
	...scopeParameters(false),
	insuranceLocator,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject | IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const target = await insuranceTarget(this, i, companyId, false);
	const id = getRecordId(this, 'insuranceId', 'Insurance', i);
	const record = await procoreApiRequest.call(this, {
		method: 'GET',
		path: `${target.basePath}/${id}`,
		companyId,
		itemIndex: i,
	});
	return record;
}

export const output: OutputSpec = { fields: INSURANCE_FIELDS };
