import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequestAllItems } from '../transport';

/**
 * Options for the per-line fields of Push COR's "Lines" (a fixed collection holds no resource
 * locator): the project's cost codes, line item types, commitments and directory vendors. The
 * first option keeps the COR's own. Each value is the record's ID, which the line resolver matches
 * like a typed ID, so an ID given by expression works the same.
 */
async function projectRows(ctx: ILoadOptionsFunctions, path: string, qs: IDataObject = { project_id: getProjectId(ctx) }): Promise<IDataObject[]> {
	const companyId = await getCompanyId(ctx);
	return await procoreApiRequestAllItems.call(ctx, { method: 'GET', path, qs, companyId });
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getCostCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await projectRows(this, '/rest/v1.0/cost_codes');
	const codes = rows
		.map((c) => ({ name: `${String(c.full_code ?? c.code ?? '')} ${String(c.name ?? '')}`.trim(), value: String(c.id) }))
		.sort(byName);
	return [{ name: 'The COR\'s Cost Code', value: '' }, ...codes];
}

export async function getLineItemTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await projectRows(this, '/rest/v1.0/line_item_types');
	const types = rows
		.map((t) => ({ name: `${String(t.name ?? t.code)}${t.code ? ` (${String(t.code)})` : ''}`, value: String(t.id) }))
		.sort(byName);
	return [{ name: 'The COR\'s Category', value: '' }, ...types];
}

/** The project's commitments (subcontracts, purchase orders): a line's contract, and through it its vendor. */
export async function getCommitments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await projectRows(this, '/rest/v1.0/commitments');
	const commitments = rows
		.map((c) => {
			const vendor = (c.vendor as IDataObject | undefined)?.name;
			const label = `${c.number ? `${String(c.number)} ` : ''}${String(c.title ?? '')}`.trim() || `ID ${String(c.id)}`;
			return { name: vendor ? `${label} (${String(vendor)})` : label, value: String(c.id) };
		})
		.sort(byName);
	return [{ name: 'The COR\'s Contract', value: '' }, ...commitments];
}

/** The vendors of the project's directory: the ones a Change Event line can name. */
export async function getProjectVendors(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await projectRows(this, `/rest/v1.0/projects/${getProjectId(this)}/vendors`, {});
	const vendors = rows.map((v) => ({ name: String(v.name ?? `ID ${String(v.id)}`), value: String(v.id) })).sort(byName);
	return [{ name: 'The COR\'s Vendor', value: '' }, ...vendors];
}
