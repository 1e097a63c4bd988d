import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { procoreApiRequest, procoreApiRequestAllItems } from '../../../transport';
import { V10_PATH, originIdOf, v10ItemPath } from '../body';
import type { Scope } from '../lookups';
import type { PushInput } from './input';

/** The Change Event a push writes into, as Procore has it now. */
export interface Target {
	record: IDataObject;
	id: string;
}

/** The Change Event a COR was pushed to before, found by its COR ID (stored as the origin ID). */
export async function findByOrigin(ctx: IExecuteFunctions, i: number, scope: Scope, corId: string): Promise<Target | undefined> {
	// Procore's Change Event lists take no origin ID filter (v1.0 nor v1.1), so the project's
	// Change Events are read in pages of 1,000 and matched here.
	const all = await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: V10_PATH,
		qs: { project_id: scope.projectId },
		companyId: scope.companyId,
		itemIndex: i,
	});
	const hits = all.filter((ce) => originIdOf(ce) === corId && !ce.deleted_at);
	if (!hits.length) return undefined;
	// Should a person have copied one, the oldest is the one the push created.
	hits.sort((a, b) => (BigInt(String(a.id)) < BigInt(String(b.id)) ? -1 : 1));
	return { record: hits[0], id: String(hits[0].id) };
}

/** Reads one Change Event (v1.0, with its lines and attachments). */
export async function readChangeEvent(ctx: IExecuteFunctions, i: number, scope: Scope, id: string): Promise<IDataObject> {
	return await procoreApiRequest.call(ctx, {
		method: 'GET',
		path: v10ItemPath(id),
		qs: { project_id: scope.projectId },
		companyId: scope.companyId,
		itemIndex: i,
	});
}

/** The chosen Change Event, else the one this COR was pushed to before; undefined means create. */
export async function findTarget(ctx: IExecuteFunctions, i: number, input: PushInput): Promise<Target | undefined> {
	if (input.chosenId) return { record: await readChangeEvent(ctx, i, input.scope, input.chosenId), id: input.chosenId };
	return await findByOrigin(ctx, i, input.scope, input.corId);
}
