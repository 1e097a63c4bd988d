import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getProjectId, getRecordId, normalizeId } from '../../helpers/context';
import { isoDay } from '../../helpers/filters';
import type { MilestoneRef } from '../../helpers/milestone';
import { MilestoneError, milestoneFields, parseMilestone } from '../../helpers/milestone';
import { formatClockTime, parseClockTime } from '../../helpers/allocation';
import { writeOptions } from '../../helpers/write';
import { projectLocator, recordLocator } from '../common.descriptions';

export const workerLocator = recordLocator({
	name: 'worker',
	displayName: 'Worker',
	searchListMethod: 'searchProjectPeople',
	urlPattern: 'people/([0-9]+)',
	description:
		'The person who worked (Procore\'s party_id): someone in the project\'s Directory. Pick from the list, or enter the ID from "Person: Get Many".',
});

export const timeEntryMode: INodeProperties = {
	displayName: 'Time Entry Mode',
	name: 'timeEntryMode',
	type: 'options',
	options: [
		{ name: 'Hours', value: 'hours', description: 'Total hours per entry (timesheets set to "Hours")' },
		{
			name: 'Start and Stop Time',
			value: 'startStop',
			description: 'Time in, time out and lunch per entry (timesheets set to "Start and Stop Time")',
		},
	],
	default: 'hours',
	description: 'Match the project\'s timesheet setting in Procore; Procore refuses the other kind',
};

export const milestoneLocator: INodeProperties = {
	displayName: 'Milestone',
	name: 'milestone',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The cost code + category to charge, written procore:budget_line:cc:&lt;cost code ID&gt;:cat:&lt;category ID&gt;, or a WBS code written procore:wbs_code:&lt;ID&gt;. "Milestone: Get Many" lists them.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchMilestones', searchable: true },
		},
		{
			displayName: 'By Milestone String',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. procore:budget_line:cc:1234:cat:5678',
		},
	],
};

