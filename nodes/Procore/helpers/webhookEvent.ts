import type { IDataObject } from 'n8n-workflow';

/**
 * One shape for every Procore webhook payload version (v2.0, v3.0, v4.0), used by the trigger's
 * output and by the Webhook resource's delivery list, so a recovery workflow reads the same fields
 * as a live one. Every id is a string: v2/v3 event ids are 19-digit integers that a plain
 * JSON.parse would round, and v4 sends strings already.
 */
export interface ProcoreWebhookEvent extends IDataObject {
	/** Procore's event id (v2/v3: the 64-bit integer as digits; v4: a ULID-like string). */
	eventId: string;
	/** What deduplication keys on: `ulid` for v2/v3, `id` for v4. */
	dedupeKey: string;
	/** create, update or delete (v4 `reason` may carry other values, passed through). */
	eventType: string;
	/** Procore's resource name as used in triggers, e.g. "RFIs" (v4 `resource_type`). */
	resourceName: string;
	resourceId: string;
	/** Empty for company-level resources (Company Directory events carry no project). */
	projectId: string;
	companyId: string;
	userId: string;
	timestamp: string;
	/** "v2.0", "v3.0" or "v4.0". */
	payloadVersion: string;
	/** v3.0: parent records of line items, e.g. the Direct Cost of a Direct Cost Line Item. */
	relatedResources: Array<{ id: string; name: string }>;
	/** Client id of the app whose API call caused the change (v2/v3 metadata; absent in v4). */
	sourceApplicationId: string;
	sourceUserId: string;
	sourceOperationId: string;
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
		eventId,
		dedupeKey: isV4 ? eventId : ulid || eventId,
		eventType: idString(isV4 ? (raw.reason ?? raw.event_type) : (raw.event_type ?? raw.reason)),
		resourceName: idString(isV4 ? (raw.resource_type ?? raw.resource_name) : raw.resource_name),
		resourceId: idString(raw.resource_id),
		projectId: idString(raw.project_id ?? metadata.source_project_id),
		companyId: idString(raw.company_id ?? metadata.source_company_id),
		userId: idString(raw.user_id ?? metadata.source_user_id),
		timestamp: idString(raw.timestamp),
		payloadVersion: version,
		relatedResources: related.filter(isObject).map((r) => ({ id: idString(r.id), name: idString(r.name) })),
		sourceApplicationId: idString(metadata.source_application_id),
		sourceUserId: idString(metadata.source_user_id),
		sourceOperationId: idString(metadata.source_operation_id),
		raw,
	};
}
