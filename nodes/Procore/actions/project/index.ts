import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const project: ProcoreResource = {
	option: {
		name: 'Project',
		value: 'project',
		description: 'Projects of a company: read one, list them, pick the ones a sync covers',
	},
	description: [
		operationSelector(
			'project',
			[
				{ name: 'Get', value: 'get', action: 'Get a project', description: 'Get one project by ID, with its number, stage, dates, address and custom fields' },
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many projects',
					description: 'List projects (active, inactive or all), optionally only those changed since a date or switched on by a custom field',
				},
			],
			'getAll',
		),
		...get.description,
		...getAll.description,
	],
	operations: { get, getAll },
};
