jest.setTimeout(180_000);
/**
 * workflows/submittal-log-from-specification.json in the shared real n8n: the project's
 * specification sections and vendors go to the AI Agent (a local OpenAI-compatible stand-in model),
 * whose proposals are previewed (nothing written), sent to the approver, and created exactly once
 * after approval; a rejection writes nothing.
 */
import fs from 'fs';
import path from 'path';

import { eventually, n8n, sandbox, startStandIn, state } from '../env';
import { completion, connectStandInModel, type ChatRequest } from './standInModel';

const WORKFLOW = 'ProcoreSubmtlLog';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

interface Submittal {
	id: number;
	number: string;
	title?: string;
	type?: { name?: string } | string;
	due_date?: string;
	specification_section_id?: number;
	responsible_contractor_id?: number;
	submittal_manager_id?: number;
	deleted_at?: string | null;
}
interface Ask {
	text: string;
	proposals: Array<Record<string, unknown>>;
	approveUrl: string;
	rejectUrl: string;
}

describe('template: Submittal log from the specification (approval before any write)', () => {
	const project = state.seed.projects.tower;
	const seed = state.seed as unknown as { specificationSections: { concrete: number; drywall: number }; vendors: Record<string, number>; users: { pm: number } };
	let llm: Awaited<ReturnType<typeof startStandIn>>;
	let chat: Awaited<ReturnType<typeof startStandIn>>;
	let hookPath = '';
	const prompts: string[] = [];

	const proposals = () => [
		{ specification_section_id: seed.specificationSections.concrete, number: '03 30 00-1', title: 'Concrete mix designs', type: 'Product Data', responsible_contractor_id: seed.vendors.concrete, due_date: '2026-09-24' },
		{ specification_section_id: seed.specificationSections.concrete, number: '03 30 00-2', title: 'Reinforcing shop drawings', type: 'Shop Drawing', responsible_contractor_id: seed.vendors.concrete, due_date: '2026-09-24' },
		{ specification_section_id: seed.specificationSections.drywall, number: '09 21 16-1', title: 'Gypsum board product data', type: 'Product Data', responsible_contractor_id: seed.vendors.drywall, due_date: '2026-10-01' },
	];
	const model = (request: ChatRequest) => {
		prompts.push(JSON.stringify(request.messages));
		return completion({ content: JSON.stringify(proposals()) });
	};
	const logged = async () => (await sandbox.state<Submittal>(`projects/${project}/submittals`)).filter((s) => !s.deleted_at && /^(03 30 00|09 21 16)-\d$/.test(s.number));
	const writes = async () => (await sandbox.calls()).filter((c) => c.method !== 'GET' && c.path.startsWith('/rest/'));
	const waiting = async () => (await n8n.executions(WORKFLOW)).filter((e) => e.status === 'waiting');
	const asks = () => chat.received.filter((r) => r.path === '/chat/approver').map((r) => r.body as Ask);
	const click = async (url: string) => await fetch(url, { headers: { 'User-Agent': BROWSER } });

	beforeAll(async () => {
		await sandbox.reset();
		for (const e of await n8n.executions(WORKFLOW)) await n8n.api('DELETE', `/executions/${e.id}`).catch(() => undefined);
		chat = await startStandIn();
		llm = await connectStandInModel(WORKFLOW, model, { approverChatWebhookUrl: `${chat.url}/chat/approver` });
		hookPath = await n8n.webhookPath(WORKFLOW);
		await n8n.publish(WORKFLOW);
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await llm?.stop();
		await chat?.stop();
	});

	it('the preview and the write are the same Submittal › Create, differing only in Preview Only', () => {
		const template = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../workflows/submittal-log-from-specification.json'), 'utf8')) as {
			nodes: Array<{ name: string; type: string; parameters: { options: Record<string, unknown> } & Record<string, unknown> }>;
		};
		const preview = template.nodes.find((n) => n.name === 'Preview the submittal')!;
		const write = template.nodes.find((n) => n.name === 'Create the submittal')!;
		expect(preview.parameters.options).toEqual({ previewOnly: true });
		expect(write.parameters.options).toEqual({ previewOnly: false });
		expect({ ...preview.parameters, options: {} }).toEqual({ ...write.parameters, options: {} });
	});

	it('proposals from the specification: previewed, nothing written, the approver asked, the run waits', async () => {
		await sandbox.clearCalls();
		const reply = await n8n.webhook(hookPath, {});
		expect(reply.status).toBe(202);
		expect(reply.body).toMatchObject({ status: 'awaiting approval', count: 3 });
		expect((reply.body as { proposals: unknown[] }).proposals[0]).toMatchObject({ number: '03 30 00-1', title: 'Concrete mix designs', type: 'Product Data', specification_section_id: seed.specificationSections.concrete, responsible_contractor_id: seed.vendors.concrete, due_date: '2026-09-24', submittal_manager_id: seed.users.pm });
		// The model was given the project's sections and vendors, read from Procore.
		expect(prompts).toHaveLength(1);
		expect(prompts[0]).toContain('Cast-in-Place Concrete');
		expect(prompts[0]).toContain('Gypsum Board Assemblies');
		expect(prompts[0]).toContain(String(seed.vendors.concrete));
		await eventually(async () => asks().length === 1, { what: 'the approval request in chat' });
		expect(asks()[0].text).toContain('@project-manager approve these 3 submittals for the log? 03 30 00-1 Concrete mix designs (Product Data, due 2026-09-24)');
		await eventually(async () => (await waiting()).length === 1, { what: 'the execution waiting for the decision' });
		expect(await writes()).toEqual([]);
		expect(await logged()).toEqual([]);
	});

	it('approving creates each proposed submittal exactly once; a second click creates nothing', async () => {
		expect((await click(asks()[0].approveUrl)).status).toBe(200);
		const [done] = await n8n.waitForExecutions(WORKFLOW, 1, { timeoutMs: 90_000 });
		expect(done.status).toBe('success');
		const created = await logged();
		expect(created.map((s) => s.number).sort()).toEqual(['03 30 00-1', '03 30 00-2', '09 21 16-1']);
		const drywall = created.find((s) => s.number === '09 21 16-1')!;
		expect(drywall).toMatchObject({ title: 'Gypsum board product data', due_date: '2026-10-01', specification_section_id: seed.specificationSections.drywall, responsible_contractor_id: seed.vendors.drywall, submittal_manager_id: seed.users.pm });
		expect(drywall.type).toMatchObject({ name: 'Product Data' });
		expect((await writes()).map((c) => `${c.method} ${c.path}`)).toEqual(Array(3).fill(`POST /rest/v1.1/projects/${project}/submittals`));
		const told = chat.received.filter((r) => r.path === '/chat/approver').map((r) => r.body as { approved?: boolean; submittalIds?: number[] });
		expect(told[1]).toMatchObject({ approved: true });
		expect(told[1].submittalIds?.sort()).toEqual(created.map((s) => s.id).sort());
		expect((await click(asks()[0].approveUrl)).status).toBeGreaterThanOrEqual(400);
		await new Promise((r) => setTimeout(r, 1500));
		expect(await logged()).toHaveLength(3);
	});

	it('rejecting writes nothing', async () => {
		await sandbox.clearCalls();
		expect((await n8n.webhook(hookPath, {})).status).toBe(202);
		await eventually(async () => asks().length === 2, { what: 'the second approval request' });
		await eventually(async () => (await waiting()).length === 1, { what: 'the execution waiting for the decision' });
		expect((await click(asks()[1].rejectUrl)).status).toBe(200);
		await n8n.waitForExecutions(WORKFLOW, 2, { timeoutMs: 90_000 });
		expect(await writes()).toEqual([]);
		expect(await logged()).toHaveLength(3);
		const last = chat.received[chat.received.length - 1].body as { approved: boolean; decision: string };
		expect(last).toMatchObject({ approved: false, decision: 'reject' });
	});
});
