/**
 * The transport's promises, checked through a real n8n-core run of the Custom API Call operation
 * (fixture: ../customApiCall.workflow.json): HTTP goes through n8n's OAuth2 signing and HTTP
 * client, waits run on jest's fake clock.
 */
import nock from 'nock';
import path from 'path';

import type { IDataObject } from 'n8n-workflow';

import {
	FAKE_NOW,
	HARNESS_API,
	HARNESS_PROCORE_CREDENTIALS,
	interceptProcore,
	pagedList,
	runWorkflowFixture,
	settleWithFakeClock,
	useFakeClock,
} from '../../../harness';

const FIXTURE = path.join(__dirname, '..', 'customApiCall.workflow.json');

function call(parameters: IDataObject, options: Parameters<typeof runWorkflowFixture>[1] = {}) {
	return runWorkflowFixture(FIXTURE, { ...options, parameters: { Procore: parameters } });
}

const list = (p: string, extra: IDataObject = {}) => ({ method: 'GET', path: p, paginate: true, returnAll: true, ...extra });

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
	jest.useRealTimers();
	nock.cleanAll();
	nock.enableNetConnect();
});

describe('Procore-Company-Id', () => {
	it('is sent with the bearer token on every page, 2..n included', async () => {
		const calls = interceptProcore('GET', '/rest/v1.0/projects/5/rfis', pagedList(2_345));
		const result = await call(list('/rest/v1.0/projects/5/rfis'));
		expect(result.outputOf('Procore')).toHaveLength(2_345);
		expect(calls.map((c) => c.query.get('page'))).toEqual(['1', '2', '3']);
		for (const c of calls) {
			expect(c.headers['procore-company-id']).toBe('4264807');
			expect(c.headers.authorization).toBe('Bearer harness-access-token');
		}
	});

	it('is the Company chosen in the node over the credential default', async () => {
		const calls = interceptProcore('GET', '/rest/v1.0/projects', () => [200, []]);
		await call({ method: 'GET', path: '/rest/v1.0/projects', company: { __rl: true, mode: 'id', value: '777' } });
		expect(calls[0].headers['procore-company-id']).toBe('777');
	});
});

describe('pagination: exactly ceil(N / per_page) requests', () => {
	it.each([
		['v1, Total header', 2_345, { totalHeader: true }, 3],
		['v1, Total header, exact multiple', 2_000, { totalHeader: true }, 2],
		['v1, Link header only, exact multiple', 2_000, { totalHeader: false, linkHeader: true }, 2],
		['v1, no headers, short last page', 1_500, { totalHeader: false }, 2],
	])('%s: N=%i', async (_name, total, shape, expected) => {
		const calls = interceptProcore('GET', '/rest/v1.0/companies/1/vendors', pagedList(total, shape));
		const result = await call(list('/rest/v1.0/companies/1/vendors'));
		expect(result.outputOf('Procore')).toHaveLength(total);
		expect(calls).toHaveLength(expected);
		expect(calls.every((c) => c.query.get('per_page') === '1000')).toBe(true);
	});

	it.each([
		['v2 data envelope, short last page', 250, { totalHeader: false }, 3],
		['v2 data envelope, Total header, exact multiple', 200, { totalHeader: true }, 2],
	])('%s: N=%i at the v2 maximum of 100', async (_name, total, shape, expected) => {
		const p = '/rest/v2.0/companies/1/projects/5/daily_logs';
		const calls = interceptProcore('GET', p, pagedList(total, { envelope: true, ...shape }));
		const result = await call(list(p));
		expect(result.outputOf('Procore')).toHaveLength(total);
		expect(result.outputOf('Procore')[total - 1].json).toEqual({ id: total });
		expect(calls).toHaveLength(expected);
		expect(calls.every((c) => c.query.get('per_page') === '100')).toBe(true);
	});

	it('Limit asks for only what it needs and stops as soon as the limit is met', async () => {
		const calls = interceptProcore('GET', '/rest/v1.0/companies/1/vendors', pagedList(5_000));
		const result = await call(list('/rest/v1.0/companies/1/vendors', { returnAll: false, limit: 1_200 }));
		expect(result.outputOf('Procore')).toHaveLength(1_200);
		expect(calls.map((c) => [c.query.get('page'), c.query.get('per_page')])).toEqual([
			['1', '1000'],
			['2', '200'],
		]);
	});

	it('a small Limit is one request of that size; Return All reads to the end', async () => {
		const small = interceptProcore('GET', '/rest/v1.0/companies/1/vendors', pagedList(5_000));
		const limited = await call(list('/rest/v1.0/companies/1/vendors', { returnAll: false, limit: 5 }));
		expect(limited.outputOf('Procore')).toHaveLength(5);
		expect(small.map((c) => c.query.get('per_page'))).toEqual(['5']);
		nock.cleanAll();
		const all = interceptProcore('GET', '/rest/v1.0/companies/1/vendors', pagedList(5_000));
		const everything = await call(list('/rest/v1.0/companies/1/vendors'));
		expect(everything.outputOf('Procore')).toHaveLength(5_000);
		expect(all).toHaveLength(5);
	});
});

