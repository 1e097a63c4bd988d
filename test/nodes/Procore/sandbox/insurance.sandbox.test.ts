/**
 * Issue #8 (COI compliance) on the sandbox: Insurance › Update Compliance Status, Create or
 * Update (sync) and Compliance Document › Create with a binary certificate, run through n8n-core's
 * workflow harness; each test reads the insurances, commitment compliance and compliance documents
 * the sandbox stored, and the write calls it counted.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { STATUS_MAP, type PlatformStatus } from '../../../../nodes/Procore/actions/insurance/statusMap';
import type { Sandbox } from '../../../../sandbox';
import { findUpload } from '../../../../sandbox/files/uploads-store';
import type { StoredRec } from '../../../../sandbox/store';
import { blobBytes, byId, runOnSandbox, stored, useSandbox } from './nodeOnSandbox';

const sb = useSandbox({ v1MaxPerPage: 2 });

function record(s: Sandbox, id: number | string): StoredRec {
	const key = s.store.keyOf(id);
	const rec = key ? s.store.get(key, id) : undefined;
	if (!rec) throw new Error(`no stored record ${id}`);
	return rec;
}
const vendorName = (s: Sandbox, id: number) => String(record(s, id).name);
const companyVendorInsurances = (s: Sandbox, vendorId: number) =>
	stored(s, `companies/${s.companyId}/vendors/${vendorId}/insurances`);
const projectVendorInsurances = (s: Sandbox, projectId: number, vendorId: number) =>
	stored(s, `projects/${projectId}/vendors/${vendorId}/insurances`);
const compliance = (s: Sandbox, kind: string, id: number) =>
	s.store.singletons.get(`projects/${s.seed.projects.tower}/${kind}/${id}/compliance`) ?? {};

const update = (params: IDataObject): IDataObject => ({ resource: 'insurance', operation: 'updateComplianceStatus', ...params });

describe('Update Compliance Status, company directory (vendor insurance by origin ID)', () => {
	it('creates the COI record when missing, then a re-run writes nothing', async () => {
		const s = sb();
		const vendor = s.seed.vendors.roofing;
		const before = companyVendorInsurances(s, vendor).length;
		const params = update({
			vendor: byId(vendor),
			complianceStatus: 'nonCompliant',
			additionalFields: { expirationDate: '2027-03-31', notes: 'Umbrella limit below $5M', certificateUrl: 'https://coi.example/vendors/8842' },
			insuranceMatch: 'originId',
			insuranceOriginId: 'coi-cert-8842',
		});
		const first = await runOnSandbox(s, params);
		expect(first.nodeError).toBeUndefined();
		const created = companyVendorInsurances(s, vendor).find((r) => r.origin_id === 'coi-cert-8842');
		expect(companyVendorInsurances(s, vendor)).toHaveLength(before + 1);
		expect(created).toMatchObject({
			status: 'non_compliant',
			exempt: false,
			expiration_date: '2027-03-31',
			insurance_type: 'Certificate of Insurance',
			notes: 'Umbrella limit below $5M\nCertificate: https://coi.example/vendors/8842',
		});
		expect(first.json[0]).toMatchObject({ changed: true, vendor_id: vendor, procore_insurance_status: 'non_compliant' });
		expect(first.writes.map((w) => w.method)).toEqual(['POST']);

		const again = await runOnSandbox(s, params);
		expect(again.nodeError).toBeUndefined();
		expect(again.writes).toEqual([]);
		expect(again.json[0].changed).toBe(false);
		expect(String(again.json[0].summary)).toMatch(/already non_compliant.*nothing written$/);
		expect(companyVendorInsurances(s, vendor)).toHaveLength(before + 1);

		// The platform's status changes: one PATCH, only the status field.
		const fixed = await runOnSandbox(s, { ...params, complianceStatus: 'compliant' });
		expect(fixed.writes.map((w) => w.method)).toEqual(['PATCH']);
		expect(record(s, created!.id)).toMatchObject({ status: 'compliant', expiration_date: '2027-03-31' });
		expect(String(fixed.json[0].summary)).toContain('non_compliant → compliant');
	});
});

describe('Update Compliance Status, project directory', () => {
	it('updates the vendor\'s project-level insurance by ID and leaves the company directory alone', async () => {
		const s = sb();
		const { tower } = s.seed.projects;
		const vendor = s.seed.vendors.drywall;
		const companyBefore = structuredClone(companyVendorInsurances(s, vendor));
		const run = await runOnSandbox(
			s,
			update({
				vendor: byId(vendor),
				complianceStatus: 'expiring',
				writeTo: ['projectInsurance'],
				project: byId(tower),
				insuranceMatch: 'insuranceId',
				insuranceRecordId: byId(s.seed.insurances.drywallProjectGl),
			}),
		);
		expect(run.nodeError).toBeUndefined();
		expect(record(s, s.seed.insurances.drywallProjectGl)).toMatchObject({ status: 'compliant_in_progress' });
		expect(projectVendorInsurances(s, tower, vendor).map((r) => r.id)).toContain(s.seed.insurances.drywallProjectGl);
		expect(companyVendorInsurances(s, vendor)).toEqual(companyBefore);
		expect(run.writes.map((w) => w.path)).toEqual([
			`/rest/v1.0/projects/${tower}/vendors/${vendor}/insurances/${s.seed.insurances.drywallProjectGl}`,
		]);
	});
});

describe('the status mapping table, applied to a stored insurance and commitment', () => {
	// docs/coi.md's table, written out: the node's STATUS_MAP must produce exactly this in the sandbox.
	const rows: Array<[PlatformStatus, { insuranceStatus: string; exempt: boolean; commitmentStatus: string }]> = [
		['compliant', { insuranceStatus: 'compliant', exempt: false, commitmentStatus: 'compliant' }],
		['expiring', { insuranceStatus: 'compliant_in_progress', exempt: false, commitmentStatus: 'compliant' }],
		['nonCompliant', { insuranceStatus: 'non_compliant', exempt: false, commitmentStatus: 'not_compliant' }],
		['pending', { insuranceStatus: 'non_compliant_in_progress', exempt: false, commitmentStatus: 'not_compliant' }],
		['exempt', { insuranceStatus: 'compliant', exempt: true, commitmentStatus: 'not_required' }],
		['expired', { insuranceStatus: 'expired', exempt: false, commitmentStatus: 'not_compliant' }],
	];
	it('covers every status the node knows', () => {
		expect(rows.map(([p]) => p).sort()).toEqual(Object.keys(STATUS_MAP).sort());
	});
	it.each(rows)('%s → insurance status, exempt flag and commitment insurance status', async (platform, mapping) => {
		const s = sb();
		const vendor = s.seed.vendors.electrical;
		const commitment = s.seed.commitments.electricalWoc;
		const run = await runOnSandbox(
			s,
			update({
				vendor: byId(vendor),
				complianceStatus: platform,
				insuranceMatch: 'insuranceId',
				insuranceRecordId: byId(s.seed.insurances.electricalGl),
				writeTo: ['companyInsurance', 'commitments'],
				project: byId(s.seed.projects.tower),
				commitment: byId(commitment),
				options: { commitmentField: 'both' },
			}),
		);
		expect(run.nodeError).toBeUndefined();
		const stored1 = record(s, s.seed.insurances.electricalGl);
		expect(stored1.status).toBe(mapping.insuranceStatus);
		expect(stored1.exempt === true).toBe(mapping.exempt);
		expect(compliance(s, 'work_order_contracts', commitment)).toMatchObject({
			insurance_status: mapping.commitmentStatus,
			compliance_status: mapping.commitmentStatus,
		});
	});

	it('a platform\'s own word is mapped too ("NON COMPLIANT")', async () => {
		const s = sb();
		await runOnSandbox(
			s,
			update({
				vendor: byId(s.seed.vendors.electrical),
				complianceStatus: 'NON COMPLIANT',
				insuranceMatch: 'insuranceId',
				insuranceRecordId: byId(s.seed.insurances.electricalAuto),
			}),
		);
		expect(record(s, s.seed.insurances.electricalAuto).status).toBe('non_compliant');
	});
});

describe('commitment compliance', () => {
	it('every commitment of the vendor in the project (purchase order detected), then no-op on re-run', async () => {
		const s = sb();
		const vendor = s.seed.vendors.plumbing;
		const po = s.seed.commitments.plumbingPo;
		const params = update({
			vendor: byId(vendor),
			complianceStatus: 'pending',
			writeTo: ['commitments'],
			project: byId(s.seed.projects.tower),
			options: { commitmentField: 'compliance' },
			additionalFields: { notes: 'Certificate requested 2026-09-02' },
		});
		const run = await runOnSandbox(s, params);
		expect(run.nodeError).toBeUndefined();
		expect(compliance(s, 'purchase_order_contracts', po)).toMatchObject({
			compliance_status: 'not_compliant',
			compliance_notes: 'Certificate requested 2026-09-02',
		});
		expect(compliance(s, 'purchase_order_contracts', po)).not.toHaveProperty('insurance_status');
		expect(run.writes.map((w) => `${w.method} ${w.path}`)).toEqual([
			`PATCH /rest/v1.0/projects/${s.seed.projects.tower}/purchase_order_contracts/${po}/compliance`,
		]);
		const again = await runOnSandbox(s, params);
		expect(again.writes).toEqual([]);
		expect(again.json[0].changed).toBe(false);
	});

	it('a commitment of another vendor is refused before anything is written', async () => {
		const s = sb();
		const run = await runOnSandbox(
			s,
			update({
				vendor: byId(s.seed.vendors.plumbing),
				complianceStatus: 'compliant',
				writeTo: ['commitments'],
				project: byId(s.seed.projects.tower),
				commitment: byId(s.seed.commitments.concreteWoc),
			}),
		);
		expect(String(run.nodeError?.message)).toMatch(/belongs to another vendor/);
		expect(run.writes).toEqual([]);
	});
});

describe('vendor by name', () => {
	it('an exact name (any case) finds the vendor', async () => {
		const s = sb();
		const name = vendorName(s, s.seed.vendors.hvac);
		const run = await runOnSandbox(
			s,
			update({
				vendor: { __rl: true, mode: 'name', value: name.toUpperCase() },
				complianceStatus: 'compliant',
				insuranceMatch: 'originId',
				insuranceOriginId: 'coi-hvac-1',
			}),
		);
		expect(run.nodeError).toBeUndefined();
		expect(run.json[0]).toMatchObject({ vendor_id: s.seed.vendors.hvac, vendor_name: name });
		expect(companyVendorInsurances(s, s.seed.vendors.hvac).map((r) => r.origin_id)).toContain('coi-hvac-1');
	});

	it('a name that matches no vendor stops with a clear error and writes nothing', async () => {
		const s = sb();
		const run = await runOnSandbox(
			s,
			update({ vendor: { __rl: true, mode: 'name', value: 'Nonexistent Glazing LLC' }, complianceStatus: 'compliant', insuranceOriginId: 'coi-glazing-1' }),
		);
		expect(run.nodeError).toBeDefined();
		expect(run.nodeError!.message).toBe('No vendor is named exactly "Nonexistent Glazing LLC" in the company directory');
		expect(String(run.nodeError!.description)).toMatch(/Check the spelling/);
		expect(run.writes).toEqual([]);
	});
});

describe('Create or Update (sync): partial failures are reported per item', () => {
	const items: INodeExecutionData[] = [
		{ json: { cert: 'coi-sync-1', status: 'compliant' } },
		{ json: { cert: 'coi-sync-2', status: 'definitely-not-a-status' } },
		{ json: { cert: 'coi-sync-3', status: 'expired' } },
	];
	const params = (s: Sandbox): IDataObject => ({
		resource: 'insurance',
		operation: 'upsert',
		scope: 'companyVendor',
		vendor: byId(s.seed.vendors.steel),
		matchBy: 'originId',
		originId: '={{ $json.cert }}',
		insuranceFields: { status: '={{ $json.status }}', insuranceType: 'General Liability', expirationDate: '2027-06-30' },
	});
	const syncedOrigins = (s: Sandbox) =>
		companyVendorInsurances(s, s.seed.vendors.steel)
			.map((r) => r.origin_id)
			.filter((o) => String(o).startsWith('coi-sync'))
			.sort();

	it('with Continue On Fail: one output per item, the refusal on its own item, the others stored', async () => {
		const s = sb();
		const run = await runOnSandbox(s, params(s), { items, continueOnFail: true });
		expect(run.nodeError).toBeUndefined();
		expect(run.out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(run.json[0]).toMatchObject({ origin_id: 'coi-sync-1', status: 'compliant' });
		expect(String(run.json[1].error)).toMatch(/Procore refused .*status/);
		expect(run.json[2]).toMatchObject({ origin_id: 'coi-sync-3', status: 'expired' });
		expect(syncedOrigins(s)).toEqual(['coi-sync-1', 'coi-sync-3']);
		expect(run.writes.filter((w) => w.path.endsWith('/sync'))).toHaveLength(1);
	});

	it('without it: the node fails naming the refused item, and says the others were written', async () => {
		const s = sb();
		s.reset();
		const run = await runOnSandbox(s, params(s), { items });
		expect(String(run.nodeError?.message)).toMatch(/^1 of 3 insurances were not written \(item 1: .*status/);
		expect(String(run.nodeError?.description)).toMatch(/2 other item\(s\) were written/);
		expect(syncedOrigins(s)).toEqual(['coi-sync-1', 'coi-sync-3']);
	});
});

describe('Get Many at each scope returns what the directory stores', () => {
	const cases: Array<[string, (s: Sandbox) => IDataObject, (s: Sandbox) => StoredRec[]]> = [
		['company', () => ({ scope: 'company' }), (s) => stored(s, `companies/${s.companyId}/insurances`)],
		['companyVendor', (s) => ({ scope: 'companyVendor', vendor: byId(s.seed.vendors.electrical) }), (s) => companyVendorInsurances(s, s.seed.vendors.electrical)],
		['project', (s) => ({ scope: 'project', project: byId(s.seed.projects.tower) }), (s) => stored(s, `projects/${s.seed.projects.tower}/insurances`)],
		[
			'projectVendor',
			(s) => ({ scope: 'projectVendor', project: byId(s.seed.projects.tower), vendor: byId(s.seed.vendors.drywall) }),
			(s) => projectVendorInsurances(s, s.seed.projects.tower, s.seed.vendors.drywall),
		],
	];
	it.each(cases)('%s', async (_scope, scopeParams, expected) => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'insurance', operation: 'getAll', returnAll: true, output: 'raw', ...scopeParams(s) });
		expect(run.nodeError).toBeUndefined();
		const want = expected(s);
		expect(want.length).toBeGreaterThan(0);
		expect(run.json.map((r) => String(r.id)).sort()).toEqual(want.map((r) => String(r.id)).sort());
	});
});

describe('the certificate (binary PDF) lands on the commitment as a compliance document', () => {
	const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n% ACORD 25 certificate of liability insurance\n%%EOF\n');
	const item = (): INodeExecutionData => ({
		json: {},
		binary: { certificate: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'acord-25-steel.pdf', fileExtension: 'pdf' } },
	});
	const params = (s: Sandbox, extra: IDataObject = {}): IDataObject => ({
		resource: 'complianceDocument',
		operation: 'create',
		project: byId(s.seed.projects.tower),
		commitment: byId(s.seed.commitments.steelPo),
		name: 'COI 2026-2027 – Structural Steel',
		documentType: 'other',
		documentStatus: 'compliant',
		certificateBinaryProperty: 'certificate',
		additionalFields: { expiresAt: '2027-06-30T00:00:00Z' },
		...extra,
	});
	const documents = (s: Sandbox) =>
		stored(s, `projects/${s.seed.projects.tower}/purchase_order_contracts/${s.seed.commitments.steelPo}/compliance_documents`);

	it('uploads the PDF to the project, attaches it, and a re-run neither uploads nor adds again', async () => {
		const s = sb();
		const run = await runOnSandbox(s, params(s), { items: [item()] });
		expect(run.nodeError).toBeUndefined();
		const docs = documents(s);
		expect(docs).toHaveLength(1);
		const attachments = docs[0].attachments as Array<{ upload_uuid: string; filename: string; content_type: string; size: number }>;
		expect(attachments).toHaveLength(1);
		expect(attachments[0]).toMatchObject({ filename: 'acord-25-steel.pdf', content_type: 'application/pdf', size: pdf.length });
		const upload = findUpload(s.rt, attachments[0].upload_uuid)!;
		expect(upload).toMatchObject({ status: 'complete', project_id: s.seed.projects.tower });
		expect(blobBytes(s, upload.blob_key!).equals(pdf)).toBe(true);
		expect(String(run.json[0].summary)).toContain('with 1 file (acord-25-steel.pdf uploaded)');
		// The storage host got the bytes without Procore's token.
		const storage = run.calls.filter((c) => c.host === 'localhost');
		expect(storage.length).toBeGreaterThan(0);
		expect(storage.every((c) => !c.authPresent)).toBe(true);

		const again = await runOnSandbox(s, params(s), { items: [item()] });
		expect(again.nodeError).toBeUndefined();
		expect(again.writes).toEqual([]);
		expect(documents(s)).toHaveLength(1);
	});

	it('Preview Only uploads nothing and names the file it would upload', async () => {
		const s = sb();
		s.reset();
		const run = await runOnSandbox(s, params(s, { options: { previewOnly: true } }), { items: [item()] });
		expect(run.nodeError).toBeUndefined();
		expect(run.writes).toEqual([]);
		expect(String(run.json[0].summary)).toMatch(/^Would add .* with 1 file \(acord-25-steel.pdf would be uploaded\)/);
		expect(documents(s)).toHaveLength(0);
	});

	it('a missing certificate field fails naming it, before anything is written', async () => {
		const s = sb();
		const run = await runOnSandbox(s, params(s, { certificateBinaryProperty: 'coi_pdf' }), { items: [item()] });
		expect(String(run.nodeError?.message)).toBe('No binary property "coi_pdf" on item 0');
		expect(String(run.nodeError?.description)).toContain('certificate');
		expect(run.writes).toEqual([]);
	});
});
