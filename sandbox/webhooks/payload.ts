/**
 * Event bodies per payload version. The v2/v3 `id` is a 19-digit integer that JSON.parse in Node
 * would round, so the JSON text is assembled with the digits written verbatim.
 */
import { randomBytes } from 'crypto';
import type { Change } from '../runtime';

export type PayloadVersion = 'v2.0' | 'v3.0' | 'v4.0';

export interface EventBase {
	/** 19-digit decimal string (exact). */
	id: string;
	ulid: string;
	timestamp: string;
	change: Change;
	resourceName: string;
	related: Array<{ id: number; name: string }>;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function ulid(ms: number): string {
	let time = '';
	let t = ms;
	for (let i = 0; i < 10; i++) {
		time = CROCKFORD[t % 32] + time;
		t = Math.floor(t / 32);
	}
	const rand = randomBytes(16);
	let tail = '';
	for (let i = 0; i < 16; i++) tail += CROCKFORD[rand[i] % 32];
	return time + tail;
}

let sequence = 0n;
/** Above 2^63 / 2: always 19 digits, always beyond 2^53. */
export function eventId(): string {
	sequence += 1n;
	return (5982324300946918154n + sequence * 7919n).toString();
}

/** ISO-8601 UTC with microseconds, as Procore's payloads show. */
export function microTimestamp(ms: number): string {
	const micro = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
	return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, `.$1${micro}Z`);
}

/** The JSON text to POST, and a parsed view for the deliveries log (ids as strings there). */
export function render(
	event: EventBase,
	version: PayloadVersion,
): { json: string; view: Record<string, unknown> } {
	const c = event.change;
	const resourceId = Number(c.record.id);
	if (version === 'v4.0') {
		const body = {
			id: event.ulid,
			timestamp: event.timestamp,
			reason: c.action,
			company_id: String(c.companyId),
			project_id: c.projectId === null ? null : String(c.projectId),
			user_id: String(c.userId),
			resource_type: event.resourceName,
			resource_id: String(c.record.id),
		};
		return { json: JSON.stringify(body), view: body };
	}
	const body: Record<string, unknown> = {
		id: '__EVENT_ID__',
		ulid: event.ulid,
		timestamp: event.timestamp,
		metadata: {
			source_user_id: c.userId,
			source_company_id: c.companyId,
			source_project_id: c.projectId,
			source_operation_id: c.operationId ?? null,
			source_application_id: c.applicationId,
		},
		user_id: c.userId,
		company_id: c.companyId,
		...(c.projectId !== null ? { project_id: c.projectId } : {}),
		api_version: version,
		event_type: c.action,
		resource_name: event.resourceName,
		resource_id: resourceId,
	};
	if (version === 'v3.0') body.related_resources = event.related;
	const json = JSON.stringify(body).replace('"__EVENT_ID__"', event.id);
	return { json, view: { ...body, id: event.id } };
}

/** Hooks name versions "v2" (v1.0 API docs) or "v2.0" (v2.0 API); both select the same payload. */
export function normaliseVersion(v: unknown): PayloadVersion | null {
	const s = String(v ?? 'v2.0').trim();
	const m = /^v?([234])(?:\.0)?$/.exec(s);
	return m ? (`v${m[1]}.0` as PayloadVersion) : null;
}
