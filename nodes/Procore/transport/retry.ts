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
