import type { TriggerState } from './staticData';

/** Procore delivers at least once; these bound the memory of keys already seen. */
export const DEDUPE_MAX_KEYS = 1000;
export const DEDUPE_MAX_AGE_SECONDS = 24 * 60 * 60;

/**
 * Records the key and tells whether it was seen before within the window (the last 1,000 keys
 * and at most 24 hours). The window lives in static data so it survives restarts; two deliveries
 * processed at the same instant on two processes can both pass (n8n saves static data last-write-
 * wins), which is why the output also carries `dedupeKey` for an idempotent downstream.
 */
export function seenBefore(state: TriggerState, key: string, nowMs = Date.now()): boolean {
	if (!key) return false;
	const now = Math.floor(nowMs / 1000);
	const recent = (state.recentEvents ?? []).filter(
		(entry) => Array.isArray(entry) && now - Number(entry[1]) < DEDUPE_MAX_AGE_SECONDS,
	);
	const duplicate = recent.some(([seen]) => seen === key);
	if (!duplicate) recent.push([key, now]);
	state.recentEvents = recent.slice(-DEDUPE_MAX_KEYS);
	return duplicate;
}
