/**
 * OAuth on the login host and Procore's rules on every API call. UNCONFIRMED choices tested here:
 * 401 body is Doorkeeper's `{error: "invalid_token", error_description}`; a missing company header is
 * a 400 whose text starts "Missing Procore-Company-Id header!"; 403 for a company the user cannot reach.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(() => sb.stop());

const REDIRECT = 'http://localhost:5678/rest/oauth2-credential/callback';

async function authorize(state = 'st-1'): Promise<string> {
	const res = await fetch(
		`${sb.url}/oauth/authorize?response_type=code&client_id=sandbox-client-id&redirect_uri=${encodeURIComponent(REDIRECT)}&state=${state}&auto_approve=1`,
		{ redirect: 'manual' },
	);
	expect(res.status).toBe(302);
	const loc = new URL(res.headers.get('location')!);
	expect(`${loc.origin}${loc.pathname}`).toBe(REDIRECT);
	expect(loc.searchParams.get('state')).toBe(state);
	return loc.searchParams.get('code')!;
}

async function token(
	body: Record<string, string>,
	encoding: 'form' | 'json' | 'multipart' = 'form',
	basic = false,
) {
	const headers: Record<string, string> = {};
	let payload: string | FormData;
	const fields = { ...body };
	if (basic) {
		headers.Authorization = `Basic ${Buffer.from(`${fields.client_id}:${fields.client_secret}`).toString('base64')}`;
		delete fields.client_id;
		delete fields.client_secret;
	}
	if (encoding === 'json') {
		headers['Content-Type'] = 'application/json';
		payload = JSON.stringify(fields);
	} else if (encoding === 'multipart') {
		payload = new FormData();
		for (const [k, v] of Object.entries(fields)) payload.append(k, v);
	} else {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		payload = new URLSearchParams(fields).toString();
	}
	const res = await fetch(`${sb.url}/oauth/token`, { method: 'POST', headers, body: payload });
	return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const client = { client_id: 'sandbox-client-id', client_secret: 'sandbox-client-secret' };

describe('OAuth', () => {
	it('shows an HTML approval page with an Approve button', async () => {
		const res = await fetch(
			`${sb.url}/oauth/authorize?response_type=code&client_id=sandbox-client-id&redirect_uri=${encodeURIComponent(REDIRECT)}`,
		);
		expect(res.headers.get('content-type')).toContain('text/html');
		expect(await res.text()).toMatch(
			/<button type="submit" name="decision" value="approve">Approve<\/button>/,
		);
	});

	it('approves by form POST, and at once when oauthAutoApprove is set', async () => {
		const form = new URLSearchParams({
			client_id: 'sandbox-client-id',
			redirect_uri: REDIRECT,
			state: 's',
			response_type: 'code',
			decision: 'approve',
		});
		const posted = await fetch(`${sb.url}/oauth/authorize`, {
			method: 'POST',
			body: form,
			redirect: 'manual',
		});
		expect(new URL(posted.headers.get('location')!).searchParams.get('code')).toMatch(
			/^[0-9a-f]{40}$/,
		);
		sb.config({ oauthAutoApprove: true });
		const auto = await fetch(
			`${sb.url}/oauth/authorize?response_type=code&client_id=sandbox-client-id&redirect_uri=${encodeURIComponent(REDIRECT)}&state=z`,
			{ redirect: 'manual' },
		);
		sb.config({ oauthAutoApprove: false });
		expect(auto.status).toBe(302);
		expect(new URL(auto.headers.get('location')!).searchParams.get('state')).toBe('z');
	});

	it.each(['form', 'json', 'multipart'] as const)(
		'exchanges a code for tokens (%s body), once only',
		async (encoding) => {
			const code = await authorize();
			const first = await token(
				{ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...client },
				encoding,
			);
			expect(first.status).toBe(200);
			expect(first.body).toMatchObject({
				token_type: 'Bearer',
				expires_in: 5400,
				access_token: expect.any(String),
				refresh_token: expect.any(String),
				created_at: expect.any(Number),
			});
			const again = await token(
				{ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...client },
				encoding,
			);
			expect(again).toEqual({
				status: 400,
				body: expect.objectContaining({ error: 'invalid_grant' }),
			});
		},
	);

	it('accepts client authentication by HTTP Basic and refuses a wrong secret', async () => {
		const code = await authorize();
		expect(
			(
				await token(
					{ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...client },
					'form',
					true,
				)
			).status,
		).toBe(200);
		const bad = await token({
			grant_type: 'authorization_code',
			code: await authorize(),
			redirect_uri: REDIRECT,
			client_id: 'sandbox-client-id',
			client_secret: 'wrong',
		});
		expect(bad).toEqual({
			status: 401,
			body: expect.objectContaining({ error: 'invalid_client' }),
		});
	});

	it('expires codes after 10 minutes', async () => {
		const code = await authorize();
		sb.rt.clock.advance(601);
		const res = await token({
			grant_type: 'authorization_code',
			code,
			redirect_uri: REDIRECT,
			...client,
		});
		sb.rt.clock.reset();
		expect(res.status).toBe(400);
	});

	it('rotates refresh tokens: the old one dies when used, and so does the old access token', async () => {
		const first = await token({
			grant_type: 'authorization_code',
			code: await authorize(),
			redirect_uri: REDIRECT,
			...client,
		});
		const second = await token({
			grant_type: 'refresh_token',
			refresh_token: first.body.refresh_token,
			redirect_uri: REDIRECT,
			...client,
		});
		expect(second.status).toBe(200);
		expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
		const reuse = await token({
			grant_type: 'refresh_token',
			refresh_token: first.body.refresh_token,
			...client,
		});
		expect(reuse).toEqual({
			status: 400,
			body: expect.objectContaining({ error: 'invalid_grant' }),
		});
		expect(
			(await call(sb, 'GET', '/rest/v1.0/me', { token: second.body.access_token, company: null }))
				.status,
		).toBe(200);
	});

	it('expires access tokens after the configured TTL with 401', async () => {
		sb.config({ tokenTtlSeconds: 60 });
		const t = sb.issueToken();
		sb.config({ tokenTtlSeconds: 5400 });
		expect((await call(sb, 'GET', '/rest/v1.0/me', { token: t, company: null })).status).toBe(200);
		sb.rt.clock.advance(61);
		const res = await call(sb, 'GET', '/rest/v1.0/me', { token: t, company: null });
		sb.rt.clock.reset();
		expect(res.status).toBe(401);
		expect(res.body).toEqual({
			error: 'invalid_token',
			error_description: 'The access token expired',
		});
	});

	it('issues client-credentials tokens without a refresh token, and reports token info', async () => {
		const res = await token(
			{
				grant_type: 'client_credentials',
				client_id: 'sandbox-dmsa-client',
				client_secret: 'sandbox-dmsa-secret',
			},
			'json',
		);
		expect(res.status).toBe(200);
		expect(res.body).not.toHaveProperty('refresh_token');
		expect(res.body.expires_in).toBe(5400);
		const info = await fetch(`${sb.url}/oauth/token/info`, {
			headers: { Authorization: `Bearer ${res.body.access_token}` },
		});
		expect(await info.json()).toMatchObject({
			resource_owner_id: sb.seed.users.dmsa,
			application: { uid: 'sandbox-dmsa-client' },
			expires_in_seconds: 5400,
		});
	});

	it('revokes the access and refresh token together', async () => {
		const t = await token({
			grant_type: 'authorization_code',
			code: await authorize(),
			redirect_uri: REDIRECT,
			...client,
		});
		const rev = await fetch(`${sb.url}/oauth/revoke`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ token: t.body.access_token, ...client }).toString(),
		});
		expect(rev.status).toBe(200);
		expect(
			(await call(sb, 'GET', '/rest/v1.0/me', { token: t.body.access_token, company: null }))
				.status,
		).toBe(401);
		expect(
			(await token({ grant_type: 'refresh_token', refresh_token: t.body.refresh_token, ...client }))
				.status,
		).toBe(400);
	});
});

describe('API rules', () => {
	it('requires a bearer token', async () => {
		const res = await call(sb, 'GET', '/rest/v1.0/me', { token: null, company: null });
		expect(res.status).toBe(401);
		expect(res.body).toEqual({
			error: 'invalid_token',
			error_description: 'The access token is invalid',
		});
		expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
	});

	it('lets /me and /companies go without the company header for user tokens only', async () => {
		const me = await call(sb, 'GET', '/rest/v1.0/me', { company: null });
		expect(me.body).toEqual({
			id: sb.seed.users.pm,
			login: 'dana.whitfield@granitepeak.example',
			name: 'Dana Whitfield',
		});
		const companies = await call(sb, 'GET', '/rest/v1.0/companies', { company: null });
		expect(companies.body.map((c: { id: number }) => c.id)).toEqual([sb.companyId]);
		const dmsa = await call(sb, 'GET', '/rest/v1.0/me', {
			token: sb.issueToken('dmsa'),
			company: null,
		});
		expect(dmsa.status).toBe(400);
		expect(dmsa.body.errors).toMatch(/^Missing Procore-Company-Id header!/);
		expect((await call(sb, 'GET', '/rest/v1.0/me', { token: sb.issueToken('dmsa') })).status).toBe(
			200,
		);
	});

	it('requires the company header everywhere else, and an accessible company', async () => {
		const path = `/rest/v1.0/projects?company_id=${sb.companyId}`;
		const missing = await call(sb, 'GET', path, { company: null });
		expect(missing.status).toBe(400);
		expect(missing.body.errors).toMatch(/^Missing Procore-Company-Id header!/);
		const v2 = await call(sb, 'GET', `/rest/v2.0/companies/${sb.companyId}/webhooks/hooks`, {
			company: null,
		});
		expect(v2.body.error).toMatchObject({
			code: 'BAD_REQUEST',
			message: expect.stringMatching(/^Missing Procore-Company-Id header!/),
		});
		expect((await call(sb, 'GET', path, { company: sb.seed.otherCompanyId })).status).toBe(403);
		expect(
			(await call(sb, 'GET', `/rest/v1.0/projects?company_id=${sb.seed.otherCompanyId}`)).status,
		).toBe(403);
	});

	it('lists the seeded projects, 404s unknown projects and still reads inactive ones', async () => {
		// Inactive and archived projects are listed only when asked for (§7).
		const list = await call(sb, 'GET', `/rest/v1.0/projects?company_id=${sb.companyId}&filters[by_status]=All`);
		expect(list.body).toHaveLength(6);
		expect(
			list.body
				.filter((p: { active: boolean }) => !p.active)
				.map((p: { id: number }) => p.id)
				.sort(),
		).toEqual([sb.seed.projects.inactive, sb.seed.projects.archived].sort());
		expect((await call(sb, 'GET', '/rest/v1.0/projects/424242/rfis')).status).toBe(404);
		const inactive = await call(
			sb,
			'GET',
			`/rest/v1.0/projects/${sb.seed.projects.inactive}/users`,
		);
		expect(inactive.status).toBe(200);
		expect(inactive.body.length).toBeGreaterThan(0);
	});

	it('answers 403 naming the tool when a tool is disabled in a project', async () => {
		sb.config({ disabledTools: { [sb.seed.projects.school]: ['RFI'] } });
		const res = await call(sb, 'GET', `/rest/v1.0/projects/${sb.seed.projects.school}/rfis`);
		sb.config({ disabledTools: {} });
		expect(res.status).toBe(403);
		expect(res.body.errors).toMatch(/The RFI tool is not enabled/);
		expect(
			(await call(sb, 'GET', `/rest/v1.0/projects/${sb.seed.projects.school}/rfis`)).status,
		).toBe(200);
	});

	it('logs calls with the company header and whether auth was present (never the token)', async () => {
		sb.calls.length = 0;
		await call(sb, 'GET', `/rest/v1.0/projects?company_id=${sb.companyId}`);
		await call(sb, 'GET', '/rest/v1.0/me', { token: null, company: null });
		expect(
			sb.calls.map((c) => [c.method, c.path, c.status, c.companyHeader, c.authPresent]),
		).toEqual([
			['GET', '/rest/v1.0/projects', 200, String(sb.companyId), true],
			['GET', '/rest/v1.0/me', 401, null, false],
		]);
		expect(JSON.stringify(sb.calls)).not.toMatch(/Bearer/);
	});
});
