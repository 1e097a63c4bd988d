import type { IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const company = { __rl: true, mode: 'id', value: '4264807' };
const project = { __rl: true, mode: 'id', value: '101' };
const commitment = { __rl: true, mode: 'id', value: '55' };
const DOCS = '/rest/v1.0/projects/101/work_order_contracts/55/compliance_documents';

const parameters = (overrides: Record<string, unknown> = {}) => ({
	resource: 'complianceDocument',
	operation: 'create',
	company,
	project,
	commitment,
	commitmentType: 'WorkOrderContract',
	name: 'COI 2026-2027',
	documentType: 'other',
	documentStatus: 'compliant',
	uploadIds: '01JD6X2Y4Z, 01JD6X2Y5A',
	additionalFields: { expiresAt: '2027-03-31T00:00:00Z', notes: 'https://coi.example/c/1' },
	options: {},
	...overrides,
});

describe('Compliance Document', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('creates the document on the subcontract with the uploaded certificate', async () => {
		let sent: any;
		nock(API)
			.get(DOCS)
			.query(true)
			.reply(200, [{ id: 2, name: 'COI 2025-2026', expires_at: '2026-03-31T00:00:00Z' }])
			.post(DOCS, (b) => {
				sent = b;
				return true;
			})
			.reply(201, { id: 3, name: 'COI 2026-2027' });
		const [out] = await runProcoreNode({ parameters: parameters() });
		expect(sent).toEqual({
			attributes: {
				name: 'COI 2026-2027',
				type: 'other',
				status: 'compliant',
				notes: 'https://coi.example/c/1',
				expires_at: '2027-03-31T00:00:00.000Z',
				upload_ids: ['01JD6X2Y4Z', '01JD6X2Y5A'],
			},
		});
		expect(out.json.summary).toBe('Added compliance document 3 "COI 2026-2027" (compliant, expires 2027-03-31) to Subcontract 55 with 2 files');
	});

	it('does not add the same certificate twice on a re-run', async () => {
		nock(API).get(DOCS).query(true).reply(200, [{ id: 3, name: 'coi 2026-2027', expires_at: '2027-03-31T00:00:00Z' }]);
		const requests: IHttpRequestOptions[] = [];
		const [out] = await runProcoreNode({ parameters: { ...parameters(), output: 'raw' }, requests });
		expect(out.json).toMatchObject({ id: 3, skipped: true });
		expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
	});

	it('uses the purchase order path when Procore says the commitment is one', async () => {
		nock(API)
			.get('/rest/v1.0/commitments/55')
			.query(true)
			.reply(200, { id: 55, type: 'PurchaseOrderContract' })
			.get('/rest/v1.0/projects/101/purchase_order_contracts/55/compliance_documents')
			.query(true)
			.reply(200, [{ id: 4, name: 'W-9', type: 'w9', status: 'compliant' }]);
		const out = await runProcoreNode({
			parameters: { resource: 'complianceDocument', operation: 'getAll', company, project, commitment, commitmentType: 'auto', output: 'simplified' },
		});
		expect(out.map((o) => o.json)).toEqual([{ id: 4, name: 'W-9', type: 'w9', status: 'compliant' }]);
	});

	it('refuses an upload ID that is not one before writing', async () => {
		const requests: IHttpRequestOptions[] = [];
		const error = await runProcoreNode({ parameters: parameters({ uploadIds: 'coi.pdf' }), requests }).catch((e) => e);
		expect(error.message).toBe('Upload IDs contains "coi.pdf", which is not a Procore upload ID');
		expect(requests).toEqual([]);
	});
});
