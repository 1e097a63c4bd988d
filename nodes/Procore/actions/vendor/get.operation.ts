import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequest } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { VENDOR_FIELDS, directoryParameter, vendorPaths } from './fields';
import { resolveVendor, vendorLocator } from './resolve';

export const description: INodeProperties[] = forOperation('vendor', 'get', [
	directoryParameter,
	{ ...projectLocator, displayOptions: { show: { directory: ['project'] } } },
	vendorLocator(),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject | IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const paths = vendorPaths(this, i, companyId);
	const vendor = await resolveVendor(this, i, companyId);
	const record = await procoreApiRequest.call(this, {
		method: 'GET',
		path: paths.item(vendor.id),
		qs: paths.qs,
		companyId,
		itemIndex: i,
	});
	return record;
}

export const output: OutputSpec = { fields: VENDOR_FIELDS };
