import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const company = { __rl: true, mode: 'id', value: '4264807' };
const project = { __rl: true, mode: 'id', value: '101' };

describe('Direct Cost (wire format)', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('Create posts the item wrapped as `item`, then lines with numbers (the v1.0 line schema), after checking vendor + invoice number', async () => {
		const bodies: unknown[] = [];
		nock(API)
			.get('/rest/v1.0/cost_codes')
			.query(true)
			.reply(200, [{ id: 900, full_code: '03-300', name: 'Concrete' }])
			.get('/rest/v1.0/projects/101/direct_costs')
			.query((q) => q['filters[invoice_number]'] === 'INV-1')
			.reply(200, [{ id: 3, invoice_number: 'INV-1', vendor_id: 99 }])
			.post('/rest/v1.0/projects/101/direct_costs', (b) => (bodies.push(b), true))
			.reply(201, { id: 8, invoice_number: 'INV-1', grand_total: '0.00' })
			.post('/rest/v1.0/projects/101/direct_costs/8/line_items', (b) => (bodies.push(b), true))
			.reply(201, { id: 1 })
			.get('/rest/v1.0/projects/101/direct_costs/8')
			.reply(200, { id: 8, invoice_number: 'INV-1', grand_total: '40.50', direct_cost_type: 'invoice' });
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'directCost',
				operation: 'create',
				company,
				project,
				directCostType: 'invoice',
				vendor: { __rl: true, mode: 'id', value: '5' },
				date: '2026-09-03T10:00:00',
				invoiceNumber: 'INV-1',
				linesInput: 'json',
				lines: [{ costCode: '03-300', description: 'Sand', quantity: 3, unitCost: 13.5 }],
				output: 'raw',
			},
		});
		expect(bodies[0]).toEqual({ item: expect.objectContaining({ direct_cost_type: 'invoice', vendor_id: 5, invoice_number: 'INV-1', direct_cost_date: '2026-09-03' }) });
		expect(bodies[1]).toEqual({ line_item: expect.objectContaining({ amount: 40.5, quantity: 3, unit_cost: 13.5, cost_code_id: 900, description: 'Sand' }) });
		expect(out.json).toMatchObject({ id: 8, grand_total: '40.50', summary: 'Created Invoice 8 (INV-1) with 1 line, total 40.50' });
		expect(nock.isDone()).toBe(true);
	});

	it('an invoice without an invoice number is refused before any call', async () => {
		await expect(
			runProcoreNode({
				parameters: { resource: 'directCost', operation: 'create', company, project, directCostType: 'invoice', vendor: { __rl: true, mode: 'id', value: '5' }, date: '2026-09-03', invoiceNumber: ' ', linesInput: 'json', lines: [] },
			}),
		).rejects.toThrow(/Invoice Number is required/);
	});

	it('Get Many matches type and vendor after paging, so the limit counts matching direct costs', async () => {
		nock(API)
			.get('/rest/v1.0/projects/101/direct_costs')
			.query(true)
			.reply(200, [
				{ id: 1, direct_cost_type: 'expense', vendor_id: 5 },
				{ id: 2, direct_cost_type: 'invoice', vendor_id: 6 },
				{ id: 3, direct_cost_type: 'invoice', vendor_id: 5 },
				{ id: 4, direct_cost_type: 'invoice', vendor_id: 5 },
			]);
		const out = await runProcoreNode({
			parameters: { resource: 'directCost', operation: 'getAll', company, project, returnAll: false, limit: 1, filters: { type: 'invoice', vendor: { __rl: true, mode: 'id', value: '5' } }, output: 'raw' },
		});
		expect(out.map((o) => o.json.id)).toEqual([3]);
	});
});

describe('Direct Cost › Create: bad lines', () => {
	it('names every bad line in the schedule-of-values words (not a COR\'s) before any call', async () => {
		await expect(
			runProcoreNode({
				parameters: {
					resource: 'directCost',
					operation: 'create',
					company: { __rl: true, mode: 'id', value: '4264807' },
					project: { __rl: true, mode: 'id', value: '101' },
					directCostType: 'expense',
					vendor: { __rl: true, mode: 'id', value: '5' },
					date: '2026-09-03',
					linesInput: 'json',
					lines: [{ costCode: '03-300', amount: 'abc' }, { costCode: '03-300' }],
				},
			}),
		).rejects.toThrow('2 problems in the line items: Line 1: amount "abc" is not a number; Line 2 has no amount: give "amount", or "quantity" and "unitCost"');
	});
});
