import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { CREDENTIAL_TYPE, credentialSecrets, credentialView, forgetCredentialView, readCredentialView } from './credential';
import { toProcoreApiError } from './errors';
import { isProcoreHost } from './hosts';
import { parseBody, responseOfError, streamText } from './answer';
import { toMultipart } from './multipart';
import type { RedirectStep } from './redirect';
import { MAX_REDIRECTS, getWithoutCredential, redirectStep } from './redirect';
import type { RateLimitState, RetryPolicy } from './retry';
import {
	DEFAULT_RETRY_POLICY,
	OUTCOME_UNKNOWN_KEY,
	isIdempotent,
	mayRetryNetworkError,
	mayRetryStatus,
	networkErrorCode,
	networkRetryDelayMs,
	pacingDelayMs,
	recordRateLimit,
	retryDelayMs,
	statusOutcomeUnknown,
	writeOutcomeUnknown,
} from './retry';

export type ProcoreContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export { CREDENTIAL_TYPE, procoreApiBaseUrl } from './credential';

export interface ProcoreRequest {
	method: IHttpRequestMethods;
	/**
	 * Path under the API host, e.g. `/rest/v1.0/projects`, or an absolute URL on the API origin or
	 * Procore's file host (download links, hosts.ts). Absolute URLs elsewhere are refused: they would get the token.
	 */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Procore-Company-Id. Omit only for the two calls Procore exempts (`/me`, `/companies`). */
	companyId?: string;
	itemIndex?: number;
	/**
	 * Whether the request may be re-sent when its answer is lost (dropped connection, timeout,
	 * 502/504). Defaults to `isIdempotent(method, body)`: false for POST and for a PATCH/PUT that adds
	 * lines or files. A write that is not is never re-sent blind: it fails with
	 * `isWriteOutcomeUnknown`, and the caller re-reads the record and plans again.
	 */
	idempotent?: boolean;
	timeoutMs?: number;
	retry?: Partial<RetryPolicy>;
	/** Send `body` as multipart/form-data with bracket keys, for endpoints Procore declares multipart. */
	multipart?: boolean;
	/**
	 * false: hand back a 3xx as it is (e.g. to read `Location`). Otherwise redirects are followed by
	 * `procoreRequest` itself (redirect.ts): with the token on the API origin only.
	 */
	followRedirects?: boolean;
	/** Redirects followed so far (set by procoreRequest when it follows one). */
	redirectHops?: number;
	/** Values of this request no error may repeat, beside the credential's (a webhook's secret). */
	secrets?: string[];
	/** 'stream': the body of a response below 400 is a Readable (downloads); errors are still parsed. */
	responseType?: 'json' | 'stream';
}

export interface ProcoreResponse<T = unknown> {
	statusCode: number;
	headers: IDataObject;
	body: T;
}

// Pacing state lives per node run (keyed by the execution context object), never per process:
// queue-mode workers and concurrent executions each keep their own view of the headers.
const rateLimitStates = new WeakMap<object, RateLimitState>();

function rateLimitState(ctx: object): RateLimitState {
	let state = rateLimitStates.get(ctx);
	if (!state) {
		state = {};
		rateLimitStates.set(ctx, state);
	}
	return state;
}

/** Said by every write whose outcome is unknown (the fault suite matches "may or may not have been written"). */
const UNKNOWN_OUTCOME_TEXT =
	'Procore did not answer this write, so it may or may not have been written. It was not sent again, so that nothing is created twice: check the record in Procore before running this item again (operations that match by an origin or COR ID can simply be re-run).';

/**
 * The one request function of the package. Every Procore call goes through it: base URL from the
 * credential, the company header, JSON in and out (big integer ids kept exact), pacing on
 * `X-Rate-Limit-*`, bounded back-off on 429/5xx that honours `Retry-After`, and Procore's own
 * error text mapped to an actionable NodeApiError.
 */
