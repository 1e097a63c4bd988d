import type { TriggerState } from './staticData';

/** Procore delivers at least once; these bound the memory of keys already seen. */
export const DEDUPE_MAX_KEYS = 1000;
export const DEDUPE_MAX_AGE_SECONDS = 24 * 60 * 60;

/**
 * Keys seen by this n8n process, per trigger (workflow id + node name). n8n saves static data only
 * after it has answered the delivery, and Procore sends the next one as soon as it has the answer:
 * a duplicate right behind its original would find the window not yet saved (seen in real n8n
 * 2.41). Webhooks are received by n8n's main process (also in queue mode), so this memory closes
 * that gap; static data keeps the window across restarts.
 */
const seenInProcess = new Map<string, Map<string, number>>();
const MAX_TRIGGERS_REMEMBERED = 500;

function seenRecentlyInProcess(scope: string, key: string, now: number): boolean {
	let keys = seenInProcess.get(scope);
	if (!keys) {
		if (seenInProcess.size >= MAX_TRIGGERS_REMEMBERED) seenInProcess.delete(seenInProcess.keys().next().value!);
		keys = new Map();
		seenInProcess.set(scope, keys);
	}
	const seenAt = keys.get(key);
	if (seenAt !== undefined && now - seenAt < DEDUPE_MAX_AGE_SECONDS) return true;
	keys.set(key, now);
	if (keys.size > DEDUPE_MAX_KEYS) keys.delete(keys.keys().next().value!);
	return false;
}

/**
 * Records the key and tells whether it was seen before within the window (the last 1,000 keys
 * and at most 24 hours), in this process or in static data. Two deliveries of one event received
 * at the same instant by two n8n webhook processes can both pass (static data is last-write-wins),
 * which is why the output also carries `dedupe_key` for an idempotent downstream.
 */
export function seenBefore(state: TriggerState, key: string, nowMs = Date.now(), scope?: string): boolean {
	if (!key) return false;
	const now = Math.floor(nowMs / 1000);
	const seenHere = scope !== undefined && seenRecentlyInProcess(scope, key, now);
	const recent = (state.recentEvents ?? []).filter(
		(entry) => Array.isArray(entry) && now - Number(entry[1]) < DEDUPE_MAX_AGE_SECONDS,
	);
	const duplicate = seenHere || recent.some(([seen]) => seen === key);
	if (!duplicate) recent.push([key, now]);
	state.recentEvents = recent.slice(-DEDUPE_MAX_KEYS);
	return duplicate;
}
