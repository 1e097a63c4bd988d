/**
 * Lists Procore derives from other records rather than storing: an RFI's potential assignees and
 * managers (the company's active people with a login), and a budget view's columns (the amount
 * keys of its detail rows, which differ per view as they do per company configuration).
 */
import { listReply, respond } from '../engine/generic';
import { notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { Ctx } from '../types';
import { defineHandler } from './registry';

function rfiPeople(ctx: Ctx, rt: Runtime) {
	const companyId = ctx.companyId ?? rt.companyId;
	return rt.store
		.list(`companies/${companyId}/users`)
		.filter((u) => u.is_active !== false && u.is_employee !== false)
		.map((u) => ({ id: u.id, name: u.name, login: u.login, company_name: (u.vendor as { name?: string } | undefined)?.name ?? null }));
}

export const rfiPotentialPeople = defineHandler(
	[
		'GET /rest/v1.0/projects/{project_id}/rfis/potential_assignees',
		'GET /rest/v1.0/projects/{project_id}/rfis/potential_rfi_managers',
	],
	(ctx, rt) => listReply(ctx, rt, rfiPeople(ctx, rt)),
);

/** Row fields that describe the line rather than an amount column. */
const ROW_FIELDS = new Set([
	'id',
	'company_id',
	'project_id',
	'cost_code_id',
	'cost_code',
	'root_cost_code_id',
	'biller_type',
	'biller_id',
	'wbs_code_id',
	'created_at',
	'updated_at',
	'deleted_at',
]);

const columnName = (key: string) =>
	/[A-Z ]/.test(key) ? key : key.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

export const budgetDetailColumns = defineHandler(
	'GET /rest/v1.0/budget_views/{budget_view_id}/budget_detail_columns',
	(ctx, rt) => {
		const viewId = ctx.params.budget_view_id;
		const key = [...rt.store.collections.keys()].find(
			(k) => k.endsWith(`budget_views/${viewId}/detail_rows`) && (ctx.projectId === null || k.startsWith(`projects/${ctx.projectId}/`)),
		);
		if (!key) return notFound(false, 'Budget View');
		const keys: string[] = [];
		for (const row of rt.store.list(key))
			for (const k of Object.keys(row)) if (!ROW_FIELDS.has(k) && !keys.includes(k)) keys.push(k);
		return respond(
			ctx,
			rt,
			keys.map((id, position) => ({
				id,
				name: columnName(id),
				position,
				type: 'standard',
				aggregatable: true,
				filterable: false,
				groupable: false,
			})),
			200,
		);
	},
);

export const lookupHandlers = [rfiPotentialPeople, budgetDetailColumns];
