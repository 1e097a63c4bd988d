import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId } from '../../helpers/context';
import { idList, sinceRange } from '../../helpers/filters';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procorePages } from '../../transport';
import { filtersCollection, pickManyFromList, projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { VENDOR_FIELDS, directoryParameter, vendorPaths } from './fields';

export const description: INodeProperties[] = [
	...forOperation('vendor', 'getAll', [directoryParameter, { ...projectLocator, displayOptions: { show: { directory: ['project'] } } }]),
	...returnAllOrLimit({ resource: ['vendor'], operation: ['getAll'] }),
	...forOperation('vendor', 'getAll', [
		filtersCollection([
			{ displayName: 'Origin ID', name: 'originId', type: 'string', default: '', description: 'Company directory only' },
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Words matched against the vendor name, keywords, origin code or tax number, e.g. "acme"',
			},
			pickManyFromList('tradeIds', 'Trade Names or IDs', 'getTrades', 'Only vendors of these trades'),
			{
				displayName: 'Updated Since',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				description: 'Only vendors changed since then (for incremental syncs to a COI platform)',
			},
		]),
	]),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject | IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const paths = vendorPaths(this, i, companyId);
	const limit = readLimit(this, i) ?? Infinity;
	const f = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = { ...paths.qs };
	if (f.search) qs['filters[search]'] = f.search;
	const trades = idList(this, f.tradeIds, 'Trades', i);
	if (trades.length) qs['filters[trade_id]'] = trades;
	let since: string | undefined;
	if (f.updatedSince) {
		const range = sinceRange(this, f.updatedSince, i);
		since = range.split('...')[0];
		// The project directory has no updated_at filter in Procore; it is applied to the records here.
		if (paths.directory === 'company') qs['filters[updated_at]'] = range;
	}
	if (f.originId && paths.directory === 'company') qs['filters[origin_id]'] = f.originId;
	const keep = (v: IDataObject) =>
		(!since || paths.directory === 'company' || (v.updated_at !== undefined && Date.parse(String(v.updated_at)) >= Date.parse(since))) &&
		(!f.originId || paths.directory === 'company' || String(v.origin_id ?? '') === String(f.originId));
	const records: IDataObject[] = [];
	const clientFiltered = paths.directory === 'project' && (since || f.originId);
	for await (const page of procorePages.call(
		this,
		{ method: 'GET', path: paths.list, qs, companyId, itemIndex: i },
		// Server-side filters let the limit cap the request; client-side ones must read on.
		{ limit: clientFiltered || !Number.isFinite(limit) ? undefined : limit },
	)) {
		for (const v of page) if (records.length < limit && keep(v)) records.push(v);
		if (records.length >= limit) break;
	}
	return records;
}

export const output: OutputSpec = { fields: VENDOR_FIELDS };
