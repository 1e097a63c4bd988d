import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, toProcoreId } from '../../helpers/context';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { procoreApiRequestAllItems } from '../../transport';
import { forOperation } from '../operationSelector';
import { INSURANCE_FIELDS, insuranceFieldOptions, insuranceFieldsToBody, insuranceName } from './fields';
import { insuranceTarget, needsVendorIdInBody, scopeParameters } from './scope';
import type { OutputSpec } from '../../helpers/output';

export const description: INodeProperties[] = forOperation('insurance', 'create', [
	...scopeParameters(true, 'The vendor the insurance belongs to. Pick it, enter its ID, its exact name, or its origin ID.'),
	{
		displayName: 'Insurance Type',
		name: 'insuranceType',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. General Liability',
		description: 'The kind of coverage, as your company names it in Procore',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: insuranceFieldOptions.filter((o) => o.name !== 'insuranceType'),
	},
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const target = await insuranceTarget(this, i, companyId, true);
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const insurance: IDataObject = {
		...insuranceFieldsToBody(this, { ...additional, insuranceType: this.getNodeParameter('insuranceType', i) }, i),
	};
	if (needsVendorIdInBody(target.scope)) insurance.vendor_id = toProcoreId(target.vendor!.id);
	if (insurance.origin_id) {
		// A re-run with the same origin ID must not create a second record.
		const existing = (
			await procoreApiRequestAllItems.call(this, { method: 'GET', path: target.basePath, companyId, itemIndex: i })
		).find((r) => String(r.origin_id ?? '') === insurance.origin_id);
		if (existing) {
			return {
				...existing,
				summary: `${insuranceName(existing)} already has origin ID ${String(insurance.origin_id)}; nothing created (use Update or Upsert to change it)`,
				skipped: true,
			};
		}
	}
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'Insurance',
		request: { method: 'POST', path: target.basePath, body: { insurance }, companyId },
		wrapperKey: 'insurance',
		auditField: 'origin_data',
		summarize: (record, _changes, preview) =>
			`${preview ? 'Would create' : 'Created'} ${insuranceName({ ...insurance, ...record })} for vendor ${target.vendor?.name ?? target.vendor?.id}${record.status ? ` (${String(record.status)})` : ''}`,
	});
}

export const output: OutputSpec = { fields: INSURANCE_FIELDS };
