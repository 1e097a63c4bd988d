/**
 * Line item types (cost types) belong to the company. `GET /rest/v1.0/line_item_types` requires
 * both `company_id` and `project_id` in Procore's catalog, which would otherwise route the list to
 * an empty project collection: it lists the company's types (plus any a test stored on the project).
 */
import { applyFilters, applySort, includeDeleted } from '../engine/filters';
import { listReply } from '../engine/generic';
import { defineHandler } from './registry';

export const listLineItemTypes = defineHandler('GET /rest/v1.0/line_item_types', (ctx, rt) => {
	const deleted = includeDeleted(ctx.query.filters);
	const company = rt.store.list(`companies/${ctx.companyId ?? rt.companyId}/line_item_types`, deleted);
	const project = ctx.projectId === null ? [] : rt.store.list(`projects/${ctx.projectId}/line_item_types`, deleted);
	return listReply(ctx, rt, applySort(applyFilters([...company, ...project], ctx.query.filters), ctx.query.sort));
});

export const lineItemTypeHandlers = [listLineItemTypes];
