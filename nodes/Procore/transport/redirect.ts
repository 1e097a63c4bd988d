/**
 * Redirects are followed here, not by n8n's HTTP client: n8n 2.41 re-adds the `Authorization`
 * header on a cross-origin redirect by default (`sendCredentialsOnCrossOriginRedirect`), which would
 * hand the Procore token to whatever host a `Location` names (a storage bucket, a proxy, a Custom
 * API Call endpoint that redirects). So every request goes out with redirects off, and a 3xx is
 * followed with the token only on the credential's own API origin; any other origin gets a GET with
 * no credential at all, and a write redirected there is refused.
 */
import type { IDataObject, IHttpRequestMethods, IN8nHttpFullResponse } from 'n8n-workflow';

import type { ProcoreContext } from './request';

export const MAX_REDIRECTS = 5;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface RedirectStep {
	url: string;
	method: IHttpRequestMethods;
	/** 307/308 repeat the method and body; 301/302/303 become a GET, as browsers do. */
	keepBody: boolean;
	/** The target is the credential's API origin: the only place the token may go. */
	sameOrigin: boolean;
}

function header(headers: IDataObject, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return value === undefined || value === null ? undefined : String(Array.isArray(value) ? value[0] : value);
}

/** Where a 3xx answer points, or undefined when it is not a redirect. */
export function redirectStep(
	statusCode: number,
	headers: IDataObject,
	fromUrl: string,
	method: IHttpRequestMethods,
	apiBaseUrl: string,
): RedirectStep | undefined {
	const location = REDIRECTS.has(statusCode) ? header(headers, 'location') : undefined;
	if (!location) return undefined;
	const target = new URL(location, fromUrl);
	const keepBody = statusCode === 307 || statusCode === 308;
	return {
		url: target.href,
		method: keepBody || method === 'HEAD' ? method : 'GET',
		keepBody,
		sameOrigin: target.origin === new URL(apiBaseUrl).origin,
	};
}

/** A GET of a redirect target off the API origin: n8n's plain helper, no credential, no token. */
export async function getWithoutCredential(
	ctx: ProcoreContext,
	url: string,
	options: { streaming: boolean; timeoutMs: number },
): Promise<IN8nHttpFullResponse> {
	return (await ctx.helpers.httpRequest({
		method: 'GET',
		url,
		headers: { Accept: options.streaming ? '*/*' : 'application/json' },
		encoding: options.streaming ? 'stream' : 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: options.timeoutMs,
	})) as IN8nHttpFullResponse;
}
