import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getFailedItems from './getFailedItems.operation';

export const inspection: ProcoreResource = {
	option: {
		name: 'Inspection',
		value: 'inspection',
		description: 'Inspections (checklists) of a project, their items and responses, created from inspection templates',
	},
	description: [
		operationSelector(
			'inspection',
			[
				{ name: 'Create', value: 'create', action: 'Create an inspection', description: 'Create an inspection from one of the project\'s inspection templates (its items are copied from the template); a re-run finds the inspection instead of adding another' },
				{ name: 'Get', value: 'get', action: 'Get an inspection', description: 'Get one inspection by ID with its items, their responses and the failed items' },
				{ name: 'Get Failed Items', value: 'getFailedItems', action: 'Get the failed items of an inspection', description: 'List the items of one inspection answered as deficient (failed), one output item each, e.g. to raise observations or punch items' },
				{ name: 'Get Many', value: 'getAll', action: 'Get many inspections', description: 'List a project\'s inspections by status, template, type, inspector, location, inspection date or last update' },
			],
			'getAll',
		),
		...create.description,
		...get.description,
		...getAll.description,
		...getFailedItems.description,
	],
	operations: { create, get, getAll, getFailedItems },
};