export async function procoreRequest<T = unknown>(
	this: ProcoreContext,
	request: ProcoreRequest,
): Promise<ProcoreResponse<T>> {
	const view = await credentialView.call(this);
	const baseUrl = view.baseUrl;
	const absolute = /^https?:\/\//i.test(request.path);
	const streaming = request.responseType === 'stream';
	if (absolute && !isProcoreHost(request.path, baseUrl)) {
		throw new NodeOperationError(this.getNode(), `Refusing to send the Procore token to ${request.path.split('?')[0]}`, {
			description: 'Only the credential\'s API host and Procore\'s file host (transport/hosts.ts) receive the access token. Fetch other links without authentication.',
			itemIndex: request.itemIndex,
		});
	}
	const policy = { ...DEFAULT_RETRY_POLICY, ...request.retry };
	const idempotent = request.idempotent ?? isIdempotent(request.method, request.body);
	const headers: IDataObject = { Accept: streaming ? '*/*' : 'application/json' };
	if (request.companyId !== undefined && request.companyId !== '') {
		headers['Procore-Company-Id'] = request.companyId;
	}
	const options: IHttpRequestOptions = {
		method: request.method,
		url: absolute ? request.path : `${baseUrl}${request.path}`,
		headers,
		qs: request.qs,
		body: (request.multipart && request.body && !Array.isArray(request.body)
			? toMultipart(request.body)
			: request.body) as IHttpRequestOptions['body'],
		json: request.body !== undefined && !request.multipart,
		encoding: streaming ? 'stream' : 'text',
		// Never n8n's: it would carry the token to another origin (redirect.ts).
		disableFollowRedirect: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? 60_000,
		arrayFormat: 'brackets',
	};
	const send = async (opts: IHttpRequestOptions) =>
		(await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			opts,
		)) as IN8nHttpFullResponse;
	const pacing = rateLimitState(this);
	let waited = 0;
	// 401s answered with a refresh (a token may expire again while a request waits out its retries).
	let refreshes = 0;
	let reloadTried = false;
	// The access token this request is signed with (n8n signs with the credential's current one).
	const currentToken = async () => (await readCredentialView.call(this)).token;
	let signedWith = view.token;
	for (let attempt = 0; ; attempt++) {
		const pause = pacingDelayMs(pacing);
		if (pause > 0 && waited + pause <= policy.maxWaitMs) {
			await sleep(pause);
			waited += pause;
			pacing.remaining = undefined;
		}
		let response: IN8nHttpFullResponse;
		try {
			response = await send(options);
			if (response.statusCode === 401 && refreshes < 3) {
				// n8n refreshes an expired OAuth2 token only when the request throws on the 401, so ask
				// once more with status errors on; if the refresh fails, the first 401 is reported.
				const first = response;
				if (streaming) first.body = await streamText(first.body);
				response = await send({ ...options, ignoreHttpStatusErrors: false }).catch((error: unknown) => {
					const answered = responseOfError(error);
					if (answered) return answered;
					// The token was refreshed but the repeated call lost its connection: that failure,
					// not the first 401, is what happened (a write may even have gone through).
					if (networkErrorCode(error) !== undefined) throw error;
					return first;
				});
				// Counted once n8n had its chance to refresh (a dropped connection before that is retried).
				refreshes++;
				// n8n may have stored a new token: the next request reads the credential again.
				forgetCredentialView(this);
				if (response.statusCode === 401 && !reloadTried) {
					// Procore's refresh tokens are single use: when another call of this run refreshed
					// first, this refresh is refused, but the credential already holds the new token.
					reloadTried = true;
					const now = await currentToken();
					if (now !== signedWith) {
						signedWith = now;
						continue;
					}
				}
			}
		} catch (error) {
			// When a failed connection may be retried, and why a POST usually may not: retry.ts.
			const code = networkErrorCode(error);
			const delay = networkRetryDelayMs(attempt);
			if (mayRetryNetworkError(idempotent, code) && attempt < policy.maxRetries && waited + delay <= policy.maxWaitMs) {
				await sleep(delay);
				waited += delay;
				continue;
			}
			const unknown = writeOutcomeUnknown(idempotent, code);
			const failure = new NodeOperationError(this.getNode(), error as Error, {
				message: `Could not reach Procore (${request.method} ${request.path}): ${(error as Error).message}`,
				description: unknown
					? UNKNOWN_OUTCOME_TEXT
					: code !== undefined
						? 'The connection failed or timed out. Check the credential\'s Environment / API host and retry.'
						: undefined,
				itemIndex: request.itemIndex,
			});
			if (unknown) failure.context[OUTCOME_UNKNOWN_KEY] = 'unknown';
			throw failure;
		}
		const responseHeaders = (response.headers ?? {}) as IDataObject;
		recordRateLimit(pacing, responseHeaders);
		const statusCode = response.statusCode;
		const step = request.followRedirects === false ? undefined : redirectStep(statusCode, responseHeaders, String(options.url), request.method, baseUrl);
		if (step) {
			if (streaming) (response.body as { destroy?: () => void } | undefined)?.destroy?.();
			return (await followRedirect.call(this, request, step, streaming)) as ProcoreResponse<T>;
		}
		if (streaming && statusCode < 400) return { statusCode, headers: responseHeaders, body: response.body as T };
		const body = parseBody(streaming ? await streamText(response.body) : response.body);
		if (statusCode < 400) return { statusCode, headers: responseHeaders, body: body as T };
		if (mayRetryStatus(idempotent, statusCode, responseHeaders) && attempt < policy.maxRetries) {
			const delay = retryDelayMs(responseHeaders, attempt);
			if (waited + delay <= policy.maxWaitMs) {
				await sleep(delay);
				waited += delay;
				pacing.remaining = undefined;
				continue;
			}
		}
		const failure = toProcoreApiError(this.getNode(), {
			method: request.method,
			path: request.path,
			statusCode,
			body,
			itemIndex: request.itemIndex,
			companyId: request.companyId,
			secrets: [...(await credentialSecrets.call(this)), ...(request.secrets ?? [])],
		});
		if (statusOutcomeUnknown(idempotent, statusCode, responseHeaders)) {
			// A gateway answered for Procore: the write may have been stored behind it.
			failure.description = `${failure.description ?? ''} ${UNKNOWN_OUTCOME_TEXT}`.trim();
			failure.context[OUTCOME_UNKNOWN_KEY] = 'unknown';
		}
		throw failure;
	}
}

