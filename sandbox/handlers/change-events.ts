/**
 * Change Events as Procore keeps them: a header and its lines (`change_event_line_items`), written
 * through v1.0 (`change_event_line_items_attributes`: a line with `id` is changed in place, one
 * without is added) and v1.1 (`description`, `change_type`, `prime_contract_for_estimates`,
 * `change_items[{id, deleted: true}]` removes a line). Every ID a body names must exist where
 * Procore looks for it (status and cost codes of the project, the company's line item types,
 * reasons and change types, the project's WBS codes, vendors and commitments, completed uploads of
 * the caller), otherwise 422 naming the field and nothing is stored. The required `event_scope` and
 * `change_event_status_id` on create come from the request schema (generic validation).
 */
import { emitChange, findRecord, keyOf, listRecords, listReply, readAttributes, respond } from '../engine/generic';
import { findUpload } from '../files/uploads-store';
import { errorReply, type FieldErrors, notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { StoredRec } from '../store';
import type { Ctx, Reply } from '../types';
import { defineHandler } from './registry';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const given = (v: unknown) => v !== undefined && v !== null && v !== '';

/** The id inside `5`, `"5"` or `{ id: 5 }`. */
function idOf(v: unknown): string | undefined {
	if (isObject(v)) return idOf(v.id);
	return given(v) ? String(v) : undefined;
}

/** Where Procore looks up each kind of ID a Change Event names. */
function lookups(rt: Runtime, companyId: number, projectId: number) {
	const find = (keys: string[], id: string | undefined): StoredRec | undefined => {
		if (id === undefined) return undefined;
		for (const key of keys) {
			const rec = rt.store.get(key, id);
			if (rec) return rec;
		}
		return undefined;
	};
	const p = `projects/${projectId}`;
	const c = `companies/${companyId}`;
	return {
		status: (id?: string) => find([`${p}/change_event/statuses`], id),
		reason: (id?: string) => find([`${c}/change_order_change_reasons`], id),
		changeType: (id?: string) => find([`${c}/change_types`], id),
		costCode: (id?: string) => find([`${p}/cost_codes`], id),
		lineItemType: (id?: string) => find([`${c}/line_item_types`, `${p}/line_item_types`], id),
		wbsCode: (id?: string) => find([`${p}/work_breakdown_structure/wbs_codes`], id),
		vendor: (id?: string) => find([`${p}/vendors`, `${c}/vendors`], id),
		commitment: (id?: string) => find([`${p}/work_order_contracts`, `${p}/purchase_order_contracts`], id),
		primeContract: (id?: string) => find([`${p}/prime_contracts`], id),
	};
}
type Lookups = ReturnType<typeof lookups>;

const money = (v: unknown): string | undefined =>
	given(v) && !Number.isNaN(Number(v)) ? Number(v).toFixed(2) : undefined;

/** One line as Procore returns it, from a create (no `current`) or an in-place update. */
function buildLine(
	rt: Runtime,
	l: Lookups,
	input: Obj,
	current: StoredRec | undefined,
	eventId: number | string,
	field: (name: string) => string,
	errors: FieldErrors,
): StoredRec {
	const add = (f: string, msg: string) => (errors[field(f)] ??= []).push(msg);
	const line: Obj = current ? { ...current } : { id: rt.store.newId(), event_id: eventId, deletable: true, editable: true, created_at: rt.clock.iso() };
	if ('description' in input) line.description = input.description;
	if ('cost_code_id' in input) {
		const cc = l.costCode(idOf(input.cost_code_id));
		if (given(input.cost_code_id) && !cc) add('cost_code_id', 'is not a cost code of this project');
		line.cost_code_id = cc ? cc.id : null;
		line.cost_code = cc ? { id: cc.id, name: cc.name, full_code: cc.full_code } : null;
	}
	if ('line_item_type_id' in input) {
		const lit = l.lineItemType(idOf(input.line_item_type_id));
		if (given(input.line_item_type_id) && !lit) add('line_item_type_id', 'is not a line item type of this company');
		line.line_item_type_id = lit ? lit.id : null;
		line.line_item_type = lit ? { id: lit.id, name: lit.name, code: lit.code, base_type: lit.base_type } : null;
	}
	const wbsInput = 'wbs_code_id' in input ? input.wbs_code_id : 'budget_code' in input ? input.budget_code : undefined;
	if (wbsInput !== undefined) {
		const wbs = l.wbsCode(idOf(wbsInput));
		if (idOf(wbsInput) && !wbs) add('budget_code', 'is not a budget code of this project');
		line.wbs_code_id = wbs ? wbs.id : null;
		line.budget_code = wbs ? { id: wbs.id, flat_code: wbs.flat_code, description: wbs.description } : null;
	}
	if ('proposed_vendor_id' in input) {
		const v = l.vendor(idOf(input.proposed_vendor_id));
		if (given(input.proposed_vendor_id) && !v) add('proposed_vendor_id', 'is not a vendor of this project');
		line.proposed_vendor_id = v ? v.id : null;
		line.vendor = v ? { id: v.id, name: v.name } : null;
	}
	if ('proposed_contract_id' in input) {
		const k = l.commitment(idOf(input.proposed_contract_id));
		if (given(input.proposed_contract_id) && !k) add('proposed_contract_id', 'is not a commitment of this project');
		line.proposed_contract_id = k ? k.id : null;
		line.contract = k ? { id: k.id, number: k.number, title: k.title } : null;
	}
	for (const f of ['uom', 'estimated_cost_calculation_strategy']) if (f in input) line[f] = input[f];
	for (const f of ['estimated_cost_quantity', 'estimated_cost_unit_cost']) {
		if (!(f in input)) continue;
		if (given(input[f]) && Number.isNaN(Number(input[f]))) add(f, 'is not a number');
		line[f] = given(input[f]) ? Number(input[f]) : null;
	}
	if ('estimated_cost_amount' in input) {
		const amount = money(input.estimated_cost_amount);
		if (given(input.estimated_cost_amount) && amount === undefined) add('estimated_cost_amount', 'is not a number');
		line.estimated_cost_amount = amount ?? null;
	}
	// Procore's "automatic" strategy: quantity × unit cost, unless the client says "manual".
	if (line.estimated_cost_calculation_strategy !== 'manual' && given(line.estimated_cost_quantity) && given(line.estimated_cost_unit_cost))
		line.estimated_cost_amount = (Number(line.estimated_cost_quantity) * Number(line.estimated_cost_unit_cost)).toFixed(2);
	line.rom = line.estimated_cost_amount ?? null;
	line.updated_at = rt.clock.iso();
	return line as StoredRec;
}

/** Header fields (v1.0 and v1.1 names), IDs checked; `errors` gets one entry per unknown ID. */
function applyHeader(ctx: Ctx, rt: Runtime, l: Lookups, attrs: Obj, rec: Obj, errors: FieldErrors): void {
	const add = (f: string, msg: string) => (errors[f] ??= []).push(msg);
	for (const f of ['title', 'number', 'description', 'event_scope', 'event_type', 'origin_id', 'origin_data', 'rfi_id'])
		if (f in attrs) rec[f] = attrs[f];
	if (given(attrs.status) && !given(attrs.change_event_status_id)) {
		// v1.0's fixed `status` (open/closed): the project's status mapped to it.
		const s = rt.store
			.list(`projects/${String(rec.project_id)}/change_event/statuses`)
			.find((x) => x.mapped_to_status === attrs.status);
		rec.status = attrs.status;
		if (s) rec.change_event_status = { id: s.id, name: s.name, mapped_to_status: s.mapped_to_status };
	}
	if ('change_event_status_id' in attrs) {
		const s = l.status(idOf(attrs.change_event_status_id));
		if (!s) add('change_event_status_id', 'is not a Change Event status of this project');
		else {
			rec.change_event_status = { id: s.id, name: s.name, mapped_to_status: s.mapped_to_status };
			rec.status = s.mapped_to_status;
		}
	}
	const reasonInput = attrs.change_order_change_reason_id ?? attrs.change_reason_id;
	if (given(reasonInput)) {
		const r = l.reason(idOf(reasonInput));
		if (!r) add('change_order_change_reason_id', 'is not a change reason of this company');
		else {
			rec.change_order_change_reason = { id: r.id, change_reason: r.change_reason, company_id: ctx.companyId ?? rt.companyId };
			rec.change_reason = r.change_reason;
		}
	}
	if (given(attrs.change_type)) {
		const t = l.changeType(idOf(attrs.change_type));
		if (!t) add('change_type', 'is not a Change Event type of this company');
		else rec.change_type = { id: t.id, name: t.name, abbreviation: t.abbreviation };
	}
	if (given(attrs.prime_contract_for_estimates)) {
		const pc = l.primeContract(idOf(attrs.prime_contract_for_estimates));
		if (!pc) add('prime_contract_for_estimates', 'is not a prime contract of this project');
		else rec.prime_contract_for_estimates = { id: pc.id, number: pc.number, title: pc.title };
	}
	const attachments = Array.isArray(rec.attachments) ? [...(rec.attachments as Obj[])] : [];
	if (Array.isArray(attrs.attachments_by_uuid)) {
		(attrs.attachments_by_uuid as unknown[]).forEach((a, i) => {
			const uuid = isObject(a) ? String(a.upload_uuid ?? '') : String(a ?? '');
			const u = findUpload(rt, uuid);
			if (!u || u.user_id !== ctx.token.userId) {
				add(`attachments_by_uuid[${i}].upload_uuid`, 'is invalid');
				return;
			}
			if (u.status !== 'complete' || !u.blob_key) {
				add(`attachments_by_uuid[${i}].upload_uuid`, 'has not finished uploading');
				return;
			}
			attachments.push({
				id: rt.store.newId(),
				filename: u.response_filename,
				url: `${rt.apiOrigin()}/_downloads/${u.blob_key}`,
				content_type: u.response_content_type,
				size: u.stored_size ?? null,
				upload_uuid: u.uuid,
				blob_key: u.blob_key,
			});
		});
	}
	if (Array.isArray(attrs.attachments_by_file_version)) {
		for (const a of attrs.attachments_by_file_version as unknown[])
			attachments.push({ id: rt.store.newId(), file_version_id: idOf(a) });
	}
	rec.attachments = attachments;
}

function linesOf(rec: Obj): StoredRec[] {
	return Array.isArray(rec.change_event_line_items) ? (rec.change_event_line_items as StoredRec[]) : [];
}

/** v1.0 `change_event_line_items_attributes`: changes lines in place (by id) or adds them. */
function applyV10Lines(rt: Runtime, l: Lookups, attrs: Obj, rec: Obj, errors: FieldErrors): void {
	const input = attrs.change_event_line_items_attributes;
	if (input === undefined) return;
	if (!Array.isArray(input)) {
		errors.change_event_line_items_attributes = ['must be an array'];
		return;
	}
	const lines = linesOf(rec).map((x) => ({ ...x }));
	input.forEach((raw, i) => {
		const field = (f: string) => `change_event_line_items[${i}].${f}`;
		if (!isObject(raw)) {
			errors[`change_event_line_items[${i}]`] = ['must be an object'];
			return;
		}
		const id = idOf(raw.id);
		if (id !== undefined) {
			const at = lines.findIndex((x) => String(x.id) === id);
			if (at < 0) {
				errors[field('id')] = ['is not a line of this Change Event'];
				return;
			}
			if (lines[at].editable === false) {
				errors[field('id')] = ['is locked (linked to a commitment change order or RFQ)'];
				return;
			}
			lines[at] = buildLine(rt, l, raw, lines[at], rec.id as number, field, errors);
		} else lines.push(buildLine(rt, l, raw, undefined, rec.id as number, field, errors));
	});
	rec.change_event_line_items = lines;
}

/** v1.1 `change_items[{ id, deleted: true }]`: removes lines Procore lets go of. */
function applyV11Items(attrs: Obj, rec: Obj, errors: FieldErrors): void {
	const items = attrs.change_items;
	if (items === undefined) return;
	if (!Array.isArray(items)) {
		errors.change_items = ['must be an array'];
		return;
	}
	let lines = linesOf(rec);
	items.forEach((raw, i) => {
		const id = isObject(raw) ? idOf(raw.id) : undefined;
		const line = lines.find((x) => String(x.id) === id);
		if (!line) {
			errors[`change_items[${i}].id`] = ['is not a line of this Change Event'];
			return;
		}
		if (isObject(raw) && (raw.deleted === true || raw.deleted === 'true')) {
			if (line.deletable === false) errors[`change_items[${i}].deleted`] = ['this line cannot be deleted'];
			else lines = lines.filter((x) => x !== line);
		}
	});
	rec.change_event_line_items = lines;
}

function invalid(ctx: Ctx, errors: FieldErrors): Reply | null {
	if (!Object.keys(errors).length) return null;
	const text = Object.entries(errors)
		.map(([f, m]) => `${f} ${m.join(', ')}`)
		.join('; ');
	return errorReply(ctx.isV2, 422, `Validation failed: ${text}`, errors);
}

function scope(ctx: Ctx, rt: Runtime): { companyId: number; projectId: number } | Reply {
	if (ctx.projectId === null) return errorReply(ctx.isV2, 400, 'Invalid parameters: project_id', { project_id: ["can't be blank"] });
	return { companyId: ctx.companyId ?? rt.companyId, projectId: ctx.projectId };
}

export const createChangeEvent = defineHandler('POST /rest/v1.0/change_events', (ctx, rt) => {
	const s = scope(ctx, rt);
	if ('status' in s) return s;
	const read = readAttributes(ctx, 'change_events', false);
	if ('error' in read) return read.error;
	const key = keyOf(ctx).key;
	const l = lookups(rt, s.companyId, s.projectId);
	const errors: FieldErrors = {};
	const numbers = rt.store.list(key, 'with').map((r) => Number(r.number)).filter(Number.isFinite);
	const now = rt.clock.iso();
	const rec: Obj = {
		id: rt.store.newId(),
		project_id: s.projectId,
		number: Math.max(0, ...numbers) + 1,
		title: null,
		description: null,
		event_type: 'tbd',
		origin_id: null,
		origin_data: null,
		change_order_change_reason: null,
		change_event_line_items: [],
		attachments: [],
		created_at: now,
		updated_at: now,
	};
	applyHeader(ctx, rt, l, read.attrs, rec, errors);
	rec.alphanumeric_number = String(rec.number).padStart(3, '0');
	applyV10Lines(rt, l, read.attrs, rec, errors);
	const bad = invalid(ctx, errors);
	if (bad) return bad;
	const stored = rt.store.insert(key, rec as StoredRec);
	emitChange(ctx, rt, 'create', key, stored);
	return respond(ctx, rt, stored, 201);
});

function update(v11: boolean) {
	return (ctx: Ctx, rt: Runtime): Reply => {
		const s = scope(ctx, rt);
		if ('status' in s) return s;
		const rk = keyOf(ctx);
		const found = findRecord(rt, rk, rk.itemId ?? '', ctx.projectId);
		if (!found) return notFound(ctx.isV2, 'change event');
		const read = readAttributes(ctx, 'change_events', true);
		if ('error' in read) return read.error;
		const l = lookups(rt, s.companyId, s.projectId);
		const errors: FieldErrors = {};
		// Work on a copy: a rejected body leaves the stored record as it was.
		const next: Obj = { ...found.rec };
		applyHeader(ctx, rt, l, read.attrs, next, errors);
		if (v11) applyV11Items(read.attrs, next, errors);
		else applyV10Lines(rt, l, read.attrs, next, errors);
		const bad = invalid(ctx, errors);
		if (bad) return bad;
		Object.assign(found.rec, next, { id: found.rec.id, updated_at: rt.clock.iso() });
		emitChange(ctx, rt, 'update', found.key, found.rec);
		return respond(ctx, rt, v11 ? v11View(found.rec) : found.rec, 200);
	};
}

/**
 * v1.1 reads the same record with objects where v1.0 has strings (RestV11ChangeEventsIdGet):
 * `status` is the project's status `{id, name, mapped_to_status}`, `change_reason` is
 * `{id, change_reason}`.
 */
function v11View(rec: Obj): Obj {
	const reason = rec.change_order_change_reason as Obj | null | undefined;
	return {
		...rec,
		status: rec.change_event_status ?? null,
		change_reason: reason ? { id: reason.id, change_reason: reason.change_reason } : null,
	};
}

export const showChangeEventV11 = defineHandler('GET /rest/v1.1/change_events/{id}', (ctx, rt) => {
	const rk = keyOf(ctx);
	const found = findRecord(rt, rk, rk.itemId ?? '', ctx.projectId);
	return found ? respond(ctx, rt, v11View(found.rec), 200) : notFound(ctx.isV2, 'change event');
});

export const listChangeEventsV11 = defineHandler('GET /rest/v1.1/change_events', (ctx, rt) =>
	listReply(ctx, rt, listRecords(ctx, rt, keyOf(ctx).key).map(v11View)),
);

export const updateChangeEventV10 = defineHandler('PATCH /rest/v1.0/change_events/{id}', update(false));
export const updateChangeEventV11 = defineHandler('PATCH /rest/v1.1/change_events/{id}', update(true));

export const changeEventHandlers = [
	createChangeEvent,
	updateChangeEventV10,
	updateChangeEventV11,
	showChangeEventV11,
	listChangeEventsV11,
];
