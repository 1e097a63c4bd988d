import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizeId, toProcoreId } from '../../helpers/context';
import { idList, isoDay } from '../../helpers/filters';
import { pickFromList } from '../common.descriptions';
import { OBSERVATION_PRIORITY_OPTIONS, OBSERVATION_STATUS_OPTIONS } from './read';

export const observationFieldOptions: INodeProperties[] = [
	pickFromList('assigneeId', 'Assignee', 'searchProjectUsers'),
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '' },
	{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
	pickFromList('locationId', 'Location', 'searchLocations'),
	{ displayName: 'Priority', name: 'priority', type: 'options', options: OBSERVATION_PRIORITY_OPTIONS, default: 'Medium' },
	{ displayName: 'Status', name: 'status', type: 'options', options: OBSERVATION_STATUS_OPTIONS, default: 'initiated' },
	pickFromList('tradeId', 'Trade', 'searchTrades'),
];

export function observationFieldsToBody(ctx: IExecuteFunctions, f: IDataObject, i: number): IDataObject {
	const body: IDataObject = {};
	const ids: Record<string, string> = { assigneeId: 'assignee_id', locationId: 'location_id', tradeId: 'trade_id', typeId: 'type_id' };
	for (const [option, field] of Object.entries(ids)) {
		if (normalizeId(f[option])) body[field] = toProcoreId(idList(ctx, f[option], option, i)[0]);
	}
	for (const key of ['description', 'priority', 'status', 'name']) {
		if (f[key] !== undefined && f[key] !== '') body[key] = f[key];
	}
	if (f.dueDate) body.due_date = isoDay(ctx, f.dueDate, 'Due Date', i);
	return body;
}
