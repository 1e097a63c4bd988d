import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import { getOperation } from '../shared/readOperations';
import * as create from './create.operation';
import * as createFromClockIn from './createFromClockIn.operation';
import * as createFromClockOut from './createFromClockOut.operation';
import * as createMany from './createMany.operation';
import * as deleteOp from './delete.operation';
import * as getAll from './getAll.operation';
import { timecardEntryRead } from './read';
import * as update from './update.operation';

const get = getOperation(timecardEntryRead);

export const timecardEntry: ProcoreResource = {
	option: {
		name: 'Timecard Entry',
		value: 'timecardEntry',
		description: 'Hours worked by a person on a project, charged to a cost code + category: create (one, many, from a clock-in or a clock-out), read, update, delete',
	},
	description: [
		operationSelector(
			'timecardEntry',
			[
				{
					name: 'Create',
					value: 'create',
					action: 'Create a timecard entry',
					description:
						'Record hours (or time in/out with lunch) for one worker on one day, charged to a milestone (cost code + category) or WBS code. Needs the project ID, the worker\'s party ID and the date. With an origin ID, re-runs do not duplicate.',
				},
				{
					name: 'Create From Clock-In',
					value: 'createFromClockIn',
					action: 'Create timecard entries from a clock-in',
					description:
						'Export a clock-in the moment it happens: one in-progress entry per worker and coworker on the milestone picked, with the time in and no hours yet. The clock-out naming the same Clock-In ID completes it; a clock-in sent again writes nothing.',
				},
				{
					name: 'Create From Clock-Out',
					value: 'createFromClockOut',
					action: 'Create timecard entries from a clock-out',
					description:
						'Turn a clock-out (clock-in/out times, lunch, coworkers, and the time split across milestones by percent or hours) into one entry per worker per milestone, adding up exactly to the worked time. Exporting the same clock-out again adds nothing.',
				},
				{
					name: 'Create Many',
					value: 'createMany',
					action: 'Create many timecard entries',
					description:
						'One entry per input item (e.g. a whole crew), sent in bulk: 25 per call to the project endpoint, each call one transaction, with a result per item',
				},
				{ name: 'Delete', value: 'delete', action: 'Delete a timecard entry', description: 'Delete one timecard entry by ID (needs the project ID and the entry ID)' },
				{ name: 'Get', value: 'get', action: 'Get a timecard entry', description: 'Get one timecard entry by ID with its worker, hours and cost code' },
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many timecard entries',
					description:
						'List timecard entries of a project or the company for a date range, optionally for one worker, one milestone, one origin ID, or changed since a time',
				},
				{
					name: 'Update',
					value: 'update',
					action: 'Update a timecard entry',
					description: 'Change hours, times, date, worker or milestone of one timecard entry; only the fields given are sent',
				},
			],
			'createFromClockOut',
		),
		...create.description,
		...createFromClockIn.description,
		...createFromClockOut.description,
		...createMany.description,
		...deleteOp.description,
		...get.description,
		...getAll.description,
		...update.description,
	],
	operations: { create, createFromClockIn, createFromClockOut, createMany, delete: deleteOp, get, getAll, update },
};
