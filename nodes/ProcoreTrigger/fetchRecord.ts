import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { parseAuditTag } from '../Procore/helpers/write';
import type { ProcoreWebhookEvent } from '../Procore/helpers/webhookEvent';
import { procoreApiRequest } from '../Procore/transport';
import { RECORD_ENDPOINTS } from './recordEndpoints';

export interface FetchResult {
	record?: IDataObject;
	/** Why no record is attached (deleted record, resource not covered, Procore error). */
	recordError?: string;
}

/** The changed record, read with a bounded timeout and a single retry: it runs after the ack. */
export async function fetchRecord(
	ctx: IWebhookFunctions,
	event: ProcoreWebhookEvent,
	companyId: string,
): Promise<FetchResult> {
	if (event.eventType === 'delete') return { recordError: 'The record was deleted; only the event is available.' };
	const endpoint = RECORD_ENDPOINTS[event.resourceName];
	if (!endpoint) {
		return {
			recordError: `Fetch Full Record does not cover "${event.resourceName}" yet; use a Procore node with resource_id ${event.resourceId}.`,
		};
	}
	const company = event.companyId || companyId;
	if (!endpoint.companyLevel && !event.projectId) return { recordError: 'The event carries no project id.' };
	const values: Record<string, string> = { company_id: company, project_id: event.projectId, id: event.resourceId };
	const path = endpoint.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(values[key] ?? ''));
	const qs: IDataObject = {};
	for (const key of endpoint.query ?? []) qs[key] = values[key];
	try {
		const body = await procoreApiRequest.call(ctx, {
			method: 'GET',
			path,
			qs,
			companyId: company,
			timeoutMs: 10_000,
			retry: { maxRetries: 1, maxWaitMs: 5_000 },
		});
		const data = body.data;
		return { record: data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : body };
	} catch (error) {
		return { recordError: (error as Error).message };
	}
}

/** Whether the record was written by this package (its audit tag in origin_data). */
export function writtenByN8n(record: IDataObject | undefined): boolean {
	if (!record) return false;
	return parseAuditTag(record.origin_data) !== undefined;
}
