import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { normalizeId } from '../../helpers/context';
import { sinceRange } from '../../helpers/filters';
import { pickFromList, recordLocator } from '../common.descriptions';
import type { ReadSpec } from '../shared/readOperations';

export const rfiLocator = recordLocator({
	name: 'rfiId',
	displayName: 'RFI',
	searchListMethod: 'searchRfis',
	urlPattern: 'rfis?/(?:show/)?([0-9]+)',
	description: 'The RFI. Pick it from the list, enter its ID, or paste its URL from Procore.',
});

export const RFI_FIELDS = [
	'id',
	'number',
	'subject',
	'status',
	'draft',
	'due_date',
	'question.body',
	'rfi_manager.name',
	'ball_in_court',
	'updated_at',
];

export const rfiRead: ReadSpec = {
	resource: 'rfi',
	label: 'RFI',
	projectScoped: true,
	listPath: '/rest/v1.0/projects/{project_id}/rfis',
	itemPath: '/rest/v1.0/projects/{project_id}/rfis/{id}',
	idLocator: rfiLocator,
	fields: RFI_FIELDS,
	filters: [
		pickFromList('ballInCourtId', 'Ball In Court', 'searchProjectUsers'),
		{ displayName: 'Number', name: 'number', type: 'string', default: '' },
		pickFromList('rfiManagerId', 'RFI Manager', 'searchRfiManagers'),
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Words to look for in the subject and question, e.g. "curtain wall anchor"',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Closed', value: 'closed' },
				{ name: 'Draft', value: 'draft' },
				{ name: 'Open', value: 'open' },
			],
			default: 'open',
		},
		{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
	],
	buildFilters(ctx: IExecuteFunctions, f: IDataObject, i: number) {
		const qs: IDataObject = {};
		if (f.status) qs['filters[status]'] = f.status;
		if (normalizeId(f.ballInCourtId)) qs['filters[ball_in_court_id]'] = normalizeId(f.ballInCourtId);
		if (normalizeId(f.rfiManagerId)) qs['filters[rfi_manager_id]'] = normalizeId(f.rfiManagerId);
		if (f.number) qs['filters[number]'] = f.number;
		if (f.search) qs.search = f.search;
		if (f.updatedSince) qs['filters[updated_at]'] = sinceRange(ctx, f.updatedSince, i);
		return qs;
	},
};
