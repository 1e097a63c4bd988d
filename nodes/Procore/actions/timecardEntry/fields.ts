import type { IDataObject } from 'n8n-workflow';

/** What "Simplified" keeps of a timecard entry. */
export const TIMECARD_FIELDS = [
	'id',
	'project_id',
	'date',
	'hours',
	'party.name',
	'cost_code.full_code',
	'line_item_type.name',
	'approval_status',
	'description',
	'origin_id',
];

/** Fields Procore takes as IDs: sent as numbers when they fit, else as exact strings. */
export const ID_FIELDS = [
	'project_id',
	'party_id',
	'cost_code_id',
	'line_item_type_id',
	'wbs_code_id',
	'sub_job_id',
	'crew_id',
	'location_id',
	'timecard_time_type_id',
	'work_classification_id',
	'timesheet_id',
	'login_information_id',
	'user_id',
];

export function idOfRecord(value: unknown): string {
	if (value && typeof value === 'object') return idOfRecord((value as IDataObject).id);
	return value === undefined || value === null ? '' : String(value);
}

/** The project of an entry of the company list (`project_id`, or a nested `project`). */
export function projectOf(row: IDataObject): string {
	const project = row.project as IDataObject | undefined;
	return String(row.project_id ?? project?.id ?? '');
}

/** The worker of an entry, whether Procore sends party_id or a nested party. */
export function partyOf(entry: IDataObject): string {
	return idOfRecord(entry.party_id ?? entry.party);
}
