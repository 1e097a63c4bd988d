/**
 * The catalog-driven engine: one set of semantics (list, create, show, update, delete, sync,
 * singleton read/update) for every operation no special handler claims.
 */
import { errorReply, type FieldErrors, notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { StoredRec } from '../store';
import type { Ctx, Reply, Schema } from '../types';
import { resolveAttachments } from './attachments';
import { applyFilters, applySort, includeDeleted } from './filters';
import { paginate } from './pagination';
import { resourceKey, type ResourceKey } from './resource-key';
import { isListSchema, isOpenSchema, shape, successOf } from './shape';
import { applyRenames, modeErrors, rulesOf, withoutModeFields } from './rules';
import { coerce, validateObject } from './validate';

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export function singular(name: string): string {
	if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
	if (name.endsWith('sses') || name.endsWith('xes')) return name.slice(0, -2);
	return name.endsWith('s') ? name.slice(0, -1) : name;
}

export function keyOf(ctx: Ctx): ResourceKey {
	return resourceKey(ctx.op, ctx.params, { projectId: ctx.projectId, companyId: ctx.companyId });
}

/** The wrapper key of a v1 body (`{"rfi": {...}}`), read from the request schema. */
export function wrapperOf(schema: Schema | undefined, name: string): string | null {
	const props = schema?.properties;
	if (!props) return null;
	const objects = Object.entries(props).filter(
		([, s]) => s.type === 'object' && (s.properties || s.truncated),
	);
	const want = singular(name);
	const exact = objects.find(([k]) => k === want);
	if (exact) return exact[0];
	const required = objects.filter(([k]) => schema?.required?.includes(k));
	if (required.length === 1) return required[0][0];
	return objects.length === 1 &&
		Object.keys(props).every((k) => k === objects[0][0] || /_id$/.test(k))
		? objects[0][0]
		: null;
}

/**
 * Validates a create/update body and returns the record attributes (wrapper removed), or a 422.
 * On create the schema's defaults fill absent fields, and the documented rules of the operation
 * (rules.ts) apply: mode-dependent required fields, then write → read renames.
 */
export function readAttributes(
	ctx: Ctx,
	name: string,
	partial: boolean,
): { attrs: Record<string, unknown> } | { error: Reply } {
	const schema = ctx.op.requestBody?.schema;
	const rules = rulesOf(ctx.op);
	const body = isObject(ctx.body) ? ctx.body : {};
	const wrapper = wrapperOf(schema, name);
	const errors: FieldErrors = {};
	let recordSchema: Schema | undefined;
	if (wrapper && schema) {
		recordSchema = schema.properties![wrapper];
		if (!isObject(body[wrapper])) {
			if (!partial) errors[wrapper] = ["can't be blank"];
		} else
			validateObject(
				body[wrapper] as Record<string, unknown>,
				withoutModeFields(recordSchema, rules),
				'',
				errors,
				{ partial },
			);
	} else if (schema?.properties) {
		recordSchema = schema;
		const required = (schema.required ?? []).filter(
			(r) => !(r === 'project_id' && ctx.projectId) && !(r === 'company_id' && ctx.companyId),
		);
		validateObject(body, withoutModeFields({ ...schema, required }, rules), '', errors, { partial });
	}
	const attrs = wrapper
		? { ...((isObject(body[wrapper]) ? body[wrapper] : {}) as Record<string, unknown>) }
		: { ...body };
	if (!partial && !Object.keys(errors).length) Object.assign(errors, modeErrors(attrs, rules));
	if (Object.keys(errors).length)
		return { error: errorReply(ctx.isV2, 422, `Validation failed: ${describe(errors)}`, errors) };
	if (!wrapper) {
		delete attrs.project_id;
		delete attrs.company_id;
	}
	if (!partial) applyDefaults(attrs, recordSchema);
	applyRenames(attrs, rules);
	return { attrs };
}

/** Schema `default`s for fields a create leaves out (`billable: false`, `enable_expired_insurance_notifications: true`). */
function applyDefaults(attrs: Record<string, unknown>, schema: Schema | undefined): void {
	for (const [k, s] of Object.entries(schema?.properties ?? {}))
		if (attrs[k] === undefined && s.default !== undefined) attrs[k] = s.default;
}

/**
 * Ids a create's path names besides the record's scope (`/vendors/{vendor_id}/insurances` →
 * `vendor_id`) are attributes of the stored record, as Procore returns them.
 */
export function pathIds(ctx: Ctx, attrs: Record<string, unknown>): void {
	const { schema } = successOf(ctx.op.responses, 201);
	const item = schema?.properties?.data ?? schema;
	const declared = (k: string) => isOpenSchema(item) || !!item?.properties?.[k];
	for (const [k, v] of Object.entries(ctx.params))
		if (k.endsWith('_id') && k !== 'project_id' && k !== 'company_id' && attrs[k] === undefined && declared(k))
			attrs[k] = /^\d+$/.test(v) && !ctx.isV2 ? Number(v) : v;
}

export function describe(errors: FieldErrors): string {
	return Object.entries(errors)
		.map(([f, m]) => `${f} ${m.join(', ')}`)
		.join('; ');
}

/** Shapes a value with the operation's 2xx schema; v2 bodies sit under `data`. */
export function respond(
	ctx: Ctx,
	rt: Runtime,
	value: unknown,
	fallbackStatus: number,
	headers?: Record<string, string>,
): Reply {
	const { status, schema } = successOf(ctx.op.responses, fallbackStatus);
	if (status === 204 || value === undefined) return { status, headers };
	const wrapped = ctx.isV2 && !(isObject(value) && 'data' in value) ? { data: value } : value;
	return {
		status,
		headers,
		body: shape(schema, wrapped, rt.config.responseFields === 'schema+stored'),
	};
}

/** A record by id: in its collection, or wherever it was stored if this path names it without scope. */
export function findRecord(
	rt: Runtime,
	rk: ResourceKey,
	id: string,
	projectId: number | null,
): { key: string; rec: StoredRec } | null {
	const direct = rt.store.get(rk.key, id);
	if (direct) return { key: rk.key, rec: direct };
	// A project's directory holds only who was added to it: the company's user, vendor or person
	// is not in it until then (Procore answers 404).
	if (/^projects\/\d+\/(users|vendors|people)$/.test(rk.key)) return null;
	const key = rt.store.keyOf(id);
	if (!key || !(key === rk.name || key.endsWith(`/${rk.name}`))) return null;
	const rec = rt.store.get(key, id);
	if (!rec) return null;
	if (projectId !== null && rec.project_id !== undefined && Number(rec.project_id) !== projectId)
		return null;
	return { key, rec };
}

export function stamp(
	ctx: Ctx,
	rt: Runtime,
	key: string,
	attrs: Record<string, unknown>,
): Record<string, unknown> {
	const now = rt.clock.iso();
	const scope: Record<string, unknown> = {};
	const p = /^projects\/(\d+)/.exec(key);
	if (p) scope.project_id = Number(p[1]);
	return { ...scope, ...attrs, created_at: now, updated_at: now };
}

export function createRecord(
	ctx: Ctx,
	rt: Runtime,
	key: string,
	attrs: Record<string, unknown>,
): StoredRec {
	const rec = rt.store.insert(key, stamp(ctx, rt, key, attrs));
	emitChange(ctx, rt, 'create', key, rec);
	return rec;
}

export function emitChange(
	ctx: Ctx,
	rt: Runtime,
	action: 'create' | 'update' | 'delete',
	key: string,
	rec: StoredRec,
): void {
	const pid = /^projects\/(\d+)/.exec(key);
	rt.emit({
		action,
		key,
		record: rec,
		companyId: ctx.companyId ?? rt.companyId,
		projectId: pid ? Number(pid[1]) : null,
		userId: ctx.token.userId,
		applicationId: ctx.token.clientId,
		operationId: (ctx.req.headers['procore-operation-id'] as string | undefined) ?? null,
	});
}

export function listRecords(ctx: Ctx, rt: Runtime, key: string): StoredRec[] {
	const sent = isObject(ctx.query.filters) ? ctx.query.filters : {};
	const rules = rulesOf(ctx.op);
	const defaults = rules?.defaultFilters?.(rt.config) ?? {};
	const fromQuery = Object.fromEntries((rules?.queryFilters ?? []).filter((q) => ctx.query[q] !== undefined).map((q) => [q, ctx.query[q]]));
	const filters = { ...defaults, ...fromQuery, ...sent };
	return applySort(
		applyFilters(rt.store.list(key, includeDeleted(filters)), filters),
		ctx.query.sort,
	);
}

/** Lists paginate when the operation declares page/per_page (v2 lists always do). */
export function listReply(ctx: Ctx, rt: Runtime, records: unknown[]): Reply {
	const paged =
		ctx.isV2 || ctx.op.parameters.some((p) => p.name === 'page' || p.name === 'per_page');
	if (!paged) return respond(ctx, rt, records, 200);
	const url = new URL(ctx.req.url ?? '/', ctx.origin);
	const page = paginate(records, url, ctx.isV2, rt.config);
	return respond(ctx, rt, page.items, 200, page.headers);
}

function syncItems(ctx: Ctx, rt: Runtime, key: string, name: string): Reply {
	const body = isObject(ctx.body) ? ctx.body : {};
	const updates = body.updates;
	if (!Array.isArray(updates))
		return errorReply(ctx.isV2, 422, 'updates is required', { updates: ["can't be blank"] });
	// Procore caps sync at 1,000 items; we answer 413 (its status for over-large batches elsewhere).
	if (updates.length > 1000)
		return errorReply(ctx.isV2, 413, 'Too many updates: the maximum is 1000 per request', {
			updates: ['is too long (maximum is 1000 items)'],
		});
	const itemSchema = ctx.op.requestBody?.schema?.properties?.updates?.items;
	const entities: StoredRec[] = [];
	const errors: unknown[] = [];
	for (const raw of updates) {
		const input = isObject(raw) ? raw : {};
		const item = coerce(input, itemSchema) as Record<string, unknown>;
		const fail = (e: FieldErrors) => errors.push({ ...input, errors: e });
		const typeErrors: FieldErrors = {};
		if (itemSchema?.properties) validateObject(item, itemSchema, '', typeErrors, { partial: true });
		if (Object.keys(typeErrors).length) {
			fail(typeErrors);
			continue;
		}
		let target: StoredRec | undefined;
		if (item.id !== undefined && item.id !== null) {
			target = rt.store.get(key, String(item.id));
			if (!target) {
				fail({ id: ['not found'] });
				continue;
			}
		} else if (item.origin_id !== undefined && item.origin_id !== null) {
			target = rt.store.findAll(name, (r) => String(r.origin_id) === String(item.origin_id))[0]
				?.rec;
		}
		if (item.origin_id !== undefined && item.origin_id !== null) {
			// origin_id is unique across the whole company.
			const clash = rt.store.findAll(
				name,
				(r) => String(r.origin_id) === String(item.origin_id) && r !== target,
			);
			if (clash.length) {
				fail({ origin_id: ['has already been taken'] });
				continue;
			}
		}
		if (target) {
			const { id: _id, ...patch } = item;
			void _id;
			Object.assign(target, patch, { updated_at: rt.clock.iso() });
			emitChange(ctx, rt, 'update', key, target);
			entities.push({ ...target });
		} else {
			const { id: _id, ...attrs } = item;
			void _id;
			const createErrors: FieldErrors = {};
			if (itemSchema?.properties)
				validateObject(
					attrs,
					{
						...itemSchema,
						required: (itemSchema.required ?? []).filter((r) => r !== 'id' && r !== 'origin_id'),
					},
					'',
					createErrors,
				);
			if (Object.keys(createErrors).length) {
				fail(createErrors);
				continue;
			}
			entities.push({ ...createRecord(ctx, rt, key, attrs) });
		}
	}
	const { schema } = successOf(ctx.op.responses, 200);
	const entitySchema = schema?.properties?.entities;
	const keep = rt.config.responseFields === 'schema+stored';
	// Always 200, failures listed per item.
	return {
		status: 200,
		body: { entities: entities.map((e) => shape(entitySchema?.items, e, keep)), errors },
	};
}

export async function generic(ctx: Ctx, rt: Runtime): Promise<Reply> {
	const rk = keyOf(ctx);
	const { method } = ctx;
	if ((method === 'PATCH' || method === 'POST') && rk.name === 'sync' && !rk.itemId) {
		const key = rk.key.replace(/\/sync$/, '');
		return syncItems(ctx, rt, key, key.split('/').pop() ?? '');
	}
	if (rk.itemId !== undefined) {
		const found = findRecord(rt, rk, rk.itemId, ctx.projectId);
		if (!found) return notFound(ctx.isV2, singular(rk.name).replace(/_/g, ' '));
		if (method === 'GET') return respond(ctx, rt, found.rec, 200);
		if (method === 'DELETE') {
			rt.store.remove(found.key, rk.itemId, rt.clock.iso());
			emitChange(ctx, rt, 'delete', found.key, found.rec);
			return respond(ctx, rt, found.rec, 204);
		}
		const read = readAttributes(ctx, rk.name, true);
		if ('error' in read) return read.error;
		const refused = resolveAttachments(ctx, rt, read.attrs, found.rec);
		if (refused) return refused;
		Object.assign(found.rec, read.attrs, { id: found.rec.id, updated_at: rt.clock.iso() });
		emitChange(ctx, rt, 'update', found.key, found.rec);
		return respond(ctx, rt, found.rec, 200);
	}
	const { schema } = successOf(ctx.op.responses, method === 'POST' ? 201 : 200);
	if (method === 'GET') {
		if (
			isListSchema(schema) ||
			(!rt.store.singletons.has(rk.key) && rt.store.collections.has(rk.key))
		)
			return listReply(ctx, rt, listRecords(ctx, rt, rk.key));
		return respond(ctx, rt, rt.store.singletons.get(rk.key) ?? {}, 200);
	}
	if (method === 'POST') {
		const read = readAttributes(ctx, rk.name, false);
		if ('error' in read) return read.error;
		const body = isObject(ctx.body) ? ctx.body : {};
		// Photos name their upload beside the wrapper (Procore's schema) as well as inside it (its guide).
		if (typeof body.upload_uuid === 'string' && read.attrs.upload_uuid === undefined && !read.attrs.upload)
			read.attrs.upload_uuid = body.upload_uuid;
		// …and the photo's file name (`image_name`) is what its record reads as `filename`.
		if (typeof body.image_name === 'string' && read.attrs.filename === undefined && isObject(body.image))
			read.attrs.filename = body.image_name;
		const refused = resolveAttachments(ctx, rt, read.attrs);
		if (refused) return refused;
		pathIds(ctx, read.attrs);
		return respond(ctx, rt, createRecord(ctx, rt, rk.key, read.attrs), 201);
	}
	if (method === 'PATCH' || method === 'PUT') {
		const read = readAttributes(ctx, rk.name, true);
		if ('error' in read) return read.error;
		const current = rt.store.singletons.get(rk.key) ?? {};
		const next = { ...current, ...read.attrs };
		rt.store.singletons.set(rk.key, next);
		return respond(ctx, rt, next, 200);
	}
	// The status the operation declares (a collection DELETE often declares 200).
	return respond(ctx, rt, undefined, 204);
}
