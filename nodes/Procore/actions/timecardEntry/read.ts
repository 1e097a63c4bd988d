import { recordLocator } from '../common.descriptions';
import type { ReadSpec } from '../shared/readOperations';
import { TIMECARD_FIELDS } from './fields';

export const timecardEntryLocator = recordLocator({
	name: 'timecardEntryId',
	displayName: 'Timecard Entry',
	searchListMethod: 'searchTimecardEntries',
	urlPattern: 'timecard_entries/([0-9]+)',
	description: 'The timecard entry. Pick one of the last 14 days from the list, or enter its ID (from "Timecard Entry: Get Many").',
});

export const timecardEntryRead: ReadSpec = {
	resource: 'timecardEntry',
	label: 'Timecard Entry',
	projectScoped: true,
	listPath: '/rest/v1.0/projects/{project_id}/timecard_entries',
	itemPath: '/rest/v1.0/projects/{project_id}/timecard_entries/{id}',
	idLocator: timecardEntryLocator,
	fields: TIMECARD_FIELDS,
};
