import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizeId } from '../../helpers/context';
import { readLimit } from '../../helpers/limit';
import { parseWebhookEvent } from '../../helpers/webhookEvent';
import { asDataObject, procoreApiRequestAllItems } from '../../transport';
import { recordLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { scopeProperties, scopeQuery } from './scope';

/** Procore's documented default page size for deliveries; a larger maximum is not documented. */
const DELIVERY_PAGE_SIZE = 100;

export const description: INodeProperties[] = [
	...scopeProperties('getFailedDeliveries'),
	...forOperation('webhook', 'getFailedDeliveries', [
		recordLocator({
			name: 'hookId',
			displayName: 'Hook',
			searchListMethod: 'searchHooks',
			description: 'The hook whose deliveries to read: the list shows the hooks of the chosen scope, by namespace and address',
		}),
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: [
				{ name: 'Discarded', value: 'discarded', description: 'Procore gave up after 12 hours of retries' },
				{ name: 'Failing', value: 'failing', description: 'Still being retried (deliveries to the URL are paused)' },
				{
					name: 'Successful',
					value: 'successful',
					description:
						'Answered 2xx: events n8n accepted. Compare them with the executions to find events whose execution was lost (e.g. a queue worker killed mid-run).',
				},
			],
			default: ['discarded', 'failing'],
			description: 'Which deliveries to list; each status is one paged request to Procore',
		},
	]),
	...returnAllOrLimit({ resource: ['webhook'], operation: ['getFailedDeliveries'] }),
];

/**
 * One item per delivery of the chosen statuses (failing and discarded by default), with the event
 * in the Procore Trigger's output shape plus the delivery's outcome, so a recovery workflow can
 * feed them into the same steps as live events. The operation value keeps its first name
 * (getFailedDeliveries) so saved workflows keep working.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const { companyId, qs } = await scopeQuery(this, i);
	const hookId = normalizeId(this.getNodeParameter('hookId', i, '', { extractValue: true }));
	if (!/^\d{1,20}$/.test(hookId)) {
		throw new NodeOperationError(this.getNode(), `Hook ID "${hookId}" is not a Procore ID`, {
			description: 'Enter the numeric ID of the hook, e.g. from Webhook > Get Many Hooks.',
			itemIndex: i,
		});
	}
	const statuses = this.getNodeParameter('statuses', i, ['discarded', 'failing']) as string[];
	const limit = readLimit(this, i);
	const out: IDataObject[] = [];
	for (const status of statuses.length ? statuses : ['discarded', 'failing']) {
		const remaining = limit === undefined ? undefined : limit - out.length;
		if (remaining !== undefined && remaining <= 0) break;
		const deliveries = await procoreApiRequestAllItems.call(
			this,
			{
				method: 'GET',
				path: `/rest/v1.0/webhooks/hooks/${hookId}/deliveries`,
				qs: { ...qs, 'filters[status]': status },
				companyId,
				itemIndex: i,
			},
			{
				limit: remaining,
				cursor: { sizeParam: 'page_size', startParam: 'page_start', maxPageSize: DELIVERY_PAGE_SIZE },
			},
		);
		for (const d of deliveries) {
			out.push({
				...parseWebhookEvent(asDataObject(d.event)),
				delivery: {
					id: String(d.id ?? ''),
					hook_id: hookId,
					status,
					outcome: d.outcome ?? null,
					started_at: d.started_at ?? null,
					completed_at: d.completed_at ?? null,
					response_status: d.response_status ?? null,
					response_error: d.response_error ?? null,
					// What the endpoint answered, as Procore's delivery log shows it: the reason a delivery failed
					// is often only in the answer's body (a proxy's error page, the app's message).
					response_headers: d.response_headers ?? null,
					response_body: d.response_body ?? null,
				},
			});
		}
	}
	return out;
}
