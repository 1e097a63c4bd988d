import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { listPage as page, matchesAny as keep } from './rows';

export async function searchChangeEvents(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const { rows, next } = await page(this, '/rest/v1.0/change_events', { project_id: getProjectId(this) }, token);
	return {
		results: rows
			.filter((ce) => keep(filter, ce.title, ce.number, ce.alphanumeric_number, ce.origin_id))
			.map((ce) => {
				const status = (ce.change_event_status as IDataObject | undefined)?.name ?? ce.status;
				return {
					name: `#${String(ce.alphanumeric_number ?? ce.number ?? ce.id)} ${String(ce.title ?? '')}${status ? ` (${String(status)})` : ''}`,
					value: String(ce.id),
				};
			}),
		paginationToken: next,
	};
}

export async function searchChangeEventStatuses(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { rows } = await page(this, '/rest/v1.0/change_event/statuses', { project_id: getProjectId(this) });
	return {
		results: rows
			.filter((s) => s.show_in_select !== false && keep(filter, s.name))
			.map((s) => ({ name: `${String(s.name)}${s.default_status ? ' (default)' : ''}`, value: String(s.id) })),
	};
}

export async function searchChangeTypes(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const { rows, next } = await page(this, '/rest/v1.0/change_types', { company_id: await getCompanyId(this) }, token);
	return {
		results: rows
			.filter((t) => t.show_in_select !== false && keep(filter, t.change_type, t.abbreviation))
			.map((t) => ({ name: `${String(t.change_type)}${t.abbreviation ? ` (${String(t.abbreviation)})` : ''}`, value: String(t.id) })),
		paginationToken: next,
	};
}

export async function searchChangeReasons(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const { rows, next } = await page(this, '/rest/v1.0/change_order_change_reasons', { company_id: await getCompanyId(this) }, token);
	return {
		results: rows
			.filter((r) => r.show_in_select !== false && keep(filter, r.change_reason))
			.map((r) => ({ name: String(r.change_reason), value: String(r.id) })),
		paginationToken: next,
	};
}

/** Commitments and prime contracts of the project; the value says which (`commitment:<id>`, `prime:<id>`). */
export async function searchChangeEventContracts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const [commitments, primes] = await Promise.all([
		page(this, '/rest/v1.0/commitments', { project_id: projectId }),
		page(this, '/rest/v1.0/prime_contracts', { project_id: projectId }),
	]);
	const label = (c: IDataObject) => `${c.number ? `${String(c.number)} ` : ''}${String(c.title ?? '')}`.trim();
	return {
		results: [
			...commitments.rows
				.filter((c) => keep(filter, c.number, c.title, (c.vendor as IDataObject | undefined)?.name))
				.map((c) => ({
					name: `Commitment: ${label(c)}${(c.vendor as IDataObject | undefined)?.name ? ` (${String((c.vendor as IDataObject).name)})` : ''}`,
					value: `commitment:${String(c.id)}`,
				})),
			...primes.rows.filter((c) => keep(filter, c.number, c.title)).map((c) => ({ name: `Prime Contract: ${label(c)}`, value: `prime:${String(c.id)}` })),
		],
	};
}

/** The vendors of the project's directory: the ones a Change Event line can name. */
export async function searchProjectVendors(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const { rows, next } = await page(this, `/rest/v1.0/projects/${getProjectId(this)}/vendors`, {}, token);
	return {
		results: rows.filter((v) => keep(filter, v.name, v.abbreviated_name)).map((v) => ({ name: String(v.name), value: String(v.id) })),
		paginationToken: next,
	};
}
