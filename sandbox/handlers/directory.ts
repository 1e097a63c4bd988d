/**
 * Adding a company user or a company vendor to a project's directory (Procore's
 * `…/users/{id}/actions/add` and `…/vendors/{id}/actions/add`): the company's record is copied
 * into the project's list, users with the permission template they were given. A user or vendor
 * the company does not have is a 404; a permission template the project does not offer, a 422.
 * Adding one already there answers with it again (Procore does not duplicate a directory entry).
 */
import { respond } from '../engine/generic';
import { errorReply, notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { Ctx } from '../types';
import { defineHandler } from './registry';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const addUserToProject = defineHandler('POST /rest/v1.0/projects/{project_id}/users/{id}/actions/add', (ctx: Ctx, rt: Runtime) => {
	const { project_id: projectId, id } = ctx.params;
	const companyUser = rt.store.get(`companies/${rt.companyId}/users`, id);
	if (!companyUser) return notFound(ctx.isV2, 'User');
	const body = isObject(ctx.body) && isObject(ctx.body.user) ? ctx.body.user : {};
	const templateId = body.permission_template_id;
	let template: Record<string, unknown> | undefined;
	if (templateId !== undefined && templateId !== null) {
		template = rt.store.get(`projects/${projectId}/permission_templates`, String(templateId));
		if (!template)
			return errorReply(ctx.isV2, 422, `Permission template ${String(templateId)} is not available in this project`, {
				permission_template_id: [`${String(templateId)} is not a permission template of project ${projectId}`],
			});
	}
	const users = rt.store.collection(`projects/${projectId}/users`);
	const existing = users.get(id);
	const record = {
		...companyUser,
		...(existing ?? {}),
		...(template ? { permission_template: { id: template.id, name: template.name } } : {}),
		updated_at: rt.clock.iso(),
	};
	users.set(id, record);
	return respond(ctx, rt, record, 201);
});

export const addVendorToProject = defineHandler('POST /rest/v1.0/projects/{project_id}/vendors/{id}/actions/add', (ctx: Ctx, rt: Runtime) => {
	const { project_id: projectId, id } = ctx.params;
	const vendor = rt.store.get(`companies/${rt.companyId}/vendors`, id);
	if (!vendor) return notFound(ctx.isV2, 'Vendor');
	const vendors = rt.store.collection(`projects/${projectId}/vendors`);
	const record = { ...vendor, ...(vendors.get(id) ?? {}), updated_at: rt.clock.iso() };
	vendors.set(id, record);
	return respond(ctx, rt, record, 201);
});

export const directoryHandlers = [addUserToProject, addVendorToProject];
