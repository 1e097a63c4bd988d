import type { IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const company = { __rl: true, mode: 'id', value: '4264807' };
const project = { __rl: true, mode: 'id', value: '101' };
const vendor = { __rl: true, mode: 'id', value: '5' };
const insuranceId = { __rl: true, mode: 'id', value: '88' };

const scopes: Array<[string, string]> = [
	['company', '/rest/v1.0/companies/4264807/insurances'],
	['companyVendor', '/rest/v1.0/companies/4264807/vendors/5/insurances'],
	['project', '/rest/v1.0/projects/101/insurances'],
	['projectVendor', '/rest/v1.0/projects/101/vendors/5/insurances'],
];

const base = (scope: string, operation: string) => ({ resource: 'insurance', operation, company, scope, project, vendor });

describe('Insurance at each directory scope', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it.each(scopes)('%s: Get reads %s/{id}', async (scope, path) => {
		nock(API, { reqheaders: { 'procore-company-id': '4264807' } })
			.get(`${path}/88`)
			.reply(200, { id: 88, vendor_id: 5, status: 'compliant', insurance_type: 'GL', secret: 'x' });
		const [out] = await runProcoreNode({ parameters: { ...base(scope, 'get'), insuranceId, output: 'simplified' } });
		expect(out.json).toEqual({ id: 88, vendor_id: 5, status: 'compliant', insurance_type: 'GL' });
		expect(nock.isDone()).toBe(true);
	});

	it.each(scopes)('%s: Create posts to %s (vendor_id in the body where the path lacks it)', async (scope, path) => {
		let sent: any;
		nock(API)
			.post(path, (b) => {
				sent = b;
				return true;
			})
			.reply(201, { id: 90, insurance_type: 'General Liability', status: 'compliant' });
		const [out] = await runProcoreNode({
			parameters: {
				...base(scope, 'create'),
				insuranceType: 'General Liability',
				additionalFields: { policyNumber: 'GL-1', expirationDate: '2027-03-31T00:00:00Z', status: 'compliant', exempt: false },
				options: {},
			},
		});
		const expected: Record<string, unknown> = {
			insurance_type: 'General Liability',
			policy_number: 'GL-1',
			expiration_date: '2027-03-31',
			status: 'compliant',
			exempt: false,
			origin_data: 'n8n:instance-unit:wf-unit:exec-unit:Procore',
		};
		if (scope === 'company' || scope === 'project') expected.vendor_id = 5;
		expect(sent).toEqual({ insurance: expected });
		expect(out.json.summary).toBe('Created Insurance 90 (General Liability, GL-1) for vendor 5 (compliant)');
	});

	it.each(scopes)('%s: Update reads then patches %s/{id} with only the change', async (scope, path) => {
		let sent: any;
		nock(API)
			.get(`${path}/88`)
			.reply(200, { id: 88, vendor_id: 5, status: 'non_compliant', insurance_type: 'GL', policy_number: 'P1' })
			.patch(`${path}/88`, (b) => {
				sent = b;
				return true;
			})
			.reply(200, { id: 88, vendor_id: 5, status: 'compliant' });
		const [out] = await runProcoreNode({
			parameters: { ...base(scope, 'update'), insuranceId, updateFields: { status: 'compliant' }, options: { auditTag: false } },
		});
		// Procore's company- and project-level PATCH requires vendor_id even when it does not change.
		expect(sent).toEqual({ insurance: scope === 'company' || scope === 'project' ? { vendor_id: 5, status: 'compliant' } : { status: 'compliant' } });
		expect(out.json.summary).toBe('Updated Insurance 88 (GL, P1): status non_compliant → compliant');
	});

	it.each(scopes)('%s: Delete reads then deletes %s/{id}', async (scope, path) => {
		nock(API).get(`${path}/88`).reply(200, { id: 88, vendor_id: 5, insurance_type: 'GL' }).delete(`${path}/88`).reply(204, '');
		const [out] = await runProcoreNode({ parameters: { ...base(scope, 'delete'), insuranceId, options: {} } });
		expect(out.json).toMatchObject({ id: 88, deleted: true, summary: 'Deleted Insurance 88 (GL) of vendor 5' });
		expect(nock.isDone()).toBe(true);
	});

	it.each(scopes)('%s: Get Many lists %s and filters by status, vendor and expiry', async (scope, path) => {
		nock(API)
			.get(path)
			.query({ page: 1, per_page: 1000 })
			.reply(200, [
				{ id: 1, vendor_id: 5, status: 'compliant', expiration_date: '2026-12-01' },
				{ id: 2, vendor_id: 5, status: 'expired', expiration_date: '2026-01-01' },
				{ id: 3, vendor_id: 6, status: 'compliant', expiration_date: '2026-11-30' },
				{ id: 4, vendor_id: 5, status: 'compliant', expiration_date: '2027-06-01' },
			]);
		const out = await runProcoreNode({
			parameters: {
				...base(scope, 'getAll'),
				returnAll: true,
				filters: { status: ['compliant'], vendorId: '5', expiringBefore: '2026-12-31' },
				output: 'simplified',
			},
		});
		expect(out.map((o) => o.json.id)).toEqual([1]);
	});
});

describe('Insurance Get Many limits', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('stops reading pages once the limit of matching records is met', async () => {
		const page = (from: number) => Array.from({ length: 1000 }, (_, k) => ({ id: from + k, status: k % 2 ? 'expired' : 'compliant' }));
		nock(API).get('/rest/v1.0/companies/4264807/insurances').query({ page: 1, per_page: 1000 }).reply(200, page(0));
		const requests: IHttpRequestOptions[] = [];
		const out = await runProcoreNode({
			parameters: { ...base('company', 'getAll'), returnAll: false, limit: 3, filters: { status: ['expired'] }, output: 'simplified' },
			requests,
		});
		expect(out.map((o) => o.json.id)).toEqual([1, 3, 5]);
		expect(requests).toHaveLength(1);
	});

	it('does not create a second insurance when the origin ID exists', async () => {
		nock(API)
			.get('/rest/v1.0/companies/4264807/vendors/5/insurances')
			.query(true)
			.reply(200, [{ id: 77, origin_id: 'coi-1', insurance_type: 'GL' }]);
		const requests: IHttpRequestOptions[] = [];
		const [out] = await runProcoreNode({
			parameters: { ...base('companyVendor', 'create'), insuranceType: 'GL', additionalFields: { originId: 'coi-1' }, options: {}, output: 'raw' },
			requests,
		});
		expect(out.json).toMatchObject({ id: 77, skipped: true });
		expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
	});
});
