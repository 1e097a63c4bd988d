/**
 * Bulk timecard creation. v1.1 `project_timecard_entries/bulk_create`: at most 25 entries, one
 * transaction (any invalid entry → 422 and nothing is written). v1.0 company `timesheets` POST:
 * the cap is UNCONFIRMED (config `timesheetsBulkMax`, default 1000); we treat it as one
 * transaction too. Over a cap → 413. Entries land in their project's `timecard_entries`.
 */
import { createRecord, emitChange, findRecord, keyOf, readAttributes, respond } from '../engine/generic';
import { coerce, validateObject } from '../engine/validate';
import { errorReply, type FieldErrors } from '../http/errors';
import type { Runtime } from '../runtime';
import type { Ctx, Reply } from '../types';
import { defineHandler } from './registry';
import { missingTime, timecardEntryErrors } from './timecard-rules';

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function bulkCreate(
	ctx: Ctx,
	rt: Runtime,
	max: number,
	forceProject: number | null,
): Reply | Array<Record<string, unknown>> {
	const body = isObject(ctx.body) ? ctx.body : {};
	const items = Array.isArray(body.timecard_entries) ? body.timecard_entries : null;
	if (!items)
		return errorReply(false, 422, 'timecard_entries is required', {
			timecard_entries: ["can't be blank"],
		});
	if (items.length > max)
		return errorReply(false, 413, `Too many timecard entries: the maximum is ${max} per request`, {
			timecard_entries: [`is too long (maximum is ${max} entries)`],
		});
	const itemSchema = ctx.op.requestBody?.schema?.properties?.timecard_entries?.items;
	const errors: FieldErrors = {};
	const prepared = items.map((raw, i) => {
		const item = coerce(isObject(raw) ? raw : {}, itemSchema) as Record<string, unknown>;
		const e: FieldErrors = {};
		if (itemSchema)
			validateObject(
				item,
				{ ...itemSchema, required: [...new Set([...(itemSchema.required ?? []), 'project_id'])] },
				'',
				e,
			);
		const pid = Number(item.project_id);
		if (!e.project_id && forceProject !== null && pid !== forceProject)
			e.project_id = ['must match the project in the path'];
		if (!e.project_id && !rt.store.get(`companies/${ctx.companyId ?? rt.companyId}/projects`, pid))
			e.project_id = ['is invalid'];
		Object.assign(e, missingTime(item));
		if (!e.project_id) Object.assign(e, timecardEntryErrors(rt, ctx.companyId ?? rt.companyId, pid, item));
		// Two clock-ins of one worker at the same time in, in one request.
		const twin = items.slice(0, i).find((o) => isObject(o) && o.in_progress === true && item.in_progress === true && String(o.party_id) === String(item.party_id) && Date.parse(String(o.time_in)) === Date.parse(String(item.time_in)));
		if (twin) e.party_id = ['already has an in-progress timecard entry clocked in at that time in this request'];
		for (const [f, m] of Object.entries(e)) errors[`timecard_entries[${i}].${f}`] = m;
		return item;
	});
	// One transaction: a single bad entry means nothing is written.
	if (Object.keys(errors).length)
		return errorReply(false, 422, 'Validation failed; no timecard entries were created', errors);
	return prepared.map((item) => storeEntry(ctx, rt, Number(item.project_id), item));
}

/** A timecard entry as Procore keeps it (hours as a string, the worker also as `party`). */
function storeEntry(ctx: Ctx, rt: Runtime, projectId: number, item: Record<string, unknown>) {
	const { project_id: _p, ...attrs } = item;
	void _p;
	return createRecord(ctx, rt, `projects/${projectId}/timecard_entries`, {
		project_id: projectId,
		party: item.party_id ? { id: item.party_id } : null,
		approval_status: 'pending',
		billable: false,
		...attrs,
		hours: attrs.hours === undefined ? null : String(attrs.hours),
	});
}

const invalid = (errors: FieldErrors): Reply =>
	errorReply(
		false,
		422,
		`Validation failed: ${Object.entries(errors)
			.map(([f, m]) => `${f} ${m.join(', ')}`)
			.join('; ')}`,
		errors,
	);

/** v1.1 single create: the schema's types, then the same rules as the bulk endpoints. */
export const projectCreate = defineHandler(
	'POST /rest/v1.1/projects/{project_id}/project_timecard_entries',
	(ctx, rt) => {
		const read = readAttributes(ctx, 'project_timecard_entries', false);
		if ('error' in read) return read.error;
		const pid = ctx.projectId!;
		const errors = timecardEntryErrors(rt, ctx.companyId ?? rt.companyId, pid, read.attrs);
		Object.assign(errors, missingTime(read.attrs));
		if (Object.keys(errors).length) return invalid(errors);
		return respond(ctx, rt, storeEntry(ctx, rt, pid, read.attrs), 201);
	},
);

/** v1.1 update: the entry after the change must still pass the rules; a refused change stores nothing. */
export const projectUpdate = defineHandler(
	'PATCH /rest/v1.1/projects/{project_id}/project_timecard_entries/{id}',
	(ctx, rt) => {
		const rk = keyOf(ctx);
		const found =
			findRecord(rt, { ...rk, key: `projects/${ctx.projectId}/timecard_entries`, name: 'timecard_entries' }, rk.itemId ?? '', ctx.projectId);
		if (!found) return errorReply(false, 404, 'timecard entry not found');
		const read = readAttributes(ctx, 'project_timecard_entries', true);
		if ('error' in read) return read.error;
		const patch: Record<string, unknown> = { ...read.attrs };
		// A time out or hours completes an in-progress entry (the worker clocked out), or, with config
		// inProgressCompletion 'refused', is refused by the in-progress rules: the catalog's PATCH body
		// has no in_progress, and which Procore does is UNCONFIRMED.
		const given = (v: unknown) => v !== undefined && v !== null && v !== '';
		const completing = found.rec.in_progress === true && (given(patch.time_out) || given(patch.hours));
		if (completing && rt.config.inProgressCompletion === 'patch') patch.in_progress = false;
		// 'ignored': answered 200 with the entry as it was (still in progress, no hours).
		if (completing && rt.config.inProgressCompletion === 'ignored') for (const f of ['time_out', 'hours', 'lunch_time']) delete patch[f];
		const errors = timecardEntryErrors(rt, ctx.companyId ?? rt.companyId, ctx.projectId!, { ...found.rec, ...patch });
		if (Object.keys(errors).length) return invalid(errors);
		if (patch.hours !== undefined && patch.hours !== null) patch.hours = String(patch.hours);
		if (patch.party_id) patch.party = { id: patch.party_id };
		Object.assign(found.rec, patch, { id: found.rec.id, updated_at: rt.clock.iso() });
		emitChange(ctx, rt, 'update', found.key, found.rec);
		return respond(ctx, rt, found.rec, 200);
	},
);

export const projectBulkCreate = defineHandler(
	'POST /rest/v1.1/projects/{project_id}/project_timecard_entries/bulk_create',
	(ctx, rt) => {
		const r = bulkCreate(ctx, rt, 25, ctx.projectId);
		return Array.isArray(r) ? respond(ctx, rt, { timecard_entries: r }, 201) : r;
	},
);

export const companyBulkCreate = defineHandler(
	'POST /rest/v1.0/companies/{company_id}/timesheets',
	(ctx, rt) => {
		const r = bulkCreate(ctx, rt, rt.config.timesheetsBulkMax, null);
		return Array.isArray(r) ? respond(ctx, rt, r, 200) : r;
	},
);

export const timecardHandlers = [projectBulkCreate, companyBulkCreate, projectCreate, projectUpdate];
