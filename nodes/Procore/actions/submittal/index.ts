import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import { getManyOperation, getOperation } from '../shared/readOperations';
import * as create from './create.operation';
import { submittalRead } from './read';
import * as update from './update.operation';

const get = getOperation(submittalRead);
const getAll = getManyOperation(submittalRead);

export const submittal: ProcoreResource = {
	option: { name: 'Submittal', value: 'submittal', description: 'The submittal log: shop drawings, product data, samples' },
	description: [
		operationSelector(
			'submittal',
			[
				{ name: 'Create', value: 'create', action: 'Create a submittal', description: 'Add a submittal to a project\'s log; needs the project ID and a number' },
				{ name: 'Get', value: 'get', action: 'Get a submittal', description: 'Get one submittal by ID, with its status, spec section, ball in court and dates' },
				{ name: 'Get Many', value: 'getAll', action: 'Get many submittals', description: 'List a project\'s submittals by status, spec section, ball in court, search words or last update' },
				{ name: 'Update', value: 'update', action: 'Update a submittal', description: 'Change fields of a submittal' },
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
