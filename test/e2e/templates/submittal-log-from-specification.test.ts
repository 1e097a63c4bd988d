jest.setTimeout(180_000);
/**
 * workflows/submittal-log-from-specification.json in the shared real n8n: the project's
 * specification sections and vendors go to the AI Agent (a local OpenAI-compatible stand-in model),
 * whose proposals are previewed (nothing written), sent to the approver, and created exactly once
 * after approval; a rejection writes nothing.
 */
import { n8n, sandbox, startStandIn, state } from '../env';
import { apiWrites as writes, approvalRequests, approveAndFinish, expectPreviewIsTheWrite, expectSecondClickRefused, expectWaitingForDecision, rejectWritesNothing } from './approval';
import { completion, connectStandInModel, type ChatRequest } from './standInModel';

const WORKFLOW = 'ProcoreSubmtlLog';

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
	let seeded = new Set<number>();
	/** Submittals this test's runs added (the seed has some, e.g. 09 21 16-1). */
	const added = async () => (await sandbox.state<Submittal>(`projects/${project}/submittals`)).filter((s) => !s.deleted_at && !seeded.has(s.id));
	const asks = () => approvalRequests<Ask>(chat);

	beforeAll(async () => {
		await sandbox.reset();
		for (const e of await n8n.executions(WORKFLOW)) await n8n.api('DELETE', `/executions/${e.id}`).catch(() => undefined);
		chat = await startStandIn();
		llm = await connectStandInModel(WORKFLOW, model, { approverChatWebhookUrl: `${chat.url}/chat/approver` });
		seeded = new Set((await sandbox.state<Submittal>(`projects/${project}/submittals`)).map((s) => s.id));
		hookPath = await n8n.webhookPath(WORKFLOW);
		await n8n.publish(WORKFLOW);
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await llm?.stop();
		await chat?.stop();
	});

	it('the preview and the write are the same Submittal › Create, differing only in Preview Only', () => {
		expectPreviewIsTheWrite('submittal-log-from-specification.json', 'Preview the submittal', 'Create the submittal');
	});

	it('proposals from the specification: a number already in the log dropped, the rest previewed (nothing written), the approver asked, the run waits', async () => {
		await sandbox.clearCalls();
		const reply = await n8n.webhook(hookPath, {});
		expect(reply.status).toBe(202);
		expect(reply.body).toMatchObject({ status: 'awaiting approval', count: 2 });
		expect((reply.body as { proposals: unknown[] }).proposals[0]).toMatchObject({ number: '03 30 00-1', title: 'Concrete mix designs', type: 'Product Data', specification_section_id: seed.specificationSections.concrete, responsible_contractor_id: seed.vendors.concrete, due_date: '2026-09-24', submittal_manager_id: seed.users.pm });
		// The model was given the project's sections, vendors and the numbers already in its log, read from Procore.
		expect(prompts).toHaveLength(1);
		expect(prompts[0]).toContain('Cast-in-Place Concrete');
		expect(prompts[0]).toContain('Gypsum Board Assemblies');
		expect(prompts[0]).toContain(String(seed.vendors.concrete));
		expect(prompts[0]).toContain('09 21 16-1');
		await expectWaitingForDecision(WORKFLOW, asks, 1);
		expect(asks()[0].text).toBe('@project-manager approve these 2 submittals for the log? 03 30 00-1 Concrete mix designs (Product Data, due 2026-09-24); 03 30 00-2 Reinforcing shop drawings (Shop Drawing, due 2026-09-24)');
		expect(await added()).toEqual([]);
	});

	it('rejecting writes nothing, and the approver is told so', async () => {
		await rejectWritesNothing(WORKFLOW, asks()[0].rejectUrl, 1, chat, added);
	});

	it('approving creates each proposed submittal exactly once; a second click creates nothing', async () => {
		await sandbox.clearCalls();
		expect((await n8n.webhook(hookPath, {})).status).toBe(202);
		await expectWaitingForDecision(WORKFLOW, asks, 2);
		await approveAndFinish(WORKFLOW, asks()[1].approveUrl, 2);
		const created = await added();
		expect(created.map((s) => s.number).sort()).toEqual(['03 30 00-1', '03 30 00-2']);
		expect(created.find((s) => s.number === '03 30 00-2')).toMatchObject({ title: 'Reinforcing shop drawings', due_date: '2026-09-24', specification_section_id: seed.specificationSections.concrete, responsible_contractor_id: seed.vendors.concrete, submittal_manager_id: seed.users.pm, type: { name: 'Shop Drawing' } });
		expect((await writes()).map((c) => `${c.method} ${c.path}`)).toEqual(Array(2).fill(`POST /rest/v1.1/projects/${project}/submittals`));
		const told = chat.received[chat.received.length - 1].body as { approved?: boolean; submittalIds?: number[] };
		expect(told).toMatchObject({ approved: true });
		expect(told.submittalIds?.sort()).toEqual(created.map((s) => s.id).sort());
		await expectSecondClickRefused(asks()[1].approveUrl, added, 2);
	});

	it('run again: every proposal is already in the log, so nothing to add and no one is asked', async () => {
		await sandbox.clearCalls();
		const reply = await n8n.webhook(hookPath, {});
		expect(reply).toEqual({ status: 200, body: { status: 'nothing to add', count: 0 } });
		await n8n.waitForExecutions(WORKFLOW, 3, { timeoutMs: 90_000 });
		expect(asks()).toHaveLength(2);
		expect(await writes()).toEqual([]);
		expect(await added()).toHaveLength(2);
	});
});
