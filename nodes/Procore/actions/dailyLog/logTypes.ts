import type { IDataObject } from 'n8n-workflow';

/**
 * The daily log types the node reads, with their Procore list paths and what a summary keeps of
 * each entry. All take `log_date` or `start_date` + `end_date`; without a date Procore returns
 * today only. Weather moved to v1.1 (the v1.0 list is deprecated since 2021-09-03).
 */
export interface LogType {
	name: string;
	path: string;
	summarize: (entry: IDataObject) => IDataObject;
}

const vendorName = (e: IDataObject) => (e.vendor as IDataObject | undefined)?.name;

export const LOG_TYPES: Record<string, LogType> = {
	manpower: {
		name: 'Manpower',
		path: '/rest/v1.0/projects/{project_id}/manpower_logs',
		summarize: (e) => ({ vendor: vendorName(e), workers: e.num_workers, hours: e.num_hours, manHours: e.man_hours, notes: e.notes }),
	},
	notes: {
		name: 'Notes',
		path: '/rest/v1.0/projects/{project_id}/notes_logs',
		summarize: (e) => ({ comment: e.comment, issue: e.is_issue_day, location: (e.location as IDataObject | undefined)?.name }),
	},
	work: {
		name: 'Work',
		path: '/rest/v1.0/projects/{project_id}/work_logs',
		summarize: (e) => ({ vendor: vendorName(e), workers: e.workers, hours: e.hours, comments: e.comments }),
	},
	delivery: {
		name: 'Delivery',
		path: '/rest/v1.0/projects/{project_id}/delivery_logs',
		summarize: (e) => ({ from: e.delivery_from, contents: e.contents, comments: e.comments, tracking: e.tracking_number }),
	},
	weather: {
		name: 'Weather',
		path: '/rest/v1.1/projects/{project_id}/daily_logs/weather_logs',
		summarize: (e) => ({ sky: e.sky, temperature: e.temperature, precipitation: e.precipitation, wind: e.wind, delay: e.is_weather_delay, comments: e.comments }),
	},
	accident: {
		name: 'Accident',
		path: '/rest/v1.0/projects/{project_id}/accident_logs',
		summarize: (e) => ({ involved: e.involved_name, company: e.involved_company, comments: e.comments }),
	},
	timecard: {
		name: 'Timecards',
		path: '/rest/v1.0/projects/{project_id}/timecard_entries',
		summarize: (e) => ({
			person: (e.party as IDataObject | undefined)?.name ?? (e.login_information as IDataObject | undefined)?.name,
			hours: e.hours,
			costCode: (e.cost_code as IDataObject | undefined)?.full_code,
		}),
	},
};

export const LOG_TYPE_OPTIONS = Object.entries(LOG_TYPES).map(([value, t]) => ({ name: t.name, value }));
