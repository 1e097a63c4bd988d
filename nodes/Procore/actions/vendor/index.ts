import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const vendor: ProcoreResource = {
	option: {
		name: 'Vendor',
		value: 'vendor',
		description: 'Subcontractors and suppliers in the company or a project directory',
	},
	description: [
		operationSelector(
			'vendor',
			[
				{
					name: 'Create',
					value: 'create',
					action: 'Create a vendor',
					description: 'Add a vendor to the company or a project directory; an existing vendor with the same exact name or origin ID is returned instead of a duplicate',
				},
				{
					name: 'Get',
					value: 'get',
					action: 'Get a vendor',
					description: 'Get one vendor by ID, exact name or origin ID, from the company or a project directory',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many vendors',
					description: 'List vendors of the company or a project directory, filtered by search words, trade, origin ID or changed since a date',
				},
				{
					name: 'Update',
					value: 'update',
					action: 'Update a vendor',
					description: 'Change fields of a vendor (found by ID, exact name or origin ID); only the fields given are sent and previous → new is reported',
				},
			],
			'getAll',
		),
		...create.description,
		...get.description,
		...getAll.description,
		...update.description,
	],
	operations: { create, get, getAll, update },
};
