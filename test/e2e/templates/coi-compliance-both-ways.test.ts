/**
 * Template "COI compliance both ways" in the shared real n8n, published (Procore Trigger on All
 * Projects + the COI platform's webhook):
 * - out: a project created in Procore gets its own hook; a subcontract created on it brings its
 *   vendor (with the commitment) out to the COI platform stand-in;
 * - back: the platform's compliance change (JSON with a certificate link, or multipart with the
 *   file) lands in the sandbox's insurance and commitment compliance, the certificate in the
 *   project's Documents and on the commitment, and the project manager's relay is told; a repeat
 *   of the same change writes and notifies nothing.
 */
import { INBOUND_HEADER } from '../../../scripts/lib/n8n';
import { eventually, n8n, sandbox, startStandIn, state } from '../env';
import { delivered, expectSuccess, hookReady, live, setSettings } from './patchSettings';

const WORKFLOW = 'ProcoreCoiBothWy';
/** This import's callback path and trigger URL part (the template leaves both to the import). */
let CALLBACK = '';
let HOOK = '';

interface SubsBody {
	event: string;
	procore_project_id: string;
	procore_vendor_id: string;
	vendor_name: string | null;
	commitments: Array<{ id: number | string; number?: string; title?: string }>;
}


/** A commitment's compliance as Procore shows it (a singleton record, read through the API). */
async function commitmentCompliance(projectId: number, commitmentId: number): Promise<Record<string, unknown>> {
	const response = await fetch(`${state.sandboxUrl}/rest/v1.0/projects/${projectId}/work_order_contracts/${commitmentId}/compliance`, {
		headers: { Authorization: `Bearer ${await sandbox.dmsaToken()}`, 'Procore-Company-Id': String(state.companyId) },
	});
	expect(response.status).toBe(200);
	return (await response.json()) as Record<string, unknown>;
}

