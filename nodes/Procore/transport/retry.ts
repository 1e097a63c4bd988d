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
 * that). Sending a POST again could then create a second Change Event, RFI or timecard, so only
 * idempotent requests (GET, PATCH, PUT, DELETE, and the POSTs a caller marks idempotent, such as
 * sync actions keyed by origin ID) are retried; a POST is retried only when the failure proves it
 * never left (connection refused, host not found). Operations that can find their own record
 * afterwards (Push COR by its COR ID, timecards by origin ID) re-check instead of re-sending:
 * see `isWriteOutcomeUnknown`.
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
 * Whether an HTTP status is worth another attempt. 429 and 503 mean Procore did not process the
 * request (rate limit, maintenance), so every method is retried; 502/504 come from a gateway that
 * may have passed the request on, so only idempotent requests are.
 */
export function mayRetryStatus(idempotent: boolean, statusCode: number): boolean {
	return RETRYABLE_STATUS.has(statusCode) && (statusCode === 429 || statusCode === 503 || idempotent);
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
