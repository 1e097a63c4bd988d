import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getProjectId } from '../helpers/context';
import { kindOf } from '../actions/changeOrder/kinds';
import { projectRows } from './rows';

function keep(filter: string | undefined, ...values: unknown[]): boolean {
	const needle = (filter ?? '').toLowerCase();
	return !needle || values.some((v) => String(v ?? '').toLowerCase().includes(needle));
}

const typeOf = (ctx: ILoadOptionsFunctions) => kindOf(ctx.getCurrentNodeParameter('changeOrderType'));

/** The project's change orders of the type chosen in the node. */
export async function searchChangeOrders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const kind = typeOf(this);
	const rows = await projectRows(this, kind.listPath(projectId), kind.scopeQuery(projectId));
	return {
		results: rows
			.filter((co) => keep(filter, co.number, co.title, co.status, co.id))
			.map((co) => ({
				name: `${kind.acronym} #${String(co.number ?? co.id)} ${String(co.title ?? '')}${co.status ? ` (${String(co.status)})` : ''}`.replace(/\s+/g, ' ').trim(),
				value: String(co.id),
			})),
	};
}

const contractLabel = (c: IDataObject) => `${c.number ? `${String(c.number)} ` : ''}${String(c.title ?? '')}`.trim();

/**
 * The contracts a change order of the chosen type can be on: commitments for a commitment change
 * order, the prime contract(s) for a prime contract change order, both otherwise. Values are
 * Procore's contract IDs.
 */
export async function searchChangeOrderContracts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const side = typeOf(this).contract;
	const [commitments, primes] = await Promise.all([
		side === 'prime' ? [] : projectRows(this, '/rest/v1.0/commitments', { project_id: projectId }),
		side === 'commitment' ? [] : projectRows(this, '/rest/v1.0/prime_contracts', { project_id: projectId }),
	]);
	const vendor = (c: IDataObject) => (c.vendor as IDataObject | undefined)?.name;
	return {
		results: [
			...primes.filter((c) => keep(filter, c.number, c.title)).map((c) => ({ name: `Prime Contract: ${contractLabel(c)}`, value: String(c.id) })),
			...commitments
				.filter((c) => keep(filter, c.number, c.title, vendor(c)))
				.map((c) => ({
					name: `${c.type === 'PurchaseOrderContract' ? 'Purchase Order' : 'Subcontract'}: ${contractLabel(c)}${vendor(c) ? ` (${String(vendor(c))})` : ''}`,
					value: String(c.id),
				})),
		],
	};
}
