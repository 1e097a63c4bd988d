/**
 * Procore's rules on every /rest call, in the order a client meets them: bearer token, rate limit,
 * routing, company header and access, parameters, project scope, tool switches; then a special
 * handler or the generic engine.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { generic } from './engine/generic';
import { coerce, validateParams } from './engine/validate';
import type { HandlerRegistry } from './handlers/registry';
import { BodyError, isFormBody, parseBody } from './http/body';
import { errorReply, unauthorized } from './http/errors';
import { nest } from './http/nested';
import type { RateLimiter } from './limits/rate-limit';
import type { Accounts } from './oauth/accounts';
import type { Tokens } from './oauth/tokens';
import type { Runtime } from './runtime';
import type { Ctx, Operation, Reply } from './types';

export const MISSING_COMPANY =
	'Missing Procore-Company-Id header! Please include the Procore-Company-Id header with the ID of the company you are making requests to.';

/** Paths that work without the header for a user token (not for client-credentials tokens). */
const HEADERLESS = new Set(['GET /rest/v1.0/me', 'GET /rest/v1.0/companies']);

export interface ApiDeps {
	rt: Runtime;
	accounts: Accounts;
	tokens: Tokens;
	limiter: RateLimiter;
	handlers: HandlerRegistry;
}

export interface ApiResult {
	reply: Reply;
	extraHeaders: Record<string, string>;
	operationId: string | null;
	/** The operation the request was routed to (null before routing). */
	op: Operation | null;
}

export async function handleApi(
	req: IncomingMessage,
	res: ServerResponse,
	url: URL,
	deps: ApiDeps,
): Promise<ApiResult> {
	const { rt } = deps;
	const extra: Record<string, string> = {};
	const isV2 = /^\/rest\/v2\./.test(url.pathname);
	let routed: Operation | null = null;
	const done = (reply: Reply, operationId: string | null = null): ApiResult => ({
		reply,
		extraHeaders: extra,
		operationId,
		op: routed,
	});

	const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
	if (!bearer) return done(unauthorized());
	const found = deps.tokens.lookup(bearer);
	if (!found) return done(unauthorized());
	if (found.expired) return done(unauthorized('The access token expired'));
	const token = found.grant;

	const companyHeader = req.headers['procore-company-id'];
	const headerValue = Array.isArray(companyHeader) ? companyHeader[0] : companyHeader;
	if (rt.config.rateLimit) {
		const taken = deps.limiter.take(`${token.clientId}:${headerValue ?? '-'}`, rt.config.rateLimit);
		Object.assign(extra, taken.headers);
		if (taken.reject) return done(taken.reject);
	}

	const match = rt.catalog.match(req.method ?? 'GET', url.pathname);
	if (!match)
		return done(errorReply(isV2, 404, `No route matches [${req.method}] "${url.pathname}"`));
	const { op, params } = match;
	routed = op;
	const routeKey = `${op.method} ${op.path}`;
	const user = deps.accounts.users.get(token.userId);
	const headerNeeded =
		!HEADERLESS.has(routeKey) ||
		token.grant === 'client_credentials' ||
		(op.path === '/rest/v1.0/me' &&
			(url.searchParams.has('company_id') || url.searchParams.has('project_id')));
	let companyId: number | null = null;
	if (headerValue !== undefined && headerValue !== '') {
		if (!/^\d+$/.test(headerValue))
			return done(
				errorReply(isV2, 400, `Invalid Procore-Company-Id header: ${headerValue}`),
				op.operationId,
			);
		companyId = Number(headerValue);
	} else if (headerNeeded) return done(errorReply(isV2, 400, MISSING_COMPANY), op.operationId);
	const canAccess = (id: number) => !!user && user.companyIds.includes(id);
	if (companyId !== null && !canAccess(companyId))
		return done(
			errorReply(
				isV2,
				403,
				`You do not have access to company ${companyId}. App is not connected to this company.`,
			),
			op.operationId,
		);
	const namedCompany = params.company_id ?? url.searchParams.get('company_id') ?? undefined;
	if (namedCompany && /^\d+$/.test(namedCompany) && !canAccess(Number(namedCompany)))
		return done(
			errorReply(isV2, 403, `You do not have access to company ${namedCompany}.`),
			op.operationId,
		);

	let body: unknown;
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		try {
			body = await parseBody(req);
		} catch (e) {
			if (e instanceof BodyError) return done(errorReply(isV2, 400, e.message), op.operationId);
			throw e;
		}
		if (isFormBody(req)) body = coerce(body, op.requestBody?.schema);
	}
	const bodyObj = (typeof body === 'object' && body !== null ? body : {}) as Record<
		string,
		unknown
	>;
	const paramErrors = validateParams(
		op.parameters,
		params,
		url.searchParams,
		(n) => bodyObj[n] !== undefined && bodyObj[n] !== null,
		op.path.startsWith('/rest/v1.0/webhooks/'),
	);
	if (Object.keys(paramErrors).length)
		return done(
			errorReply(
				isV2,
				400,
				`Invalid parameters: ${Object.keys(paramErrors).join(', ')}`,
				paramErrors,
			),
			op.operationId,
		);

	const rawProject =
		params.project_id ??
		url.searchParams.get('project_id') ??
		(bodyObj.project_id !== undefined ? String(bodyObj.project_id) : undefined);
	let projectId: number | null = null;
	if (rawProject !== undefined && rawProject !== '') {
		projectId = Number(rawProject);
		const project = rt.store.get(`companies/${companyId ?? rt.companyId}/projects`, projectId);
		if (!project)
			return done(errorReply(isV2, 404, `Project ${rawProject} not found`), op.operationId);
		const off = rt.config.disabledTools[String(projectId)] ?? [];
		const tool = off.find((t) => t.toLowerCase() === op.module.toLowerCase());
		if (tool)
			return done(
				errorReply(
					isV2,
					403,
					`The ${tool} tool is not enabled for project ${projectId}. Ask a project admin to enable it.`,
				),
				op.operationId,
			);
	}
	const rawCompany =
		namedCompany ?? (bodyObj.company_id !== undefined ? String(bodyObj.company_id) : undefined);

	const ctx: Ctx = {
		req,
		res,
		method: op.method,
		path: url.pathname,
		query: nest(url.searchParams),
		rawQuery: url.searchParams,
		op,
		params,
		body,
		isV2,
		version: op.version,
		token,
		companyId: companyId ?? (rawCompany && /^\d+$/.test(rawCompany) ? Number(rawCompany) : null),
		projectId,
		origin: rt.apiOrigin(),
	};
	const handler = deps.handlers.find(op);
	return done(await (handler ? handler.handle(ctx, rt) : generic(ctx, rt)), op.operationId);
}
