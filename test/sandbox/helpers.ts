/** Small fetch wrappers for sandbox tests (Node's own fetch; no client library in between). */
import type { Sandbox } from '../../sandbox';

export interface Res {
	status: number;
	headers: Headers;
	body: any;
	text: string;
}

export interface CallOptions {
	token?: string | null;
	company?: number | string | null;
	body?: unknown;
	headers?: Record<string, string>;
	redirect?: 'manual' | 'follow' | 'error';
}

export async function call(
	sb: Sandbox,
	method: string,
	path: string,
	opts: CallOptions = {},
): Promise<Res> {
	const headers: Record<string, string> = { ...(opts.headers ?? {}) };
	if (opts.token !== null) headers.Authorization = `Bearer ${opts.token ?? sb.issueToken()}`;
	if (opts.company !== null) headers['Procore-Company-Id'] = String(opts.company ?? sb.companyId);
	let body: string | undefined;
	if (opts.body !== undefined) {
		body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
		headers['Content-Type'] ??= 'application/json';
	}
	const res = await fetch(path.startsWith('http') ? path : `${sb.url}${path}`, {
		method,
		headers,
		body,
		redirect: opts.redirect ?? 'manual',
	});
	const text = await res.text();
	let parsed: unknown = text;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		/* not JSON */
	}
	return { status: res.status, headers: res.headers, body: parsed, text };
}

/** Parses a Link header into rel → URL. */
export function links(header: string | null): Record<string, string> {
	const out: Record<string, string> = {};
	for (const part of (header ?? '').split(',')) {
		const m = /<([^>]+)>;\s*rel="([^"]+)"/.exec(part.trim());
		if (m) out[m[2]] = m[1];
	}
	return out;
}
