/**
 * Delivers events the way Procore describes: POST with the hook's Authorization header, success =
 * 2xx within 5 s; on failure the endpoint's queue pauses and the head event is retried with
 * exponential back-off (1 s … 1 h); after 12 h of failing the queue is discarded. Times are
 * multiplied by `webhookTimeScale` so tests run in milliseconds.
 */
import { seededRandom } from '../prng';
import type { Change, Runtime } from '../runtime';
import type { StoredRec } from '../store';
import { type EventBase, eventId, microTimestamp, normaliseVersion, render, ulid } from './payload';
import { patternOf, resourceNameFor } from './resource-names';
import { retiredTrigger } from './resources';

export const HOOKS = 'webhooks/hooks';
export const TRIGGERS = 'webhooks/triggers';

export type Outcome = 'ok' | 'retried' | 'failed' | 'discarded';

export interface DeliveryRecord {
	id: number;
	hook_id: number;
	event_id: string;
	ulid: string;
	destination_url: string;
	started_at: string;
	completed_at: string;
	/** Time from sending the POST to the end of the response body (performance.now(), sub-millisecond): the acknowledgement time. */
	response_ms: number | null;
	response_status: number | null;
	response_headers: Record<string, string>;
	response_error: string | null;
	response_body: string | null;
	outcome: Outcome;
	attempt: number;
	event: Record<string, unknown>;
	resource_name: string;
	event_type: string;
}

interface Pending {
	hook: StoredRec;
	event: EventBase;
	json: string;
	view: Record<string, unknown>;
	attempts: number;
	/** A delivery of this item is in flight. */
	sending?: boolean;
}

interface Queue {
	items: Pending[];
	inFlight: number;
	timer: NodeJS.Timeout | null;
	failingSince: number | null;
}

export class Dispatcher {
	readonly log: DeliveryRecord[] = [];
	private readonly queues = new Map<string, Queue>();
	private nextId = 1;
	private random = seededRandom(7);
	/** Resolves when every queue is idle (tests await this instead of sleeping). */
	private idleWaiters: Array<() => void> = [];

	constructor(private readonly rt: Runtime) {}

	onChange(change: Change): void {
		const resource = resourceNameFor(change.key);
		if (!resource) return;
		const hooks = this.rt.store.list(HOOKS).filter((h) => {
			if (h.status === 'disabled') return false;
			if (resource.scope === 'project')
				return (
					h.project_id !== null &&
					h.project_id !== undefined &&
					Number(h.project_id) === change.projectId
				);
			return (
				(h.project_id === null || h.project_id === undefined) &&
				Number(h.company_id) === change.companyId
			);
		});
		// A retired pair is never delivered, even where config `retiredTriggers` 'accept' stored its trigger.
		if (!hooks.length || retiredTrigger(resource.name, change.action)) return;
		const now = this.rt.clock.now();
		const event: EventBase = {
			id: eventId(),
			ulid: ulid(now),
			timestamp: microTimestamp(now),
			change: { ...change, record: { ...change.record } },
			resourceName: resource.name,
			related: related(change.key),
		};
		for (const hook of hooks) {
			const subscribed = this.rt.store
				.list(TRIGGERS)
				.some(
					(t) =>
						Number(t.hook_id) === Number(hook.id) &&
						t.resource_name === resource.name &&
						t.event_type === change.action,
				);
			if (!subscribed) continue;
			const { json, view } = render(event, normaliseVersion(hook.payload_version) ?? 'v2.0');
			const copies =
				this.rt.config.duplicateDeliveries >= 1 ||
				this.random() < this.rt.config.duplicateDeliveries
					? 2
					: 1;
			for (let i = 0; i < copies; i++) this.enqueue({ hook, event, json, view, attempts: 0 });
		}
	}

	private enqueue(p: Pending): void {
		const url = String(p.hook.destination_url);
		const q = this.queues.get(url) ?? { items: [], inFlight: 0, timer: null, failingSince: null };
		this.queues.set(url, q);
		q.items.push(p);
		void this.pump(url);
	}

	/** Starts deliveries from the head of the queue, up to `webhookConcurrency` in flight (default 1: in order). */
	private async pump(url: string): Promise<void> {
		const q = this.queues.get(url);
		if (!q || q.timer) return;
		const limit = Math.max(1, Math.floor(this.rt.config.webhookConcurrency || 1));
		while (q.inFlight < limit) {
			const next = q.items.find((p) => !p.sending);
			if (!next) break;
			next.sending = true;
			q.inFlight++;
			void this.deliver(url, q, next);
		}
		if (q.inFlight === 0 && q.items.length === 0) this.checkIdle();
	}

