jest.setTimeout(180_000);
/**
 * workflows/draft-rfi-responses-with-ai.json in the shared real n8n: an RFI created in Procore (a UI
 * edit in the sandbox) reaches the published trigger; the AI Agent, whose language model is a local
 * OpenAI-compatible stand-in, calls the Procore node as its tools (the RFI, spec sections, past
 * RFIs) and the draft it writes is saved on the RFI as a non-official response.
 */
import { chatCompletion as completion, n8n, nodeOutput, sandbox, startStandIn, state, type Received } from '../env';

const WORKFLOW_ID = 'ProcoreRfiDrafts';
const DRAFT = 'Per spec section 03 30 00, keep the embed plates at 24 in. on center as shown on S-201.';

interface ChatRequest {
	model: string;
	messages: Array<{ role: string; content?: unknown; tool_calls?: unknown[]; tool_call_id?: string }>;
	tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: unknown } }>;
	stream?: boolean;
}

/** First turn: call every Procore tool; once tool results are in the conversation: the final text. */
function model(req: Received): { body: unknown } | undefined {
	if (!req.path.endsWith('/chat/completions')) return undefined;
	const body = req.body as ChatRequest;
	if (body.messages.some((m) => m.role === 'tool')) return { body: completion({ content: DRAFT }, 'stop') };
	const tools = (body.tools ?? []).map((t) => t.function.name);
	const find = (pattern: RegExp) => tools.find((t) => pattern.test(t)) ?? `missing:${pattern.source}`;
	const rfiId = /RFI ID: (\d+)/.exec(JSON.stringify(body.messages))?.[1] ?? '0';
	const call = (id: string, name: string, args: Record<string, unknown>) => ({ id, type: 'function', function: { name, arguments: JSON.stringify(args) } });
	return {
		body: completion(
			{
				tool_calls: [
					call('call_rfi', find(/get_rfi/i), { rfiId }),
					call('call_specs', find(/specification/i), {}),
					call('call_past', find(/past/i), { search: 'embed plate' }),
				],
			},
			'tool_calls',
		),
	};
}

describe('template: Draft RFI responses with an AI agent', () => {
	let llm: Awaited<ReturnType<typeof startStandIn>>;
	const project = state.seed.projects.tower;

	beforeAll(async () => {
		await sandbox.reset();
		llm = await startStandIn(model);
		const credential = await n8n.api<{ id: string; name: string }>('POST', '/credentials', {
			name: 'e2e stand-in chat model (RFI drafts)',
			type: 'openAiApi',
			data: { apiKey: 'sk-stand-in', url: `${llm.url}/v1`, header: false },
		});
		await n8n.patchNodes(WORKFLOW_ID, {
			'OpenAI Chat Model': (node) => {
				node.credentials = { openAiApi: { id: credential.id, name: credential.name } };
			},
			Settings: (node) => {
				const assignments = (node.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }).assignments;
				assignments.find((a) => a.name === 'model')!.value = 'stand-in-model';
			},
		});
		await n8n.publish(WORKFLOW_ID);
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW_ID).catch(() => undefined);
		await llm?.stop();
	});

	it('a new RFI gets an AI-drafted, non-official response built from Procore data the agent read', async () => {
		// Publishing registers one hook per active project (All Projects scope); wait until each has its RFI trigger.
		for (const p of [project, state.seed.projects.hospital, state.seed.projects.school, state.seed.projects.warehouse]) await eventuallyHook(p);
		await sandbox.clearCalls();
		const rfi = (await sandbox.uiEdit({
			resource: 'RFIs',
			action: 'create',
			project_id: project,
			attributes: { subject: 'Embed plate spacing at gridline D', question: { body: 'S-202 shows 24 in. embed spacing, A-102 shows 18 in. Which governs at gridline D?' } },
		})) as { id: number };

		const [execution] = await n8n.waitForExecutions(WORKFLOW_ID, 1, { timeoutMs: 90_000 });
		expect(execution.data?.resultData.error?.message).toBeUndefined();
		expect(execution.status).toBe('success');

		// The model was asked twice: first with the Procore tools, then with what they returned.
		const chats = llm.received.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as ChatRequest);
		expect(chats).toHaveLength(2);
		expect(chats[0].model).toBe('stand-in-model');
		expect(chats[0].tools?.map((t) => t.function.name).sort()).toEqual(['Find_past_RFIs', 'Get_RFI', 'Get_specification_sections']);
		expect(JSON.stringify(chats[0].messages)).toContain(`RFI ID: ${rfi.id}`);
		const toolResults = chats[1].messages.filter((m) => m.role === 'tool').map((m) => `${m.tool_call_id}: ${JSON.stringify(m.content)}`);
		expect(toolResults).toHaveLength(3);
		const results = toolResults.join('\n');
		expect(results).toMatch(/call_rfi: .*Embed plate spacing at gridline D/);
		expect(results).toMatch(/call_specs: .*Cast-in-Place Concrete|call_specs: .*03 30 00/);
		expect(results).toMatch(/call_past: .*Ceiling height conflict in corridor 3B/);

		// Procore was read by the tools (scoped to the RFI's project) and written once: the draft reply.
		const calls = await sandbox.calls();
		expect(calls.some((c) => c.method === 'GET' && c.path.startsWith(`/rest/v1.0/projects/${project}/rfis/${rfi.id}`))).toBe(true);
		expect(calls.some((c) => c.method === 'GET' && c.path.startsWith('/rest/v1.0/specification_sections'))).toBe(true);
		const writes = calls.filter((c) => c.method !== 'GET' && c.path.startsWith('/rest/'));
		expect(writes.map((c) => `${c.method} ${c.path}`)).toEqual([`POST /rest/v1.0/projects/${project}/rfis/${rfi.id}/replies`]);

		const replies = await sandbox.state<{ body: string; official: boolean }>(`projects/${project}/rfis/${rfi.id}/replies`);
		expect(replies).toHaveLength(1);
		expect(replies[0].official).toBe(false);
		expect(replies[0].body).toMatch(/^AI DRAFT for engineer review/);
		expect(replies[0].body).toContain(DRAFT);
		const [saved] = nodeOutput(execution, 'Save draft response on the RFI');
		expect(String(saved.summary ?? JSON.stringify(saved))).toMatch(/reply to RFI/);
	});
});

async function eventuallyHook(project: number): Promise<void> {
	const until = Date.now() + 30_000;
	for (;;) {
		const hooks = await sandbox.state<{ project_id?: number | null; deleted_at?: string | null; id: number }>('webhooks/hooks');
		const triggers = await sandbox.state<{ webhook_hook_id?: number; hook_id?: number; resource_name: string; deleted_at?: string | null }>('webhooks/triggers');
		const hook = hooks.find((h) => !h.deleted_at && Number(h.project_id) === project);
		if (hook && triggers.some((t) => !t.deleted_at && Number(t.webhook_hook_id ?? t.hook_id) === hook.id && t.resource_name === 'RFIs')) return;
		if (Date.now() > until) throw new Error(`no RFI hook for project ${project} after publishing`);
		await new Promise((r) => setTimeout(r, 300));
	}
}
