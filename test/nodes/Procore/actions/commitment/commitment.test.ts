import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const company = { __rl: true, mode: 'id', value: '4264807' };
const project = { __rl: true, mode: 'id', value: '101' };
const commitment = { __rl: true, mode: 'id', value: '55' };

describe('Commitment', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('Get reads /rest/v1.0/commitments/{id} with the project', async () => {
		nock(API)
			.get('/rest/v1.0/commitments/55')
			.query({ project_id: '101' })
			.reply(200, { id: 55, number: 'SC-001', type: 'WorkOrderContract', status: 'Approved', vendor: { id: 5, name: 'Acme' }, line_items: [] });
		const [out] = await runProcoreNode({ parameters: { resource: 'commitment', operation: 'get', company, project, commitment, output: 'simplified' } });
		expect(out.json).toEqual({ id: 55, number: 'SC-001', type: 'WorkOrderContract', status: 'Approved', vendor_id: 5, vendor_name: 'Acme' });
	});

	it('Get Many filters by vendor, type and status on Procore\'s side (v2.0, 100 per page)', async () => {
		nock(API)
			.get('/rest/v2.0/companies/4264807/projects/101/commitment_contracts')
			.query({
				view: 'extended',
				'filters[type]': 'WorkOrderContract',
				'filters[status]': 'Approved',
				'filters[vendor_id]': '5',
				page: 1,
				per_page: 100,
			})
			.reply(200, { data: [{ id: '55', number: 'SC-001', vendor_id: '5', vendor_name: 'Acme', status: 'Approved' }] });
		const out = await runProcoreNode({
			parameters: {
				resource: 'commitment',
				operation: 'getAll',
				company,
				project,
				returnAll: true,
				filters: { type: 'WorkOrderContract', status: 'Approved', vendorId: '5' },
				output: 'simplified',
			},
		});
		expect(out.map((o) => o.json)).toEqual([{ id: '55', number: 'SC-001', vendor_id: '5', vendor_name: 'Acme', status: 'Approved' }]);
	});

	it('Get Summary unwraps the v2.0 data', async () => {
		nock(API)
			.get('/rest/v2.0/companies/4264807/projects/101/commitment_contracts/55/summary')
			.reply(200, { data: { approved_change_total: '1200.00', total_payments_amount: '500.00' } });
		const [out] = await runProcoreNode({ parameters: { resource: 'commitment', operation: 'getSummary', company, project, commitment } });
		expect(out.json).toEqual({ commitment_id: '55', approved_change_total: '1200.00', total_payments_amount: '500.00' });
	});

	it('Get Compliance detects a purchase order and returns statuses with document links', async () => {
		nock(API)
			.get('/rest/v1.0/commitments/55')
			.query(true)
			.reply(200, { id: 55, type: 'PurchaseOrderContract' })
			.get('/rest/v1.0/projects/101/purchase_order_contracts/55/compliance')
			.reply(200, {
				insurance_status: 'compliant',
				derived_insurance_status: 'compliant',
				compliance_documents: [{ id: 3, name: 'COI', type: 'other', status: 'compliant', attachments: [{ id: 9, filename: 'coi.pdf', url: 'https://files/coi.pdf', size: 1 }] }],
			});
		const [out] = await runProcoreNode({
			parameters: { resource: 'commitment', operation: 'getCompliance', company, project, commitment, commitmentType: 'auto', output: 'simplified' },
		});
		expect(out.json).toMatchObject({
			commitment_type: 'PurchaseOrderContract',
			insurance_status: 'compliant',
			compliance_documents: [{ id: 3, name: 'COI', attachments: [{ id: 9, filename: 'coi.pdf', url: 'https://files/coi.pdf' }] }],
		});
	});

	it('Get Project Subcontractors returns one item per vendor with its commitments and contacts', async () => {
		nock(API)
			.get('/rest/v1.0/commitments')
			.query((q) => q.project_id === '101')
			.reply(200, [
				{ id: 55, number: 'SC-001', status: 'Approved', vendor: { id: 5, name: 'Acme Electric' } },
				{ id: 56, number: 'PO-7', status: 'Draft', vendor: { id: 5, name: 'Acme Electric' } },
				{ id: 57, number: 'SC-002', status: 'Approved', vendor: { id: 6, name: 'Bolt Steel' } },
				{ id: 58, number: 'SC-003', status: 'Void', vendor: { id: 7, name: 'Gone Co' } },
				{ id: 59, number: 'SC-004', status: 'Draft', vendor: null },
			])
			.get('/rest/v1.0/projects/101/users')
			.query((q) => JSON.stringify(q['filters[vendor_id][]']) === '["5","6"]')
			.reply(200, [
				{ id: 1, name: 'Pat Lee', email_address: 'pat@acme.test', vendor: { id: 5 }, permissions: {} },
				{ id: 2, name: 'Sam Roe', email_address: 'sam@bolt.test', vendor: { id: 6 } },
			]);
		const out = await runProcoreNode({
			parameters: { resource: 'commitment', operation: 'getProjectSubcontractors', company, project, options: {} },
		});
		expect(out.map((o) => o.json)).toEqual([
			{
				vendor_id: 5,
				vendor_name: 'Acme Electric',
				project_id: '101',
				commitments: [
					{ id: 55, number: 'SC-001', status: 'Approved' },
					{ id: 56, number: 'PO-7', status: 'Draft' },
				],
				contacts: [{ id: 1, name: 'Pat Lee', email_address: 'pat@acme.test' }],
			},
			{
				vendor_id: 6,
				vendor_name: 'Bolt Steel',
				project_id: '101',
				commitments: [{ id: 57, number: 'SC-002', status: 'Approved' }],
				contacts: [{ id: 2, name: 'Sam Roe', email_address: 'sam@bolt.test' }],
			},
		]);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('Get Project Subcontractors with Include Project Directory Vendors adds the directory\'s vendors (every page) and says in_directory', async () => {
		const directoryPage = (n: number, from: number) => Array.from({ length: n }, (_, k) => ({ id: from + k, name: `Directory Vendor ${from + k}` }));
		nock(API)
			.get('/rest/v1.0/commitments')
			.query((q) => q.project_id === '101')
			.reply(200, [
				{ id: 55, number: 'SC-001', status: 'Approved', vendor: { id: 5, name: 'Acme Electric' } },
				{ id: 57, number: 'SC-002', status: 'Approved', vendor: { id: 6, name: 'Bolt Steel' } },
			])
			// The directory holds Acme (also on a commitment) and 1,000 more on two pages.
			.get('/rest/v1.0/projects/101/vendors')
			.query((q) => q.page === '1' || q.page === undefined)
			.reply(200, [{ id: 5, name: 'Acme Electric' }, ...directoryPage(999, 1000)], { Total: '1001', 'Per-Page': '1000' })
			.get('/rest/v1.0/projects/101/vendors')
			.query((q) => q.page === '2')
			.reply(200, [{ id: 1999, name: 'Directory Vendor 1999' }], { Total: '1001', 'Per-Page': '1000' });
		const out = await runProcoreNode({
			parameters: { resource: 'commitment', operation: 'getProjectSubcontractors', company, project, options: { includeContacts: false, includeDirectory: true } },
		});
		const json = out.map((o) => o.json);
		expect(json).toHaveLength(2 + 1000);
		expect(json[0]).toEqual({ vendor_id: 5, vendor_name: 'Acme Electric', project_id: '101', commitments: [{ id: 55, number: 'SC-001', status: 'Approved' }], in_directory: true });
		expect(json[1]).toEqual({ vendor_id: 6, vendor_name: 'Bolt Steel', project_id: '101', commitments: [{ id: 57, number: 'SC-002', status: 'Approved' }], in_directory: false });
		expect(json[2]).toEqual({ vendor_id: 1000, vendor_name: 'Directory Vendor 1000', project_id: '101', commitments: [], in_directory: true });
		expect(json[json.length - 1]).toMatchObject({ vendor_id: 1999, commitments: [], in_directory: true });
		expect(nock.isDone()).toBe(true);
	});
});
