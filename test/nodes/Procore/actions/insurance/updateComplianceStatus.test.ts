import type { IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { Procore } from '../../../../../nodes/Procore/Procore.node';
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
		project: { __rl: true, mode: 'id', value: '' },
		vendor: { __rl: true, mode: 'name', value: 'Acme Electric' },
		complianceStatus: 'compliant',
		writeTo: ['companyInsurance'],
		insuranceMatch: 'originId',
		insuranceOriginId: 'coi-8842',
		commitment: { __rl: true, mode: 'id', value: '' },
		additionalFields: { expirationDate: '2027-03-31' },
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
		// Simplified (the default): one row per record, without its field diff (Raw keeps it).
		expect((out.json.records as any[])[0]).not.toHaveProperty('changes');
		expect(Object.keys(out.json).sort()).toEqual(
			['changed', 'compliance_status', 'procore_commitment_status', 'procore_insurance_status', 'records', 'summary', 'vendor_id', 'vendor_name'].sort(),
		);
		expect(nock.isDone()).toBe(true);
	});

	it('Raw keeps each record\'s field diff (previous → new)', async () => {
		vendorSearch([{ id: 5, name: 'Acme Electric' }]);
		nock(API)
			.get(VENDOR_INSURANCES)
			.query(true)
			.reply(200, [{ id: 88, origin_id: 'coi-8842', status: 'non_compliant', expiration_date: '2027-03-31' }])
			.patch(`${VENDOR_INSURANCES}/88`)
			.reply(200, { id: 88, status: 'compliant' });
		const [out] = await runProcoreNode({ parameters: parameters({ output: 'raw' }) });
		expect((out.json.records as any[])[0].changes).toContainEqual({ field: 'status', previous: 'non_compliant', new: 'compliant' });
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
		const params = parameters({ additionalFields: { expirationDate: '2027-03-31', notes: 'GL limit verified', certificateUrl: 'https://coi.example/v/8842' } });
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
		await runProcoreNode({ parameters: parameters({ complianceStatus: 'Non-Compliant', additionalFields: {}, options: { auditTag: false } }) });
		expect(sent).toEqual({ insurance: { status: 'non_compliant' } });
	});

	it('a callback with bad fields is refused with every problem named at once, before anything is read', async () => {
		const requests: IHttpRequestOptions[] = [];
		const error = await runProcoreNode({
			parameters: parameters({ complianceStatus: 'sort of ok', additionalFields: { expirationDate: '2027-02-30', certificateUrl: 'files/coi-8842.pdf' } }),
			requests,
		}).then(
			() => ({ message: 'no error', description: '' }),
			(e: Error & { description?: string }) => e,
		);
		expect(error.message).toBe(
			'3 problems in the COI platform\'s fields: Compliance Status "sort of ok" is not one Procore can be given: use one of Compliant, Expiring, Non-Compliant, Pending, Exempt, Expired (the words of your COI platform are translated to Procore\'s); Expiration Date "2027-02-30" is not a date: send it as YYYY-MM-DD (e.g. 2027-03-31); Certificate Link "files/coi-8842.pdf" is not a web address: send the full link starting with https://, or leave it empty',
		);
		expect((error as { description?: string }).description).toMatch(/^Nothing was read or written/);
		expect(requests).toEqual([]);
	});

	it('one bad field is named alone', async () => {
		const error = await runProcoreNode({ parameters: parameters({ additionalFields: { certificateUrl: 'ftp://files.example.com/c.pdf' } }) }).then(
			() => ({ message: 'no error' }),
			(e: Error) => e,
		);
		expect(error.message).toBe('Certificate Link "ftp://files.example.com/c.pdf" is not a web address: send the full link starting with https://, or leave it empty');
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
		const [out] = await runProcoreNode({ parameters: parameters({ complianceStatus: 'exempt', additionalFields: {}, options: { auditTag: false } }) });
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
				writeTo: ['commitments'],
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
				writeTo: ['commitments'],
				project,
				options: { commitmentField: 'both' },
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
				writeTo: ['commitments'],
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

	it('writes the company and the project directory in one run when both are chosen', async () => {
		const paths: string[] = [];
		nock(API)
			.get('/rest/v1.0/vendors/5')
			.query(true)
			.reply(200, { id: 5, name: 'Acme Electric' })
			.get(VENDOR_INSURANCES)
			.query(true)
			.reply(200, [{ id: 88, origin_id: 'coi-8842', status: 'non_compliant' }])
			.get('/rest/v1.0/projects/101/vendors/5/insurances')
			.query(true)
			.reply(200, [{ id: 99, origin_id: 'coi-8842', status: 'expired' }])
			.patch(/insurances\/\d+$/, (b) => {
				paths.push(JSON.stringify(b.insurance.status));
				return true;
			})
			.times(2)
			.reply(200, (uri) => ({ id: Number(uri.split('/').pop()) }));
		const [out] = await runProcoreNode({
			parameters: parameters({ vendor: { __rl: true, mode: 'id', value: '5' }, project, writeTo: ['companyInsurance', 'projectInsurance'], additionalFields: {} }),
		});
		expect(paths).toEqual(['"compliant"', '"compliant"']);
		expect((out.json.records as any[]).map((r) => [r.directory, r.id, r.previous_status])).toEqual([
			['company', 88, 'non_compliant'],
			['project', 99, 'expired'],
		]);
		expect(nock.isDone()).toBe(true);
	});

	it('asks for the Project before reading or writing anything when a target lives in a project', async () => {
		const requests: IHttpRequestOptions[] = [];
		const error = await runProcoreNode({
			parameters: parameters({ vendor: { __rl: true, mode: 'id', value: '5' }, writeTo: ['companyInsurance', 'commitments'] }),
			requests,
		}).catch((e) => e);
		// The panel marks Project required for these targets, so the run stops before any call.
		expect(error.message).toMatch(/^Project is required/);
		expect(requests).toEqual([]);
	});

	it('updates the insurance chosen from the vendor\'s list (its ID), and refuses that choice across two directories', async () => {
		nock(API)
			.get('/rest/v1.0/vendors/5')
			.query(true)
			.reply(200, { id: 5, name: 'Acme Electric' })
			.get(`${VENDOR_INSURANCES}/88`)
			.reply(200, { id: 88, status: 'compliant', expiration_date: '2027-03-31' });
		const chosen = { vendor: { __rl: true, mode: 'id', value: '5' }, insuranceMatch: 'insuranceId', insuranceRecordId: { __rl: true, mode: 'list', value: '88' } };
		const [out] = await runProcoreNode({ parameters: parameters(chosen) });
		expect(out.json).toMatchObject({ changed: false, summary: 'Insurance 88 for Acme Electric: already compliant (expires 2027-03-31); nothing written' });
		const error = await runProcoreNode({ parameters: parameters({ ...chosen, project, writeTo: ['companyInsurance', 'projectInsurance'] }) }).catch((e) => e);
		expect(error.message).toBe('One insurance record cannot be in both directories');
	});
});

