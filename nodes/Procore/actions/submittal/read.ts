import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { normalizeId } from '../../helpers/context';
import { sinceRange } from '../../helpers/filters';
import { pickFromList, recordLocator } from '../common.descriptions';
import type { ReadSpec } from '../shared/readOperations';

export const submittalLocator = recordLocator({
	name: 'submittalId',
	displayName: 'Submittal',
	searchListMethod: 'searchSubmittals',
	urlPattern: 'submittals?/(?:show/)?([0-9]+)',
});

export const submittalRead: ReadSpec = {
	resource: 'submittal',
	label: 'Submittal',
	projectScoped: true,
	listPath: '/rest/v1.1/projects/{project_id}/submittals',
	itemPath: '/rest/v1.1/projects/{project_id}/submittals/{id}',
	idLocator: submittalLocator,
	fields: [
		'id',
		'number',
		'title',
		'status.name',
		'type.name',
		'specification_section.label',
		'due_date',
		'ball_in_court',
		'responsible_contractor.name',
		'updated_at',
	],
	filters: [
		pickFromList('ballInCourtId', 'Ball In Court', 'searchProjectUsers'),
		{ displayName: 'Search', name: 'query', type: 'string', default: '' },
		pickFromList('specificationSectionId', 'Specification Section', 'searchSpecificationSections'),
		pickFromList('statusId', 'Status', 'searchSubmittalStatuses'),
		{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
	],
	buildFilters(ctx: IExecuteFunctions, f: IDataObject, i: number) {
		const qs: IDataObject = {};
		if (normalizeId(f.ballInCourtId)) qs['filters[ball_in_court_id]'] = normalizeId(f.ballInCourtId);
		if (f.query) qs['filters[query]'] = f.query;
		if (normalizeId(f.specificationSectionId)) qs['filters[specification_section_id]'] = normalizeId(f.specificationSectionId);
		if (normalizeId(f.statusId)) qs['filters[status_id]'] = normalizeId(f.statusId);
		if (f.updatedSince) qs['filters[updated_at]'] = sinceRange(ctx, f.updatedSince, i);
		return qs;
	},
};
