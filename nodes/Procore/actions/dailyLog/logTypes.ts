/**
 * The daily log types the node reads, with their Procore list paths and what a summary keeps of
 * each entry. All take `log_date` or `start_date` + `end_date`; without a date Procore returns
 * today only. Weather moved to v1.1 (the v1.0 list is deprecated since 2021-09-03).
 */
export interface LogType {
	name: string;
	path: string;
	/** What Simplified (and the day summary) keeps of an entry, in Procore's field names. */
	fields: readonly string[];
}

export const LOG_TYPES: Record<string, LogType> = {
	manpower: {
		name: 'Manpower',
		path: '/rest/v1.0/projects/{project_id}/manpower_logs',
		fields: ['id', 'date', 'vendor.name', 'num_workers', 'num_hours', 'man_hours', 'notes', 'location.name'],
	},
	notes: {
		name: 'Notes',
		path: '/rest/v1.0/projects/{project_id}/notes_logs',
		fields: ['id', 'date', 'comment', 'is_issue_day', 'location.name'],
	},
	work: {
		name: 'Work',
		path: '/rest/v1.0/projects/{project_id}/work_logs',
		fields: ['id', 'date', 'vendor.name', 'workers', 'hours', 'comments', 'location.name'],
	},
	delivery: {
		name: 'Delivery',
		path: '/rest/v1.0/projects/{project_id}/delivery_logs',
		fields: ['id', 'date', 'delivery_from', 'contents', 'comments', 'tracking_number'],
	},
	weather: {
		name: 'Weather',
		path: '/rest/v1.1/projects/{project_id}/daily_logs/weather_logs',
		fields: ['id', 'date', 'sky', 'temperature', 'precipitation', 'wind', 'is_weather_delay', 'comments'],
	},
	accident: {
		name: 'Accident',
		path: '/rest/v1.0/projects/{project_id}/accident_logs',
		fields: ['id', 'date', 'involved_name', 'involved_company', 'comments'],
	},
	timecard: {
		name: 'Timecards',
		path: '/rest/v1.0/projects/{project_id}/timecard_entries',
		fields: ['id', 'date', 'party.name', 'login_information.name', 'hours', 'cost_code.full_code'],
	},
};

/** The log types in the panel, sorted by name (n8n: list options alphabetically). */
export const LOG_TYPE_OPTIONS = Object.entries(LOG_TYPES)
	.map(([value, t]) => ({ name: t.name, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

export const LOG_TYPE_FIELDS: Record<string, readonly string[]> = Object.fromEntries(
	Object.entries(LOG_TYPES).map(([value, t]) => [value, t.fields]),
);
