import nock from 'nock';

import { procoreApiRequestAllItems, procoreRequest } from '../../../../nodes/Procore/transport';
import { createExecuteContext } from '../../../helpers/executeContext';

const API = 'https://api.procore.test';

describe('procoreRequest', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('sends Procore-Company-Id and the bearer token on every page', async () => {
		const scope = nock(API, { reqheaders: { 'procore-company-id': '4264807', authorization: 'Bearer unit-test-access' } })
			.get('/rest/v1.0/projects')
			.query({ company_id: '4264807', page: '1', per_page: '1000' })
			.reply(200, [{ id: 1 }], { Total: '2', 'Per-Page': '1000' });
		const ctx = createExecuteContext({ parameters: {} });
		const rows = await procoreApiRequestAllItems.call(ctx, {
			method: 'GET',
			path: '/rest/v1.0/projects',
			qs: { company_id: '4264807' },
			companyId: '4264807',
		}, { perPage: 1000 });
		expect(rows).toEqual([{ id: 1 }]);
		expect(scope.isDone()).toBe(true);
	});

	it('asks for exactly ceil(N / per_page) pages and stops on Total', async () => {
		const N = 2_500;
		let calls = 0;
		nock(API)
			.get('/rest/v1.0/cost_codes')
			.query(true)
			.times(10)
			.reply(function (uri) {
				calls++;
				const url = new URL(uri, API);
				const page = Number(url.searchParams.get('page'));
				const perPage = Number(url.searchParams.get('per_page'));
				const start = (page - 1) * perPage;
				const rows = Array.from({ length: Math.max(0, Math.min(perPage, N - start)) }, (_, k) => ({ id: start + k + 1 }));
				return [200, rows, { Total: String(N), 'Per-Page': String(perPage) }];
			});
		const ctx = createExecuteContext({ parameters: {} });
		const rows = await procoreApiRequestAllItems.call(ctx, { method: 'GET', path: '/rest/v1.0/cost_codes', companyId: '1' });
		expect(rows).toHaveLength(N);
		expect(calls).toBe(Math.ceil(N / 1000));
	});

	it('stops requesting once the limit is met', async () => {
		const scope = nock(API)
			.get('/rest/v1.0/cost_codes')
			.query({ page: '1', per_page: '5' })
			.reply(200, [1, 2, 3, 4, 5].map((id) => ({ id })), { Total: '900' });
		const ctx = createExecuteContext({ parameters: {} });
		const rows = await procoreApiRequestAllItems.call(ctx, { method: 'GET', path: '/rest/v1.0/cost_codes', companyId: '1' }, { limit: 5 });
		expect(rows).toHaveLength(5);
		expect(scope.isDone()).toBe(true);
	});

	it('maps a 422 to a message with each field and a fix', async () => {
		nock(API)
			.post('/rest/v1.0/change_events')
			.query(true)
			.reply(422, { errors: { event_scope: ["can't be blank"], change_event_status_id: ['is invalid'] } });
		const ctx = createExecuteContext({ parameters: {} });
		await expect(
			procoreRequest.call(ctx, { method: 'POST', path: '/rest/v1.0/change_events', qs: { project_id: 5 }, body: { change_event: {} }, companyId: '1' }),
		).rejects.toMatchObject({
			message: "Procore: event_scope: can't be blank; change_event_status_id: is invalid",
			httpCode: '422',
		});
	});
});
