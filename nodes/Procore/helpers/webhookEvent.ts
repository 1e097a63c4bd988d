import type { IDataObject } from 'n8n-workflow';

/**
 * One shape for every Procore webhook payload version (v2.0, v3.0, v4.0), used by the trigger's
 * output and by the Webhook resource's delivery list, so a recovery workflow reads the same fields
 * as a live one. Keys are Procore's own snake_case names (the payload's, or its delivery log's
 * `event_id`), like every other output of the package. Every id is a string: v2/v3 event ids are
 * 19-digit integers that a plain JSON.parse would round, and v4 sends strings already.
 */
export interface ProcoreWebhookEvent extends IDataObject {
	/** Procore's event id (v2/v3: the 64-bit integer as digits; v4: a ULID-like string); the payload's `id`, a delivery's `event_id`. */
	event_id: string;
	/** What deduplication keys on: `ulid` for v2/v3, `id` for v4. */
	dedupe_key: string;
	/** create, update or delete (v4 `reason` may carry other values, passed through). */
	event_type: string;
	/** Procore's resource name as used in triggers, e.g. "RFIs" (v4 `resource_type`). */
	resource_name: string;
	resource_id: string;
	/** Empty for company-level resources (Company Directory events carry no project). */
	project_id: string;
	company_id: string;
	user_id: string;
	timestamp: string;
	/** "v2.0", "v3.0" or "v4.0" (the payload's `api_version`; Procore's v2.0 hooks call it `payload_version`). */
	payload_version: string;
	/** v3.0: parent records of line items, e.g. the Direct Cost of a Direct Cost Line Item. */
	related_resources: Array<{ id: string; name: string }>;
	/** Client id of the app whose API call caused the change (v2/v3 metadata; absent in v4). */
	source_application_id: string;
	source_user_id: string;
	source_operation_id: string;
	/** The payload exactly as received (big integers as digit strings). */
	raw: IDataObject;
}

function idString(value: unknown): string {
	if (value === undefined || value === null) return '';
	return String(value).trim();
}

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The payload version of an event: v4 has `reason`/`resource_type`, v3 has `related_resources`. */
export function payloadVersionOf(raw: IDataObject): string {
	const declared = idString(raw.api_version ?? raw.payload_version);
	if (/^v?4/.test(declared) || (raw.reason !== undefined && raw.resource_type !== undefined)) return 'v4.0';
	if (/^v?3/.test(declared) || Array.isArray(raw.related_resources)) return 'v3.0';
	return declared ? (declared.startsWith('v') ? declared : `v${declared}`) : 'v2.0';
}

/** Reads a Procore webhook payload of any version into the documented output shape. */
export function parseWebhookEvent(raw: IDataObject): ProcoreWebhookEvent {
	const version = payloadVersionOf(raw);
	const isV4 = version === 'v4.0';
	const metadata = isObject(raw.metadata) ? raw.metadata : {};
	const eventId = idString(raw.id);
	const ulid = idString(raw.ulid);
	const related = Array.isArray(raw.related_resources) ? raw.related_resources : [];
	return {
		event_id: eventId,
		dedupe_key: isV4 ? eventId : ulid || eventId,
		event_type: idString(isV4 ? (raw.reason ?? raw.event_type) : (raw.event_type ?? raw.reason)),
		resource_name: idString(isV4 ? (raw.resource_type ?? raw.resource_name) : raw.resource_name),
		resource_id: idString(raw.resource_id),
		project_id: idString(raw.project_id ?? metadata.source_project_id),
		company_id: idString(raw.company_id ?? metadata.source_company_id),
		user_id: idString(raw.user_id ?? metadata.source_user_id),
		timestamp: idString(raw.timestamp),
		payload_version: version,
		related_resources: related.filter(isObject).map((r) => ({ id: idString(r.id), name: idString(r.name) })),
		source_application_id: idString(metadata.source_application_id),
		source_user_id: idString(metadata.source_user_id),
		source_operation_id: idString(metadata.source_operation_id),
		raw,
	};
}
