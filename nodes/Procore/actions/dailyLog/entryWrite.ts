import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId, toProcoreId } from '../../helpers/context';
import { isoDay } from '../../helpers/filters';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { procoreApiRequestAllItems } from '../../transport';
import { pickFromList, projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { fillPath } from '../shared/path';
import { LOG_TYPES } from './logTypes';

export const entryDate: INodeProperties = {
	displayName: 'Date',
	name: 'date',
	type: 'dateTime',
	required: true,
	default: '',
	description: 'The day of the daily log the entry belongs to',
};

export const locationOption = pickFromList('locationId', 'Location', 'searchLocations');
export const vendorOption = pickFromList('vendorId', 'Vendor', 'searchProjectVendors', 'The company the entry is about');

/** Panel of a create-entry operation: project, date, the type's own fields, then Options. */
export function entryDescription(operation: string, fields: INodeProperties[]): INodeProperties[] {
	return forOperation('dailyLog', operation, [projectLocator, entryDate, ...fields, writeOptionsCollection]);
}

/** Optional locator values of a collection as Procore ids: `{ vendorId: 'vendor_id' }`. */
export function idFields(f: IDataObject, map: Record<string, string>): IDataObject {
	const out: IDataObject = {};
	for (const [option, field] of Object.entries(map)) if (normalizeId(f[option])) out[field] = toProcoreId(normalizeId(f[option]));
	return out;
}

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as IDataObject).id : undefined);

/** Where a written field is found on the entry Procore returns (`contact_id` reads as `vendor.id`). */
function readBack(entry: IDataObject, field: string): unknown {
	if (field in entry && entry[field] !== undefined) return entry[field];
	const nested: Record<string, string> = { contact_id: 'vendor', vendor_id: 'vendor', location_id: 'location', cost_code_id: 'cost_code', trade_id: 'trade' };
	if (nested[field]) return idOf(entry[nested[field]]);
	return undefined;
}

function sameValue(written: unknown, read: unknown): boolean {
	if (typeof written === 'boolean' || (typeof written === 'number' && (read === 'true' || read === 'false'))) {
		return String(Boolean(Number(written) || written === true)) === String(read === true || read === 'true');
	}
	if (typeof written === 'number' || (typeof written === 'string' && /^\d+(\.\d+)?$/.test(written))) {
		return Number(written) === Number(read);
	}
	return String(written ?? '').trim() === String(read ?? '').trim();
}

/**
 * Creates one daily log entry, unless the day already has an entry of this type saying the same
 * (every field written reads back equal): daily log entries carry no origin ID, so this is how a
 * re-run of the same workflow finds what it wrote and writes nothing twice.
 */
export async function createEntry(
	ctx: IExecuteFunctions,
	i: number,
	options: { type: 'manpower' | 'notes' | 'weather'; wrapperKey: string; entry: IDataObject; describe: (entry: IDataObject) => string },
): Promise<IDataObject> {
	const companyId = await getCompanyId(ctx, i);
	const projectId = getProjectId(ctx, i);
	const date = isoDay(ctx, ctx.getNodeParameter('date', i), 'Date', i);
	const logType = LOG_TYPES[options.type];
	const path = fillPath(logType.path, { companyId, projectId });
	const entry: IDataObject = { date, ...options.entry };
	const sameDay = await procoreApiRequestAllItems.call(ctx, { method: 'GET', path, qs: { log_date: date }, companyId, itemIndex: i });
	const existing = sameDay.find((e) => String(e.date ?? '').slice(0, 10) === date && Object.entries(entry).every(([field, value]) => sameValue(value, readBack(e, field))));
	const what = `${logType.name.toLowerCase()} entry on ${date}: ${options.describe(entry)}`;
	if (existing) return { ...existing, skipped: true, summary: `Already in the daily log: ${what}; nothing written` };
	return await procoreWrite.call(ctx, {
		itemIndex: i,
		action: 'create',
		recordLabel: `${logType.name} log entry`,
		request: { method: 'POST', path, body: { [options.wrapperKey]: entry }, companyId },
		wrapperKey: options.wrapperKey,
		auditField: null,
		summarize: (record, _c, preview) => `${preview ? 'Would add' : 'Added'} ${what}${!preview && record.id ? ` (entry ${String(record.id)})` : ''}`,
	});
}
