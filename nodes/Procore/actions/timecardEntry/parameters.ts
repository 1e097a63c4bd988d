import type { INodeProperties } from 'n8n-workflow';

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

/** An optional ID picked from one of the project's lists (in an Additional Fields collection). */
function optionalLocator(name: string, displayName: string, searchListMethod: string, urlPattern: string, description: string): INodeProperties {
	return { ...recordLocator({ name, displayName, searchListMethod, urlPattern, description, required: false }), default: { mode: 'list', value: '' } };
}

export const crewLocator = optionalLocator('crew', 'Crew', 'searchCrews', 'crews/([0-9]+)', 'The crew the time is logged for');
export const subJobLocator = optionalLocator('subJob', 'Sub Job', 'searchSubJobs', 'sub_jobs/([0-9]+)', 'The sub job the time is charged to (legacy once the project uses WBS codes)');
export const timeTypeLocator = optionalLocator('timeType', 'Time Type', 'searchTimecardTimeTypes', 'timecard_time_types/([0-9]+)', 'Regular, overtime and so on');

/** Optional IDs of an entry: parameter name in Additional Fields → Procore field and label. */
export const OPTIONAL_IDS: Record<string, [string, string]> = {
	crew: ['crew_id', 'Crew'],
	location: ['location_id', 'Location'],
	subJob: ['sub_job_id', 'Sub Job'],
	timeType: ['timecard_time_type_id', 'Time Type'],
	timesheet: ['timesheet_id', 'Timesheet'],
	workClassification: ['work_classification_id', 'Work Classification'],
};

const entryFieldOptions: INodeProperties[] = [
	{ displayName: 'Billable', name: 'billable', type: 'boolean', default: true, description: 'Whether the time can be charged to the client (Procore\'s API defaults to false; its web app to true)' },
	crewLocator,
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	optionalLocator('location', 'Location', 'searchLocations', 'locations/([0-9]+)', 'Where on the project the work was done'),
	{
		displayName: 'Origin ID',
		name: 'originId',
		type: 'string',
		default: '',
		description:
			'The ID of this entry in the source system. When set, an entry already carrying it in Procore is not created again (re-runs are safe).',
	},
	subJobLocator,
	timeTypeLocator,
	optionalLocator('timesheet', 'Timesheet', 'searchTimesheets', 'timesheets/([0-9]+)', 'The project timesheet (one per day) the entry belongs to'),
	optionalLocator('workClassification', 'Work Classification', 'searchWorkClassifications', 'work_classifications/([0-9]+)', 'The trade or pay class of the work (e.g. Journeyman)'),
];

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
		displayName: 'Synced Project Names or IDs',
		name: 'syncedProjectIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCompanyProjects', loadOptionsDependsOn: ['company.value'] },
		default: [],
		description:
			'Refuse time for projects not in this list (the projects switched on in the sync; comma-separated IDs by expression). Empty: any active project. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
