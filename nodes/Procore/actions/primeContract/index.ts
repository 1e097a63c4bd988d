import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import { getManyOperation, getOperation } from '../shared/readOperations';
import * as getLineItems from './getLineItems.operation';
import * as getSummary from './getSummary.operation';
import { primeContractRead } from './read';

const get = getOperation(primeContractRead);
const getAll = getManyOperation(primeContractRead);

export const primeContract: ProcoreResource = {
	option: {
		name: 'Prime Contract',
		value: 'primeContract',
		description: 'The contract with the owner: its schedule of values and its money (original, changes, revised)',
	},
	description: [
		operationSelector(
			'primeContract',
			[
				{
					name: 'Get',
					value: 'get',
					action: 'Get a prime contract',
					description: 'Get one prime contract with its owner, status and every amount Procore keeps on it. Needs the project and prime contract IDs.',
				},
				{
					name: 'Get Line Items',
					value: 'getLineItems',
					action: 'Get the line items of a prime contract',
					description: 'List the schedule of values of a prime contract (one item per line: cost code, cost type, quantity, unit cost, amount)',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many prime contracts',
					description: 'List a project\'s prime contracts, optionally only those changed since a time',
				},
				{
					name: 'Get Summary',
					value: 'getSummary',
					action: 'Get a prime contract summary',
					description:
						'Get the money of one prime contract: original amount, approved changes, pending changes, revised amount, payments and balance, each naming the Procore field it comes from',
				},
			],
			'getAll',
		),
		...get.description,
		...getAll.description,
		...getLineItems.description,
		...getSummary.description,
	],
	operations: { get, getAll, getLineItems, getSummary },
};
