import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../helpers/errorItem';
import { procoreApiRequest, procoreApiRequestAllItems } from '../../transport';
import type { KindSpec } from './kinds';

export interface Scope {
	companyId: string;
	projectId: string;
	itemIndex: number;
}

/** A contract as the change order paths need it: which side it is on and how to name it. */
export interface Contract {
	id: string;
	side: 'commitment' | 'prime';
	record: IDataObject;
}

const httpCode = (error: unknown) => String((error as { httpCode?: unknown }).httpCode ?? '');

export async function getChangeOrder(ctx: IExecuteFunctions, s: Scope, kind: KindSpec, id: string): Promise<IDataObject> {
	const qs = kind.scopeQuery(s.projectId);
	if (kind.showNeedsContract) {
		// Procore's PCO show requires the contract_id, which a person picking the PCO does not give:
		// the project's list (filtered by id) names it.
		const [found] = await listChangeOrders(ctx, s, kind, { 'filters[id]': id });
		if (!found || String(found.id) !== id) {
			throw new NodeOperationError(ctx.getNode(), `${kind.label} ${id} was not found in project ${s.projectId}`, {
				description: `Pick the ${kind.label.toLowerCase()} from the list, or check the Project and the Change Order Type.`,
				itemIndex: s.itemIndex,
			});
		}
		qs.contract_id = String(found.contract_id);
	}
	return await procoreApiRequest.call(ctx, {
		method: 'GET',
		path: kind.itemPath(s.projectId, id),
		qs,
		companyId: s.companyId,
		itemIndex: s.itemIndex,
	});
}

/** Every change order of the kind on the project (on one contract when given), paged to the end. */
export async function listChangeOrders(
	ctx: IExecuteFunctions,
	s: Scope,
	kind: KindSpec,
	query: IDataObject = {},
	limit?: number,
): Promise<IDataObject[]> {
	return await procoreApiRequestAllItems.call(
		ctx,
		{ method: 'GET', path: kind.listPath(s.projectId), qs: { ...kind.scopeQuery(s.projectId), ...query }, companyId: s.companyId, itemIndex: s.itemIndex },
		{ limit },
	);
}

async function commitment(ctx: IExecuteFunctions, s: Scope, id: string): Promise<IDataObject | undefined> {
	try {
		return await procoreApiRequest.call(ctx, {
			method: 'GET',
			path: `/rest/v1.0/commitments/${id}`,
			qs: { project_id: s.projectId },
			companyId: s.companyId,
			itemIndex: s.itemIndex,
		});
	} catch (error) {
		if (httpCode(error) === '404') return undefined;
		throw asNodeError(ctx, error as Error, s.itemIndex);
	}
}

async function primeContract(ctx: IExecuteFunctions, s: Scope, id: string): Promise<IDataObject | undefined> {
	// v1.0 has no show for prime_contracts (only the list): a project has one or a few.
	const all = await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: '/rest/v1.0/prime_contracts',
		qs: { project_id: s.projectId },
		companyId: s.companyId,
		itemIndex: s.itemIndex,
	});
	return all.find((c) => String(c.id) === id);
}

/**
 * The contract of the project the change order goes on. A contract of another project (or of the
 * wrong side) is refused here, naming what was looked for, before anything is written.
 */
export async function resolveContract(ctx: IExecuteFunctions, s: Scope, kind: KindSpec, id: string): Promise<Contract> {
	if (kind.contract !== 'prime') {
		const record = await commitment(ctx, s, id);
		if (record) return { id, side: 'commitment', record };
	}
	if (kind.contract !== 'commitment') {
		const record = await primeContract(ctx, s, id);
		if (record) return { id, side: 'prime', record };
	}
	const wanted = { commitment: 'a commitment (subcontract or purchase order)', prime: 'a prime contract', either: 'a commitment or prime contract' }[kind.contract];
	throw new NodeOperationError(ctx.getNode(), `Contract ${id} is not ${wanted} of project ${s.projectId}`, {
		description: `A ${kind.label} must be on a contract of the same project. Pick the Contract from the list (it shows the project's contracts), or check the Project.`,
		itemIndex: s.itemIndex,
	});
}

/** "Subcontract SC-002 Concrete Subcontract" / "Prime Contract PC-001 …": how summaries name a contract. */
export function contractName(c: Contract): string {
	const type = c.side === 'prime' ? 'Prime Contract' : c.record.type === 'PurchaseOrderContract' ? 'Purchase Order' : 'Subcontract';
	const detail = [c.record.number, c.record.title].filter((v) => v !== undefined && v !== null && v !== '').join(' ');
	return `${type} ${detail || c.id}`;
}

/** The id of the Change Event a change order was made from, where the record says it. */
export function changeEventIdOf(co: IDataObject): string | undefined {
	for (const key of ['prime_change_event_id', 'commitment_change_event_id', 'change_event_id']) {
		const v = co[key];
		if (v !== undefined && v !== null && v !== '') return String(v);
	}
	const origin = String(co.origin_id ?? co.reference ?? '');
	return /^change_event:(\d+):/.exec(origin)?.[1];
}
