import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getProjectId } from '../helpers/context';
import { byName, projectRows } from './rows';

/** The project's specification sections, "number description", for a choice of several. */
export async function getSpecificationSections(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await projectRows(this, '/rest/v1.0/specification_sections', { project_id: getProjectId(this) });
	return rows
		.map((s) => ({ name: `${String(s.number ?? '')} ${String(s.description ?? '')}`.trim() || String(s.id), value: String(s.id) }))
		.sort(byName);
}