const entryFieldOptions: INodeProperties[] = [
	{ displayName: 'Billable', name: 'billable', type: 'boolean', default: true, description: 'Whether the time can be charged to the client (Procore\'s API defaults to false; its web app to true)' },
	{ displayName: 'Crew ID', name: 'crewId', type: 'string', default: '', description: 'From "Crew: Get Many"' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Location ID', name: 'locationId', type: 'string', default: '' },
	{
		displayName: 'Origin ID',
		name: 'originId',
		type: 'string',
		default: '',
		description:
			'The ID of this entry in the source system. When set, an entry already carrying it in Procore is not created again (re-runs are safe).',
	},
	{ displayName: 'Sub Job ID', name: 'subJobId', type: 'string', default: '', description: 'From "Sub Job: Get Many" (legacy once WBS is used)' },
	{ displayName: 'Time Type ID', name: 'timecardTimeTypeId', type: 'string', default: '', description: 'Regular, overtime… From "Timecard Time Type: Get Many"' },
	{ displayName: 'Timesheet ID', name: 'timesheetId', type: 'string', default: '' },
	{ displayName: 'Work Classification ID', name: 'workClassificationId', type: 'string', default: '' },
];

const ADDITIONAL_IDS: Record<string, [string, string]> = {
	crewId: ['crew_id', 'Crew ID'],
	locationId: ['location_id', 'Location ID'],
	subJobId: ['sub_job_id', 'Sub Job ID'],
	timecardTimeTypeId: ['timecard_time_type_id', 'Time Type ID'],
	timesheetId: ['timesheet_id', 'Timesheet ID'],
	workClassificationId: ['work_classification_id', 'Work Classification ID'],
};

export const checkBeforeWriteOption: INodeProperties = {
	displayName: 'Check Before Writing',
	name: 'checkBeforeWrite',
	type: 'boolean',
	default: true,
	description:
		'Whether to check with reads first that the project is active, the worker is in its directory and the cost code has the category, so a bad entry gets a clear reason and does not sink a whole bulk call',
};

export const onExistingOption: INodeProperties = {
	displayName: 'If Already in Procore',
	name: 'onExisting',
	type: 'options',
	options: [
		{ name: 'Skip', value: 'skip', description: 'Leave the entry with the same origin ID as it is' },
		{ name: 'Update', value: 'update', description: 'Change the entry with the same origin ID to match (e.g. an edited clock-out)' },
	],
	default: 'skip',
	description: 'What to do when an entry with the same origin ID is already in Procore',
};

export const syncedProjectsOption: INodeProperties = {
	displayName: 'Synced Project IDs',
	name: 'syncedProjectIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. 101, 102',
	description: 'Refuse time for projects not in this list (the projects switched on in the sync). Empty: any active project.',
};

/** The parameters of one timecard entry (Create and Create Many share them). */
export function entryParameters(extraOptions: INodeProperties[]): INodeProperties[] {
	return [
		projectLocator,
		workerLocator,
		{
			displayName: 'Date',
			name: 'date',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 2026-11-20',
			description: 'The day worked (YYYY-MM-DD)',
		},
		timeEntryMode,
		{
			displayName: 'Hours',
			name: 'hours',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 24, numberPrecision: 2 },
			default: 0,
			displayOptions: { show: { timeEntryMode: ['hours'] } },
			description: 'Hours worked, excluding breaks (at most 24)',
		},
		{
			displayName: 'Time In',
			name: 'timeIn',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2026-11-20T07:00:00-08:00',
			displayOptions: { show: { timeEntryMode: ['startStop'] } },
		},
		{
			displayName: 'Time Out',
			name: 'timeOut',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2026-11-20T15:30:00-08:00',
			displayOptions: { show: { timeEntryMode: ['startStop'] } },
		},
		{
			displayName: 'Lunch (Minutes)',
			name: 'lunchMinutes',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			displayOptions: { show: { timeEntryMode: ['startStop'] } },
		},
		{
			displayName: 'Cost Coding',
			name: 'costCoding',
			type: 'options',
			options: [
				{ name: 'Milestone', value: 'milestone', description: 'A cost code + category (or WBS code) as one milestone string' },
				{ name: 'Cost Code and Category', value: 'costCode' },
				{ name: 'WBS Code', value: 'wbsCode' },
				{ name: 'None', value: 'none' },
			],
			default: 'milestone',
			description: 'What the time is charged to. An entry has a cost code + category, or a WBS code, never both.',
		},
		{ ...milestoneLocator, displayOptions: { show: { costCoding: ['milestone'] } } },
		{
			...recordLocator({
				name: 'costCode',
				displayName: 'Cost Code',
				searchListMethod: 'searchCostCodes',
				urlPattern: 'cost_codes/([0-9]+)',
				description: 'A cost code of the project ("Cost Code: Get Many")',
			}),
			displayOptions: { show: { costCoding: ['costCode'] } },
		},
		{
			...recordLocator({
				name: 'lineItemType',
				displayName: 'Category',
				searchListMethod: 'searchLineItemTypes',
				urlPattern: 'line_item_types/([0-9]+)',
				description: 'The category (line item type, e.g. Labor) enabled on that cost code ("Line Item Type: Get Many")',
			}),
			displayOptions: { show: { costCoding: ['costCode'] } },
		},
		{
			...recordLocator({
				name: 'wbsCode',
				displayName: 'WBS Code',
				searchListMethod: 'searchWbsCodes',
				urlPattern: 'wbs_codes/([0-9]+)',
				description: 'A WBS code of the project ("WBS Code: Get Many")',
			}),
			displayOptions: { show: { costCoding: ['wbsCode'] } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: entryFieldOptions,
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [checkBeforeWriteOption, onExistingOption, syncedProjectsOption, ...extraOptions, ...writeOptions].sort((a, b) =>
				a.displayName.localeCompare(b.displayName),
			),
		},
	];
}

export interface EntryInput {
	projectId: string;
	partyId: string;
	entry: IDataObject;
	ref?: MilestoneRef;
	originId?: string;
}

function fail(ctx: IExecuteFunctions, message: string, description: string, i: number): never {
	throw new NodeOperationError(ctx.getNode(), message, { description, itemIndex: i });
}

/** A milestone string or object, or a clear error naming the parameter. */
export function readMilestone(ctx: IExecuteFunctions, value: unknown, label: string, i: number): MilestoneRef {
	try {
		return parseMilestone(value && typeof value === 'object' && '__rl' in (value as object) ? normalizeId(value) : value);
	} catch (error) {
		if (!(error instanceof MilestoneError)) throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: i });
		return fail(ctx, `${label}: ${error.message}`, 'Pick a milestone from the list, or write procore:budget_line:cc:<cost code ID>:cat:<category ID> (or procore:wbs_code:<ID>).', i);
	}
}

