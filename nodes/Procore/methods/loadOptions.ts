import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequestAllItems } from '../transport';

/**
 * Options for parameters that take several IDs at once (a resource locator takes one): the
 * people of the chosen project, by name, for a clock-out's coworkers.
 */
export async function getProjectPeople(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const projectId = getProjectId(this);
	const companyId = await getCompanyId(this);
	const rows: IDataObject[] = await procoreApiRequestAllItems.call(this, {
		method: 'GET',
		path: `/rest/v1.0/projects/${projectId}/people`,
		companyId,
	});
	return rows
		.map((p) => {
			const name = String(p.name ?? ([p.first_name, p.last_name].filter(Boolean).join(' ') || p.id));
			return { name: `${name}${p.employee_id ? ` (#${String(p.employee_id)})` : ''}`, value: String(p.id) };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
