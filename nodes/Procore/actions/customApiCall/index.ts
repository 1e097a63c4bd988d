import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as request from './request.operation';

export const customApiCall: ProcoreResource = {
	option: {
		name: 'Custom API Call',
		value: 'customApiCall',
		description: 'Any Procore REST endpoint, with the credential, company header, pagination and back-off',
	},
	description: [
		operationSelector(
			'customApiCall',
			[
				{
					name: 'Make an API Call',
					value: 'request',
					action: 'Make an API call',
					description: 'Call any Procore REST endpoint the other operations do not cover',
				},
			],
			'request',
		),
		...request.description,
	],
	operations: { request },
};
