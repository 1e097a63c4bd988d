import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequestAllItems } from '../transport';
import { userLabel } from './userLabel';

/** The people Procore offers as punch item assignees in the project, for parameters that take several. */
export async function getPunchItemAssignees(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows: IDataObject[] = await procoreApiRequestAllItems.call(this, {
		method: 'GET',
		path: `/rest/v1.0/projects/${getProjectId(this)}/punch_list_assignee_options`,
		companyId: await getCompanyId(this),
	});
	return rows.map((u) => ({ name: userLabel(u), value: String(u.id) })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The project's newest photos (Procore lists newest first), for parameters that take several photo IDs. */
export async function getProjectPhotos(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows: IDataObject[] = await procoreApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/rest/v1.0/images', qs: { project_id: getProjectId(this) }, companyId: await getCompanyId(this) },
		{ limit: 200 },
	);
	return rows.map((p) => ({ name: `${String(p.filename ?? p.id)}${p.log_date ? ` (${String(p.log_date)})` : ''}`, value: String(p.id) }));
}
