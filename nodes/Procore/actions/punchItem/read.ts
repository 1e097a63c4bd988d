import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { normalizeId } from '../../helpers/context';
import { sinceRange } from '../../helpers/filters';
import type { OutputSpec } from '../../helpers/output';
import { pickFromList, recordLocator } from '../common.descriptions';
import { projectQuery } from '../shared/path';
import type { ReadSpec } from '../shared/readOperations';

export const punchItemLocator = recordLocator({
	name: 'punchItemId',
	displayName: 'Punch Item',
	searchListMethod: 'searchPunchItems',
	// Procore's web app: /<project>/project/punch_list/<id> (older: /punch_items/<id>).
	urlPattern: 'punch_(?:list|items)/(?:show/)?([0-9]+)',
});

/** Procore filters punch items by these statuses (reads show "Open", "Closed", "Overdue", "Pending"). */
export const PUNCH_STATUS_FILTER_OPTIONS = [
	{ name: 'Closed', value: 'closed' },
	{ name: 'Open', value: 'open' },
	{ name: 'Pending', value: 'pending' },
];

export const PUNCH_PRIORITY_OPTIONS = [
	{ name: 'High', value: 'high' },
	{ name: 'Low', value: 'low' },
	{ name: 'Medium', value: 'medium' },
];

const names = (list: unknown): string =>
	(Array.isArray(list) ? (list as IDataObject[]) : [])
		.map((u) => String(u?.name ?? (u?.login_information as IDataObject | undefined)?.name ?? u?.id ?? ''))
		.filter(Boolean)
		.join(', ');

/**
 * Simplified: who holds the ball and who is assigned as plain names (Procore nests them as user
 * lists), beside the item's own fields.
 */
export const PUNCH_ITEM_FIELDS = ['id', 'position', 'name', 'status', 'workflow_status', 'due_date', 'location.name', 'ball_in_court', 'assignees', 'updated_at'];

export const punchItemOutput: OutputSpec = {
	fields: PUNCH_ITEM_FIELDS,
	simplify: (record) => ({ ...record, ball_in_court: names(record.ball_in_court), assignees: names(record.assignees) }),
};

/** The assignee filter is applied to the pages Procore returns: its list has no assignee filter. */
export function assignedTo(filters: IDataObject): ((record: IDataObject) => boolean) | undefined {
	const userId = normalizeId(filters.assigneeId);
	if (!userId) return undefined;
	return (record) => {
		const assignees = Array.isArray(record.assignees) ? (record.assignees as IDataObject[]) : [];
		const assignments = Array.isArray(record.assignments) ? (record.assignments as IDataObject[]) : [];
		return (
			assignees.some((a) => String(a.id) === userId) ||
			assignments.some((a) => String((a.login_information as IDataObject | undefined)?.id ?? a.login_information_id) === userId)
		);
	};
}

export const punchItemRead: ReadSpec = {
	resource: 'punchItem',
	label: 'Punch Item',
	projectScoped: true,
	listPath: '/rest/v1.1/punch_items',
	itemPath: '/rest/v1.1/punch_items/{id}',
	scopeQuery: projectQuery,
	idLocator: punchItemLocator,
	fields: PUNCH_ITEM_FIELDS,
	output: punchItemOutput,
	filters: [
		pickFromList('assigneeId', 'Assignee', 'searchProjectUsers', 'Only punch items assigned to this person'),
		pickFromList('vendorId', 'Assignee Company', 'searchProjectVendors', 'Only punch items assigned to people of this company'),
		pickFromList('locationId', 'Location', 'searchLocations', 'Only punch items at this location or below it'),
		{ displayName: 'Priority', name: 'priority', type: 'options', options: PUNCH_PRIORITY_OPTIONS, default: 'high' },
		pickFromList('punchItemTypeId', 'Punch Item Type', 'searchPunchItemTypes'),
		{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Words in the punch item\'s name or description' },
		{ displayName: 'Status', name: 'status', type: 'options', options: PUNCH_STATUS_FILTER_OPTIONS, default: 'open' },
		pickFromList('tradeId', 'Trade', 'searchTrades'),
		{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
	],
	buildFilters(ctx: IExecuteFunctions, f: IDataObject, i: number) {
		const qs: IDataObject = {};
		if (f.status) qs['filters[status]'] = f.status;
		if (f.priority) qs['filters[priority]'] = f.priority;
		if (normalizeId(f.locationId)) {
			qs['filters[location_id][]'] = normalizeId(f.locationId);
			qs['filters[include_sublocations]'] = true;
		}
		if (normalizeId(f.vendorId)) qs['filters[vendor_id]'] = normalizeId(f.vendorId);
		if (normalizeId(f.tradeId)) qs['filters[trade_id]'] = normalizeId(f.tradeId);
		if (normalizeId(f.punchItemTypeId)) qs['filters[punch_item_type_id]'] = normalizeId(f.punchItemTypeId);
		if (f.search) qs['filters[query]'] = f.search;
		if (f.updatedSince) qs['filters[updated_at]'] = sinceRange(ctx, f.updatedSince, i);
		return qs;
	},
	keep: assignedTo,
};
