import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';
import { contractSummary } from '../../../../../nodes/Procore/actions/primeContract/getSummary.operation';

const API = 'https://api.procore.test';
const company = { __rl: true, mode: 'id', value: '4264807' };
const project = { __rl: true, mode: 'id', value: '101' };
const primeContract = { __rl: true, mode: 'id', value: '7' };

describe('Prime Contract', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('Get reads v1.0 prime_contract/{id} (singular) with the project', async () => {
		nock(API)
			.get('/rest/v1.0/prime_contract/7')
			.query({ project_id: '101' })
			.reply(200, { id: 7, number: 'PC-001', title: 'Tower', status: 'Approved', vendor: { id: 3, name: 'Owner LLC' }, grand_total: '100.00' });
		const [out] = await runProcoreNode({ parameters: { resource: 'primeContract', operation: 'get', company, project, primeContract, output: 'simplified' } });
		expect(out.json).toEqual({ id: 7, number: 'PC-001', title: 'Tower', status: 'Approved', vendor_name: 'Owner LLC', grand_total: '100.00' });
	});

	it('Get Many pages v1.0 prime_contracts to the end and sends Updated Since as a range', async () => {
		const page = (n: number) => Array.from({ length: n }, (_, k) => ({ id: k + 1, number: `PC-${k + 1}` }));
		nock(API)
			.get('/rest/v1.0/prime_contracts')
			.query((q) => q.project_id === '101' && q.page === '1' && String(q['filters[updated_at]']).startsWith('2026-01-01T00:00:00.000Z...'))
			.reply(200, page(1000), { Total: '1001', 'Per-Page': '1000' })
			.get('/rest/v1.0/prime_contracts')
			.query((q) => q.page === '2')
			.reply(200, [{ id: 1001, number: 'PC-1001' }], { Total: '1001', 'Per-Page': '1000' });
		const out = await runProcoreNode({
			parameters: { resource: 'primeContract', operation: 'getAll', company, project, returnAll: true, filters: { updatedSince: '2026-01-01T00:00:00Z' } },
		});
		expect(out).toHaveLength(1001);
		expect(nock.isDone()).toBe(true);
	});

	it('Get Line Items sends the cost code filter and tags each line with its contract', async () => {
		nock(API)
			.get('/rest/v1.0/prime_contracts/7/line_items')
			.query((q) => q.project_id === '101' && q['filters[cost_code_id]'] === '55')
			.reply(200, [{ id: 1, description: 'Concrete', amount: '10.00', cost_code: { id: 55, full_code: '03-300', name: 'Concrete' } }]);
		const out = await runProcoreNode({
			parameters: { resource: 'primeContract', operation: 'getLineItems', company, project, primeContract, returnAll: true, filters: { costCode: { __rl: true, mode: 'id', value: '55' } }, output: 'raw' },
		});
		expect(out.map((o) => o.json)).toEqual([expect.objectContaining({ prime_contract_id: '7', id: 1, amount: '10.00' })]);
	});

	it('Get Summary turns a Procore 403 into an actionable error with Procore\'s text', async () => {
		nock(API).get('/rest/v1.0/prime_contract/7').query(true).reply(403, { errors: 'You do not have access to the Prime Contracts tool' });
		await expect(runProcoreNode({ parameters: { resource: 'primeContract', operation: 'getSummary', company, project, primeContract } })).rejects.toThrow(
			/Prime Contracts tool/,
		);
	});

	describe('contractSummary', () => {
		it('names the Procore field of each figure and computes only what Procore left out', () => {
			const s = contractSummary({ id: 7, number: 'PC-1', title: 'T', grand_total: '1000.10', approved_change_orders: '99.90', pending_change_orders_amount: '50' }, '7');
			expect(s).toMatchObject({
				original_contract_amount: '1000.10',
				approved_change_orders: '99.90',
				pending_change_orders: '50.00',
				revised_contract_amount: '1100.00',
				pending_revised_contract_amount: '1150.00',
				sources: {
					original_contract_amount: 'grand_total',
					revised_contract_amount: 'computed: grand_total + approved_change_orders',
					pending_revised_contract_amount: 'computed: revised_contract_amount + pending_change_orders_amount',
				},
			});
			expect(s.summary).toBe('Prime contract 7 (PC-1 T): original 1,000.10 + approved changes 99.90 = revised 1,100.00; 50.00 pending (1,150.00 if approved)');
		});

		it('keeps Procore\'s revised amount when it has one', () => {
			const s = contractSummary({ grand_total: '10', approved_change_orders: '5', revised_contract_amount: '16' }, '7');
			expect(s.revised_contract_amount).toBe('16.00');
			expect((s.sources as Record<string, string>).revised_contract_amount).toBe('revised_contract_amount');
			expect(s.summary).toMatch(/nothing pending$/);
		});
	});
});
