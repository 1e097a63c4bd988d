import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getRecordId } from '../../helpers/context';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { procoreApiRequest } from '../../transport';
import { forOperation } from '../operationSelector';
import { describeChanges } from '../shared/describeChanges';
import { INSURANCE_FIELDS, insuranceFieldOptions, insuranceFieldsToBody, insuranceName } from './fields';
import { insuranceLocator } from './read';
import { insuranceTarget, needsVendorIdInBody, scopeParameters } from './scope';
import type { OutputSpec } from '../../helpers/output';

export const description: INodeProperties[] = forOperation('insurance', 'update', [
	...scopeParameters(false),
	insuranceLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: insuranceFieldOptions,
	},
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const target = await insuranceTarget(this, i, companyId, false);
	const id = getRecordId(this, 'insuranceId', 'Insurance', i);
	const changes = insuranceFieldsToBody(this, this.getNodeParameter('updateFields', i, {}) as IDataObject, i);
	if (!Object.keys(changes).length) {
		throw new NodeOperationError(this.getNode(), 'No fields to update on the insurance', {
			description: 'Add at least one field under "Update Fields".',
			itemIndex: i,
		});
	}
	const path = `${target.basePath}/${id}`;
	const previous = await procoreApiRequest.call(this, { method: 'GET', path, companyId, itemIndex: i });
	// Company- and project-level PATCH bodies must name the vendor (Procore's schema requires it).
	const insurance: IDataObject = needsVendorIdInBody(target.scope) ? { vendor_id: previous.vendor_id, ...changes } : changes;
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'update',
		recordLabel: 'Insurance',
		request: { method: 'PATCH', path, body: { insurance }, companyId },
		wrapperKey: 'insurance',
		auditField: 'origin_data',
		previous,
		summarize: (_record, diff, preview) =>
			`${preview ? 'Would update' : 'Updated'} ${insuranceName({ ...previous, id })}: ${describeChanges(diff) || 'no field changed'}`,
	});
}

export const output: OutputSpec = { fields: INSURANCE_FIELDS };