describe('Insurance > Update Compliance Status panel', () => {
	const { NodeHelpers } = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
	const description = new Procore().description;
	const node = (parameters: Record<string, unknown>) => ({
		id: '1',
		name: 'Compliance',
		type: 'n8n-nodes-procore.procore',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: { resource: 'insurance', operation: 'updateComplianceStatus', vendor: { __rl: true, mode: 'id', value: '5' }, ...parameters },
	});
	const shown = (parameters: Record<string, unknown>) => {
		const n = node(parameters);
		const values = NodeHelpers.getNodeParameters(description.properties, n.parameters, true, false, n as never, description)!;
		return description.properties.filter((p) => !['resource', 'operation'].includes(p.name) && NodeHelpers.displayParameter(values, p, n as never, description));
	};

	it('reads broad to narrow: Company, Project, Vendor, then the status and where it goes; at most 8 fields before the collections', () => {
		const names = shown({ writeTo: ['companyInsurance', 'commitments'] }).map((p) => p.name);
		expect(names).toEqual(['company', 'project', 'vendor', 'complianceStatus', 'writeTo', 'insuranceMatch', 'insuranceOriginId', 'commitment', 'additionalFields', 'options', 'output']);
		expect(names.indexOf('additionalFields')).toBeLessThanOrEqual(8);
	});

	it('marks Project required exactly when a chosen target lives in a project', () => {
		const issues = (parameters: Record<string, unknown>) => NodeHelpers.getNodeParametersIssues(description.properties, node(parameters) as never, description)?.parameters ?? {};
		expect(issues({ writeTo: ['companyInsurance'] }).project).toBeUndefined();
		expect(issues({ writeTo: ['commitments'] }).project).toBeDefined();
		expect(issues({ writeTo: ['companyInsurance', 'projectInsurance'] }).project).toBeDefined();
		expect(shown({ writeTo: ['projectInsurance'] }).filter((p) => p.name === 'project')).toHaveLength(1);
	});

	it('names statuses in Procore\'s words, not its API values', () => {
		const status = description.properties.find((p) => p.name === 'complianceStatus')!;
		const text = JSON.stringify(status.options);
		expect(text).toContain('Non-Compliant (In Progress)');
		expect(text).not.toMatch(/non_compliant|not_compliant|_in_progress/);
	});
});
