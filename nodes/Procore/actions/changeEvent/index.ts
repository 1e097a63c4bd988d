import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as pushCor from './pushCor.operation';
import * as update from './update.operation';

export const changeEvent: ProcoreResource = {
	option: {
		name: 'Change Event',
		value: 'changeEvent',
		description: 'Change Events of a project: push a change order request (COR) into one, read, update, delete',
	},
	description: [
		operationSelector(
			'changeEvent',
			[
				{
					name: 'Delete',
					value: 'delete',
					action: 'Delete a change event',
					description: 'Delete a Change Event (Procore keeps it in the recycle bin). Needs the project and the Change Event ID.',
				},
				{
					name: 'Get',
					value: 'get',
					action: 'Get a change event',
					description: 'Get one Change Event by ID, with its status, origin ID and the total of its lines',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many change events',
					description: 'List a project\'s Change Events, optionally only open, pending or closed ones, or only those pushed from a COR',
				},
				{
					name: 'Push COR',
					value: 'pushCor',
					action: 'Push a COR to a change event',
					description:
						'Create or update the Change Event of a change order request (COR): lines as Lump Sum, Sub-Total or Line Item, codes matched to the project, previous and new totals. Re-pushing the same COR ID updates it.',
				},
				{
					name: 'Update',
					value: 'update',
					action: 'Update a change event',
					description: 'Change a Change Event\'s title, status, scope, reason, type or description. Needs the project and the Change Event ID.',
				},
			],
			'pushCor',
		),
		...pushCor.description,
		...get.description,
		...getAll.description,
		...update.description,
		...deleteOperation.description,
	],
	operations: { pushCor, get, getAll, update, delete: deleteOperation },
};
