import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId } from '../helpers/context';
import { listPage, matchesAny as matches } from './rows';

export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials('procoreOAuth2Api');
	// Service accounts need the company header even here; user tokens must not be limited by it.
	const companyId = credentials.grantType === 'clientCredentials' ? String(credentials.companyId ?? '') : undefined;
	const { rows: records, next } = await listPage(this, '/rest/v1.0/companies', {}, paginationToken, { id: companyId });
	return {
		results: records
			.filter((c) => matches(filter, c.name, c.id))
			.map((c) => ({ name: String(c.name), value: String(c.id) })),
		paginationToken: next,
	};
}

/** Whether the panel's operation only reads (Get, Get Many, Find…, Download): it may pick inactive projects. */
function readsOnly(ctx: ILoadOptionsFunctions): boolean {
	let operation = '';
	try {
		operation = String(ctx.getNodeParameter('operation', '') ?? '');
	} catch {
		// The Procore Trigger has no operation: it listens to active projects.
	}
	return /^(get|find|download)/i.test(operation);
}

/**
 * The company's projects, named "number – name" (Procore's display_name repeats the number). A
 * write operation is offered only active projects; a read also gets inactive ones, marked.
 */
export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const companyId = await getCompanyId(this);
	const qs: IDataObject = { company_id: companyId, 'filters[by_status]': readsOnly(this) ? 'All' : 'Active' };
	if (filter) qs['filters[name]'] = filter;
	const { rows: records, next } = await listPage(this, '/rest/v1.0/projects', qs, paginationToken, { id: companyId });
	return {
		results: records.map((p) => ({
			name: `${p.project_number ? `${String(p.project_number)} – ` : ''}${String(p.name ?? p.display_name)}${p.active === false ? ' (inactive)' : ''}`,
			value: String(p.id),
		})),
		paginationToken: next,
	};
}
