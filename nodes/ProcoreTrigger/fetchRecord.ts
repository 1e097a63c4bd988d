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

/** What a delivery may make the trigger read: its own company, and the projects it has hooks in. */
export interface FetchScope {
	companyId: string;
	/** Whether a project id named by the delivery is one this trigger listens to. */
	projectAllowed: (projectId: string) => boolean;
}

const PROCORE_ID = /^\d{1,20}$/;

/**
 * The changed record, read with a bounded timeout and a single retry: it runs after the ack.
 * The delivery's ids are data, not instructions (issue 22, finding 3): the company is the
 * trigger's own, the project one it listens to, and every id a Procore id, encoded into the path.
 */
export async function fetchRecord(
	ctx: IWebhookFunctions,
	event: ProcoreWebhookEvent,
	scope: FetchScope,
): Promise<FetchResult> {
	if (event.event_type === 'delete') return { recordError: 'The record was deleted; only the event is available.' };
	const endpoint = RECORD_ENDPOINTS[event.resource_name];
	if (!endpoint) {
		return {
			recordError: `Fetch Full Record does not cover "${event.resource_name}" yet; use a Procore node with resource_id ${event.resource_id}.`,
		};
	}
	const company = scope.companyId;
	if (event.company_id && event.company_id !== company) {
		return { recordError: `The event names company ${event.company_id}, but this trigger belongs to company ${company}: the record was not read.` };
	}
	if (!PROCORE_ID.test(event.resource_id)) return { recordError: `The event's resource_id "${event.resource_id}" is not a Procore ID: the record was not read.` };
	if (!endpoint.companyLevel && !event.project_id) return { recordError: 'The event carries no project id.' };
	if (!endpoint.companyLevel && (!PROCORE_ID.test(event.project_id) || !scope.projectAllowed(event.project_id))) {
		return { recordError: `The event names project ${event.project_id}, which this trigger does not listen to: the record was not read.` };
	}
	const values: Record<string, string> = { company_id: company, project_id: event.project_id, id: event.resource_id };
	const path = endpoint.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(values[key] ?? ''));
	const qs: IDataObject = {};
	for (const key of endpoint.query ?? []) qs[key] = values[key];
	if (endpoint.listFilter) qs[endpoint.listFilter.param] = event.resource_id;
	try {
		const body = await procoreApiRequest.call(ctx, {
			method: 'GET',
			path,
			qs,
			companyId: company,
			timeoutMs: 10_000,
			retry: { maxRetries: 1, maxWaitMs: 5_000 },
		});
		if (endpoint.listFilter) {
			const rows = Array.isArray(body) ? (body as IDataObject[]) : [];
			const record = endpoint.listFilter.pick(rows) as IDataObject | undefined;
			return record ? { record } : { recordError: `Procore lists no ${event.resource_name.toLowerCase()} ${event.resource_id} in project ${event.project_id}.` };
		}
		const data = body.data;
		return { record: data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : body };
	} catch (error) {
		return { recordError: (error as Error).message };
	}
}

/**
 * Whether the record was written by this package on this n8n instance (its audit tag in
 * origin_data). A create by another n8n instance is someone else's change and is delivered.
 */
export function writtenByN8n(record: IDataObject | undefined, instanceId: string): boolean {
	if (!record) return false;
	const tag = parseAuditTag(record.origin_data);
	return tag !== undefined && tag.instanceId === instanceId;
}
