/**
 * The one error-body builder. v1.x bodies follow Rails (`{"errors": {...}}` or `{"errors": "…"}`);
 * v2.x bodies follow Procore's standard `{"error": {"code", "message", "details"}}`.
 */
import type { Reply } from '../types';

const CODES: Record<number, string> = {
	400: 'BAD_REQUEST',
	401: 'UNAUTHORIZED',
	403: 'FORBIDDEN',
	404: 'NOT_FOUND',
	406: 'NOT_ACCEPTABLE',
	409: 'CONFLICT',
	413: 'PAYLOAD_TOO_LARGE',
	422: 'UNPROCESSABLE_ENTITY',
	429: 'TOO_MANY_REQUESTS',
	500: 'INTERNAL_SERVER_ERROR',
	503: 'SERVICE_UNAVAILABLE',
};

export type FieldErrors = Record<string, string[]>;

export function errorReply(
	isV2: boolean,
	status: number,
	message: string,
	fields?: FieldErrors,
	headers?: Reply['headers'],
): Reply {
	if (isV2) {
		const details = Object.entries(fields ?? {}).flatMap(([source, msgs]) =>
			msgs.map((m) => ({ reason_code: 'INVALID_PROPERTY', message: `${source} ${m}`, source })),
		);
		return {
			status,
			headers,
			body: { error: { code: CODES[status] ?? `HTTP_${status}`, message, details } },
		};
	}
	return {
		status,
		headers,
		body: { errors: fields && Object.keys(fields).length ? fields : message },
	};
}

/** 401 comes from the OAuth layer (Doorkeeper) before any API routing, so it has one shape for every version. */
export function unauthorized(description = 'The access token is invalid'): Reply {
	return {
		status: 401,
		headers: {
			'WWW-Authenticate': `Bearer realm="Procore", error="invalid_token", error_description="${description}"`,
		},
		body: { error: 'invalid_token', error_description: description },
	};
}

export const notFound = (isV2: boolean, what = 'Resource'): Reply =>
	errorReply(isV2, 404, `${what} not found`);
