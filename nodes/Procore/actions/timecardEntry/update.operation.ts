import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId, toProcoreId } from '../../helpers/context';
import { isoDay } from '../../helpers/filters';
import { formatClockTime } from '../../helpers/allocation';
import { milestoneFields } from '../../helpers/milestone';
import { writeOptionsCollection } from '../../helpers/write';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { updateRecord } from '../shared/updateRecord';
import { explainTimecardError } from './errors';
import { readIdField, readMilestone, readTime } from './input';
import { milestoneLocator, timeTypeLocator, workerLocator } from './parameters';
import { timecardEntryLocator } from './read';
import type { OutputSpec } from '../../helpers/output';
import { TIMECARD_FIELDS } from './fields';

export const description: INodeProperties[] = forOperation('timecardEntry', 'update', [
	projectLocator,
	timecardEntryLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Billable', name: 'billable', type: 'boolean', default: true },
			{ displayName: 'Date', name: 'date', type: 'string', default: '', placeholder: 'e.g. 2026-11-20' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Hours', name: 'hours', type: 'number', typeOptions: { minValue: 0, maxValue: 24, numberPrecision: 2 }, default: 0, description: 'For timesheets set to total hours' },
			{ displayName: 'Lunch (Minutes)', name: 'lunchMinutes', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
			{ ...milestoneLocator, required: false, description: 'The cost code + category to charge instead' },
			{ displayName: 'Time In', name: 'timeIn', type: 'string', default: '', placeholder: 'e.g. 2026-11-20T07:00:00-08:00' },
			{ displayName: 'Time Out', name: 'timeOut', type: 'string', default: '', placeholder: 'e.g. 2026-11-20T15:30:00-08:00' },
			timeTypeLocator,
			{ ...workerLocator, required: false, default: { mode: 'list', value: '' }, description: 'The person the time belongs to instead (someone in the project\'s Directory)' },
		],
	},
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'timecardEntryId', 'Timecard Entry', i);
	const u = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes: IDataObject = {};
	if (u.date) changes.date = isoDay(this, u.date, 'Date', i);
	if (u.hours !== undefined) {
		const hours = Number(u.hours);
		if (!(hours > 0 && hours <= 24)) {
			throw new NodeOperationError(
				this.getNode(),
				Number.isFinite(hours) ? `Hours ${String(u.hours)} is not between 0 and 24` : `Hours "${String(u.hours)}" is not a number`,
				{ description: 'Give the hours worked as a number, excluding breaks, e.g. 7.5. Procore allows at most 24 per entry.', itemIndex: i },
			);
		}
		changes.hours = hours.toFixed(2);
	}
	for (const [param, field, label] of [['timeIn', 'time_in', 'Time In'], ['timeOut', 'time_out', 'Time Out']]) {
		if (u[param]) {
			const t = readTime(this, u[param], label, i);
			changes[field] = formatClockTime(t.epochMs, t.offset);
		}
	}
	if (u.lunchMinutes !== undefined) changes.lunch_time = String(u.lunchMinutes);
	const field = (name: string) => (u[name] === undefined ? '' : this.getNodeParameter(`updateFields.${name}`, i, '', { extractValue: true }));
	const milestone = field('milestone');
	if (milestone) {
		const ref = readMilestone(this, milestone, 'Milestone', i);
		if (ref.kind === 'wbs') {
			throw new NodeOperationError(this.getNode(), 'Procore cannot move an existing entry to a WBS code', {
				description: 'Its update endpoints take a cost code + category only. Delete the entry and create it again with the WBS code.',
				itemIndex: i,
			});
		}
		for (const [k, v] of Object.entries(milestoneFields(ref))) changes[k] = toProcoreId(v);
	}
	for (const [param, key, label] of [['worker', 'party_id', 'Worker'], ['timeType', 'timecard_time_type_id', 'Time Type']]) {
		const value = readIdField(this, field(param), label, i);
		if (value) changes[key] = toProcoreId(value);
	}
	if (u.billable !== undefined) changes.billable = u.billable;
	if (u.description !== undefined) changes.description = u.description;
	try {
		return await updateRecord.call(this, {
			itemIndex: i,
			label: 'Timecard Entry',
			companyId,
			path: `/rest/v1.0/projects/${projectId}/timecard_entries/${id}`,
			wrapperKey: 'timecard_entry',
			changes,
			auditField: null,
			summarize: (_record, diff, preview) =>
				`${preview ? 'Would update' : 'Updated'} timecard entry ${id}${diff.length ? `: ${diff.map((c) => `${c.field} ${String(c.previous ?? '—')} → ${String(c.new)}`).join(', ')}` : ': nothing changed'}`,
		});
	} catch (error) {
		throw explainTimecardError(error as Error);
	}
}

export const output: OutputSpec = { fields: TIMECARD_FIELDS };
