import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { getCompanyId } from '../helpers/context';
import { procoreApiRequest, procoreApiRequestAllItems } from '../transport';

/** Every row of a list the panel offers (lists behind pickers are short: one page or a few). */
export async function projectRows(ctx: ILoadOptionsFunctions, path: string, qs: IDataObject = {}): Promise<IDataObject[]> {
	return await procoreApiRequestAllItems.call(ctx, { method: 'GET', path, qs, companyId: await getCompanyId(ctx) });
}

export const matching = (filter: string | undefined) => {
	const needle = (filter ?? '').toLowerCase();
	return (o: { name: string }) => !needle || o.name.toLowerCase().includes(needle);
};
export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** Whether any of a row's values contains what the user typed (case-insensitive; nothing typed: every row). */
export function matchesAny(filter: string | undefined, ...values: unknown[]): boolean {
	const needle = (filter ?? '').toLowerCase();
	return !needle || values.some((v) => String(v ?? '').toLowerCase().includes(needle));
}

const PAGE = 100;

/**
 * One page of a list behind a picker, and the token of the next page while pages are full. The
 * company header is the node's company unless `company` says otherwise (`{ id: undefined }`: no
 * header, for the list of companies a user token can see).
 */
export async function listPage(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	token?: string,
	company?: { id: string | undefined },
): Promise<{ rows: IDataObject[]; next?: string }> {
	const companyId = company ? company.id : await getCompanyId(ctx);
	const pageNumber = Number(token ?? 1);
	const body: unknown = await procoreApiRequest.call(ctx, { method: 'GET', path, qs: { ...qs, page: pageNumber, per_page: PAGE }, companyId });
	const rows = Array.isArray(body) ? (body as IDataObject[]) : [];
	return { rows, next: rows.length === PAGE ? String(pageNumber + 1) : undefined };
}
