import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const project: ProcoreResource = {
	option: {
		name: 'Project',
		value: 'project',
		description: 'Projects of a company: create and update them, read one, list them, pick the ones a sync covers',
	},
	description: [
		operationSelector(
			'project',
			[
				{
					name: 'Create',
					value: 'create',
					action: 'Create a project',
					description: 'Create a project in the company with its number, address, dates, stage and time zone (a project with the same origin ID or name is not created twice)',
				},
				{ name: 'Get', value: 'get', action: 'Get a project', description: 'Get one project by ID, with its number, stage, dates, address and custom fields' },
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many projects',
					description: 'List projects (active, inactive or all), optionally only those changed since a date or switched on by a custom field',
				},
				{ name: 'Update', value: 'update', action: 'Update a project', description: 'Change a project\'s fields (name, number, dates, stage, time zone, active…)' },
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
