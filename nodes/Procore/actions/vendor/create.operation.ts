import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, toProcoreId } from '../../helpers/context';
import { procoreWrite, writeOptions } from '../../helpers/write';
import { procoreApiRequestAllItems } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { directoryParameter, VENDOR_FIELDS, vendorFieldOptions, vendorFieldsToBody, vendorPaths } from './fields';
import { sameName } from './resolve';
import type { OutputSpec } from '../../helpers/output';

export const description: INodeProperties[] = forOperation('vendor', 'create', [
	directoryParameter,
	{ ...projectLocator, displayOptions: { show: { directory: ['project'] } } },
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Acme Electric',
		description: 'The vendor\'s company name',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: vendorFieldOptions,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Create Even If the Name Exists',
				name: 'allowDuplicateName',
				type: 'boolean',
				default: false,
				description:
					'Whether to create a second vendor with the same name. Off: an existing vendor with this exact name (or origin ID) is returned instead, so re-runs never duplicate.',
			},
			...writeOptions,
		],
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const paths = vendorPaths(this, i, companyId);
	const name = String(this.getNodeParameter('name', i)).trim();
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const vendor = vendorFieldsToBody(this, { ...additional, name }, i, paths.directory);

	const lookups: IDataObject[] = [];
	if (vendor.origin_id && paths.directory === 'company') lookups.push({ 'filters[origin_id]': vendor.origin_id });
	if (!options.allowDuplicateName) lookups.push({ 'filters[search]': name });
	for (const filter of lookups) {
		const found = await procoreApiRequestAllItems.call(
			this,
			{ method: 'GET', path: paths.list, qs: { ...paths.qs, ...filter }, companyId, itemIndex: i },
			{ limit: 100 },
		);
		const existing = found.find((v) =>
			filter['filters[origin_id]'] ? String(v.origin_id ?? '') === vendor.origin_id : sameName(v.name, name),
		);
		if (existing) {
			return {
				...existing,
				summary: `Vendor ${String(existing.id)} "${String(existing.name)}" already exists in the ${paths.directory} directory; nothing created`,
				skipped: true,
			};
		}
	}
	const body: IDataObject = paths.directory === 'company' ? { company_id: toProcoreId(companyId), vendor } : { vendor };
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'Vendor',
		request: { method: 'POST', path: paths.list, body, companyId },
		wrapperKey: 'vendor',
		auditField: 'origin_data',
		summarize: (record, _c, preview) =>
			`${preview ? 'Would create' : 'Created'} vendor${record.id !== undefined ? ` ${String(record.id)}` : ''} "${name}" in the ${paths.directory} directory`,
	});
}

export const output: OutputSpec = { fields: VENDOR_FIELDS };
