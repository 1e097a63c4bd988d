import type { IDataObject } from 'n8n-workflow';

export interface RetryPolicy {
	/** Attempts after the first one. */
	maxRetries: number;
	/** Total time the node may spend waiting on Procore across the retries of one request. */
	maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 6, maxWaitMs: 120_000 };

export const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

function header(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return String(value[0]);
	return value === undefined || value === null ? undefined : String(value);
}

/**
 * How long to wait before retrying a 429/503, in Procore's own terms: `Retry-After` (seconds or an
 * HTTP date) first, then `X-Rate-Limit-Reset` (Unix seconds), then exponential back-off.
 */
export function retryDelayMs(headers: IDataObject, attempt: number, now = Date.now()): number {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const reset = Number(header(headers, 'x-rate-limit-reset'));
	if (Number.isFinite(reset) && reset > 0) {
		const ms = reset * 1000 - now;
		if (ms > 0) return ms + 250;
	}
	return Math.min(30_000, 1000 * 2 ** attempt);
}

export interface RateLimitState {
	remaining?: number;
	resetAtMs?: number;
}

/** Reads `X-Rate-Limit-*` into the state that paces the next call. */
export function recordRateLimit(state: RateLimitState, headers: IDataObject): void {
	const remaining = Number(header(headers, 'x-rate-limit-remaining'));
	const reset = Number(header(headers, 'x-rate-limit-reset'));
	if (Number.isFinite(remaining)) state.remaining = remaining;
	if (Number.isFinite(reset) && reset > 0) state.resetAtMs = reset * 1000;
}

/** When the window is spent, wait for its reset instead of spending a call on a certain 429. */
export function pacingDelayMs(state: RateLimitState, now = Date.now()): number {
	if (state.remaining === undefined || state.remaining > 0 || state.resetAtMs === undefined) return 0;
	return Math.max(0, state.resetAtMs - now + 50);
}

/**
 * Network failures that prove the request never reached Procore (no connection was made, the host
 * name did not resolve): retrying them cannot write anything twice, whatever the method.
 */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** Failures of the connection itself (as opposed to an HTTP answer). */
const NETWORK = new Set([...NEVER_SENT, 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'ERR_NETWORK', 'ESOCKETTIMEDOUT', 'UND_ERR_SOCKET']);

/** The error code of a failed connection (n8n wraps the HTTP client's error in `cause`). */
export function networkErrorCode(error: unknown): string | undefined {
	const code = (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
	return code !== undefined && NETWORK.has(String(code)) ? String(code) : undefined;
}

/**
 * Whether a request that failed without an HTTP answer may be sent again.
 *
 * A dropped connection or a timeout after the request was sent leaves the outcome unknown: Procore
 * may have stored the record and lost only the answer (the sandbox's fault suite injects exactly
 * that). Sending a POST again could then create a second Change Event, RFI or timecard, and a
 * PATCH that adds lines or attachments could add them twice, so only idempotent requests
 * (`isIdempotent`, or the writes a caller marks idempotent, such as sync actions keyed by origin
 * ID) are retried; any other write is retried only when the failure proves it never left
 * (connection refused, host not found). Operations that can find their own record afterwards
 * re-read instead of re-sending (Push COR re-reads the Change Event and re-plans its lines,
 * timecards look up their origin IDs, attaching re-reads the record's files): see
 * `isWriteOutcomeUnknown`.
 */
export function mayRetryNetworkError(idempotent: boolean, code: string | undefined): boolean {
	if (code === undefined) return false;
	return idempotent || NEVER_SENT.has(code);
}

/** Whether Procore may have acted on a non-idempotent request whose connection failed. */
export function writeOutcomeUnknown(idempotent: boolean, code: string | undefined): boolean {
	return !idempotent && code !== undefined && !NEVER_SENT.has(code);
}

/**
 * Whether an HTTP status is worth another attempt. 429 means Procore's rate limit refused the
 * request, so every method is retried. 502/504 come from a gateway that may have passed the request
 * on, and a 503 may too (a proxy can answer 503 after forwarding): a non-idempotent write is retried
 * on a 503 only when it carries `Retry-After`, Procore's own "not processed, come back then"
 * (its maintenance and overload answers); otherwise its outcome is unknown (`statusOutcomeUnknown`).
 */
export function mayRetryStatus(idempotent: boolean, statusCode: number, headers: IDataObject = {}): boolean {
	if (!RETRYABLE_STATUS.has(statusCode)) return false;
	if (statusCode === 429 || idempotent) return true;
	return statusCode === 503 && header(headers, 'retry-after') !== undefined;
}

/** Whether a non-idempotent write answered with this status may nevertheless have been stored. */
export function statusOutcomeUnknown(idempotent: boolean, statusCode: number, headers: IDataObject = {}): boolean {
	if (idempotent) return false;
	if (statusCode === 502 || statusCode === 504) return true;
	return statusCode === 503 && header(headers, 'retry-after') === undefined;
}

/**
 * Body keys that add something every time they are sent: a file attached by upload or file version,
 * whatever Procore's field is called (attachments_by_uuid, upload_ids…).
 */
const ADDING_KEYS = /^(attachments(_by_[a-z_]+)?|upload_ids|upload_uuid|upload|prostore_file_ids|file_version_ids)$/;

/**
 * True when sending `body` twice would store something twice: it attaches files, or it carries
 * Rails nested attributes (`…_attributes`) with a row that has no `id` (Procore creates that row,
 * e.g. the new lines of a Change Event PATCH). Such a PATCH/PUT is not idempotent, even though
 * its method is.
 */
export function addsRecords(body: unknown, depth = 0): boolean {
	if (depth > 6 || body === null || typeof body !== 'object') return false;
	if (Array.isArray(body)) return body.some((entry) => addsRecords(entry, depth + 1));
	for (const [key, value] of Object.entries(body as IDataObject)) {
		if (value === undefined || value === null || value === '') continue;
		if (ADDING_KEYS.test(key) && (!Array.isArray(value) || value.length > 0)) return true;
		if (key.endsWith('_attributes') && Array.isArray(value)) {
			const rows = value as unknown[];
			if (rows.some((row) => row && typeof row === 'object' && ((row as IDataObject).id === undefined || (row as IDataObject).id === null || (row as IDataObject).id === ''))) return true;
		}
		if (addsRecords(value, depth + 1)) return true;
	}
	return false;
}

/**
 * Whether a request may be sent again when its answer is lost. GET, HEAD and DELETE may; a POST may
 * not (it creates); a PATCH or PUT may unless its body adds records or files (`addsRecords`). A
 * caller that can prove a write safe to repeat (sync actions keyed by origin ID) says so itself.
 */
export function isIdempotent(method: string, body: unknown): boolean {
	const verb = method.toUpperCase();
	if (verb === 'POST') return false;
	if (verb === 'PATCH' || verb === 'PUT') return !addsRecords(body);
	return true;
}

/** Back-off after a failed connection: 1 s, 2 s, 4 s … capped at 30 s. */
export function networkRetryDelayMs(attempt: number): number {
	return Math.min(30_000, 1000 * 2 ** attempt);
}

/** Key set in the error's context when a write's outcome is unknown (see mayRetryNetworkError). */
export const OUTCOME_UNKNOWN_KEY = 'procoreWriteOutcome';

/** True for the error procoreRequest throws when a write may or may not have reached Procore. */
export function isWriteOutcomeUnknown(error: unknown): boolean {
	const context = (error as { context?: Record<string, unknown> })?.context;
	return context?.[OUTCOME_UNKNOWN_KEY] === 'unknown';
}
