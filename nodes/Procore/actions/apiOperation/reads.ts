import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { procoreApiRequest, procoreApiRequestAllItems } from '../../transport';
import type { CatalogOperation } from './catalog';
import { loadCatalog } from './catalog';
import { bodyKeys, buildCatalogRequest } from './request';

/**
 * The reads a catalog write does first, through the GET Procore has on the same path: the record an
 * update replaces (previous → new) and the record a create would repeat (Skip If Exists By).
 */

export type Scope = { companyId: string; projectId?: string };

/** v2 answers wrap records in `data`; v1 answers are the record or list itself. */
export function unwrap(body: unknown): IDataObject | IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body && typeof body === 'object') {
		const data = (body as IDataObject).data;
		if (data && typeof data === 'object') return data as IDataObject | IDataObject[];
		return body as IDataObject;
	}
	return { result: (body ?? null) as IDataObject[string] };
}

/**
 * The record an update replaces, read first through the operation Procore has for GET on the same
 * path (with the same values where it takes them), for the previous → new list and the preview.
 */
export async function previousRecord(ctx: IExecuteFunctions, op: CatalogOperation, values: IDataObject, scope: Scope): Promise<IDataObject | undefined> {
	const read = (await loadCatalog()).operations.find((o) => o.method === 'GET' && o.path === op.path);
	if (!read) return undefined;
	const names = new Set(read.fields.map((f) => f.name));
	const own = Object.fromEntries(Object.entries(values).filter(([k]) => names.has(k)));
	try {
		const request = buildCatalogRequest(read, own, scope, (message) => {
			throw new NodeOperationError(ctx.getNode(), message);
		});
		const record = unwrap(await procoreApiRequest.call(ctx, { ...request, companyId: scope.companyId }));
		return Array.isArray(record) ? undefined : record;
	} catch {
		// Without read access (or a value the read needs) the update still runs, without the previous → new list.
		return undefined;
	}
}

/**
 * Skip If Exists By: the record on the same path whose field already holds the value this create
 * sends, read through the list Procore has there (every page).
 */
export async function existingRecord(ctx: IExecuteFunctions, i: number, op: CatalogOperation, body: IDataObject | undefined, values: IDataObject, scope: Scope, name: string): Promise<IDataObject | undefined> {
	const fail = (message: string, hint: string): never => {
		throw new NodeOperationError(ctx.getNode(), message, { description: hint, itemIndex: i });
	};
	const list = (await loadCatalog()).operations.find((o) => o.method === 'GET' && o.path === op.path);
	if (!list) return fail(`Skip If Exists By needs a list of the records, and Procore has none at ${op.path}`, 'Leave Skip If Exists By empty for this operation.');
	const field = op.fields.find((f) => f.in === 'body' && f.name === name);
	if (!field) {
		return fail(`"${name}" is not a body field of ${op.summary}`, `Enter one of its body fields, e.g. ${op.fields.filter((f) => f.in === 'body').slice(0, 5).map((f) => f.name).join(', ')}.`);
	}
	const keys = bodyKeys(field, op);
	const wanted = keys.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as IDataObject)[k] : undefined), body);
	if (wanted === undefined || wanted === null || wanted === '') return fail(`Skip If Exists By names "${name}", which this create leaves empty`, `Fill ${name}, or leave Skip If Exists By empty.`);
	const names = new Set(list.fields.map((f) => f.name));
	const request = buildCatalogRequest(list, Object.fromEntries(Object.entries(values).filter(([k]) => names.has(k))), scope, fail);
	const records = list.pagedList
		? await procoreApiRequestAllItems.call(ctx, { ...request, companyId: scope.companyId, itemIndex: i }, { dataKey: list.dataKey })
		: unwrap(await procoreApiRequest.call(ctx, { ...request, companyId: scope.companyId, itemIndex: i }));
	// The list shows the record's own field (`name`), not the body's wrapper (`punch_item.name`).
	const key = keys[keys.length - 1];
	return (Array.isArray(records) ? records : [records]).find((r) => r && String(r[key]) === String(wanted));
}