	private async deliver(url: string, q: Queue, head: Pending): Promise<void> {
		head.attempts++;
		const started = this.rt.clock.iso();
		const t0 = performance.now();
		const result = await post(url, head.json, head.hook, this.rt.config.webhookTimeoutMs);
		const elapsedMs = performance.now() - t0;
		q.inFlight--;
		head.sending = false;
		const remove = (p: Pending) => {
			const index = q.items.indexOf(p);
			if (index >= 0) q.items.splice(index, 1);
		};
		const record = (outcome: Outcome, p: Pending, r: typeof result | null, startedAt: string) =>
			this.log.push({
				id: this.nextId++,
				hook_id: Number(p.hook.id),
				event_id: p.event.id,
				ulid: p.event.ulid,
				destination_url: url,
				started_at: startedAt,
				completed_at: this.rt.clock.iso(),
				response_ms: r ? Math.round(elapsedMs * 1000) / 1000 : null,
				response_status: r?.status ?? null,
				response_headers: r?.headers ?? {},
				response_error: r?.error ?? null,
				response_body: r?.body ?? null,
				outcome,
				attempt: p.attempts,
				event: p.view,
				resource_name: p.event.resourceName,
				event_type: p.event.change.action,
			});
		if (result.ok) {
			record('ok', head, result, started);
			remove(head);
			q.failingSince = null;
			return this.pump(url);
		}
		const now = this.rt.clock.now();
		q.failingSince ??= now;
		const scale = this.rt.config.webhookTimeScale;
		const discardAfterMs = 12 * 3600 * 1000 * scale;
		if (now - q.failingSince >= discardAfterMs) {
			record('failed', head, result, started);
			remove(head);
			for (const p of q.items.filter((i) => !i.sending)) {
				remove(p);
				record('discarded', p, null, this.rt.clock.iso());
			}
			q.failingSince = null;
			return this.checkIdle();
		}
		record('retried', head, result, started);
		if (q.timer) return;
		const backoff = Math.min(1000 * 2 ** (head.attempts - 1), 3600 * 1000) * scale;
		q.timer = setTimeout(() => {
			q.timer = null;
			void this.pump(url);
		}, backoff);
	}

	/** Resolves once nothing is queued or in flight. */
	idle(): Promise<void> {
		if (this.isIdle()) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	private isIdle(): boolean {
		return [...this.queues.values()].every((q) => q.inFlight === 0 && !q.timer && q.items.length === 0);
	}

	private checkIdle(): void {
		if (!this.isIdle()) return;
		for (const w of this.idleWaiters.splice(0)) w();
	}

	clear(): void {
		for (const q of this.queues.values()) if (q.timer) clearTimeout(q.timer);
		this.queues.clear();
		this.log.length = 0;
		this.random = seededRandom(7);
		this.checkIdle();
	}
}

function related(key: string): Array<{ id: number; name: string }> {
	const parts = key.split('/');
	if (parts.length < 5) return [];
	const parentKey = parts.slice(0, -2).join('/');
	const parent = resourceNameFor(parentKey);
	return parent && patternOf(parentKey) !== patternOf(key)
		? [{ id: Number(parts[parts.length - 2]), name: parent.name }]
		: [];
}

async function post(
	url: string,
	json: string,
	hook: StoredRec,
	timeoutMs: number,
): Promise<{
	ok: boolean;
	status: number | null;
	headers: Record<string, string>;
	body: string | null;
	error: string | null;
}> {
	const headers: Record<string, string> = {
		'Content-Type': 'application/json',
		'User-Agent': 'Procore-Webhooks (sandbox)',
	};
	const auth = (hook.destination_headers as { Authorization?: string } | undefined)?.Authorization;
	if (auth) headers.Authorization = auth;
	try {
		const res = await fetch(url, {
			method: 'POST',
			headers,
			body: json,
			signal: AbortSignal.timeout(timeoutMs),
		});
		const body = await res.text();
		return {
			ok: res.status >= 200 && res.status < 300,
			status: res.status,
			headers: Object.fromEntries(res.headers),
			body: body.slice(0, 2000),
			error: null,
		};
	} catch (e) {
		const err = e as Error;
		return {
			ok: false,
			status: null,
			headers: {},
			body: null,
			error:
				err.name === 'TimeoutError'
					? 'timeout after 5 seconds'
					: `${err.name}: ${(err as Error & { cause?: Error }).cause?.message ?? err.message}`,
		};
	}
}
