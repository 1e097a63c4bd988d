import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizeId } from '../../helpers/context';
import { procoreApiRequest, procoreApiRequestAllItems } from '../../transport';

/**
 * A vendor from the company directory: from the list, by ID, by exact name, or by the origin ID
 * another system (a COI platform, an ERP) stored on it. Project directory vendors share these IDs.
 */
export function vendorLocator(options: { name?: string; required?: boolean; description?: string } = {}): INodeProperties {
	return {
		displayName: 'Vendor',
		name: options.name ?? 'vendor',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description:
			options.description ??
			'The vendor (subcontractor or supplier) in the company directory. Pick it, enter its ID, its exact name, or the origin ID another system stored on it.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchVendors', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 562949953421312',
				validation: [{ type: 'regex', properties: { regex: '^[0-9]{1,20}$', errorMessage: 'Enter a numeric Procore ID' } }],
			},
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Acme Electric' },
			{ displayName: 'By Origin ID', name: 'originId', type: 'string', placeholder: 'e.g. trustlayer-8842' },
		],
	};
}

export interface ResolvedVendor {
	id: string;
	/** Known when the vendor was looked up (by name or origin ID) or fetched. */
	name?: string;
	record?: IDataObject;
}

interface LocatorValue {
	mode?: string;
	value?: unknown;
}

function candidates(records: IDataObject[]): string {
	return records
		.slice(0, 10)
		.map((v) => `"${String(v.name)}" (ID ${String(v.id)})`)
		.join(', ');
}

/** Exact, case-insensitive name match; ignores runs of spaces so "Acme  Electric" still matches. */
export function sameName(a: unknown, b: unknown): boolean {
	const norm = (s: unknown) => String(s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
	return norm(a) === norm(b);
}

/**
 * The vendor a parameter points at. By name, Procore's search (`filters[search]`) finds candidates
 * and only an exact name counts: a partial match must never write to the wrong subcontractor.
 */
export async function resolveVendor(
	ctx: IExecuteFunctions,
	itemIndex: number,
	companyId: string,
	parameterName = 'vendor',
	cache?: VendorCache,
): Promise<ResolvedVendor> {
	const raw = ctx.getNodeParameter(parameterName, itemIndex, '') as LocatorValue | string;
	const locator: LocatorValue = typeof raw === 'object' && raw !== null ? raw : { mode: 'id', value: raw };
	const mode = locator.mode ?? 'id';
	const value = normalizeId(locator.value);
	if (!cache || mode === 'id' || mode === 'list' || mode === 'url') return await lookUp(ctx, itemIndex, companyId, mode, value);
	// Many items naming the same vendor cost one look-up (a sync of 1,000 certificates, say).
	const key = `${companyId}|${mode}|${value.toLowerCase()}`;
	let found = cache.get(key);
	if (!found) {
		found = lookUp(ctx, itemIndex, companyId, mode, value);
		cache.set(key, found);
	}
	return await found;
}

export type VendorCache = Map<string, Promise<ResolvedVendor>>;

async function lookUp(
	ctx: IExecuteFunctions,
	itemIndex: number,
	companyId: string,
	mode: string,
	value: string,
): Promise<ResolvedVendor> {
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), 'Vendor is required', {
			description: 'Pick the vendor from the list, or enter its ID, its exact name or its origin ID.',
			itemIndex,
		});
	}
	if (mode === 'name') {
		const found = await procoreApiRequestAllItems.call(
			ctx,
			{
				method: 'GET',
				path: '/rest/v1.0/vendors',
				qs: { company_id: companyId, 'filters[search]': value },
				companyId,
				itemIndex,
			},
			{ limit: 100 },
		);
		const exact = found.filter((v) => sameName(v.name, value));
		if (exact.length === 1) return { id: String(exact[0].id), name: String(exact[0].name), record: exact[0] };
		if (exact.length > 1) {
			throw new NodeOperationError(ctx.getNode(), `${exact.length} vendors are named "${value}"`, {
				description: `Candidates: ${candidates(exact)}. Choose one by ID (Vendor > By ID) so the right subcontractor is updated.`,
				itemIndex,
			});
		}
		throw new NodeOperationError(ctx.getNode(), `No vendor is named exactly "${value}" in the company directory`, {
			description: found.length
				? `Similar vendors: ${candidates(found)}. Use the exact name, or choose the vendor by ID.`
				: 'Check the spelling, or add the vendor with Vendor > Create, or choose it from the list.',
			itemIndex,
		});
	}
	if (mode === 'originId') {
		const found = await procoreApiRequestAllItems.call(
			ctx,
			{
				method: 'GET',
				path: '/rest/v1.0/vendors',
				qs: { company_id: companyId, 'filters[origin_id]': value },
				companyId,
				itemIndex,
			},
			{ limit: 10 },
		);
		// The filter is exact in Procore; the check guards against a server that ignores it.
		const exact = found.filter((v) => String(v.origin_id ?? value) === value);
		if (exact.length === 1) return { id: String(exact[0].id), name: String(exact[0].name), record: exact[0] };
		throw new NodeOperationError(
			ctx.getNode(),
			exact.length ? `${exact.length} vendors have the origin ID "${value}"` : `No vendor has the origin ID "${value}"`,
			{
				description: exact.length
					? `Candidates: ${candidates(exact)}. Choose one by ID.`
					: 'Set the origin ID on the vendor (Vendor > Update), or choose the vendor by name or ID.',
				itemIndex,
			},
		);
	}
	if (!/^\d{1,20}$/.test(value)) {
		throw new NodeOperationError(ctx.getNode(), `Vendor "${value}" is not a Procore ID`, {
			description: 'Enter the numeric vendor ID, or switch the Vendor field to "By Name" to find it by its exact name.',
			itemIndex,
		});
	}
	return { id: value };
}

/** The vendor's name for summaries, fetched only when the ID was given directly. */
export async function vendorWithName(
	ctx: IExecuteFunctions,
	itemIndex: number,
	companyId: string,
	vendor: ResolvedVendor,
): Promise<ResolvedVendor> {
	if (vendor.name) return vendor;
	const record = await procoreApiRequest.call(ctx, {
		method: 'GET',
		path: `/rest/v1.0/vendors/${vendor.id}`,
		qs: { company_id: companyId, view: 'compact' },
		companyId,
		itemIndex,
	});
	return { ...vendor, name: record.name === undefined ? undefined : String(record.name), record };
}
