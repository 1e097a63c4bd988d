import type { IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const company = { __rl: true, mode: 'id', value: '4264807' };
const project = { __rl: true, mode: 'id', value: '101' };

describe('Vendor', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('lists the company directory with search, trade and updated-since on Procore\'s side', async () => {
		nock(API)
			.get('/rest/v1.0/vendors')
			.query(
				(q) =>
					q.company_id === '4264807' &&
					q['filters[search]'] === 'acme' &&
					JSON.stringify(q['filters[trade_id][]']) === '["12","34"]' &&
					q['filters[updated_at]'] === '2026-11-01T00:00:00.000Z...2999-12-31T00:00:00.000Z' &&
					q.per_page === '10',
			)
			.reply(200, [{ id: 5, name: 'Acme Electric', trade_name: 'Electrical', big: 'x'.repeat(100) }]);
		const out = await runProcoreNode({
			parameters: {
				resource: 'vendor',
				operation: 'getAll',
				company,
				directory: 'company',
				returnAll: false,
				limit: 10,
				filters: { search: 'acme', tradeIds: '12, 34', updatedSince: '2026-11-01T00:00:00Z' },
				output: 'simplified',
			},
		});
		expect(out.map((o) => o.json)).toEqual([{ id: 5, name: 'Acme Electric', trade_name: 'Electrical' }]);
	});

	it('lists a project directory and applies Updated Since itself (Procore has no such filter there)', async () => {
		nock(API)
			.get('/rest/v1.0/projects/101/vendors')
			.query((q) => q['filters[updated_at]'] === undefined)
			.reply(200, [
				{ id: 5, name: 'Old', updated_at: '2026-01-01T00:00:00Z' },
				{ id: 6, name: 'New', updated_at: '2026-11-02T00:00:00Z' },
			]);
		const out = await runProcoreNode({
			parameters: {
				resource: 'vendor',
				operation: 'getAll',
				company,
				directory: 'project',
				project,
				returnAll: true,
				filters: { updatedSince: '2026-11-01T00:00:00Z' },
				output: 'simplified',
			},
		});
		expect(out.map((o) => o.json.id)).toEqual([6]);
	});

	it('gets a vendor found by exact name from the project directory', async () => {
		nock(API)
			.get('/rest/v1.0/vendors')
			.query((q) => q['filters[search]'] === 'Acme Electric')
			.reply(200, [{ id: 5, name: 'Acme Electric' }])
			.get('/rest/v1.0/projects/101/vendors/5')
			.reply(200, { id: 5, name: 'Acme Electric' });
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'vendor',
				operation: 'get',
				company,
				directory: 'project',
				project,
				vendor: { __rl: true, mode: 'name', value: 'Acme Electric' },
				output: 'raw',
			},
		});
		expect(out.json).toEqual({ id: 5, name: 'Acme Electric' });
	});

	it('creates a company vendor with company_id and the audit tag, after checking the name is new', async () => {
		let sent: any;
		nock(API)
			.get('/rest/v1.0/vendors')
			.query((q) => q['filters[origin_id]'] === 'tl-9')
			.reply(200, [])
			.get('/rest/v1.0/vendors')
			.query((q) => q['filters[search]'] === 'Acme Electric')
			.reply(200, [{ id: 6, name: 'Acme Electric Supply' }])
			.post('/rest/v1.0/vendors', (b) => {
				sent = b;
				return true;
			})
			.reply(201, { id: 9, name: 'Acme Electric' });
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'vendor',
				operation: 'create',
				company,
				directory: 'company',
				name: 'Acme Electric',
				additionalFields: { originId: 'tl-9', tradeIds: '12', emailAddress: 'office@acme.test' },
				options: {},
			},
		});
		expect(sent).toEqual({
			company_id: 4264807,
			vendor: {
				name: 'Acme Electric',
				origin_id: 'tl-9',
				email_address: 'office@acme.test',
				trade_ids: [12],
				origin_data: 'n8n:instance-unit:wf-unit:exec-unit:Procore',
			},
		});
		expect(out.json.summary).toBe('Created vendor 9 "Acme Electric" in the company directory');
	});

	it('returns the existing vendor instead of a duplicate on a re-run', async () => {
		nock(API).get('/rest/v1.0/vendors').query(true).reply(200, [{ id: 5, name: 'acme electric' }]);
		const requests: IHttpRequestOptions[] = [];
		const [out] = await runProcoreNode({
			parameters: { resource: 'vendor', operation: 'create', company, directory: 'company', name: 'Acme Electric', additionalFields: {}, options: {}, output: 'raw' },
			requests,
		});
		expect(out.json).toMatchObject({ id: 5, skipped: true });
		expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
	});

	it('updates a company vendor, carrying the name Procore requires, and reports previous → new', async () => {
		let sent: any;
		nock(API)
			.get('/rest/v1.0/vendors/5')
			.query({ company_id: '4264807' })
			.reply(200, { id: 5, name: 'Acme Electric', email_address: 'old@acme.test' })
			.patch('/rest/v1.0/vendors/5', (b) => {
				sent = b;
				return true;
			})
			.reply(200, { id: 5 });
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'vendor',
				operation: 'update',
				company,
				directory: 'company',
				vendor: { __rl: true, mode: 'id', value: '5' },
				updateFields: { emailAddress: 'new@acme.test' },
				options: { auditTag: false },
			},
		});
		expect(sent).toEqual({ company_id: 4264807, vendor: { name: 'Acme Electric', email_address: 'new@acme.test' } });
		expect(out.json.summary).toBe('Updated vendor 5 "Acme Electric": email_address old@acme.test → new@acme.test');
	});

	it('updates a project vendor without company_id', async () => {
		let sent: any;
		nock(API)
			.get('/rest/v1.0/projects/101/vendors/5')
			.reply(200, { id: 5, name: 'Acme Electric' })
			.patch('/rest/v1.0/projects/101/vendors/5', (b) => {
				sent = b;
				return true;
			})
			.reply(200, { id: 5 });
		await runProcoreNode({
			parameters: {
				resource: 'vendor',
				operation: 'update',
				company,
				directory: 'project',
				project,
				vendor: { __rl: true, mode: 'id', value: '5' },
				updateFields: { tradeName: 'Electrical' },
				options: { auditTag: false },
			},
		});
		expect(sent).toEqual({ vendor: { trade_name: 'Electrical' } });
	});
});
