import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequestAllItems } from '../transport';

/**
 * Options for the per-line fields of Push COR's "Lines" (a fixed collection holds no resource
 * locator): the project's cost codes and line item types. The first option keeps the COR's own.
 */
async function projectRows(ctx: ILoadOptionsFunctions, path: string): Promise<IDataObject[]> {
	const projectId = getProjectId(ctx);
	const companyId = await getCompanyId(ctx);
	return await procoreApiRequestAllItems.call(ctx, { method: 'GET', path, qs: { project_id: projectId }, companyId });
}

export async function getCostCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await projectRows(this, '/rest/v1.0/cost_codes');
	const codes = rows
		.map((c) => ({ name: `${String(c.full_code ?? c.code ?? '')} ${String(c.name ?? '')}`.trim(), value: String(c.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return [{ name: 'The COR\'s Cost Code', value: '' }, ...codes];
}

export async function getLineItemTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await projectRows(this, '/rest/v1.0/line_item_types');
	const types = rows
		.map((t) => ({ name: `${String(t.name ?? t.code)}${t.code ? ` (${String(t.code)})` : ''}`, value: String(t.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return [{ name: 'The COR\'s Category', value: '' }, ...types];
}
