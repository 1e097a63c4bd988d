import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getProjectId } from '../helpers/context';
import { projectRows } from './rows';

/**
 * Cost codes and cost types for the lines of a schedule of values (commitments, direct costs).
 * Lines sit in a fixed collection, where n8n offers option lists (not resource locators); an
 * expression may give a code ("03-300", "L") or an ID instead, matched against the same lists.
 */
export async function getProjectCostCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await projectRows(this, '/rest/v1.0/cost_codes', { project_id: getProjectId(this) });
	return rows
		.filter((c) => !Array.isArray(c.line_item_types) || c.line_item_types.length > 0 || c.parent)
		.map((c) => ({ name: `${String(c.full_code ?? c.code ?? '')} ${String(c.name ?? '')}`.trim(), value: String(c.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getProjectCostTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await projectRows(this, '/rest/v1.0/line_item_types', { project_id: getProjectId(this) });
	return rows
		.map((t) => ({ name: `${String(t.name ?? t.code)}${t.code ? ` (${String(t.code)})` : ''}`, value: String(t.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
