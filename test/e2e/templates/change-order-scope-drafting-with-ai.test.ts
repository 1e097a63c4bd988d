jest.setTimeout(240_000);
/**
 * workflows/change-order-scope-drafting-with-ai.json in the shared real n8n: a Change Event reaching
 * the drafting status reaches the published trigger; the AI Agent (a local OpenAI-compatible
 * stand-in model) reads the Change Event, the spec sections and related RFIs through the Procore
 * tools and drafts the scope narrative; the PCO is previewed (nothing written), the approver is
 * asked, and only the approval writes it, in draft, once: a second click writes nothing.
 */
import { eventually, n8n, nodeOutput, sandbox, startStandIn, state, type Received } from '../env';
import { click, expectSecondClickRefused, linkedRunStatus } from './approval';
import { hookReady, live, setSettings } from './patchSettings';

const WORKFLOW = 'ProcoreCoScopeAI';
const NARRATIVE = 'Rework the slab edge along gridlines 4 to 7 after the survey (RFI 1, spec 03 30 00): saw-cut, dowel and re-pour 18 m of edge. Excludes finishes.';

interface ChatRequest {
	model: string;
	messages: Array<{ role: string; content?: unknown; tool_call_id?: string }>;
	tools?: Array<{ type: string; function: { name: string } }>;
}
interface Ask {
	text: string;
	narrative: string;
	approveUrl: string;
	rejectUrl: string;
}
interface Pco {
	id: number;
	contract_id: number;
	status: string;
	description?: string;
	grand_total?: string;
	origin_data?: string | null;
	deleted_at?: string | null;
}

function completion(message: Record<string, unknown>, finish: string) {
	return {
		id: `chatcmpl-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: 'stand-in-model',
		choices: [{ index: 0, message: { role: 'assistant', content: null, ...message }, finish_reason: finish }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** First turn: call the three Procore tools; once their results are in: the narrative. */
function model(req: Received): { body: unknown } | undefined {
	if (!req.path.endsWith('/chat/completions')) return undefined;
	const body = req.body as ChatRequest;
	if (body.messages.some((m) => m.role === 'tool')) return { body: completion({ content: NARRATIVE }, 'stop') };
	const tools = (body.tools ?? []).map((t) => t.function.name);
	const find = (pattern: RegExp) => tools.find((t) => pattern.test(t)) ?? `missing:${pattern.source}`;
	const changeEventId = /Change Event ID: (\d+)/.exec(JSON.stringify(body.messages))?.[1] ?? '0';
	const call = (id: string, name: string, args: Record<string, unknown>) => ({ id, type: 'function', function: { name, arguments: JSON.stringify(args) } });
	return {
		body: completion(
			{ tool_calls: [call('call_ce', find(/change_event/i), { changeEventId }), call('call_specs', find(/specification/i), {}), call('call_rfis', find(/rfi/i), { search: 'embed' })] },
			'tool_calls',
		),
	};
}

describe('template: change order scope drafting with an AI agent', () => {
	const project = state.seed.projects.tower;
	const seed = state.seed as unknown as { changeEvents: { slabRework: number }; changeEventStatuses: { open: number; pending: number } };
	let llm: Awaited<ReturnType<typeof startStandIn>>;
	let chat: Awaited<ReturnType<typeof startStandIn>>;
	let primeId: number;
	const pcos = async () => live(await sandbox.state<Pco>(`projects/${project}/potential_change_orders`));
	const asks = () => chat.received.map((r) => r.body as Ask);

	beforeAll(async () => {
		await sandbox.reset();
		llm = await startStandIn(model);
		chat = await startStandIn();
		const credential = await n8n.api<{ id: string; name: string }>('POST', '/credentials', {
			name: 'e2e stand-in chat model (change order scope)',
			type: 'openAiApi',
			data: { apiKey: 'sk-stand-in', url: `${llm.url}/v1`, header: false },
		});
		await n8n.patchNodes(WORKFLOW, {
			'OpenAI Chat Model': (node) => {
				node.credentials = { openAiApi: { id: credential.id, name: credential.name } };
			},
			Settings: setSettings({ model: 'stand-in-model', approverChatWebhookUrl: `${chat.url}/hooks/approvals` }),
		});
		primeId = (await sandbox.state<{ id: number }>(`projects/${project}/prime_contracts`))[0].id;
		await n8n.publish(WORKFLOW);
		await hookReady('/webhook/', project, ['Change Events:update']);
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await llm?.stop();
		await chat?.stop();
	});

	it('the agent drafts from Procore data, the PCO is previewed and the approver asked: nothing is written yet', async () => {
		await sandbox.clearCalls();
		await sandbox.uiEdit({
			resource: 'Change Events',
			action: 'update',
			project_id: project,
			id: seed.changeEvents.slabRework,
			attributes: { change_event_status: { id: seed.changeEventStatuses.pending, name: 'Pending', mapped_to_status: 'pending' } },
		});
		await eventually(async () => (asks().length === 1 && (await linkedRunStatus(asks()[0].approveUrl)) === 'waiting' ? true : undefined), {
			what: 'the run waiting for the decision',
			timeoutMs: 120_000,
		});

		const chats = llm.received.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as ChatRequest);
		expect(chats).toHaveLength(2);
		expect(chats[0].tools?.map((t) => t.function.name).sort()).toEqual(['Find_related_RFIs', 'Get_Change_Event', 'Get_specification_sections']);
		const results = chats[1].messages.filter((m) => m.role === 'tool').map((m) => `${m.tool_call_id}: ${JSON.stringify(m.content)}`).join('\n');
		expect(results).toMatch(/call_ce: .*Slab edge rework after survey/);
		expect(results).toMatch(/call_specs: .*03 30 00|call_specs: .*Cast-in-Place Concrete/);

		expect(await pcos()).toEqual([]);
		// Nothing written to Procore but the trigger's own hooks (registered per project while publishing).
		const writes = (await sandbox.calls()).filter((c) => c.method !== 'GET' && c.path.startsWith('/rest/') && !c.path.includes('/webhooks/'));
		expect(writes).toEqual([]);
		expect(asks()).toHaveLength(1);
		expect(asks()[0].narrative).toBe(NARRATIVE);
		expect(asks()[0].text).toMatch(/@project-manager approve this potential change order\? Would create a Potential Change Order on Prime Contract .* from 2 lines of Change Event #002 .*: total 19,200\.00/);
	});

	it('the approval writes the PCO in draft on the prime contract, with the narrative and the lines, once', async () => {
		expect((await click(asks()[0].approveUrl)).status).toBe(200);
		const [done] = await n8n.waitForExecutions(WORKFLOW, 1, { timeoutMs: 90_000 });
		expect(done.data?.resultData.error?.message).toBeUndefined();
		expect(done.status).toBe('success');
		const all = await pcos();
		expect(all).toHaveLength(1);
		expect(all[0]).toMatchObject({ contract_id: primeId, status: 'draft', description: NARRATIVE, grand_total: '19200.00' });
		expect(String(all[0].origin_data)).toMatch(/^n8n:/);
		expect(nodeOutput(done, 'Write the PCO in draft')[0].summary).toBe(
			`Potential Change Order ${all[0].id} created on Prime Contract PC-001 Harbor View Tower Prime Contract from 2 lines of Change Event #002 "Slab edge rework after survey": total 19,200.00`,
		);
		// A second click resumes nothing, and nothing is written again.
		await expectSecondClickRefused(asks()[0].approveUrl, pcos, 1);
	});
});