/** One redirect hop: the same request on the API origin, a credential-free GET anywhere else. */
async function followRedirect(this: ProcoreContext, request: ProcoreRequest, step: RedirectStep, streaming: boolean): Promise<ProcoreResponse> {
	const hops = (request.redirectHops ?? 0) + 1;
	if (hops > MAX_REDIRECTS) {
		throw new NodeOperationError(this.getNode(), `Procore redirected ${request.method} ${request.path} more than ${MAX_REDIRECTS} times`, { itemIndex: request.itemIndex });
	}
	if (step.sameOrigin) {
		return await procoreRequest.call(this, {
			...request,
			method: step.method,
			path: step.url,
			qs: undefined,
			body: step.keepBody ? request.body : undefined,
			redirectHops: hops,
		});
	}
	const target = step.url.split('?')[0];
	if (step.method !== 'GET') {
		throw new NodeOperationError(this.getNode(), `Procore redirected ${request.method} ${request.path} to ${target}: not sent there`, {
			description: 'Only the credential\'s API host receives Procore requests and the token. Check the path, or the API host of the credential\'s Custom environment.',
			itemIndex: request.itemIndex,
		});
	}
	const answer = await getWithoutCredential(this, step.url, { streaming, timeoutMs: request.timeoutMs ?? 60_000 });
	const headers = (answer.headers ?? {}) as IDataObject;
	if (streaming && answer.statusCode < 400) return { statusCode: answer.statusCode, headers, body: answer.body };
	const body = parseBody(streaming ? await streamText(answer.body) : answer.body);
	if (answer.statusCode < 400) return { statusCode: answer.statusCode, headers, body };
	throw toProcoreApiError(this.getNode(), {
		method: 'GET',
		path: target,
		statusCode: answer.statusCode,
		body,
		itemIndex: request.itemIndex,
		companyId: request.companyId,
		secrets: [...(await credentialSecrets.call(this)), ...(request.secrets ?? [])],
	});
}

/** procoreRequest that returns only the body (an object; lists come from procoreApiRequestAllItems). */
export async function procoreApiRequest(
	this: ProcoreContext,
	request: ProcoreRequest,
): Promise<IDataObject> {
	const response = await procoreRequest.call(this, request);
	return response.body as IDataObject;
}

