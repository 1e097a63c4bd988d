import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as getAll from './getAll.operation';

export const company: ProcoreResource = {
	option: {
		name: 'Company',
		value: 'company',
		description: 'The Procore companies the connected account can reach',
	},
	description: [
		operationSelector(
			'company',
			[
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many companies',
					description: 'List the companies the credential can access, with their IDs',
				},
			],
			'getAll',
		),
		...getAll.description,
	],
	operations: { getAll },
};
