import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { normalizeId } from '../../helpers/context';
import { sinceRange } from '../../helpers/filters';
import { pickFromList, recordLocator } from '../common.descriptions';
import { projectQuery } from '../shared/path';
import type { ReadSpec } from '../shared/readOperations';

export const observationLocator = recordLocator({
	name: 'observationId',
	displayName: 'Observation',
	searchListMethod: 'searchObservations',
	urlPattern: 'observations/(?:items/)?([0-9]+)',
});

/** Procore filters observation status by number (reference 7: 0 initiated … 3 closed). */
export const OBSERVATION_STATUS_CODES: Record<string, number> = {
	initiated: 0,
	ready_for_review: 1,
	not_accepted: 2,
	closed: 3,
};

export const OBSERVATION_STATUS_OPTIONS = [
	{ name: 'Closed', value: 'closed' },
	{ name: 'Initiated', value: 'initiated' },
	{ name: 'Not Accepted', value: 'not_accepted' },
	{ name: 'Ready for Review', value: 'ready_for_review' },
];

export const OBSERVATION_PRIORITY_OPTIONS = ['Low', 'Medium', 'High', 'Urgent'].map((p) => ({ name: p, value: p }));

export const observationRead: ReadSpec = {
	resource: 'observation',
	label: 'Observation',
	projectScoped: true,
	listPath: '/rest/v1.0/observations/items',
	itemPath: '/rest/v1.0/observations/items/{id}',
	scopeQuery: projectQuery,
	idLocator: observationLocator,
	fields: [
		'id',
		'number',
		'name',
		'status',
		'priority',
		'type.name',
		'due_date',
		'assignee.name',
		'location.name',
		'updated_at',
	],
	filters: [
		pickFromList('assigneeId', 'Assignee', 'searchProjectUsers'),
		{ displayName: 'Priority', name: 'priority', type: 'options', options: OBSERVATION_PRIORITY_OPTIONS, default: 'High' },
		{ displayName: 'Search', name: 'search', type: 'string', default: '' },
		{ displayName: 'Status', name: 'status', type: 'options', options: OBSERVATION_STATUS_OPTIONS, default: 'initiated' },
		pickFromList('typeId', 'Type', 'searchObservationTypes'),
		{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
	],
	buildFilters(ctx: IExecuteFunctions, f: IDataObject, i: number) {
		const qs: IDataObject = {};
		if (f.status) qs['filters[status][]'] = OBSERVATION_STATUS_CODES[String(f.status)];
		if (f.priority) qs['filters[priority][]'] = f.priority;
		if (normalizeId(f.typeId)) qs['filters[type_id]'] = normalizeId(f.typeId);
		if (normalizeId(f.assigneeId)) qs['filters[assignee_id]'] = normalizeId(f.assigneeId);
		if (f.search) qs['filters[search]'] = f.search;
		if (f.updatedSince) qs['filters[updated_at]'] = sinceRange(ctx, f.updatedSince, i);
		return qs;
	},
};
