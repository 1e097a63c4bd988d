import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import { getManyOperation, getOperation } from '../shared/readOperations';
import * as create from './create.operation';
import { observationRead } from './read';
import * as update from './update.operation';

const get = getOperation(observationRead);
const getAll = getManyOperation(observationRead);

export const observation: ProcoreResource = {
	option: {
		name: 'Observation',
		value: 'observation',
		description: 'Safety, quality and other field observations (punch-like items with a type and assignee)',
	},
	description: [
		operationSelector(
			'observation',
			[
				{ name: 'Create', value: 'create', action: 'Create an observation', description: 'Create an observation in a project; needs the project ID, a name and an observation type ID' },
				{ name: 'Get', value: 'get', action: 'Get an observation', description: 'Get one observation by ID, with its status, priority, type, assignee and due date' },
				{ name: 'Get Many', value: 'getAll', action: 'Get many observations', description: 'List a project\'s observations by status, priority, type, assignee, search words or last update' },
				{ name: 'Update', value: 'update', action: 'Update an observation', description: 'Change fields of an observation (status, priority, assignee, due date…)' },
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
