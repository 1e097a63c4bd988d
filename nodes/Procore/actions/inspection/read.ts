import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, normalizeId } from '../../helpers/context';
import { isoDay, sinceRange } from '../../helpers/filters';
import { procoreApiRequestAllItems } from '../../transport';
import { pickFromList, recordLocator } from '../common.descriptions';

/** Procore's Inspections tool keeps inspections as checklist "lists" of a project. */
export const INSPECTIONS_PATH = '/rest/v1.0/projects/{project_id}/checklist/lists';
export const INSPECTION_ITEMS_PATH = '/rest/v1.1/projects/{project_id}/checklist/list_items';

export const inspectionLocator = recordLocator({
	name: 'inspectionId',
	displayName: 'Inspection',
	searchListMethod: 'searchInspections',
	urlPattern: 'checklist/lists/([0-9]+)',
	description: 'The inspection. Pick it from the list, enter its ID, or paste its URL from Procore.',
});

export const inspectionTemplateLocator = recordLocator({
	name: 'templateId',
	displayName: 'Inspection Template',
	searchListMethod: 'searchInspectionTemplates',
	urlPattern: 'list_templates/([0-9]+)',
	description: 'The project\'s inspection template the new inspection copies its items from',
});

export const INSPECTION_FIELDS = [
	'id',
	'number',
	'name',
	'status',
	'inspection_date',
	'due_at',
	'inspection_type.name',
	'location.name',
	'deficient_item_count',
	'updated_at',
];

/** Item fields Simplified keeps (Get's `items`, Get Failed Items' records). */
export const ITEM_FIELDS = ['id', 'list_id', 'number', 'name', 'status', 'details', 'item_response.responded_at', 'item_response.responder.name'];

export const INSPECTION_STATUS_OPTIONS = [
	{ name: 'Closed', value: 'Closed' },
	{ name: 'In Review', value: 'In Review' },
	{ name: 'Open', value: 'Open' },
];

export const inspectionFilters: INodeProperties[] = [
	{ displayName: 'Inspection Date From', name: 'inspectionDateFrom', type: 'dateTime', default: '', description: 'Inspections performed on or after this day' },
	pickFromList('inspectionTypeId', 'Inspection Type', 'searchInspectionTypes'),
	pickFromList('inspectorId', 'Inspector', 'searchProjectUsers'),
	pickFromList('locationId', 'Location', 'searchLocations'),
	{ displayName: 'Search', name: 'query', type: 'string', default: '', description: 'Words to look for in the inspection, e.g. "pre-pour"' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: INSPECTION_STATUS_OPTIONS,
		default: 'Open',
		description: 'Procore filters status by a number it does not document, so the node keeps the matching inspections itself',
	},
	pickFromList('templateId', 'Template', 'searchInspectionTemplates'),
	{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
];

export function inspectionQuery(ctx: IExecuteFunctions, f: IDataObject, i: number): IDataObject {
	const qs: IDataObject = {};
	const ids: Record<string, string> = {
		inspectionTypeId: 'filters[inspection_type_id][]',
		inspectorId: 'filters[inspector_id][]',
		locationId: 'filters[location_id][]',
		templateId: 'filters[template_id][]',
	};
	for (const [option, param] of Object.entries(ids)) if (normalizeId(f[option])) qs[param] = normalizeId(f[option]);
	if (f.query) qs['filters[query]'] = f.query;
	if (f.updatedSince) qs['filters[updated_at]'] = sinceRange(ctx, f.updatedSince, i);
	// A day range, as Procore's date filters take it.
	if (f.inspectionDateFrom) qs['filters[inspection_date]'] = `${isoDay(ctx, f.inspectionDateFrom, 'Inspection Date From', i)}...2999-12-31`;
	return qs;
}

/** Every item of one inspection (all pages), in Procore's order. */
export async function inspectionItems(ctx: IExecuteFunctions, i: number, projectId: string, inspectionId: string): Promise<IDataObject[]> {
	const companyId = await getCompanyId(ctx, i);
	return await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: INSPECTION_ITEMS_PATH.replace('{project_id}', projectId),
		qs: { 'filters[list_id][]': inspectionId },
		companyId,
		itemIndex: i,
	});
}

/** Procore marks a deficient (failed) item's status `no`; `yes` conforms, `n/a` does not apply. */
export const isFailed = (item: IDataObject) => String(item.status ?? (item.item_response as IDataObject | undefined)?.status ?? '').toLowerCase() === 'no';
