/**
 * A nock interceptor that records every call it answers: path, query, the headers n8n sent
 * (Authorization included) and the fake-clock time, so tests can count pages and measure waits.
 */
import nock from 'nock';

import { HARNESS_API } from './runWorkflow';

export interface RecordedCall {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	/** Date.now() when the call arrived (fake clock under useFakeClock). */
	at: number;
}

export type Reply = [number, unknown?, Record<string, string>?];

export function interceptProcore(
	method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
	path: string | RegExp,
	respond: (call: RecordedCall, index: number) => Reply,
	options: { times?: number; baseUrl?: string } = {},
): RecordedCall[] {
	const calls: RecordedCall[] = [];
	nock(options.baseUrl ?? HARNESS_API)
		.intercept(path, method)
		.query(true)
		.times(options.times ?? 100)
		.reply(function (uri, body) {
			const url = new URL(uri, options.baseUrl ?? HARNESS_API);
			const call: RecordedCall = {
				method,
				path: url.pathname,
				query: url.searchParams,
				headers: { ...this.req.headers },
				body,
				at: Date.now(),
			};
			calls.push(call);
			const [status, responseBody, headers] = respond(call, calls.length - 1);
			return [status, responseBody as nock.Body, headers];
		});
	return calls;
}

/** Rows `from..to-1` of a list whose records are `{ id }`. */
export function rows(from: number, to: number): Array<{ id: number }> {
	return Array.from({ length: Math.max(0, to - from) }, (_, k) => ({ id: from + k + 1 }));
}

/** A Procore list endpoint of N records served page by page, the way `page`/`per_page` work. */
export function pagedList(
	total: number,
	{ envelope = false, totalHeader = true, linkHeader = false }: { envelope?: boolean; totalHeader?: boolean; linkHeader?: boolean } = {},
) {
	return (call: RecordedCall): Reply => {
		const page = Number(call.query.get('page') ?? 1);
		const perPage = Number(call.query.get('per_page') ?? 10);
		const start = (page - 1) * perPage;
		const data = rows(start, Math.min(total, start + perPage));
		const headers: Record<string, string> = { 'Per-Page': String(perPage) };
		if (totalHeader) headers.Total = String(total);
		if (linkHeader) {
			const last = Math.max(1, Math.ceil(total / perPage));
			const links = [`<${call.path}?page=${last}&per_page=${perPage}>; rel="last"`];
			if (page < last) links.unshift(`<${call.path}?page=${page + 1}&per_page=${perPage}>; rel="next"`);
			headers.Link = links.join(', ');
		}
		return [200, envelope ? { data } : data, headers];
	};
}
