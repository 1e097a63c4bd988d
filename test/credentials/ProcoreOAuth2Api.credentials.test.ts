/**
 * The Procore credential as n8n uses it: hidden defaults resolved per environment with n8n's own
 * expression engine, and the "Test" button run the way n8n 2.41 runs a declarative credential test.
 */
import nock from 'nock';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ProcoreOAuth2Api } from '../../credentials/ProcoreOAuth2Api.credentials';
import { HARNESS_PROCORE_CREDENTIALS, interceptProcore, resolveCredentialData, testCredential } from '../harness';

const stored = (extra: ICredentialDataDecryptedObject = {}) => ({ ...HARNESS_PROCORE_CREDENTIALS, ...extra });

describe('ProcoreOAuth2Api', () => {
	it('extends n8n\'s OAuth2 credential and sends the client secret in the token request body', () => {
		const credential = new ProcoreOAuth2Api();
		expect(credential.name).toBe('procoreOAuth2Api');
		expect(credential.extends).toEqual(['oAuth2Api']);
		const data = resolveCredentialData('procoreOAuth2Api', { clientId: 'a', clientSecret: 'b' });
		expect(data).toMatchObject({ grantType: 'authorizationCode', environment: 'production', authentication: 'body', scope: '' });
	});

	it.each([
		['production', 'https://api.procore.com', 'https://login.procore.com'],
		['developerSandbox', 'https://sandbox.procore.com', 'https://login-sandbox.procore.com'],
		['monthlySandbox', 'https://api-monthly.procore.com', 'https://login-sandbox-monthly.procore.com'],
		['government', 'https://api.procoregov.com', 'https://login.procoregov.com'],
		['custom', 'http://127.0.0.1:4010', 'http://127.0.0.1:4011'],
	])('resolves the %s hosts', (environment, api, login) => {
		const data = resolveCredentialData('procoreOAuth2Api', {
			environment,
			customApiUrl: 'http://127.0.0.1:4010/',
			customLoginUrl: 'http://127.0.0.1:4011//',
			clientId: 'a',
			clientSecret: 'b',
		});
		expect(data.apiBaseUrl).toBe(api);
		expect(data.authUrl).toBe(`${login}/oauth/authorize`);
		expect(data.accessTokenUrl).toBe(`${login}/oauth/token`);
	});

	it('asks for the company of a service account, offers a default one to a signed-in user, and requires Custom hosts', () => {
		const properties = new ProcoreOAuth2Api().properties;
		const byName = (name: string) => properties.find((p) => p.name === name)!;
		expect(byName('companyId')).toMatchObject({ required: true, displayOptions: { show: { grantType: ['clientCredentials'] } } });
		expect(byName('defaultCompanyId').required).toBeFalsy();
		expect(byName('defaultCompanyId').displayOptions).toEqual({ show: { grantType: ['authorizationCode'] } });
		for (const name of ['customLoginUrl', 'customApiUrl']) {
			expect(byName(name)).toMatchObject({ required: true, displayOptions: { show: { environment: ['custom'] } } });
		}
		// n8n merges credential properties by name: a name used twice would lose one of them.
		expect(new Set(properties.map((p) => p.name)).size).toBe(properties.length);
	});

	it('speaks of no test tooling', () => {
		expect(JSON.stringify(new ProcoreOAuth2Api())).not.toMatch(/sandbox of this package|local sandbox|127\.0\.0\.1|localhost/i);
	});

	it('leaves the hosts empty for Custom without hosts, so the node reports a missing API host', () => {
		const data = resolveCredentialData('procoreOAuth2Api', { environment: 'custom', clientId: 'a', clientSecret: 'b' });
		expect(data.apiBaseUrl).toBe('');
		expect(data.accessTokenUrl).toBe('/oauth/token');
	});
});

describe('ProcoreOAuth2Api test request', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('calls /rest/v1.0/me on the environment\'s API host with the token and the default company', async () => {
		const calls = interceptProcore('GET', '/rest/v1.0/me', () => [200, { id: 42, login: 'pm@example.com' }]);
		await expect(testCredential('procoreOAuth2Api', stored())).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(calls).toHaveLength(1);
		expect(calls[0].headers.authorization).toBe('Bearer harness-access-token');
		expect(calls[0].headers['procore-company-id']).toBe('4264807');
	});

	it('sends no company header when there is no Default Company ID', async () => {
		const calls = interceptProcore('GET', '/rest/v1.0/me', () => [200, { id: 42 }]);
		await testCredential('procoreOAuth2Api', stored({ defaultCompanyId: '' }));
		expect(calls[0].headers).not.toHaveProperty('procore-company-id');
	});

	it('sends a signed-in user\'s Default Company ID (never a hidden Company ID), and a service account\'s Company ID only', async () => {
		const calls = interceptProcore('GET', '/rest/v1.0/me', () => [200, { id: 42 }], { times: 2 });
		await testCredential('procoreOAuth2Api', stored({ companyId: '99', defaultCompanyId: '77' }));
		const token = nock('https://login.procore.test').post('/oauth/token').reply(200, { access_token: 'dmsa', token_type: 'bearer' });
		await testCredential('procoreOAuth2Api', stored({ grantType: 'clientCredentials', companyId: '88', defaultCompanyId: '77', oauthTokenData: {} }));
		expect(token.isDone()).toBe(true);
		expect(calls.map((c) => c.headers['procore-company-id'])).toEqual(['77', '88']);
	});

	it('maps 403 and 400 to what to fix', async () => {
		interceptProcore('GET', '/rest/v1.0/me', () => [403, { errors: 'Forbidden' }], { times: 1 });
		await expect(testCredential('procoreOAuth2Api', stored())).resolves.toEqual({
			status: 'Error',
			message: new ProcoreOAuth2Api().test.rules![1].properties.message,
		});
		interceptProcore('GET', '/rest/v1.0/me', () => [400, { errors: 'Procore-Company-Id header is required' }], { times: 1 });
		const result = await testCredential('procoreOAuth2Api', stored());
		expect(result.message).toMatch(/Set the Company ID/);
		interceptProcore('GET', '/rest/v1.0/me', () => [404, { error: 'Not Found' }], { times: 1 });
		expect((await testCredential('procoreOAuth2Api', stored())).message).toMatch(/^No Procore API answers at this address\. Check the Environment/);
	});

	it('maps a 401 that persists after n8n refreshed the token to "reconnect"', async () => {
		const token = nock('https://login.procore.test').post('/oauth/token').reply(200, { access_token: 'fresh', token_type: 'bearer' });
		const calls = interceptProcore('GET', '/rest/v1.0/me', () => [401, { error: 'invalid_token' }]);
		const result = await testCredential('procoreOAuth2Api', stored({ oauthTokenData: { access_token: 'old', refresh_token: 'r1' } }));
		expect(token.isDone()).toBe(true);
		expect(calls.map((c) => c.headers.authorization)).toEqual(['Bearer old', 'Bearer fresh']);
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Procore refused the token\. Check that the Environment/) });
	});
});
