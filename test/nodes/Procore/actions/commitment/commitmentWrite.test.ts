import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const company = { __rl: true, mode: 'id', value: '4264807' };
const project = { __rl: true, mode: 'id', value: '101' };
const vendor = { __rl: true, mode: 'id', value: '5' };
const COST_CODES = [{ id: 900, full_code: '26-000', code: '000', name: 'Electrical' }];
const TYPES = [{ id: 31, code: 'L', name: 'Labor' }];

/** Procore's wire shapes for a subcontract and its schedule of values (v1.0). */
describe('Commitment › Create (wire format)', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('checks the origin ID and the number, posts the header wrapped with project_id, then each line with decimal strings', async () => {
		const bodies: unknown[] = [];
		nock(API)
			.get('/rest/v1.0/cost_codes')
			.query(true)
			.reply(200, COST_CODES)
			.get('/rest/v1.0/line_item_types')
			.query(true)
			.reply(200, TYPES)
			.get('/rest/v1.0/work_order_contracts')
			.query((q) => q.project_id === '101' && q['filters[origin_id]'] === 'erp-1')
			.reply(200, [])
			// No origin ID match: the number is checked among all the project's commitments.
			.get('/rest/v1.0/commitments')
			.query((q) => q.project_id === '101')
			.reply(200, [{ id: 12, number: 'SC-1', type: 'WorkOrderContract' }])
			.post('/rest/v1.0/work_order_contracts', (b) => (bodies.push(b), true))
			.reply(201, { id: 77, number: 'SC-9', title: 'Electrical', grand_total: '0.00' })
			.post('/rest/v1.0/work_order_contracts/77/line_items', (b) => (bodies.push(b), true))
			.reply(201, { id: 1 })
			.get('/rest/v1.0/work_order_contracts/77')
			.query({ project_id: '101' })
			.reply(200, { id: 77, number: 'SC-9', title: 'Electrical', grand_total: '1234.50', vendor: { id: 5, name: 'Acme' } });
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'commitment',
				operation: 'create',
				company,
				project,
				contractType: 'WorkOrderContract',
				vendor,
				title: 'Electrical',
				linesInput: 'fields',
				lineItems: { line: [{ costCode: '26-000', category: 'L', description: 'Labor', quantity: 10, unitCost: 123.45, amount: 0 }] },
				additionalFields: { originId: 'erp-1', number: 'SC-9', retainagePercent: 10 },
				output: 'simplified',
			},
		});
		expect(bodies[0]).toEqual({
			project_id: 101,
			work_order_contract: expect.objectContaining({ title: 'Electrical', number: 'SC-9', vendor_id: 5, origin_id: 'erp-1', retainage_percent: '10', origin_data: expect.stringMatching(/^n8n:/) }),
		});
		expect(bodies[1]).toEqual({
			project_id: 101,
			line_item: expect.objectContaining({ description: 'Labor', amount: '1234.50', cost_code_id: 900, line_item_type_id: 31, quantity: '10', unit_cost: '123.45' }),
		});
		expect(out.json).toMatchObject({ id: 77, vendor_name: 'Acme', grand_total: '1234.50', summary: 'Created Subcontract 77 (SC-9 Electrical) with 1 line, total 1,234.50' });
		expect(nock.isDone()).toBe(true);
	});

	it('Preview Only reads and matches but writes nothing, showing the header and the lines it would send', async () => {
		nock(API).get('/rest/v1.0/cost_codes').query(true).reply(200, COST_CODES).get('/rest/v1.0/commitments').query(true).reply(200, []);
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'commitment',
				operation: 'create',
				company,
				project,
				contractType: 'PurchaseOrderContract',
				vendor,
				title: 'Fixtures',
				linesInput: 'json',
				lines: [{ costCodeId: '900', description: 'Fixtures', amount: 500 }],
				additionalFields: { number: 'PO-9' },
				options: { previewOnly: true },
			},
		});
		expect(out.json).toMatchObject({
			preview: true,
			summary: 'Would create Purchase Order (PO-9 Fixtures) with 1 line, total 500.00',
			request: { method: 'POST', path: '/rest/v1.0/purchase_order_contracts' },
			line_items: [{ project_id: 101, line_item: { description: 'Fixtures', amount: '500.00', cost_code_id: 900 } }],
		});
		expect(nock.isDone()).toBe(true);
	});
});
