import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as createFromChangeEvent from './createFromChangeEvent.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as updateStatus from './updateStatus.operation';

export const changeOrder: ProcoreResource = {
	option: {
		name: 'Change Order',
		value: 'changeOrder',
		description: 'Potential change orders, commitment and prime contract change orders, change order packages: create from a Change Event, read, update, move status',
	},
	description: [
		operationSelector(
			'changeOrder',
			[
				{
					name: 'Create From Change Event',
					value: 'createFromChangeEvent',
					action: 'Create a change order from a change event',
					description:
						'Create a potential, commitment or prime contract change order on a contract from a Change Event\'s lines, with their codes and amounts. Re-running finds the one already made (origin ID) and only adds missing lines.',
				},
				{
					name: 'Get',
					value: 'get',
					action: 'Get a change order',
					description: 'Get one change order of the chosen type by ID, with its status, contract and totals',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many change orders',
					description: 'List a project\'s change orders of one type, optionally by status, Change Event, contract or last update',
				},
				{
					name: 'Update',
					value: 'update',
					action: 'Update a change order',
					description: 'Change a change order\'s title, description, status, number, due date or schedule impact',
				},
				{
					name: 'Update Status',
					value: 'updateStatus',
					action: 'Update the status of a change order',
					description: 'Move a change order to another status (draft, pending, approved, rejected, void…), with the previous and new status',
				},
			],
			'createFromChangeEvent',
		),
		...createFromChangeEvent.description,
		...get.description,
		...getAll.description,
		...update.description,
		...updateStatus.description,
	],
	operations: { createFromChangeEvent, get, getAll, update, updateStatus },
};
