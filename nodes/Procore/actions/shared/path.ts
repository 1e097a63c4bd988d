import type { IDataObject } from 'n8n-workflow';

export interface ScopeIds {
	companyId: string;
	projectId?: string;
	id?: string;
}

/** Fills `{company_id}`, `{project_id}` and `{id}` in a Procore path template. */
export function fillPath(template: string, ids: ScopeIds): string {
	return template
		.replace('{company_id}', ids.companyId)
		.replace('{project_id}', ids.projectId ?? '')
		.replace('{id}', ids.id ?? '');
}

/** v1.0 paths such as /rest/v1.0/observations/items take the project in the query. */
export function projectQuery(ids: ScopeIds): IDataObject {
	return { project_id: ids.projectId };
}
