/**
 * The login host's endpoints: /oauth/authorize (HTML page or auto-approve), /oauth/token (three
 * grants; JSON, form and multipart bodies; client auth in the body or HTTP Basic), /oauth/token/info
 * and /oauth/revoke. Error bodies follow Doorkeeper, which Procore's login host runs.
 */
import type { IncomingMessage } from 'http';
import { BodyError, parseBody } from '../http/body';
import type { Reply } from '../types';
import type { Accounts, App } from './accounts';
import type { Tokens } from './tokens';

const INVALID_CLIENT =
	'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.';
const INVALID_GRANT =
	'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.';

const oauthError = (status: number, error: string, description: string): Reply => ({
	status,
	body: { error, error_description: description },
});

function html(body: string, status = 200): Reply {
	return {
		status,
		raw: `<!doctype html><html><head><title>Procore sandbox sign-in</title></head><body>${body}</body></html>`,
		contentType: 'text/html; charset=utf-8',
	};
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function clientFrom(
	req: IncomingMessage,
	body: Record<string, unknown>,
	accounts: Accounts,
): App | null {
	let id = typeof body.client_id === 'string' ? body.client_id : undefined;
	let secret = typeof body.client_secret === 'string' ? body.client_secret : undefined;
	const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
	if (basic) {
		const [u, ...p] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
		id = decodeURIComponent(u);
		secret = decodeURIComponent(p.join(':'));
	}
	const app = id ? accounts.apps.get(id) : undefined;
	return app && app.clientSecret === secret ? app : null;
}

function tokenBody(t: {
	token: string;
	refreshToken?: string;
	createdAt: number;
	expiresAt: number;
}): Reply {
	const body: Record<string, unknown> = {
		access_token: t.token,
		token_type: 'Bearer',
		expires_in: Math.round((t.expiresAt - t.createdAt) / 1000),
		created_at: Math.floor(t.createdAt / 1000),
	};
	if (t.refreshToken) body.refresh_token = t.refreshToken;
	return { status: 200, body, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } };
}

function redirectWith(uri: string, params: Record<string, string | undefined>): Reply {
	const u = new URL(uri);
	for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
	return { status: 302, headers: { Location: u.toString() } };
}

export async function oauthRoute(
	req: IncomingMessage,
	url: URL,
	accounts: Accounts,
	tokens: Tokens,
	autoApprove = false,
): Promise<Reply | null> {
	const path = url.pathname.replace(/\/+$/, '');
	if (path === '/oauth/authorize') {
		const q =
			req.method === 'POST'
				? new URLSearchParams(((await parseBody(req)) as Record<string, string>) ?? {})
				: url.searchParams;
		const clientId = q.get('client_id') ?? '';
		const redirectUri = q.get('redirect_uri') ?? '';
		const state = q.get('state') ?? undefined;
		const app = accounts.apps.get(clientId);
		if (!app || app.kind !== 'web')
			return html(`<h1>Client authentication failed</h1><p>${esc(INVALID_CLIENT)}</p>`, 401);
		if (q.get('response_type') !== 'code')
			return redirectWith(redirectUri, { error: 'unsupported_response_type', state });
		const approved =
			req.method === 'POST'
				? q.get('decision') === 'approve'
				: q.get('auto_approve') === '1' || autoApprove;
		if (req.method === 'POST' && !approved)
			return redirectWith(redirectUri, { error: 'access_denied', state });
		if (approved) {
			const code = tokens.issueCode(clientId, accounts.defaultUserId, redirectUri);
			if (redirectUri === 'urn:ietf:wg:oauth:2.0:oob')
				return html(`<h1>Authorization code</h1><code id="code">${code}</code>`);
			return redirectWith(redirectUri, { code, state });
		}
		const hidden = ['client_id', 'redirect_uri', 'state', 'response_type']
			.map((k) => `<input type="hidden" name="${k}" value="${esc(q.get(k) ?? '')}">`)
			.join('');
		const user = accounts.users.get(accounts.defaultUserId);
		return html(
			`<h1>Authorize ${esc(app.name)}</h1><p>Signed in as ${esc(user?.name ?? 'sandbox user')}. ${esc(app.name)} wants to use Procore on your behalf.</p>` +
				`<form method="post" action="/oauth/authorize">${hidden}<button type="submit" name="decision" value="approve">Approve</button> <button type="submit" name="decision" value="deny">Deny</button></form>`,
		);
	}
	if (path === '/oauth/token' && req.method === 'POST') {
		let body: Record<string, unknown>;
		try {
			body = ((await parseBody(req)) as Record<string, unknown>) ?? {};
		} catch (e) {
			if (e instanceof BodyError) return oauthError(400, 'invalid_request', e.message);
			throw e;
		}
		const app = clientFrom(req, body, accounts);
		if (!app) return oauthError(401, 'invalid_client', INVALID_CLIENT);
		const grant = body.grant_type;
		if (grant === 'authorization_code') {
			if (app.kind !== 'web')
				return oauthError(
					400,
					'unauthorized_client',
					'The client is not authorized to perform this request using this method.',
				);
			const code = tokens.redeemCode(
				String(body.code ?? ''),
				app.clientId,
				typeof body.redirect_uri === 'string' ? body.redirect_uri : undefined,
			);
			if (!code) return oauthError(400, 'invalid_grant', INVALID_GRANT);
			return tokenBody(tokens.issue(app.clientId, code.userId, 'authorization_code', true));
		}
		if (grant === 'refresh_token') {
			const old = tokens.useRefresh(String(body.refresh_token ?? ''), app.clientId);
			if (!old) return oauthError(400, 'invalid_grant', INVALID_GRANT);
			tokens.revoke(old.token);
			return tokenBody(tokens.issue(app.clientId, old.userId, 'refresh_token', true));
		}
		if (grant === 'client_credentials') {
			if (app.kind !== 'dmsa' || app.serviceUserId === undefined)
				return oauthError(
					400,
					'unauthorized_client',
					'The client is not authorized to perform this request using this method.',
				);
			return tokenBody(tokens.issue(app.clientId, app.serviceUserId, 'client_credentials', false));
		}
		return oauthError(
			400,
			'unsupported_grant_type',
			'The authorization grant type is not supported by the authorization server.',
		);
	}
	if (path === '/oauth/token/info' && req.method === 'GET') {
		const bearer =
			/^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ??
			url.searchParams.get('access_token') ??
			'';
		const found = tokens.lookup(bearer);
		if (!found || found.expired)
			return oauthError(401, 'invalid_token', 'The access token is invalid');
		const g = found.grant;
		return {
			status: 200,
			body: {
				resource_owner_id: g.userId,
				scope: [],
				scopes: [],
				expires_in_seconds: tokens.secondsLeft(g),
				application: { uid: g.clientId },
				created_at: Math.floor(g.createdAt / 1000),
			},
		};
	}
	if (path === '/oauth/revoke' && req.method === 'POST') {
		const body = ((await parseBody(req)) as Record<string, unknown>) ?? {};
		// Procore answers 200 even for unknown tokens (RFC 7009).
		if (typeof body.token === 'string') tokens.revoke(body.token);
		return { status: 200, body: {} };
	}
	return null;
}
