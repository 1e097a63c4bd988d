import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import { simplify, type OutputSpec } from '../../helpers/output';
import { procoreApiRequest } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { INSPECTION_FIELDS, INSPECTIONS_PATH, ITEM_FIELDS, inspectionItems, inspectionLocator, isFailed } from './read';

export const description: INodeProperties[] = forOperation('inspection', 'get', [
	projectLocator,
	inspectionLocator,
	{
		displayName: 'Include Items',
		name: 'includeItems',
		type: 'boolean',
		default: true,
		description: 'Whether to add the inspection\'s items with their responses (`items`) and the failed ones (`failed_items`)',
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'inspectionId', 'Inspection', i);
	const record = await procoreApiRequest.call(this, {
		method: 'GET',
		path: `${INSPECTIONS_PATH.replace('{project_id}', projectId)}/${id}`,
		companyId,
		itemIndex: i,
	});
	if (!this.getNodeParameter('includeItems', i, true)) return record;
	const items = await inspectionItems(this, i, projectId, id);
	return { ...record, items, failed_items: items.filter(isFailed) };
}

/** Simplified keeps the inspection's headline fields and its items trimmed to what a reader needs. */
export const output: OutputSpec = {
	fields: [...INSPECTION_FIELDS.slice(0, 8), 'items', 'failed_items'],
	simplify: (record) => ({
		...record,
		...(Array.isArray(record.items) ? { items: (record.items as IDataObject[]).map((item) => simplify(item, ITEM_FIELDS)) } : {}),
		...(Array.isArray(record.failed_items) ? { failed_items: (record.failed_items as IDataObject[]).map((item) => simplify(item, ITEM_FIELDS)) } : {}),
	}),
};
