/**
 * Inspections (Procore's checklists): creating one copies its template's items into the new
 * inspection (unanswered, status `none`), as Procore does. `list_template_id` must name a template
 * of the project and a given `number` must be free; otherwise 422 naming the field and nothing is
 * stored. Lists, shows and the items list are generic.
 */
import { createRecord, keyOf, readAttributes, respond } from '../engine/generic';
import { errorReply } from '../http/errors';
import { templateItemsCollection } from '../seed/fieldTools';
import type { Runtime } from '../runtime';
import type { Ctx, Reply } from '../types';
import { defineHandler } from './registry';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATUS: Record<string, string> = { open: 'Open', in_review: 'In Review', closed: 'Closed' };

function createInspection(ctx: Ctx, rt: Runtime): Reply {
	const projectId = ctx.projectId!;
	const listKey = keyOf(ctx).key;
	const body = isObject(ctx.body) ? ctx.body : {};
	const read = readAttributes(ctx, 'lists', false);
	if ('error' in read) return read.error;
	const attrs = read.attrs;
	const templateKey = `projects/${projectId}/checklist/list_templates`;
	const templateId = body.list_template_id;
	if (templateId === undefined || templateId === null || templateId === '')
		return errorReply(false, 422, "list_template_id can't be blank", { list_template_id: ["can't be blank"] });
	const template = rt.store.get(templateKey, String(templateId));
	if (!template)
		return errorReply(false, 422, `Inspection template ${String(templateId)} not found in this project`, {
			list_template_id: ['is not a checklist template of this project'],
		});
	const existing = rt.store.list(listKey);
	if (attrs.number !== undefined && existing.some((l) => String(l.number) === String(attrs.number)))
		return errorReply(false, 422, 'Number has already been taken', { number: ['has already been taken'] });
	const number = attrs.number ?? existing.reduce((max, l) => Math.max(max, Number(l.number) || 0), 0) + 1;
	const company = ctx.companyId ?? rt.companyId;
	const type = attrs.inspection_type_id
		? rt.store.get(`companies/${company}/inspection_types`, String(attrs.inspection_type_id))
		: undefined;
	const location = attrs.location_id ? rt.store.get(`projects/${projectId}/locations`, String(attrs.location_id)) : undefined;
	const users = rt.store.list(`companies/${company}/users`);
	const user = (id: unknown) => {
		const u = users.find((x) => String(x.id) === String(id));
		return u ? { id: u.id, name: u.name, login: u.login } : { id };
	};
	const items = rt.store.list(templateItemsCollection(templateKey, template.id));
	const { inspection_type_id: _t, location_id: _l, inspector_ids, point_of_contact_id, responsible_contractor_id, status, ...rest } = attrs;
	void _t;
	void _l;
	const list = createRecord(ctx, rt, listKey, {
		...rest,
		name: template.name,
		number,
		status: STATUS[String(status ?? 'open')] ?? 'Open',
		list_template_id: template.id,
		template_id: template.id,
		list_template_name: template.name,
		inspection_type: type ? { id: type.id, name: type.name } : template.inspection_type,
		location: location ? { id: location.id, name: location.name } : null,
		inspectors: Array.isArray(inspector_ids) ? inspector_ids.map(user) : [],
		point_of_contact: point_of_contact_id ? user(point_of_contact_id) : null,
		responsible_contractor: responsible_contractor_id ? { id: responsible_contractor_id } : null,
		deleted: false,
		item_count: items.length,
		conforming_item_count: 0,
		deficient_item_count: 0,
		not_applicable_item_count: 0,
		inspected_item_count: 0,
		project_id: projectId,
	});
	const itemKey = `projects/${projectId}/checklist/list_items`;
	for (const item of items)
		rt.store.insert(itemKey, {
			list_id: list.id,
			template_item_id: item.id,
			name: item.name,
			number: item.number,
			position: item.position,
			section_id: null,
			status: 'none',
			details: null,
			item_response: null,
			project_id: projectId,
			created_at: list.created_at,
			updated_at: list.updated_at,
		});
	return respond(ctx, rt, list, 201);
}

export const inspectionCreate = defineHandler(
	['POST /rest/v1.0/projects/{project_id}/checklist/lists', 'POST /rest/v1.1/projects/{project_id}/checklist/lists'],
	createInspection,
);

export const inspectionHandlers = [inspectionCreate];
