import type { IDataObject } from 'n8n-workflow';

/** What "Simplified" keeps of a timecard entry. */
export const TIMECARD_FIELDS = [
	'id',
	'project_id',
	'date',
	'hours',
	'time_in',
	'time_out',
	'lunch_time',
	'party_id',
	'party.id',
	'party.name',
	'cost_code_id',
	'cost_code.id',
	'cost_code.full_code',
	'cost_code.name',
	'line_item_type_id',
	'line_item_type.id',
	'line_item_type.name',
	'wbs_code_id',
	'timecard_time_type.time_type',
	'sub_job.name',
	'crew.name',
	'approval_status',
	'billable',
	'description',
	'origin_id',
	'updated_at',
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

/** The worker of an entry, whether Procore sends party_id or a nested party. */
export function partyOf(entry: IDataObject): string {
	return idOfRecord(entry.party_id ?? entry.party);
}
