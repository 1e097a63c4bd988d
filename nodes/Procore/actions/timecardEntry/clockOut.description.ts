import type { INodeProperties } from 'n8n-workflow';

import { writeOptions } from '../../helpers/write';
import { projectLocator, sortedOptions } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import {
	checkBeforeWriteOption,
	crewLocator,
	milestoneLocator,
	onExistingOption,
	subJobLocator,
	syncedProjectsOption,
	timeEntryMode,
	timeTypeLocator,
	workerLocator,
} from './parameters';

/**
 * The Create From Clock-Out panel, in n8n's order: what is required on top, broad to narrow
 * (project, worker, the clock-out and its times, how the time is split), then the entry's optional
 * fields and the node's options in collections, sorted. Every ID is a list of the project's records.
 */

/** Update is what a workforce app whose clock-outs can be edited needs (the clock-out template uses it). */
const onExistingClockOut: INodeProperties = {
	...onExistingOption,
	options: [
		{ name: 'Skip', value: 'skip', description: 'Leave the entries of this clock-out as they are; an edit is ignored' },
		{
			name: 'Update',
			value: 'update',
			description:
				'Make Procore match the edited clock-out: change its entries, add new ones, and delete those of milestones or coworkers the edit no longer has',
		},
	],
	description: 'What to do when this clock-out was exported before. Use Update when clock-outs can be edited in the app.',
};

/** People who worked the same shift (Create From Clock-In shares it). */
export const coworkersField: INodeProperties = {
	displayName: 'Coworker Names or IDs',
	name: 'coworkers',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getProjectPeople', loadOptionsDependsOn: ['project.value'] },
	default: [],
	description:
		'People of the project who worked the same shift; each gets the same entries. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The ID a clock-in was exported with: its open entries are completed by this clock-out. */
const clockInIdField: INodeProperties = {
	displayName: 'Clock-In ID',
	name: 'clockInId',
	type: 'string',
	default: '',
	placeholder: 'e.g. ci_81234',
	description:
		'The ID the clock-in of this shift was exported with (Create From Clock-In). Each worker\'s in-progress entry is completed with the first milestone\'s time instead of a second entry being created; the other milestones get entries of their own.',
};

const entryFields: INodeProperties[] = [
	{
		displayName: 'Billable',
		name: 'billable',
		type: 'boolean',
		default: true,
		description: 'Whether the time can be charged to the client (Procore\'s API defaults to false; its web app to true)',
	},
	clockInIdField,
	coworkersField,
	crewLocator,
	{
		displayName: 'Date',
		name: 'date',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-11-20',
		description: 'The day the time counts for. Defaults to the day the shift started, in the project\'s time zone.',
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{
		displayName: 'Lunch (Minutes)',
		name: 'lunchMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Unpaid break, in whole minutes, taken off the worked time',
	},
	subJobLocator,
	timeTypeLocator,
];

const allocateBy: INodeProperties = {
	displayName: 'Allocate By',
	name: 'allocationUnit',
	type: 'options',
	options: [
		{ name: 'Hours', value: 'hours', description: 'Hours per milestone that add up to the worked time' },
		{ name: 'Percent', value: 'percent', description: 'Shares that add up to 100' },
	],
	default: 'percent',
	description: 'What the shares are. In JSON, a line\'s "percent" or "hours" field says it on its own.',
};

export const timeZoneOption: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timeZone',
	type: 'string',
	default: '',
	placeholder: 'e.g. America/Los_Angeles',
	description:
		'The project\'s time zone in Procore is used for the work date and the times written. Set an IANA time zone here to use another; when neither is known, the offset in Clock In is used.',
};

export const description: INodeProperties[] = forOperation('timecardEntry', 'createFromClockOut', [
	projectLocator,
	workerLocator,
	{
		displayName: 'Clock-Out ID',
		name: 'clockOutId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. co_81234',
		description:
			'The ID of the clock-out in the workforce app. Its entries carry it in their origin ID, so exporting it again adds no hours and an edit replaces them.',
	},
	{
		displayName: 'Clock In',
		name: 'clockIn',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2026-11-20T15:00:00Z',
		description:
			'When the worker clocked in, as the app sends it: UTC (ending in Z) or with an offset. A time without offset is read as the project\'s local time.',
	},
	{
		displayName: 'Clock Out',
		name: 'clockOut',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2026-11-20T23:29:00Z',
		description: 'When the worker clocked out (same forms as Clock In). A shift past midnight counts on the day it started.',
	},
	{
		displayName: 'Allocations From',
		name: 'allocationSource',
		type: 'options',
		options: [
			{ name: 'Fields Below', value: 'list', description: 'Pick each milestone from the project\'s list and give its share' },
			{ name: 'JSON', value: 'json', description: 'The allocation array the workforce app sends, mapped with an expression' },
		],
		default: 'list',
	},
	{
		displayName: 'Allocations',
		name: 'allocations',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Milestone',
		default: {},
		displayOptions: { show: { allocationSource: ['list'] } },
		options: [
			{
				displayName: 'Milestone',
				name: 'line',
				values: [
					{ ...milestoneLocator, required: false },
					{
						displayName: 'Share',
						name: 'amount',
						type: 'number',
						default: 100,
						description: 'Percent of the worked time, or hours (Options > Allocate By)',
					},
				],
			},
		],
	},
	{
		displayName: 'Allocations (JSON)',
		name: 'allocationsJson',
		type: 'json',
		required: true,
		default: '[]',
		displayOptions: { show: { allocationSource: ['json'] } },
		description:
			'One object per milestone, e.g. [{"milestone": "procore:budget_line:cc:1234:cat:5678", "percent": 60}, {"costCodeId": 1, "lineItemTypeId": 2, "percent": 40}], or "hours" instead of "percent"',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: entryFields,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: sortedOptions([allocateBy, checkBeforeWriteOption, onExistingClockOut, syncedProjectsOption, { ...timeEntryMode, description: `${String(timeEntryMode.description)}. Defaults to Hours.` }, timeZoneOption], writeOptions),
	},
]);