describe('template: COI compliance both ways', () => {
	const { vendors } = state.seed;
	const { tower } = state.seed.projects;
	const electricalWoc = (state.seed.commitments as Record<string, number>).electricalWoc;
	let coi: Awaited<ReturnType<typeof startStandIn>>;
	let relay: Awaited<ReturnType<typeof startStandIn>>;
	let newProject: number;
	let roofingWoc: number;
	const subs = () => coi.received.filter((r) => r.method === 'POST' && r.path === '/subcontractors').map((r) => r.body as SubsBody);
	const notes = () => relay.received.filter((r) => r.path === '/notify').map((r) => r.body as { text: string; status: string; procore_vendor_id: string });
	const flowRuns = async (count: number) => (await n8n.waitForExecutions(WORKFLOW, count)).filter((e) => e.status !== 'running');

	beforeAll(async () => {
		CALLBACK = await n8n.webhookPath(WORKFLOW);
		HOOK = await n8n.triggerUrlPart(WORKFLOW);
		await sandbox.reset();
		coi = await startStandIn((req) => (req.method === 'GET' && req.path.startsWith('/certificates/') ? { body: { certificate: req.path, note: 'a PDF in real life' } } : undefined));
		relay = await startStandIn();
		await n8n.patchNodes(WORKFLOW, { Settings: setSettings({ coiPlatformUrl: `${coi.url}/subcontractors`, notifyUrl: `${relay.url}/notify` }) });
		await n8n.publish(WORKFLOW);
		await hookReady(HOOK, null, ['Projects:create']);
		await hookReady(HOOK, tower, ['Work Order Contracts:create', 'Purchase Order Contracts:create']);
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await Promise.all([coi, relay].map((s) => s?.stop()));
	});

	it('a project created in Procore gets a hook; a subcontract on it brings its sub out to the COI platform', async () => {
		newProject = Number((await sandbox.uiEdit({ resource: 'Projects', action: 'create', attributes: { name: 'Pier 9 Fit-out', project_number: '2026-077', active: true, status: 'active' } })).id);
		await delivered('Projects', newProject, 'create');
		expectSuccess((await flowRuns(1))[0]);
		// The new project has no commitments yet: nothing goes out, but the trigger now listens on it.
		expect(subs()).toEqual([]);
		await hookReady(HOOK, newProject, ['Work Order Contracts:create']);

		roofingWoc = Number(
			(
				await sandbox.uiEdit({
					resource: 'Work Order Contracts',
					action: 'create',
					project_id: newProject,
					attributes: { number: 'SC-101', title: 'Roofing Subcontract', status: 'Draft', vendor: { id: vendors.roofing, name: 'Summit Roofing' }, project: { id: newProject } },
				})
			).id,
		);
		await eventually(async () => subs().length >= 1, { what: 'the sub at the COI platform' });
		const runs = await flowRuns(2);
		runs.forEach(expectSuccess);
		expect(subs()).toHaveLength(1);
		expect(subs()[0]).toMatchObject({ event: 'Work Order Contracts create', procore_project_id: String(newProject), procore_vendor_id: String(vendors.roofing), vendor_name: 'Summit Roofing' });
		expect(subs()[0].commitments.map((c) => Number(c.id))).toEqual([roofingWoc]);
	});

	it('a compliance change with a certificate link lands in insurance, commitment compliance and Documents; the PM is told', async () => {
		const before = (await n8n.executions(WORKFLOW)).length;
		const callback = {
			procore_vendor_id: String(vendors.electrical),
			procore_project_id: String(tower),
			procore_commitment_id: String(electricalWoc),
			status: 'non-compliant',
			certificate_id: 'coi-cert-8842',
			expiration_date: '2027-03-31',
			certificate_url: `${coi.url}/certificates/coi-8842.pdf`,
			notes: 'Umbrella limit below $5M',
		};
		expect((await n8n.webhook(CALLBACK, callback)).status).toBe(200);
		const runs = await flowRuns(before + 1);
		expectSuccess(runs[0]);

		const insurances = live(await sandbox.state<Record<string, unknown> & { deleted_at?: string | null }>(`companies/${state.companyId}/vendors/${vendors.electrical}/insurances`));
		const record = insurances.find((i) => i.origin_id === 'coi-cert-8842');
		expect(record).toMatchObject({ status: 'non_compliant', expiration_date: expect.stringMatching(/^2027-03-31/) });
		expect(String(record!.notes)).toContain(`Certificate: ${callback.certificate_url}`);
		expect(await commitmentCompliance(tower, electricalWoc)).toMatchObject({ insurance_status: 'not_compliant', compliance_status: 'not_compliant' });

		expect(coi.received.some((r) => r.method === 'GET' && r.path === '/certificates/coi-8842.pdf')).toBe(true);
		const folders = live(await sandbox.state<{ id: number; name: string; deleted_at?: string | null }>(`projects/${tower}/folders`));
		const folder = folders.find((f) => f.name === 'Insurance Certificates');
		expect(folder).toBeDefined();
		const files = live(await sandbox.state<{ name: string; parent_id?: number; deleted_at?: string | null }>(`projects/${tower}/files`));
		expect(files.find((f) => f.name === 'COI coi-cert-8842 - coi-8842.pdf')).toBeDefined();
		const documents = live(await sandbox.state<Record<string, unknown> & { deleted_at?: string | null }>(`projects/${tower}/work_order_contracts/${electricalWoc}/compliance_documents`));
		expect(documents).toHaveLength(1);
		expect(documents[0]).toMatchObject({ name: 'Certificate of Insurance coi-cert-8842', status: 'not_compliant' });
		// The upload named in upload_ids becomes the document's attachment, as in Procore.
		expect(documents[0].attachments).toHaveLength(1);

		expect(notes()).toHaveLength(1);
		expect(notes()[0]).toMatchObject({ procore_vendor_id: String(vendors.electrical), status: 'Non-Compliant' });
		expect(notes()[0].text).toContain('non_compliant');
	});

	it('the same change posted again writes nothing and notifies nobody', async () => {
		const before = (await n8n.executions(WORKFLOW)).length;
		await sandbox.clearCalls();
		const callback = {
			procore_vendor_id: String(vendors.electrical),
			procore_project_id: String(tower),
			procore_commitment_id: String(electricalWoc),
			status: 'non-compliant',
			certificate_id: 'coi-cert-8842',
			expiration_date: '2027-03-31',
			notes: 'Umbrella limit below $5M',
			certificate_url: `${coi.url}/certificates/coi-8842.pdf`,
		};
		expect((await n8n.webhook(CALLBACK, callback)).status).toBe(200);
		const runs = await flowRuns(before + 1);
		expectSuccess(runs[0]);
		expect(notes()).toHaveLength(1);
		const writes = (await sandbox.calls()).filter((c) => c.method === 'PATCH' && /insurances|compliance$/.test(c.path));
		expect(writes).toEqual([]);
	});

	it('a certificate posted as a file (multipart) goes to Documents and onto the commitment; the status comes back compliant', async () => {
		const before = (await n8n.executions(WORKFLOW)).length;
		const form = new FormData();
		for (const [k, v] of Object.entries({
			procore_vendor_id: String(vendors.roofing),
			procore_project_id: String(newProject),
			procore_commitment_id: String(roofingWoc),
			status: 'Compliant',
			certificate_id: 'coi-cert-9001',
			expiration_date: '2027-06-30',
		}))
			form.append(k, v);
		form.append('certificate', new Blob([Buffer.from('%PDF-1.4 Summit Roofing COI')], { type: 'application/pdf' }), 'summit-roofing-coi.pdf');
		const response = await fetch(`${state.n8nUrl}/webhook/${CALLBACK}`, { method: 'POST', body: form, headers: { [INBOUND_HEADER.name]: INBOUND_HEADER.value } });
		expect(response.status).toBe(200);
		const runs = await flowRuns(before + 1);
		expectSuccess(runs[0]);

		const insurances = live(await sandbox.state<Record<string, unknown> & { deleted_at?: string | null }>(`companies/${state.companyId}/vendors/${vendors.roofing}/insurances`));
		expect(insurances.find((i) => i.origin_id === 'coi-cert-9001')).toMatchObject({ status: 'compliant' });
		expect(await commitmentCompliance(newProject, roofingWoc)).toMatchObject({ insurance_status: 'compliant', compliance_status: 'compliant' });
		const files = live(await sandbox.state<{ name: string; deleted_at?: string | null }>(`projects/${newProject}/files`));
		expect(files.map((f) => f.name)).toContain('COI coi-cert-9001 - summit-roofing-coi.pdf');
		const documents = live(await sandbox.state<Record<string, unknown> & { deleted_at?: string | null }>(`projects/${newProject}/work_order_contracts/${roofingWoc}/compliance_documents`));
		expect(documents).toHaveLength(1);
		expect(documents[0]).toMatchObject({ name: 'Certificate of Insurance coi-cert-9001', status: 'compliant' });
		expect(documents[0].attachments).toHaveLength(1);
		expect(notes()).toHaveLength(2);
		expect(notes()[1]).toMatchObject({ procore_vendor_id: String(vendors.roofing), status: 'Compliant' });
	});

	it('a callback without the webhook header is refused (403) and runs nothing', async () => {
		const before = (await n8n.executions(WORKFLOW)).length;
		const reply = await n8n.webhook(CALLBACK, { procore_vendor_id: String(vendors.electrical), procore_project_id: String(tower), status: 'compliant', certificate_id: 'coi-cert-8842' }, 'POST', {});
		expect(reply.status).toBe(403);
		expect(await n8n.waitForExecutions(WORKFLOW, before, { quietMs: 1_500 })).toHaveLength(before);
	});

	it('a certificate_url on a host not in Settings › certificateHosts is never fetched; the run fails naming it', async () => {
		const before = (await n8n.executions(WORKFLOW)).length;
		// 127.0.0.2 is this machine too, but not an allowed host (the demo and tests allow 127.0.0.1 and localhost).
		const elsewhere = `${coi.url.replace('127.0.0.1', '127.0.0.2')}/certificates/elsewhere.pdf`;
		const callback = { procore_vendor_id: String(vendors.electrical), procore_project_id: String(tower), status: 'compliant', certificate_id: 'coi-cert-7001', certificate_url: elsewhere };
		expect((await n8n.webhook(CALLBACK, callback)).status).toBe(200);
		const [run] = await flowRuns(before + 1);
		expect(run.status).toBe('error');
		const ran = Object.keys(run.data?.resultData.runData ?? {});
		expect(ran).toContain('Refuse the link');
		expect(ran).not.toContain('Download the certificate');
		expect(run.data?.resultData.error?.message).toContain(`certificate_url ${elsewhere} is not on a host in Settings › certificateHosts`);
		expect(coi.received.filter((r) => r.path === '/certificates/elsewhere.pdf')).toEqual([]);
	});

});
