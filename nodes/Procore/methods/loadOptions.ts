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

/**
 * The company's projects, for parameters that take several projects at once (a sync's projects,
 * the All Projects trigger's limit): active ones first by number and name, then the inactive.
 */
export async function getCompanyProjects(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const companyId = await getCompanyId(this);
	const rows: IDataObject[] = await procoreApiRequestAllItems.call(this, {
		method: 'GET',
		path: '/rest/v1.0/projects',
		qs: { company_id: companyId, 'filters[by_status]': 'All' },
		companyId,
	});
	const label = (p: IDataObject) => `${p.project_number ? `${String(p.project_number)} – ` : ''}${String(p.name ?? p.display_name ?? p.id)}`;
	const active = (p: IDataObject) => p.active !== false;
	const byLabel = (a: IDataObject, b: IDataObject) => label(a).localeCompare(label(b));
	return [...rows.filter(active).sort(byLabel), ...rows.filter((p) => !active(p)).sort(byLabel)].map((p) => ({
		name: `${label(p)}${active(p) ? '' : ' (inactive)'}`,
		value: String(p.id),
	}));
}
