/**
 * Bulk timecard creation. v1.1 `project_timecard_entries/bulk_create`: at most 25 entries, one
 * transaction (any invalid entry → 422 and nothing is written). v1.0 company `timesheets` POST:
 * the cap is UNCONFIRMED (config `timesheetsBulkMax`, default 1000); we treat it as one
 * transaction too. Over a cap → 413. Entries land in their project's `timecard_entries`.
 */
import { createRecord, respond } from '../engine/generic';
import { coerce, validateObject } from '../engine/validate';
import { errorReply, type FieldErrors } from '../http/errors';
import type { Runtime } from '../runtime';
import type { Ctx, Reply } from '../types';
import { defineHandler } from './registry';

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
		if (!item.hours && !(item.time_in && item.time_out)) e.hours = ["can't be blank"];
		for (const [f, m] of Object.entries(e)) errors[`timecard_entries[${i}].${f}`] = m;
		return item;
	});
	// One transaction: a single bad entry means nothing is written.
	if (Object.keys(errors).length)
		return errorReply(false, 422, 'Validation failed; no timecard entries were created', errors);
	const created = prepared.map((item) => {
		const { project_id, ...attrs } = item;
		return createRecord(ctx, rt, `projects/${Number(project_id)}/timecard_entries`, {
			project_id: Number(project_id),
			party: item.party_id ? { id: item.party_id } : null,
			approval_status: 'pending',
			billable: false,
			...attrs,
			hours: attrs.hours === undefined ? null : String(attrs.hours),
		});
	});
	return created;
}

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

export const timecardHandlers = [projectBulkCreate, companyBulkCreate];
