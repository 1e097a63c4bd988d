import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import { getManyOperation, getOperation } from '../shared/readOperations';
import * as create from './create.operation';
import * as getPotentialAssignees from './getPotentialAssignees.operation';
import { rfiRead } from './read';
import * as reply from './reply.operation';
import * as update from './update.operation';

const get = getOperation(rfiRead);
const getAll = getManyOperation(rfiRead);

export const rfi: ProcoreResource = {
	option: {
		name: 'RFI',
		value: 'rfi',
		description: 'Requests for information: draft, read, update and answer them',
	},
	description: [
		operationSelector(
			'rfi',
			[
				{
					name: 'Create',
					value: 'create',
					action: 'Create an RFI',
					description: 'Create an RFI in a project (a draft by default, for a person to review and send). Needs the project ID, a subject, the question and an RFI manager user ID.',
				},
				{ name: 'Get', value: 'get', action: 'Get an RFI', description: 'Get one RFI with its question, answers, status and ball in court' },
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many RFIs',
					description: 'List a project\'s RFIs, filtered by status, ball in court, manager, number, search words or last update',
				},
				{
					name: 'Get Potential Assignees',
					value: 'getPotentialAssignees',
					action: 'Get potential RFI assignees',
					description: 'List the users who can be assigned to, or manage, RFIs in a project (their IDs are what Create and Update need)',
				},
				{ name: 'Reply', value: 'reply', action: 'Reply to an RFI', description: 'Add a response to an RFI (not official by default, so a person can review it)' },
				{ name: 'Update', value: 'update', action: 'Update an RFI', description: 'Change fields of an RFI; only the fields given are sent' },
			],
			'getAll',
		),
		...create.description,
		...get.description,
		...getAll.description,
		...getPotentialAssignees.description,
		...reply.description,
		...update.description,
	],
	operations: { create, get, getAll, getPotentialAssignees, reply, update },
};
