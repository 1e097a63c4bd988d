import type { IDataObject } from 'n8n-workflow';

import type { ProcoreContext, ProcoreRequest } from './request';
import { procoreRequest } from './request';
import { asDataObject } from './json';

/** Largest page Procore serves on v1 lists (the guide says keep it at or under 2,000; 1,000 is safe). */
export const MAX_PER_PAGE_V1 = 1000;
/** v2.x lists cap per_page at 100. */
export const MAX_PER_PAGE_V2 = 100;

export interface PaginationOptions {
	/** Stop once this many records are collected; undefined = to the end. */
	limit?: number;
	perPage?: number;
	/** Where the array sits in the body when it is not the body itself (v2: `data`). */
	dataKey?: string;
	/**
	 * Lists paged by the last id seen instead of page numbers (v1.0 webhook deliveries:
	 * `page_size` + `page_start`, the id of the previous page's last record).
	 */
	cursor?: { sizeParam: string; startParam: string; maxPageSize: number; idKey?: string };
}

function headerValue(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return value === undefined || value === null ? undefined : String(value);
}

function hasNextLink(headers: IDataObject): boolean | undefined {
	const link = headerValue(headers, 'link');
	if (link === undefined) return undefined;
	return /rel="?next"?/.test(link);
}

function pageItems(body: unknown, dataKey: string | undefined): IDataObject[] {
	const value = dataKey ? asDataObject(body)[dataKey] : body;
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

/**
 * The one pagination loop: yields each page of a v1 or v2 list, asking for the largest page the
 * limit allows and stopping on the first signal that there is no more (no `rel="next"`, `Total`
 * reached, a short page, or the caller's limit), so N records cost ceil(N / per_page) calls.
 */
export async function* procorePages(
	this: ProcoreContext,
	request: ProcoreRequest,
	options: PaginationOptions = {},
): AsyncGenerator<IDataObject[]> {
	if (options.cursor) {
		yield* cursorPages.call(this, request, options, options.cursor);
		return;
	}
	const isV2 = /^\/rest\/v2\./.test(request.path);
	const max = isV2 ? MAX_PER_PAGE_V2 : MAX_PER_PAGE_V1;
	const dataKey = options.dataKey ?? (isV2 ? 'data' : undefined);
	const limit = options.limit;
	let seen = 0;
	for (let page = 1; ; page++) {
		const wanted = limit === undefined ? max : Math.min(max, limit - seen);
		const perPage = Math.min(options.perPage ?? max, Math.max(1, wanted));
		const response = await procoreRequest.call(this, {
			...request,
			qs: { ...request.qs, page, per_page: perPage },
		});
		let items = pageItems(response.body, dataKey);
		if (limit !== undefined && seen + items.length > limit) items = items.slice(0, limit - seen);
		seen += items.length;
		if (items.length) yield items;
		const total = Number(headerValue(response.headers, 'total'));
		const next = hasNextLink(response.headers);
		// Procore may serve fewer per page than asked (its own cap, told in Per-Page): a page is short
		// against what was served, and never while the Link header names a next page.
		const served = Number(headerValue(response.headers, 'per-page'));
		const pageSize = Number.isFinite(served) && served > 0 ? Math.min(served, perPage) : perPage;
		if (
			(limit !== undefined && seen >= limit) ||
			!items.length ||
			(items.length < pageSize && next !== true) ||
			next === false ||
			(Number.isFinite(total) && seen >= total)
		) {
			return;
		}
	}
}

async function* cursorPages(
	this: ProcoreContext,
	request: ProcoreRequest,
	options: PaginationOptions,
	cursor: NonNullable<PaginationOptions['cursor']>,
): AsyncGenerator<IDataObject[]> {
	const idKey = cursor.idKey ?? 'id';
	let seen = 0;
	let start: string | undefined;
	for (;;) {
		const wanted = options.limit === undefined ? cursor.maxPageSize : Math.min(cursor.maxPageSize, options.limit - seen);
		const size = Math.min(options.perPage ?? cursor.maxPageSize, Math.max(1, wanted));
		const qs: IDataObject = { ...request.qs, [cursor.sizeParam]: size };
		if (start !== undefined) qs[cursor.startParam] = start;
		const response = await procoreRequest.call(this, { ...request, qs });
		let items = pageItems(response.body, options.dataKey);
		if (options.limit !== undefined && seen + items.length > options.limit) items = items.slice(0, options.limit - seen);
		seen += items.length;
		if (items.length) yield items;
		const last = items.length ? items[items.length - 1][idKey] : undefined;
		const next = last === undefined || last === null ? undefined : String(last);
		if ((options.limit !== undefined && seen >= options.limit) || items.length < size || next === undefined || next === start) {
			return;
		}
		start = next;
	}
}

/** Every record of a list (or the first `limit`), through the one pagination loop. */
export async function procoreApiRequestAllItems(
	this: ProcoreContext,
	request: ProcoreRequest,
	options: PaginationOptions = {},
): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for await (const page of procorePages.call(this, request, options)) all.push(...page);
	return all;
}
