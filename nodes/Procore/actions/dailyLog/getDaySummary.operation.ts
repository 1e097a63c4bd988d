import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import { isoDay } from '../../helpers/filters';
import { procoreApiRequestAllItems } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { fillPath } from '../shared/path';
import { LOG_TYPE_OPTIONS, LOG_TYPES } from './logTypes';
import { simplify } from '../../helpers/output';

export const description: INodeProperties[] = forOperation('dailyLog', 'getDaySummary', [
	projectLocator,
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'The day to summarise (an expression such as today\'s date works too)',
	},
	{
		displayName: 'Log Types',
		name: 'logTypes',
		type: 'multiOptions',
		options: LOG_TYPE_OPTIONS,
		default: ['manpower', 'notes', 'work', 'delivery', 'weather', 'accident', 'timecard'],
		description: 'Which logs to gather',
	},
]);

function num(value: unknown): number {
	const n = Number(value);
	return Number.isFinite(n) ? n : 0;
}

/** Gathers one day of a project's daily logs into one compact item a language model can summarise. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const date = isoDay(this, this.getNodeParameter('date', i), 'Date', i);
	const types = this.getNodeParameter('logTypes', i, Object.keys(LOG_TYPES)) as string[];
	const summary: IDataObject = { project_id: projectId, date };
	const counts: IDataObject = {};
	const lines: string[] = [];
	for (const key of types) {
		const logType = LOG_TYPES[key];
		const entries = await procoreApiRequestAllItems.call(this, {
			method: 'GET',
			path: fillPath(logType.path, { companyId, projectId }),
			qs: { log_date: date },
			companyId,
			itemIndex: i,
		});
		counts[key] = entries.length;
		summary[key] = entries.map((e) => simplify(e, logType.fields));
		if (key === 'manpower') {
			const workers = entries.reduce((sum, e) => sum + num(e.num_workers), 0);
			const manHours = entries.reduce((sum, e) => sum + num(e.man_hours), 0);
			summary.total_workers = workers;
			summary.total_man_hours = Math.round(manHours * 100) / 100;
			lines.push(`Manpower: ${workers} workers, ${summary.total_man_hours} man-hours across ${entries.length} entries.`);
		} else if (key === 'timecard') {
			const hours = entries.reduce((sum, e) => sum + num(e.hours), 0);
			summary.total_timecard_hours = Math.round(hours * 100) / 100;
			lines.push(`Timecards: ${entries.length} entries, ${summary.total_timecard_hours} hours.`);
		} else if (entries.length) {
			lines.push(`${logType.name}: ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}.`);
		}
	}
	summary.counts = counts;
	summary.overview = lines.length ? lines.join(' ') : `No daily log entries on ${date}.`;
	return summary;
}
