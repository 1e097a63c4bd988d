import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { getCompanyId } from '../helpers/context';
import { procoreApiRequestAllItems } from '../transport';

/** Every row of a list the panel offers (lists behind pickers are short: one page or a few). */
export async function projectRows(ctx: ILoadOptionsFunctions, path: string, qs: IDataObject = {}): Promise<IDataObject[]> {
	return await procoreApiRequestAllItems.call(ctx, { method: 'GET', path, qs, companyId: await getCompanyId(ctx) });
}

export const matching = (filter: string | undefined) => {
	const needle = (filter ?? '').toLowerCase();
	return (o: { name: string }) => !needle || o.name.toLowerCase().includes(needle);
};
export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

