/**
 * Webhooks API, v1.0 (scope in body/query) and v2.0 (scope in the path). Hooks and triggers live
 * in two flat collections; the dispatcher reads the same ones to deliver events.
 */
import { listReply, respond } from '../engine/generic';
import { paginate } from '../engine/pagination';
import { errorReply, notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { StoredRec } from '../store';
import type { Ctx, Reply } from '../types';
import { HOOKS, TRIGGERS } from '../webhooks/dispatcher';
import { normaliseVersion } from '../webhooks/payload';
import { allowed, PAYLOAD_VERSIONS, resourcesFor, retiredTrigger, v1Entry, v2Entry } from '../webhooks/resources';
import { defineHandler } from './registry';

const V1 = '/rest/v1.0/webhooks';
const V2C = '/rest/v2.0/companies/{company_id}';
const V2P = '/rest/v2.0/companies/{company_id}/projects/{project_id}';
const both = (method: string, tail: string) => [
	`${method} ${V2C}${tail}`,
	`${method} ${V2P}${tail}`,
];
const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

interface Scope {
	companyId: number;
	projectId: number | null;
	kind: 'company' | 'project';
}

/** v1.0: `project_id` or `company_id` from query or body; v2.0: the path. */
function scopeOf(ctx: Ctx, rt: Runtime): Scope | Reply {
	const companyId = ctx.companyId ?? rt.companyId;
	if (ctx.projectId !== null) return { companyId, projectId: ctx.projectId, kind: 'project' };
	const body = isObject(ctx.body) ? ctx.body : {};
	const named = ctx.params.company_id ?? ctx.rawQuery.get('company_id') ?? body.company_id;
	if (named === undefined || named === null || named === '')
		return errorReply(ctx.isV2, 400, 'company_id or project_id is required', {
			company_id: ["can't be blank"],
		});
	return { companyId: Number(named), projectId: null, kind: 'company' };
}

const mask = (v: unknown) =>
	typeof v === 'string' && v.length
		? `${'*'.repeat(Math.max(0, v.length - 5))}${v.slice(-5)}`
		: null;

function hookView(ctx: Ctx, rt: Runtime, h: StoredRec): Record<string, unknown> {
	const headers = {
		Authorization: mask(
			(h.destination_headers as { Authorization?: string } | undefined)?.Authorization,
		),
	};
	if (!ctx.isV2)
		return {
			id: h.id,
			api_version: h.api_version,
			namespace: h.namespace,
			destination_url: h.destination_url,
			destination_headers: headers,
			owned_by_company_id: h.company_id,
			owned_by_project_id: h.project_id,
			owned_by_user_id: h.owned_by_user_id,
		};
	const triggerCount = rt.store
		.list(TRIGGERS)
		.filter((t) => Number(t.hook_id) === Number(h.id)).length;
	return {
		id: h.id,
		status: h.status,
		payload_version: h.payload_version,
		namespace: h.namespace,
		destination_headers: headers,
		destination_url: h.destination_url,
		trigger_count: triggerCount,
		company_id: h.company_id,
		project_id: h.project_id,
		created_at: h.created_at,
		updated_at: h.updated_at,
	};
}

function triggerView(t: StoredRec): Record<string, unknown> {
	return {
		id: t.id,
		webhook_hook_id: t.hook_id,
		resource_name: t.resource_name,
		resource_id: null,
		event_type: t.event_type,
		company_id: t.company_id,
		project_id: t.project_id,
		user_id: t.user_id,
	};
}

function findHook(rt: Runtime, scope: Scope, id: string | undefined): StoredRec | undefined {
	const h = id === undefined ? undefined : rt.store.get(HOOKS, id);
	if (!h || Number(h.company_id) !== scope.companyId || (h.project_id ?? null) !== scope.projectId)
		return undefined;
	return h;
}

/** Pulls scope and hook for the routes under …/hooks/{hook_id}. */
function withHook(ctx: Ctx, rt: Runtime, fn: (scope: Scope, hook: StoredRec) => Reply): Reply {
	const scope = scopeOf(ctx, rt);
	if ('status' in scope) return scope;
	const hook = findHook(rt, scope, ctx.params.hook_id ?? ctx.params.id);
	return hook ? fn(scope, hook) : notFound(ctx.isV2, 'Hook');
}

function hookFields(ctx: Ctx): Record<string, unknown> {
	const body = isObject(ctx.body) ? ctx.body : {};
	return ctx.isV2 ? body : isObject(body.hook) ? body.hook : {};
}

const createHook = defineHandler(
	[`POST ${V1}/hooks`, ...both('POST', '/webhooks/hooks')],
	(ctx, rt) => {
		const scope = scopeOf(ctx, rt);
		if ('status' in scope) return scope;
		const f = hookFields(ctx);
		const errors: Record<string, string[]> = {};
		const version = ctx.isV2 ? f.payload_version : (f.api_version ?? 'v2');
		if (!f.destination_url) errors.destination_url = ["can't be blank"];
		if (!f.namespace) errors.namespace = ["can't be blank"];
		else if (!/^[a-z0-9-]+$/.test(String(f.namespace)))
			errors.namespace = ['may only contain lowercase letters, digits and hyphens'];
		if (ctx.isV2 && !f.payload_version) errors.payload_version = ["can't be blank"];
		else if (!normaliseVersion(version))
			errors[ctx.isV2 ? 'payload_version' : 'api_version'] = ['is not included in the list'];
		if (Object.keys(errors).length) return errorReply(ctx.isV2, 422, 'Validation failed', errors);
		const now = rt.clock.iso();
		const hook = rt.store.insert(HOOKS, {
			company_id: scope.companyId,
			project_id: scope.projectId,
			namespace: f.namespace,
			destination_url: f.destination_url,
			destination_headers: isObject(f.destination_headers)
				? { Authorization: f.destination_headers.Authorization }
				: {},
			api_version: ctx.isV2 ? null : String(version),
			payload_version: normaliseVersion(version),
			status: 'active',
			owned_by_user_id: ctx.token.userId,
			created_at: now,
			updated_at: now,
		});
		return respond(ctx, rt, hookView(ctx, rt, hook), 201);
	},
);

const listHooks = defineHandler(
	[`GET ${V1}/hooks`, ...both('GET', '/webhooks/hooks')],
	(ctx, rt) => {
		const scope = scopeOf(ctx, rt);
		if ('status' in scope) return scope;
		const ns = ctx.rawQuery.get('namespace');
		const version = ctx.rawQuery.get(ctx.isV2 ? 'payload_version' : 'api_version');
		const hooks = rt.store
			.list(HOOKS)
			.filter(
				(h) =>
					Number(h.company_id) === scope.companyId &&
					(h.project_id ?? null) === scope.projectId &&
					(!ns || h.namespace === ns) &&
					(!version || normaliseVersion(version) === h.payload_version),
			);
		return listReply(
			ctx,
			rt,
			hooks.map((h) => hookView(ctx, rt, h)),
		);
	},
);

const showHook = defineHandler(both('GET', '/webhooks/hooks/{id}'), (ctx, rt) =>
	withHook(ctx, rt, (_s, h) => respond(ctx, rt, hookView(ctx, rt, h), 200)),
);

const updateHook = defineHandler(
	[`PATCH ${V1}/hooks/{id}`, ...both('PATCH', '/webhooks/hooks/{id}')],
	(ctx, rt) =>
		withHook(ctx, rt, (_s, h) => {
			const f = hookFields(ctx);
			for (const k of ['namespace', 'destination_url'] as const)
				if (f[k] !== undefined) h[k] = f[k];
			if (isObject(f.destination_headers))
				h.destination_headers = { Authorization: f.destination_headers.Authorization };
			const version = ctx.isV2 ? f.payload_version : f.api_version;
			if (version !== undefined) {
				if (!normaliseVersion(version))
					return errorReply(ctx.isV2, 422, 'Validation failed', {
						[ctx.isV2 ? 'payload_version' : 'api_version']: ['is not included in the list'],
					});
				h.payload_version = normaliseVersion(version);
				if (!ctx.isV2) h.api_version = String(version);
			}
			if (ctx.isV2 && f.status !== undefined) {
				if (f.status !== 'active' && f.status !== 'disabled')
					return errorReply(true, 422, 'Validation failed', {
						status: ['is not included in the list'],
					});
				h.status = f.status;
			}
			h.updated_at = rt.clock.iso();
			return respond(ctx, rt, hookView(ctx, rt, h), 200);
		}),
);

/** Deleting a hook deletes its triggers too (UNCONFIRMED whether Procore cascades; we do). */
const deleteHook = defineHandler(
	[`DELETE ${V1}/hooks/{id}`, ...both('DELETE', '/webhooks/hooks/{id}')],
	(ctx, rt) =>
		withHook(ctx, rt, (_s, h) => {
			const now = rt.clock.iso();
			for (const t of rt.store.list(TRIGGERS))
				if (Number(t.hook_id) === Number(h.id)) rt.store.remove(TRIGGERS, t.id, now);
			rt.store.remove(HOOKS, h.id, now);
			// The status the operation declares (v1.0: 200 with an empty body).
			return respond(ctx, rt, undefined, 204);
		}),
);

function addTrigger(
	ctx: Ctx,
	rt: Runtime,
	scope: Scope,
	hook: StoredRec,
	input: unknown,
): { ok: StoredRec } | { error: string; errors: Record<string, string[]> } {
	const t = isObject(input) ? input : {};
	const name = String(t.resource_name ?? '');
	const event = String(t.event_type ?? '').toLowerCase();
	const problem = allowed(scope.kind, name, event);
	if (problem)
		return {
			error: problem,
			errors: {
				[problem.startsWith('resource_name') ? 'resource_name' : 'event_type']: ['is invalid'],
			},
		};
	const retired = retiredTrigger(name, event);
	if (retired && rt.config.retiredTriggers === 'refuse')
		return {
			error: `${name} ${event} events are no longer supported since ${retired.since}. Use ${retired.instead} ${event} events instead.`,
			errors: { event_type: [`is no longer supported for ${name}`] },
		};
	const dup = rt.store
		.list(TRIGGERS)
		.some(
			(x) =>
				Number(x.hook_id) === Number(hook.id) && x.resource_name === name && x.event_type === event,
		);
	if (dup)
		return {
			error: 'Trigger already exists',
			errors: { resource_name: ['has already been taken'] },
		};
	return {
		ok: rt.store.insert(TRIGGERS, {
			hook_id: hook.id,
			resource_name: name,
			event_type: event,
			company_id: scope.companyId,
			project_id: scope.projectId,
			user_id: ctx.token.userId,
			created_at: rt.clock.iso(),
		}),
	};
}

const createTrigger = defineHandler(
	[`POST ${V1}/hooks/{hook_id}/triggers`, ...both('POST', '/webhooks/hooks/{hook_id}/triggers')],
	(ctx, rt) =>
		withHook(ctx, rt, (scope, hook) => {
			const body = isObject(ctx.body) ? ctx.body : {};
			const r = addTrigger(ctx, rt, scope, hook, ctx.isV2 ? body : body.trigger);
			if ('error' in r) return errorReply(ctx.isV2, 422, r.error, r.errors);
			return respond(ctx, rt, triggerView(r.ok), 201);
		}),
);

const listTriggers = defineHandler(
	[`GET ${V1}/hooks/{hook_id}/triggers`, ...both('GET', '/webhooks/hooks/{hook_id}/triggers')],
	(ctx, rt) =>
		withHook(ctx, rt, (_s, hook) =>
			listReply(
				ctx,
				rt,
				rt.store
					.list(TRIGGERS)
					.filter((t) => Number(t.hook_id) === Number(hook.id))
					.map(triggerView),
			),
		),
);

const deleteTrigger = defineHandler(
	[
		`DELETE ${V1}/hooks/{hook_id}/triggers/{id}`,
		...both('DELETE', '/webhooks/hooks/{hook_id}/triggers/{id}'),
	],
	(ctx, rt) =>
		withHook(ctx, rt, (_s, hook) => {
			const t = rt.store.get(TRIGGERS, ctx.params.id);
			if (!t || Number(t.hook_id) !== Number(hook.id)) return notFound(ctx.isV2, 'Trigger');
			rt.store.remove(TRIGGERS, t.id, rt.clock.iso());
			return respond(ctx, rt, undefined, 204);
		}),
);

/** At most 500 triggers per bulk request; 200/201 when all succeed, 207 for a mixed result, 413 above the cap. */
const bulkCreate = defineHandler(
	[
		`POST ${V1}/hooks/{hook_id}/triggers/bulk`,
		...both('POST', '/webhooks/hooks/{hook_id}/triggers/bulk'),
	],
	(ctx, rt) =>
		withHook(ctx, rt, (scope, hook) => {
			const body = isObject(ctx.body) ? ctx.body : {};
			const items = ctx.isV2
				? Array.isArray(ctx.body)
					? ctx.body
					: []
				: Array.isArray(body.triggers)
					? body.triggers
					: [];
			if (items.length > 500)
				return errorReply(ctx.isV2, 413, 'Too many triggers: the maximum is 500 per request', {
					triggers: ['is too long (maximum is 500)'],
				});
			const success: Record<string, unknown>[] = [];
			const failed: Record<string, unknown>[] = [];
			for (const item of items) {
				const r = addTrigger(ctx, rt, scope, hook, item);
				if ('error' in r)
					failed.push({ code: 422, message: r.error, trigger: item, errors: r.errors });
				else success.push(triggerView(r.ok));
			}
			if (ctx.isV2) {
				const shaped = respond(ctx, rt, success, 201);
				return failed.length
					? { status: 207, body: { ...(shaped.body as object), errors: failed } }
					: shaped;
			}
			const shaped = respond(ctx, rt, { success }, 200);
			return failed.length ? { status: 207, body: { ...(shaped.body as object), failed } } : shaped;
		}),
);

const bulkDelete = defineHandler(
	[
		`DELETE ${V1}/hooks/{hook_id}/triggers/bulk`,
		...both('DELETE', '/webhooks/hooks/{hook_id}/triggers/bulk'),
	],
	(ctx, rt) =>
		withHook(ctx, rt, (_s, hook) => {
			const body = ctx.body;
			const raw = Array.isArray(body)
				? body
				: isObject(body) && Array.isArray(body.triggers)
					? body.triggers
					: isObject(body) && Array.isArray(body.ids)
						? body.ids
						: [];
			const ids = raw.map((x: unknown) => (isObject(x) ? x.id : x));
			if (ids.length > 500)
				return errorReply(ctx.isV2, 413, 'Too many triggers: the maximum is 500 per request');
			const success: unknown[] = [];
			const failed: unknown[] = [];
			for (const id of ids) {
				const t = rt.store.get(TRIGGERS, String(id));
				if (!t || Number(t.hook_id) !== Number(hook.id))
					failed.push({ code: 404, message: 'Trigger not found', trigger: id });
				else {
					rt.store.remove(TRIGGERS, t.id, rt.clock.iso());
					success.push(ctx.isV2 ? String(t.id) : t.id);
				}
			}
			const payload = ctx.isV2
				? { data: success, ...(failed.length ? { errors: failed } : {}) }
				: { success, failed };
			return { status: failed.length ? 207 : 200, body: payload };
		}),
);

const v1Deliveries = defineHandler(`GET ${V1}/hooks/{hook_id}/deliveries`, (ctx, rt) =>
	withHook(ctx, rt, (_s, hook) => {
		const status = String(
			(ctx.query.filters as Record<string, unknown> | undefined)?.status ??
				(ctx.query.filter as Record<string, unknown> | undefined)?.status ??
				'any',
		);
		const want: Record<string, string[]> = {
			successful: ['ok'],
			failing: ['retried', 'failed'],
			discarded: ['discarded'],
		};
		const size = Math.min(Number(ctx.rawQuery.get('page_size') ?? 100) || 100, 1000);
		const start = Number(ctx.rawQuery.get('page_start') ?? 0);
		const rows = deliveriesOf(rt, Number(hook.id))
			.filter((d) => (status === 'any' || (want[status] ?? []).includes(d.outcome)) && d.id > start)
			.slice(0, size);
		const reply = respond(ctx, rt, rows, 200);
		if (rt.config.v1DeliveryEventIds === 'string') return reply;
		// The schema declares integers: the 19-digit ids go out as JSON numbers, which JSON.stringify
		// cannot write without rounding, so the text is written with the digits unquoted.
		return {
			status: reply.status,
			raw: JSON.stringify(reply.body).replace(/"(event_id|id)":"(\d{16,})"/g, '"$1":$2'),
		};
	}),
);

const v2Deliveries = defineHandler(both('GET', '/webhooks/hooks/{hook_id}/deliveries'), (ctx, rt) =>
	withHook(ctx, rt, (_s, hook) => {
		const byEvent = new Map<string, ReturnType<typeof deliveriesOf>>();
		for (const d of deliveriesOf(rt, Number(hook.id)))
			byEvent.set(d.ulid, [...(byEvent.get(d.ulid) ?? []), d]);
		const statusOf: Record<string, string> = {
			ok: 'delivered',
			retried: 'retrying',
			failed: 'failed',
			discarded: 'discarded',
		};
		const f = (ctx.query.filter ?? {}) as Record<string, string>;
		const events = [...byEvent.values()]
			.map((attempts) => {
				const last = attempts[attempts.length - 1];
				return {
					id: last.ulid,
					status: statusOf[last.outcome],
					payload: last.event,
					resource_name: last.resource_name,
					event_type: last.event_type,
					started_at: attempts[0].started_at,
					delivery_attempts: attempts.map((a) => ({
						started_at: a.started_at,
						completed_at: a.completed_at,
						response_status: a.response_status,
						response_error: a.response_error,
						response_body: a.response_body,
					})),
				};
			})
			.filter(
				(e) =>
					(!f.status ||
						(f.status === 'succeeded' ? e.status === 'delivered' : e.status === f.status)) &&
					(!f.resource_name || e.resource_name === f.resource_name) &&
					(!f.event_type || e.event_type === f.event_type) &&
					(!f.start || e.started_at.slice(0, 10) >= f.start) &&
					(!f.end || e.started_at.slice(0, 10) <= f.end),
			);
		return listReply(ctx, rt, events);
	}),
);

function deliveriesOf(rt: Runtime, hookId: number) {
	return rt.deliveries().filter((d) => d.hook_id === hookId);
}

const resourcesV1 = defineHandler(`GET ${V1}/resources`, (ctx, rt) => {
	const scope = scopeOf(ctx, rt);
	if ('status' in scope) return scope;
	return respond(
		ctx,
		rt,
		resourcesFor(scope.kind).map((e) => v1Entry(e, 'v2')),
		200,
	);
});

const versionsV1 = defineHandler(`GET ${V1}/resources/api_versions`, (ctx, rt) => {
	const scope = scopeOf(ctx, rt);
	if ('status' in scope) return scope;
	return respond(ctx, rt, PAYLOAD_VERSIONS, 200);
});

const resourcesV2 = defineHandler(both('GET', '/webhooks/resources'), (ctx, rt) => {
	const scope = scopeOf(ctx, rt);
	if ('status' in scope) return scope;
	const version = normaliseVersion(ctx.rawQuery.get('payload_version'));
	if (!version)
		return errorReply(true, 400, 'payload_version is invalid', {
			payload_version: ['is not included in the list'],
		});
	const all = resourcesFor(scope.kind).map((e) => v2Entry(e, version));
	const page = paginate(all, new URL(ctx.req.url ?? '/', ctx.origin), true, rt.config);
	return respond(ctx, rt, page.items, 200, page.headers);
});

export const webhookHandlers = [
	createHook,
	listHooks,
	showHook,
	updateHook,
	deleteHook,
	createTrigger,
	listTriggers,
	deleteTrigger,
	bulkCreate,
	bulkDelete,
	v1Deliveries,
	v2Deliveries,
	resourcesV1,
	versionsV1,
	resourcesV2,
];