describe('rate limits and back-off (fake clock)', () => {
	it('honours Retry-After to the millisecond', async () => {
		useFakeClock();
		const calls = interceptProcore('GET', '/rest/v1.0/projects', (_c, i) =>
			i === 0 ? [429, { error: 'Too many requests' }, { 'Retry-After': '7' }] : [200, [{ id: 1 }]],
		);
		const result = await settleWithFakeClock(call({ method: 'GET', path: '/rest/v1.0/projects' }));
		expect(result.outputOf('Procore')).toEqual([{ json: { id: 1 }, pairedItem: { item: 0 } }]);
		expect(calls.map((c) => c.at - calls[0].at)).toEqual([0, 7_000]);
	});

	it('falls back to X-Rate-Limit-Reset when there is no Retry-After', async () => {
		useFakeClock();
		const reset = String(FAKE_NOW / 1000 + 4);
		const calls = interceptProcore('GET', '/rest/v1.0/projects', (_c, i) =>
			i === 0
				? [429, { error: 'Too many requests' }, { 'X-Rate-Limit-Limit': '3600', 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': reset }]
				: [200, []],
		);
		await settleWithFakeClock(call({ method: 'GET', path: '/rest/v1.0/projects' }));
		// The reset instant plus a small margin, far from the 1 s exponential default.
		expect(calls[1].at - FAKE_NOW).toBeGreaterThanOrEqual(4_000);
		expect(calls[1].at - FAKE_NOW).toBeLessThan(4_500);
	});

	it('paces the next page when X-Rate-Limit-Remaining is 0, and not otherwise', async () => {
		useFakeClock();
		const reset = String(FAKE_NOW / 1000 + 10);
		const spent = interceptProcore('GET', '/rest/v1.0/companies/1/vendors', (c) => {
			const [status, body, headers] = pagedList(1_500)(c);
			return [status, body, { ...headers, 'X-Rate-Limit-Remaining': c.query.get('page') === '1' ? '0' : '99', 'X-Rate-Limit-Reset': reset }];
		});
		await settleWithFakeClock(call(list('/rest/v1.0/companies/1/vendors')));
		expect(spent).toHaveLength(2);
		expect(spent[1].at - FAKE_NOW).toBeGreaterThanOrEqual(10_000);
		expect(spent[1].at - FAKE_NOW).toBeLessThan(10_500);

		nock.cleanAll();
		const plenty = interceptProcore('GET', '/rest/v1.0/companies/1/vendors', (c) => {
			const [status, body, headers] = pagedList(1_500)(c);
			return [status, body, { ...headers, 'X-Rate-Limit-Remaining': '5', 'X-Rate-Limit-Reset': reset }];
		});
		await settleWithFakeClock(call(list('/rest/v1.0/companies/1/vendors')));
		expect(plenty[1].at - plenty[0].at).toBe(0);
	});

	it('retries a 503 with bounded back-off, then explains the failure', async () => {
		useFakeClock();
		const calls = interceptProcore('GET', '/rest/v1.0/projects', () => [503, '<html>Service Unavailable</html>']);
		const result = await settleWithFakeClock(call({ method: 'GET', path: '/rest/v1.0/projects' }));
		expect(calls.map((c) => c.at - calls[0].at)).toEqual([0, 1_000, 3_000, 7_000, 15_000, 31_000, 61_000]);
		const error = result.errorOf('Procore') as IDataObject;
		expect(error.message).toBe('Procore: <html>Service Unavailable</html>');
		expect(error.description).toBe(
			'Procore had a temporary problem and did not recover within the retry limit. Run the workflow again later.',
		);
		expect(error.httpCode).toBe('503');
	});

	it('retries a dropped connection for GET', async () => {
		useFakeClock();
		nock(HARNESS_API)
			.get('/rest/v1.0/projects')
			.query(true)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		const calls = interceptProcore('GET', '/rest/v1.0/projects', () => [200, [{ id: 9 }]]);
		const result = await settleWithFakeClock(call({ method: 'GET', path: '/rest/v1.0/projects' }));
		expect(result.outputOf('Procore')[0].json).toEqual({ id: 9 });
		expect(calls[0].at - FAKE_NOW).toBe(1_000);
	});

	it('does not retry a dropped connection for POST, and says why', async () => {
		useFakeClock();
		nock(HARNESS_API)
			.post('/rest/v1.0/rfis')
			.query(true)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		const second = interceptProcore('POST', '/rest/v1.0/rfis', () => [201, { id: 1 }]);
		const result = await settleWithFakeClock(
			call({ method: 'POST', path: '/rest/v1.0/rfis', query: '{"project_id": 5}', body: '{"rfi": {"subject": "Door hardware"}}' }),
		);
		expect(second).toHaveLength(0);
		const error = result.errorOf('Procore') as IDataObject;
		expect(error.message).toMatch(/^Could not reach Procore \(POST \/rest\/v1\.0\/rfis\)/);
		expect(error.description).toMatch(/may or may not have been written\. It was not sent again, so that nothing is created twice/);
	});
});

describe('errors as a user reads them', () => {
	const get = (p = '/rest/v1.0/projects/5/rfis/9') => call({ method: 'GET', path: p });

	it('401: reconnect the credential (after n8n could not refresh the token)', async () => {
		interceptProcore('GET', '/rest/v1.0/projects/5/rfis/9', () => [401, { error: 'invalid_token', error_description: 'The access token expired' }]);
		const error = (await get()).errorOf('Procore') as IDataObject;
		expect(error.message).toBe('Procore: invalid_token; The access token expired');
		expect(error.description).toMatch(/Open the Procore credential and reconnect it/);
		expect(error.httpCode).toBe('401');
	});

	it('403 with v1 string errors: the permission to grant', async () => {
		interceptProcore('GET', '/rest/v1.0/projects/5/rfis/9', () => [403, { errors: 'You do not have permission to perform this action' }]);
		const error = (await get()).errorOf('Procore') as IDataObject;
		expect(error.message).toBe('Procore: You do not have permission to perform this action');
		expect(error.description).toMatch(/lacks a permission for this call/);
	});

	it('403 about the company: names the company to check', async () => {
		interceptProcore('GET', '/rest/v1.0/projects/5/rfis/9', () => [403, { errors: ['Company is not accessible'] }]);
		const error = (await get()).errorOf('Procore') as IDataObject;
		expect(error.description).toMatch(/refused access for company 4264807/);
	});

	it('404: check the record ID and its project', async () => {
		interceptProcore('GET', '/rest/v1.0/projects/5/rfis/9', () => [404, { errors: 'Not Found' }]);
		const error = (await get()).errorOf('Procore') as IDataObject;
		expect(error.message).toBe('Procore: Not Found');
		expect(error.description).toBe(
			'Procore found nothing at GET /rest/v1.0/projects/5/rfis/9. Check the record ID and the Project it belongs to; Procore also answers 404 when the user cannot see the record.',
		);
	});

	it('422 with v1 field errors: each field and its reason', async () => {
		interceptProcore('POST', '/rest/v1.0/change_events', () => [422, { errors: { event_scope: ["can't be blank"], base: ['Status is invalid'] } }]);
		const result = await call({ method: 'POST', path: '/rest/v1.0/change_events', query: '{"project_id": 5}', body: '{"change_event": {}}' });
		const error = result.errorOf('Procore') as IDataObject;
		expect(error.message).toBe("Procore: event_scope: can't be blank; Status is invalid");
		expect(error.description).toMatch(/Fix each field listed in the message/);
		expect(error.httpCode).toBe('422');
	});

	it('422 with the v2 envelope: message and each detail', async () => {
		const p = '/rest/v2.0/companies/1/projects/5/timecard_entries';
		interceptProcore('POST', p, () => [
			422,
			{ error: { code: 'validation_error', message: 'Validation failed', details: [{ source: 'hours', message: 'must be greater than 0' }, { reason_code: 'date_locked' }] } },
		]);
		const result = await call({ method: 'POST', path: p, body: '{"hours": 0}' });
		const error = result.errorOf('Procore') as IDataObject;
		expect(error.message).toBe('Procore: Validation failed; hours: must be greater than 0; date_locked');
	});
});

describe('expired access token', () => {
	const credentials = {
		procoreOAuth2Api: { ...HARNESS_PROCORE_CREDENTIALS, oauthTokenData: { access_token: 'expired', refresh_token: 'refresh-1' } },
	};

	it('is refreshed through n8n once and the call retried with the new token', async () => {
		const token = nock('https://login.procore.test')
			.post('/oauth/token', (body) => body.grant_type === 'refresh_token' && body.refresh_token === 'refresh-1' && body.client_id === 'harness-client-id')
			.reply(200, { access_token: 'fresh', refresh_token: 'refresh-2', token_type: 'bearer', expires_in: 5400 });
		const calls = interceptProcore('GET', '/rest/v1.0/projects', (c) =>
			c.headers.authorization === 'Bearer fresh' ? [200, [{ id: 1 }]] : [401, { error: 'invalid_token' }],
		);
		const result = await call({ method: 'GET', path: '/rest/v1.0/projects' }, { credentials });
		expect(result.outputOf('Procore')).toHaveLength(1);
		expect(token.isDone()).toBe(true);
		expect(calls.map((c) => c.headers.authorization)).toEqual(['Bearer expired', 'Bearer expired', 'Bearer fresh']);
		expect(result.credentialsHelper.savedTokenData[0]).toMatchObject({ access_token: 'fresh', refresh_token: 'refresh-2' });
	});

	it('whose refresh Procore refuses surfaces the 401 with the reconnect advice', async () => {
		nock('https://login.procore.test').post('/oauth/token').reply(400, { error: 'invalid_grant' });
		interceptProcore('GET', '/rest/v1.0/projects', () => [401, { error: 'invalid_token' }]);
		const error = (await call({ method: 'GET', path: '/rest/v1.0/projects' }, { credentials })).errorOf('Procore') as IDataObject;
		expect(error.httpCode).toBe('401');
		expect(error.description).toMatch(/reconnect it/);
	});

	it('whose retried call fails otherwise reports that failure', async () => {
		nock('https://login.procore.test').post('/oauth/token').reply(200, { access_token: 'fresh', token_type: 'bearer' });
		interceptProcore('GET', '/rest/v1.0/projects/5', (c) =>
			c.headers.authorization === 'Bearer fresh' ? [404, { errors: 'Not Found' }] : [401, { error: 'invalid_token' }],
		);
		const error = (await call({ method: 'GET', path: '/rest/v1.0/projects/5' }, { credentials })).errorOf('Procore') as IDataObject;
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('Procore: Not Found');
	});
});
