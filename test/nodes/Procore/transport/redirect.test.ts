/**
 * Issue 22, finding 2: the bearer token must never follow a redirect off the API origin. n8n 2.41's
 * HTTP layer (OutboundHttp, what executeContext.ts calls, as n8n-core does) re-adds Authorization
 * on a cross-origin redirect unless told otherwise, so this is n8n's behaviour under test.
 */
import nock from 'nock';

import { procoreRequest } from '../../../../nodes/Procore/transport';
import { createExecuteContext, runProcoreNode } from '../../../helpers/executeContext';

const API = 'https://api.procore.test';
const ELSEWHERE = 'https://files.elsewhere.test';

describe('redirects: the token stays on the API origin (issue 22, finding 2)', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('a GET redirected to another origin is fetched there without the token', async () => {
		let seen: Record<string, unknown> | undefined;
		nock(API).get('/rest/v1.0/projects/1/report').reply(302, '', { Location: `${ELSEWHERE}/r/1?sig=abc` });
		nock(ELSEWHERE)
			.get('/r/1')
			.query({ sig: 'abc' })
			.reply(function () {
				seen = this.req.headers;
				return [200, { ok: true }];
			});
		const response = await procoreRequest.call(createExecuteContext({ parameters: {} }), { method: 'GET', path: '/rest/v1.0/projects/1/report', companyId: '1' });
		expect(response.body).toEqual({ ok: true });
		expect(seen).toBeDefined();
		expect(seen!.authorization).toBeUndefined();
		expect(seen!['procore-company-id']).toBeUndefined();
	});

	it('a Custom API Call to an endpoint that redirects: the Location host never sees the token', async () => {
		let seen: Record<string, unknown> | undefined;
		nock(API).get('/rest/v1.0/companies/1/files/9/download').reply(301, '', { Location: `${ELSEWHERE}/steal` });
		nock(ELSEWHERE).get('/steal').reply(function () {
			seen = this.req.headers;
			return [200, { stolen: false }];
		});
		const [out] = await runProcoreNode({
			parameters: { resource: 'customApiCall', operation: 'request', method: 'GET', path: '/rest/v1.0/companies/1/files/9/download', query: '{}', paginate: false },
		});
		expect(seen?.authorization).toBeUndefined();
		expect(out.json).toMatchObject({ stolen: false });
	});

	it('a redirect on the API origin is followed with the token', async () => {
		nock(API).get('/rest/v1.0/old').reply(302, '', { Location: '/rest/v1.0/new' });
		nock(API, { reqheaders: { authorization: 'Bearer unit-test-access' } }).get('/rest/v1.0/new').reply(200, { moved: true });
		const response = await procoreRequest.call(createExecuteContext({ parameters: {} }), { method: 'GET', path: '/rest/v1.0/old', companyId: '1' });
		expect(response.body).toEqual({ moved: true });
	});

	it('a write redirected (307) to another origin is not sent there', async () => {
		let reached = false;
		nock(API).post('/rest/v1.0/projects/1/rfis').reply(307, '', { Location: `${ELSEWHERE}/rfis` });
		nock(ELSEWHERE).post('/rfis').reply(() => ((reached = true), [201, {}]));
		await expect(
			procoreRequest.call(createExecuteContext({ parameters: {} }), { method: 'POST', path: '/rest/v1.0/projects/1/rfis', body: { rfi: { subject: 'x' } }, companyId: '1' }),
		).rejects.toThrow(/redirected POST .* to https:\/\/files\.elsewhere\.test\/rfis: not sent there/);
		expect(reached).toBe(false);
	});

	it('a redirect loop stops', async () => {
		nock(API).get('/rest/v1.0/loop').times(10).reply(302, '', { Location: '/rest/v1.0/loop' });
		await expect(procoreRequest.call(createExecuteContext({ parameters: {} }), { method: 'GET', path: '/rest/v1.0/loop', companyId: '1' })).rejects.toThrow(/more than 5 times/);
	});
});
