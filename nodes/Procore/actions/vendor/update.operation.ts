import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, toProcoreId } from '../../helpers/context';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { procoreApiRequest } from '../../transport';
import { projectLocator, sortedOptions } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { describeChanges } from '../shared/describeChanges';
import { directoryParameter, VENDOR_FIELDS, vendorFieldOptions, vendorFieldsToBody, vendorPaths } from './fields';
import { resolveVendor, vendorLocator } from './resolve';
import type { OutputSpec } from '../../helpers/output';

export const description: INodeProperties[] = forOperation('vendor', 'update', [
	directoryParameter,
	{ ...projectLocator, displayOptions: { show: { directory: ['project'] } } },
	vendorLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortedOptions(vendorFieldOptions, [{ displayName: 'Name', name: 'name', type: 'string', default: '' }]),
	},
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const paths = vendorPaths(this, i, companyId);
	const vendor = await resolveVendor(this, i, companyId);
	const changes = vendorFieldsToBody(this, this.getNodeParameter('updateFields', i, {}) as IDataObject, i, paths.directory);
	if (!Object.keys(changes).length) {
		throw new NodeOperationError(this.getNode(), 'No fields to update on the vendor', {
			description: 'Add at least one field under "Update Fields".',
			itemIndex: i,
		});
	}
	const previous = await procoreApiRequest.call(this, {
		method: 'GET',
		path: paths.item(vendor.id),
		qs: paths.qs,
		companyId,
		itemIndex: i,
	});
	// The company directory's PATCH requires the name even when it does not change.
	const fields: IDataObject = paths.directory === 'company' ? { name: previous.name, ...changes } : changes;
	const body: IDataObject = paths.directory === 'company' ? { company_id: toProcoreId(companyId), vendor: fields } : { vendor: fields };
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'update',
		recordLabel: 'Vendor',
		request: { method: 'PATCH', path: paths.item(vendor.id), body, companyId },
		wrapperKey: 'vendor',
		auditField: 'origin_data',
		previous,
		summarize: (_r, diff, preview) =>
			`${preview ? 'Would update' : 'Updated'} vendor ${vendor.id} "${String(previous.name)}": ${describeChanges(diff) || 'no field changed'}`,
	});
}

export const output: OutputSpec = { fields: VENDOR_FIELDS };
