import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as getFailedDeliveries from './getFailedDeliveries.operation';
import * as getHooks from './getHooks.operation';

export const webhook: ProcoreResource = {
	option: {
		name: 'Webhook',
		value: 'webhook',
		description: 'Procore webhook hooks and their deliveries: find what the Procore Trigger registered, recover events Procore gave up on',
	},
	description: [
		operationSelector(
			'webhook',
			[
				{
					name: 'Get Deliveries',
					value: 'getFailedDeliveries',
					action: 'Get webhook deliveries',
					description:
						'List the deliveries of a hook that are failing, that Procore discarded after 12 hours of retries, or (on request) that succeeded, each with its event in the Procore Trigger\'s output shape, to replay missed events',
				},
				{
					name: 'Get Many Hooks',
					value: 'getHooks',
					action: 'Get many webhook hooks',
					description: 'List the webhook hooks of a company or project, by namespace (the Procore Trigger uses n8n-nodes-procore), with their status (active, or disabled by Procore) and trigger count',
				},
			],
			'getFailedDeliveries',
		),
		...getFailedDeliveries.description,
		...getHooks.description,
	],
	operations: { getFailedDeliveries, getHooks },
};