export function readIdField(ctx: IExecuteFunctions, value: unknown, label: string, i: number): string {
	const id = normalizeId(value);
	if (id && !/^\d{1,20}$/.test(id)) fail(ctx, `${label} "${id}" is not a Procore ID`, `Enter the numeric ID of the ${label.replace(/ ID$/, '').toLowerCase()}.`, i);
	return id;
}

export function readTime(ctx: IExecuteFunctions, value: unknown, label: string, i: number) {
	const time = parseClockTime(value);
	if (!time) fail(ctx, `${label} "${String(value ?? '')}" is not a date and time`, 'Use ISO 8601, e.g. 2026-11-20T07:00:00-08:00 (the offset of the project\'s time zone).', i);
	return time;
}

/** One timecard entry from the node's parameters for item i, validated before anything is sent. */
export function readEntry(ctx: IExecuteFunctions, i: number): EntryInput {
	const projectId = getProjectId(ctx, i);
	const partyId = getRecordId(ctx, 'worker', 'Worker', i);
	let ref: MilestoneRef | undefined;
	switch (ctx.getNodeParameter('costCoding', i, 'milestone') as string) {
		case 'milestone':
			ref = readMilestone(ctx, ctx.getNodeParameter('milestone', i, ''), 'Milestone', i);
			break;
		case 'costCode':
			ref = {
				kind: 'budgetLine',
				costCodeId: getRecordId(ctx, 'costCode', 'Cost Code', i),
				lineItemTypeId: getRecordId(ctx, 'lineItemType', 'Category', i),
			};
			break;
		case 'wbsCode':
			ref = { kind: 'wbs', wbsCodeId: getRecordId(ctx, 'wbsCode', 'WBS Code', i) };
			break;
	}
	const entry: IDataObject = { party_id: partyId, date: isoDay(ctx, ctx.getNodeParameter('date', i), 'Date', i) };
	if ((ctx.getNodeParameter('timeEntryMode', i, 'hours') as string) === 'startStop') {
		const timeIn = readTime(ctx, ctx.getNodeParameter('timeIn', i, ''), 'Time In', i);
		const timeOut = readTime(ctx, ctx.getNodeParameter('timeOut', i, ''), 'Time Out', i);
		const lunch = Number(ctx.getNodeParameter('lunchMinutes', i, 0));
		const span = (timeOut.epochMs - timeIn.epochMs) / 60_000;
		if (span <= 0) fail(ctx, 'Time Out is not after Time In', 'Check the two times and their offsets.', i);
		if (!Number.isInteger(lunch) || lunch < 0 || lunch >= span) {
			fail(ctx, `Lunch (Minutes) ${lunch} does not fit a shift of ${span} minutes`, 'Give a whole number of minutes, shorter than the shift.', i);
		}
		entry.time_in = formatClockTime(timeIn.epochMs, timeIn.offset);
		entry.time_out = formatClockTime(timeOut.epochMs, timeOut.offset);
		entry.lunch_time = String(lunch);
	} else {
		const raw = ctx.getNodeParameter('hours', i, 0);
		const hours = Number(raw);
		if (!Number.isFinite(hours)) {
			fail(ctx, `Hours "${String(raw)}" is not a number`, 'Give the hours worked as a number, excluding breaks, e.g. 7.5 (map a numeric field, not text such as "eight" or "7h30").', i);
		}
		if (hours <= 0 || hours > 24) {
			fail(ctx, `Hours ${String(hours)} is not between 0 and 24`, 'Give the hours worked, excluding breaks, e.g. 7.5. Procore allows at most 24 per entry.', i);
		}
		entry.hours = (Math.round(hours * 100) / 100).toFixed(2);
	}
	if (ref) Object.assign(entry, milestoneFields(ref));
	const additional = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	for (const [param, [field, label]] of Object.entries(ADDITIONAL_IDS)) {
		const id = readIdField(ctx, additional[param], label, i);
		if (id) entry[field] = id;
	}
	if (additional.billable !== undefined) entry.billable = additional.billable;
	if (additional.description) entry.description = additional.description;
	const originId = String(additional.originId ?? '').trim() || undefined;
	return { projectId, partyId, entry, ref, originId };
}

export function readIdListOption(ctx: IExecuteFunctions, value: unknown, label: string, i: number): string[] {
	const ids = String(value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	for (const id of ids) readIdField(ctx, id, label, i);
	return ids;
}
