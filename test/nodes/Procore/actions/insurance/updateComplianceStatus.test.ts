import type { IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const company = { __rl: true, mode: 'id', value: '4264807' };
const project = { __rl: true, mode: 'id', value: '101' };
const VENDOR_INSURANCES = '/rest/v1.0/companies/4264807/vendors/5/insurances';

function parameters(overrides: Record<string, unknown> = {}) {
	return {
		resource: 'insurance',
		operation: 'updateComplianceStatus',
		company,
		vendor: { __rl: true, mode: 'name', value: 'Acme Electric' },
		complianceStatus: 'compliant',
		expirationDate: '2027-03-31',
		notes: '',
		certificateUrl: '',
		updateInsurance: true,
		insuranceLevel: 'company',
		insuranceMatch: 'originId',
		insuranceOriginId: 'coi-8842',
		createIfMissing: true,
		newInsuranceType: 'Certificate of Insurance',
		updateCommitments: false,
		project: { __rl: true, mode: 'id', value: '' },
		commitment: { __rl: true, mode: 'id', value: '' },
		commitmentField: 'insurance',
		options: {},
		...overrides,
	};
}

function vendorSearch(results: unknown[]) {
	return nock(API)
		.get('/rest/v1.0/vendors')
		.query((q) => q.company_id === '4264807' && q['filters[search]'] === 'Acme Electric')
		.reply(200, results);
}

const writes = (requests: IHttpRequestOptions[]) => requests.filter((r) => r.method !== 'GET');

describe('Insurance > Update Compliance Status', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('writes the mapped status and expiry to the record with the origin ID and says previous → new', async () => {
		vendorSearch([
			{ id: 6, name: 'Acme Electric Supply' },
			{ id: 5, name: 'ACME ELECTRIC' },
		]);
		let sent: any;
		nock(API)
			.get(VENDOR_INSURANCES)
			.query(true)
			.reply(200, [
				{ id: 87, origin_id: 'other', status: 'compliant' },
				{ id: 88, origin_id: 'coi-8842', status: 'non_compliant', exempt: false, expiration_date: '2026-03-31', insurance_type: 'Certificate of Insurance' },
			])
			.patch(`${VENDOR_INSURANCES}/88`, (b) => {
				sent = b;
				return true;
			})
			.reply(200, { id: 88, status: 'compliant' });
		const [out] = await runProcoreNode({ parameters: parameters() });
		expect(sent).toEqual({
			insurance: { status: 'compliant', expiration_date: '2027-03-31', origin_data: 'n8n:instance-unit:wf-unit:exec-unit:Procore' },
		});
		expect(out.json).toMatchObject({
			vendor_id: 5,
			vendor_name: 'ACME ELECTRIC',
			changed: true,
			procore_insurance_status: 'compliant',
			summary: 'Insurance 88 (Certificate of Insurance) for ACME ELECTRIC: non_compliant → compliant (expires 2026-03-31 → 2027-03-31)',
		});
		expect((out.json.records as any[])[0]).toMatchObject({ id: 88, action: 'update', previous_status: 'non_compliant', status: 'compliant' });
		expect(nock.isDone()).toBe(true);
	});

	it('does nothing when Procore already shows the status: zero writes, and says so', async () => {
		vendorSearch([{ id: 5, name: 'Acme Electric' }]);
		nock(API)
			.get(VENDOR_INSURANCES)
			.query(true)
			.reply(200, [{ id: 88, origin_id: 'coi-8842', status: 'compliant', exempt: false, expiration_date: '2027-03-31' }]);
		const requests: IHttpRequestOptions[] = [];
		const [out] = await runProcoreNode({ parameters: parameters(), requests });
		expect(writes(requests)).toEqual([]);
		expect(out.json.changed).toBe(false);
		expect(out.json.summary).toBe('Insurance 88 for Acme Electric: already compliant (expires 2027-03-31); nothing written');
	});

	it('a re-run after a write is a no-op (the second run sends no PATCH)', async () => {
		const stored = { id: 88, origin_id: 'coi-8842', status: 'non_compliant', exempt: false, expiration_date: '2026-03-31', notes: '' };
		const scope = nock(API)
			.persist()
			.get('/rest/v1.0/vendors')
			.query(true)
			.reply(200, [{ id: 5, name: 'Acme Electric' }])
			.get(VENDOR_INSURANCES)
			.query(true)
			.reply(200, () => [stored])
			.patch(`${VENDOR_INSURANCES}/88`)
			.reply(200, (_uri, body: any) => Object.assign(stored, body.insurance));
		const params = parameters({ notes: 'GL limit verified', certificateUrl: 'https://coi.example/v/8842' });
		const first: IHttpRequestOptions[] = [];
		const second: IHttpRequestOptions[] = [];
		await runProcoreNode({ parameters: params, requests: first });
		const [out] = await runProcoreNode({ parameters: params, requests: second });
		expect(writes(first)).toHaveLength(1);
		expect(stored.notes).toBe('GL limit verified\nCertificate: https://coi.example/v/8842');
		expect(writes(second)).toEqual([]);
		expect(out.json.changed).toBe(false);
		scope.persist(false);
	});

	it('maps each platform status through the one table (expression words accepted)', async () => {
		vendorSearch([{ id: 5, name: 'Acme Electric' }]);
		let sent: any;
		nock(API)
			.get(VENDOR_INSURANCES)
			.query(true)
			.reply(200, [{ id: 88, origin_id: 'coi-8842', status: 'compliant', exempt: false }])
			.patch(`${VENDOR_INSURANCES}/88`, (b) => {
				sent = b;
				return true;
			})
			.reply(200, { id: 88 });
		await runProcoreNode({ parameters: parameters({ complianceStatus: 'Non-Compliant', expirationDate: '', options: { auditTag: false } }) });
		expect(sent).toEqual({ insurance: { status: 'non_compliant' } });
	});

	it('creates the COI platform\'s record when the origin ID is not found', async () => {
		vendorSearch([{ id: 5, name: 'Acme Electric' }]);
		let sent: any;
		nock(API)
			.get(VENDOR_INSURANCES)
			.query(true)
			.reply(200, [])
			.post(VENDOR_INSURANCES, (b) => {
				sent = b;
				return true;
			})
			.reply(201, { id: 91, insurance_type: 'Certificate of Insurance', status: 'compliant' });
		const [out] = await runProcoreNode({ parameters: parameters({ complianceStatus: 'exempt', expirationDate: '', options: { auditTag: false } }) });
		expect(sent).toEqual({
			insurance: { insurance_type: 'Certificate of Insurance', origin_id: 'coi-8842', status: 'compliant', exempt: true },
		});
		expect(out.json.summary).toBe('Created Insurance 91 (Certificate of Insurance) for Acme Electric: compliant (exempt)');
	});

	it('refuses a vendor name that matches no vendor exactly, listing the candidates, and writes nothing', async () => {
		vendorSearch([
			{ id: 6, name: 'Acme Electric Supply' },
			{ id: 7, name: 'Acme Electrical Services' },
		]);
		const requests: IHttpRequestOptions[] = [];
		const error = await runProcoreNode({ parameters: parameters(), requests }).catch((e) => e);
		expect(error.message).toBe('No vendor is named exactly "Acme Electric" in the company directory');
		expect(error.description).toContain('"Acme Electric Supply" (ID 6), "Acme Electrical Services" (ID 7)');
		expect(writes(requests)).toEqual([]);
	});

	it('refuses an ambiguous vendor name', async () => {
		vendorSearch([
			{ id: 5, name: 'Acme Electric' },
			{ id: 9, name: 'acme electric' },
		]);
		const error = await runProcoreNode({ parameters: parameters() }).catch((e) => e);
		expect(error.message).toBe('2 vendors are named "Acme Electric"');
		expect(error.description).toContain('(ID 5)');
		expect(error.description).toContain('(ID 9)');
	});

	it('finds the vendor by origin ID', async () => {
		nock(API)
			.get('/rest/v1.0/vendors')
			.query((q) => q['filters[origin_id]'] === 'tl-5')
			.reply(200, [{ id: 5, name: 'Acme Electric', origin_id: 'tl-5' }])
			.get(VENDOR_INSURANCES)
			.query(true)
			.reply(200, [{ id: 88, origin_id: 'coi-8842', status: 'compliant', expiration_date: '2027-03-31' }]);
		const [out] = await runProcoreNode({ parameters: parameters({ vendor: { __rl: true, mode: 'originId', value: 'tl-5' } }) });
		expect(out.json).toMatchObject({ vendor_id: 5, changed: false });
	});

	it('writes the commitment\'s insurance status (work order contract compliance), previous → new', async () => {
		let sent: any;
		nock(API)
			.get('/rest/v1.0/vendors/5')
			.query(true)
			.reply(200, { id: 5, name: 'Acme Electric' })
			.get('/rest/v1.0/commitments/55')
			.query({ project_id: '101' })
			.reply(200, { id: 55, number: 'SC-001', title: 'Electrical', type: 'WorkOrderContract', vendor: { id: 5, name: 'Acme Electric' } })
			.get('/rest/v1.0/projects/101/work_order_contracts/55/compliance')
			.reply(200, { insurance_status: 'not_compliant', insurance_notes: '', compliance_status: 'compliant' })
			.patch('/rest/v1.0/projects/101/work_order_contracts/55/compliance', (b) => {
				sent = b;
				return true;
			})
			.reply(200, { insurance_status: 'compliant' });
		const [out] = await runProcoreNode({
			parameters: parameters({
				vendor: { __rl: true, mode: 'id', value: '5' },
				updateInsurance: false,
				updateCommitments: true,
				project,
				commitment: { __rl: true, mode: 'id', value: '55' },
			}),
		});
		expect(sent).toEqual({ insurance_status: 'compliant' });
		expect(out.json.summary).toBe('Subcontract 55 (SC-001 Electrical): insurance status not_compliant → compliant');
		expect(nock.isDone()).toBe(true);
	});

	it('updates every commitment of the vendor in the project (purchase orders on their own path) and skips unchanged ones', async () => {
		const patched: string[] = [];
		nock(API)
			.get('/rest/v1.0/vendors/5')
			.query(true)
			.reply(200, { id: 5, name: 'Acme Electric' })
			.get('/rest/v1.0/commitments')
			.query((q) => q.project_id === '101')
			.reply(200, [
				{ id: 55, number: 'SC-001', vendor: { id: 5 } },
				{ id: 56, number: 'PO-7', vendor: { id: 5 } },
				{ id: 57, number: 'SC-002', vendor: { id: 6 } },
			])
			.get('/rest/v1.0/commitments/55')
			.query(true)
			.reply(200, { id: 55, type: 'WorkOrderContract' })
			.get('/rest/v1.0/commitments/56')
			.query(true)
			.reply(200, { id: 56, type: 'PurchaseOrderContract' })
			.get('/rest/v1.0/projects/101/work_order_contracts/55/compliance')
			.reply(200, { insurance_status: 'not_compliant', compliance_status: 'compliant' })
			.get('/rest/v1.0/projects/101/purchase_order_contracts/56/compliance')
			.reply(200, { insurance_status: 'not_compliant', compliance_status: 'not_compliant' })
			.patch(/compliance$/, (b) => {
				patched.push(JSON.stringify(b));
				return true;
			})
			.reply(200, {});
		const [out] = await runProcoreNode({
			parameters: parameters({
				vendor: { __rl: true, mode: 'id', value: '5' },
				complianceStatus: 'nonCompliant',
				updateInsurance: false,
				updateCommitments: true,
				project,
				commitmentField: 'both',
			}),
			requests: [],
		});
		expect(patched).toEqual(['{"compliance_status":"not_compliant"}']);
		expect(out.json.changed).toBe(true);
		expect(out.json.summary).toBe(
			'Subcontract 55 (SC-001): insurance status not_compliant, compliance status compliant → not_compliant; Purchase Order 56 (PO-7): already insurance status not_compliant, compliance status not_compliant',
		);
		expect(nock.isDone()).toBe(true);
	});

	it('refuses a commitment of another vendor before writing', async () => {
		nock(API)
			.get('/rest/v1.0/vendors/5')
			.query(true)
			.reply(200, { id: 5, name: 'Acme Electric' })
			.get('/rest/v1.0/commitments/57')
			.query(true)
			.reply(200, { id: 57, type: 'WorkOrderContract', vendor: { id: 6, name: 'Other Co' } });
		const requests: IHttpRequestOptions[] = [];
		const error = await runProcoreNode({
			parameters: parameters({
				vendor: { __rl: true, mode: 'id', value: '5' },
				updateInsurance: false,
				updateCommitments: true,
				project,
				commitment: { __rl: true, mode: 'id', value: '57' },
			}),
			requests,
		}).catch((e) => e);
		expect(error.message).toBe('Commitment 57 belongs to another vendor (Other Co)');
		expect(writes(requests)).toEqual([]);
	});

	it('previews without writing', async () => {
		vendorSearch([{ id: 5, name: 'Acme Electric' }]);
		nock(API)
			.get(VENDOR_INSURANCES)
			.query(true)
			.reply(200, [{ id: 88, origin_id: 'coi-8842', status: 'non_compliant', expiration_date: '2027-03-31' }]);
		const requests: IHttpRequestOptions[] = [];
		const [out] = await runProcoreNode({ parameters: parameters({ options: { previewOnly: true } }), requests });
		expect(writes(requests)).toEqual([]);
		expect(out.json).toMatchObject({ preview: true, changed: true, summary: 'Would set Insurance 88 for Acme Electric: non_compliant → compliant (expires 2027-03-31)' });
	});
});
