import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { scopeQuery } from '../actions/webhook/scope';
import { procoreApiRequest } from '../transport';

/** The hooks of the chosen scope (company or project), named by namespace and address. */
export async function searchHooks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { companyId, qs } = await scopeQuery(this);
	const body: unknown = await procoreApiRequest.call(this, { method: 'GET', path: '/rest/v1.0/webhooks/hooks', qs, companyId });
	const needle = (filter ?? '').toLowerCase();
	return {
		results: (Array.isArray(body) ? (body as Array<Record<string, unknown>>) : [])
			.map((h) => ({ name: `${String(h.namespace ?? '')} → ${String(h.destination_url ?? '')} (${String(h.id)})`, value: String(h.id) }))
			.filter((o) => !needle || o.name.toLowerCase().includes(needle)),
	};
}
