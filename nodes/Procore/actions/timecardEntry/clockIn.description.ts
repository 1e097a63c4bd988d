import type { INodeProperties } from 'n8n-workflow';

import { writeOptions } from '../../helpers/write';
import { projectLocator, sortedOptions } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { coworkersField, timeZoneOption } from './clockOut.description';
import { checkBeforeWriteOption, crewLocator, milestoneLocator, subJobLocator, syncedProjectsOption, timeTypeLocator, workerLocator } from './parameters';

/**
 * The Create From Clock-In panel, in the order the worker taps through the app: project, worker,
 * the clock-in and when, the milestone picked; then the entry's optional fields (coworkers, crew,
 * sub job) and the node's options in collections, sorted.
 */
const entryFields: INodeProperties[] = [
	{
		displayName: 'Billable',
		name: 'billable',
		type: 'boolean',
		default: true,
		description: 'Whether the time can be charged to the client (Procore\'s API defaults to false; its web app to true)',
	},
	coworkersField,
	crewLocator,
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	subJobLocator,
	timeTypeLocator,
];

export const description: INodeProperties[] = forOperation('timecardEntry', 'createFromClockIn', [
	projectLocator,
	workerLocator,
	{
		displayName: 'Clock-In ID',
		name: 'clockInId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ci_81234',
		description:
			'The ID of the clock-in (or of the shift) in the workforce app. Its entries carry it in their origin ID, so a clock-in sent again writes nothing, and the clock-out that names it completes them.',
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
	{ ...milestoneLocator, description: `The milestone the worker picked at clock-in. ${String(milestoneLocator.description)}` },
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
		options: sortedOptions([checkBeforeWriteOption, syncedProjectsOption, timeZoneOption], writeOptions),
	},
]);
