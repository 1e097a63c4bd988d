import type { IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const company = { __rl: true, mode: 'id', value: '4264807' };
const SYNC = '/rest/v1.0/companies/4264807/vendors/5/insurances/sync';

function parameters(overrides: Record<string, unknown> = {}) {
	return {
		resource: 'insurance',
		operation: 'upsert',
		company,
		scope: 'companyVendor',
		vendor: { __rl: true, mode: 'id', value: '5' },
		matchBy: 'originId',
		originId: '',
		policyNumber: '',
		insuranceFields: {},
		options: { auditTag: false },
		...overrides,
	};
}

/** Per-item parameters, as n8n resolves expressions like {{ $json.certificateId }} per item. */
function perItem(rows: Array<Record<string, unknown>>, overrides: Record<string, unknown> = {}) {
	const shared = parameters(overrides);
	return { ...shared, __perItem: rows.map((row) => ({ ...shared, ...row })) };
}

describe('Insurance > Create or Update (sync)', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('sends 1,500 items in 2 calls (1,000 + 500) and pairs every result with its item', async () => {
		const sizes: number[] = [];
		nock(API)
			.patch(SYNC, (b) => {
				sizes.push(b.updates.length);
				return true;
			})
			.times(2)
			.reply(200, (_uri, body: any) => ({
				// Answer in reverse order: pairing must use origin_id, not position.
				entities: [...body.updates].reverse().map((u: any) => ({ ...u, id: 10_000 + Number(u.origin_id.slice(4)) })),
				errors: [],
			}));
		const rows = Array.from({ length: 1500 }, (_, k) => ({ originId: `coi-${k}`, insuranceFields: { status: 'compliant', insuranceType: 'GL' } }));
		const requests: IHttpRequestOptions[] = [];
		const out = await runProcoreNode({ parameters: perItem(rows), items: rows.map(() => ({ json: {} })), requests });
		expect(sizes).toEqual([1000, 500]);
		expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(2);
		expect(out).toHaveLength(1500);
		out.forEach((o, k) => {
			expect(o.pairedItem).toEqual({ item: k });
			expect(o.json.id).toBe(10_000 + k);
		});
		expect(out[0].json.summary).toBe('Synced Insurance 10000 (GL) for vendor 5 (compliant)');
	});

	const partialAnswer = {
		entities: [
			{ id: 1, origin_id: 'a', status: 'compliant' },
			{ id: 3, origin_id: 'c', status: 'compliant' },
		],
		errors: [{ origin_id: 'b', status: 'bogus', errors: { status: ['is not included in the list'] } }],
	};
	const rows = [{ originId: 'a' }, { originId: 'b', insuranceFields: { status: 'compliant' } }, { originId: 'c' }];

	it('reports Procore\'s per-item refusals on their items with Continue On Fail', async () => {
		nock(API).patch(SYNC).reply(200, partialAnswer);
		const out = await runProcoreNode({ parameters: perItem(rows), items: rows.map(() => ({ json: {} })), continueOnFail: true });
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.id).toBe(1);
		expect(out[1].json.error).toBe('Procore refused Insurance for vendor 5: status: is not included in the list');
		expect(out[2].json.id).toBe(3);
	});

	it('fails the node, naming the refused item, when Continue On Fail is off', async () => {
		nock(API).patch(SYNC).reply(200, partialAnswer);
		const error = await runProcoreNode({ parameters: perItem(rows), items: rows.map(() => ({ json: {} })) }).catch((e) => e);
		expect(error.message).toBe(
			'1 of 3 insurances were not written (item 1: Procore refused Insurance for vendor 5: status: is not included in the list)',
		);
		expect(error.description).toContain('2 other item(s) were written');
	});

	it('matches by policy number: an existing policy gets its id, a new one is created, a duplicate is refused', async () => {
		let sent: any;
		nock(API)
			.get('/rest/v1.0/companies/4264807/vendors/5/insurances')
			.query(true)
			.reply(200, [
				{ id: 70, policy_number: 'GL-1' },
				{ id: 71, policy_number: 'DUP' },
				{ id: 72, policy_number: 'dup ' },
			])
			.patch(SYNC, (b) => {
				sent = b;
				return true;
			})
			.reply(200, { entities: [{ id: 70, policy_number: 'GL-1' }, { id: 99, policy_number: 'NEW-2' }], errors: [] });
		const policyRows = [{ policyNumber: 'gl-1' }, { policyNumber: 'NEW-2' }, { policyNumber: 'DUP' }];
		const out = await runProcoreNode({
			parameters: perItem(policyRows, { matchBy: 'policyNumber' }),
			items: policyRows.map(() => ({ json: {} })),
			continueOnFail: true,
		});
		expect(sent).toEqual({ updates: [{ policy_number: 'GL-1', id: 70 }, { policy_number: 'NEW-2' }] });
		expect(out.map((o) => o.json.id ?? o.json.error)).toEqual([
			70,
			99,
			'2 insurances have policy number "DUP" (IDs 71, 72); match by Origin ID instead, or remove the duplicate in Procore',
		]);
	});

	it('refuses an item without its match key before sending anything', async () => {
		const requests: IHttpRequestOptions[] = [];
		const error = await runProcoreNode({ parameters: parameters({ originId: ' ' }), requests }).catch((e) => e);
		expect(error.message).toBe('Origin ID is required');
		expect(requests).toEqual([]);
	});

	it('adds the audit tag to each record and previews without writing', async () => {
		const requests: IHttpRequestOptions[] = [];
		const [out] = await runProcoreNode({
			parameters: parameters({ originId: 'coi-1', options: { previewOnly: true } }),
			requests,
		});
		expect(requests).toEqual([]);
		expect(out.json).toMatchObject({
			preview: true,
			request: { method: 'PATCH', path: SYNC, body: { updates: [{ origin_id: 'coi-1', origin_data: 'n8n:instance-unit:wf-unit:exec-unit:Procore' }] } },
		});
	});

	it('puts vendor_id on each record at the company level (all vendors)', async () => {
		let sent: any;
		nock(API)
			.patch('/rest/v1.0/companies/4264807/insurances/sync', (b) => {
				sent = b;
				return true;
			})
			.reply(200, { entities: [{ id: 1, origin_id: 'x', vendor_id: 5 }], errors: [] });
		await runProcoreNode({ parameters: parameters({ scope: 'company', originId: 'x' }) });
		expect(sent).toEqual({ updates: [{ origin_id: 'x', vendor_id: 5 }] });
	});
});
