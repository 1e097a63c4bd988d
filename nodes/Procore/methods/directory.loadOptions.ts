import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequestAllItems } from '../transport';
import { userLabel } from './userLabel';

async function allRows(ctx: ILoadOptionsFunctions, path: string): Promise<IDataObject[]> {
	return await procoreApiRequestAllItems.call(ctx, { method: 'GET', path, companyId: await getCompanyId(ctx) });
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** The project's users, for parameters that take several (RFI assignees). */
export async function getProjectUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await allRows(this, `/rest/v1.0/projects/${getProjectId(this)}/users`);
	return rows.map((u) => ({ name: userLabel(u), value: String(u.id) })).sort(byName);
}

/** The company's trades, for parameters that take several (a vendor's trades). */
export async function getTrades(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await allRows(this, `/rest/v1.0/companies/${await getCompanyId(this)}/trades`);
	return rows.map((t) => ({ name: String(t.name ?? t.id), value: String(t.id) })).sort(byName);
}
