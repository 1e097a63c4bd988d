import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as create from './create.operation';
import * as getAll from './getAll.operation';
import * as getLineItems from './getLineItems.operation';

export const directCost: ProcoreResource = {
	option: {
		name: 'Direct Cost',
		value: 'directCost',
		description: 'Invoices, expenses and payroll booked on cost codes without a commitment: the actual costs beside committed ones',
	},
	description: [
		operationSelector(
			'directCost',
			[
				{
					name: 'Create',
					value: 'create',
					action: 'Create a direct cost',
					description:
						'Create an invoice, expense or payroll direct cost with its lines on cost codes and cost types. A re-run with the same origin ID (or vendor and invoice number) finds it and adds only missing lines.',
				},
				{
					name: 'Get Line Items',
					value: 'getLineItems',
					action: 'Get direct cost line items',
					description: 'List the lines of the project\'s direct costs (or of one), each with its cost code, cost type and amount: actual cost per cost code',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many direct costs',
					description: 'List a project\'s direct costs, filtered by type, status, vendor ID, invoice number, origin ID, payment, received or update dates',
				},
			],
			'getAll',
		),
		...create.description,
		...getAll.description,
		...getLineItems.description,
	],
	operations: { create, getAll, getLineItems },
};
