jest.setTimeout(240_000);
/**
 * The API Operation resource as an AI agent's tool in a real n8n: the Procore tool node leaves the
 * operation and its fields to the model ($fromAI), so one tool reaches every operation of Procore's
 * catalog. The language model is a local OpenAI-compatible stand-in (as in the RFI drafts template
 * test) that asks for a vendor to be added to the company directory through the tool. What the model
 * was offered (the tool's arguments), what the sandbox stored (the vendor, with the audit tag marking
 * an agent's write) and what the tool answered are each checked.
 */
import { SANDBOX_CREDENTIAL_ID, SANDBOX_CREDENTIAL_NAME } from '../../scripts/lib/n8n';
import { chatCompletion as completion, n8n, nodeOutput, sandbox, startStandIn, state, type Received, type Workflow } from './env';

const project = state.seed.projects.tower;
const PATH = `e2e-api-operation-agent-${Date.now()}`;
const VENDOR = `Eastside Glazing ${Date.now()}`;

interface ChatRequest {
	messages: Array<{ role: string; content?: unknown; tool_call_id?: string }>;
	tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: { properties?: Record<string, unknown>; required?: string[] } } }>;
}

/** First turn: pick Procore's "Create company vendor" operation and fill its fields; then answer with what the tool returned. */
function model(req: Received): { body: unknown } | undefined {
	if (!req.path.endsWith('/chat/completions')) return undefined;
	const body = req.body as ChatRequest;
	const result = body.messages.find((m) => m.role === 'tool');
	if (result) return { body: completion({ content: `Done: ${JSON.stringify(result.content)}` }, 'stop') };
	const tool = body.tools?.[0]?.function.name ?? 'missing';
	const args = { operation_id: 'RestV10VendorsPost', fields: { vendor: { name: VENDOR, is_active: true } } };
	return { body: completion({ tool_calls: [{ id: 'call_create', type: 'function', function: { name: tool, arguments: JSON.stringify(args) } }] }, 'tool_calls') };
}

function agentWorkflow(credentialId: string, credentialName: string): Record<string, unknown> {
	const id = (n: number) => `d0000000-0000-4000-8000-00000000000${n}`;
	return {
		name: 'e2e: API Operation as an agent tool',
		nodes: [
			{ id: id(1), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: PATH, parameters: { httpMethod: 'POST', path: PATH, responseMode: 'lastNode', options: {} } },
			{
				id: id(2),
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3,
				position: [240, 0],
				parameters: { promptType: 'define', text: '={{ $json.body.request }}', options: {} },
			},
			{
				id: id(3),
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [200, 220],
				parameters: { model: { __rl: true, mode: 'id', value: 'stand-in-model' }, responsesApiEnabled: false, options: {} },
				credentials: { openAiApi: { id: credentialId, name: credentialName } },
			},
			{
				id: id(4),
				name: 'Procore',
				type: 'n8n-nodes-procore.procoreTool',
				typeVersion: 1,
				position: [400, 220],
				parameters: {
					descriptionType: 'manual',
					toolDescription: 'Run any operation of Procore\'s REST API in the project: give its operation ID and its fields.',
					resource: 'apiOperation',
					operation: 'call',
					procoreOperation: { __rl: true, mode: 'id', value: "={{ $fromAI('operation_id', 'The operation ID from Procore\\'s catalog, e.g. RestV11PunchItemsPost', 'string') }}" },
					project: { __rl: true, mode: 'id', value: String(project) },
					specifyFields: 'json',
					fieldsJson: "={{ $fromAI('fields', 'The operation\\'s fields as one JSON object: parameter names and body keys', 'json') }}",
					options: {},
				},
				credentials: { procoreOAuth2Api: { id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME } },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			Procore: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

describe('API Operation as an AI agent\'s tool (real n8n, stand-in model)', () => {
	let llm: Awaited<ReturnType<typeof startStandIn>>;
	let workflow: Workflow;

	beforeAll(async () => {
		llm = await startStandIn(model);
		const credential = await n8n.api<{ id: string; name: string }>('POST', '/credentials', {
			name: 'e2e stand-in chat model (API Operation)',
			type: 'openAiApi',
			data: { apiKey: 'sk-stand-in', url: `${llm.url}/v1`, header: false },
		});
		workflow = await n8n.api<Workflow>('POST', '/workflows', agentWorkflow(credential.id, credential.name));
		await n8n.publish(workflow.id);
	});

	afterAll(async () => {
		if (workflow) await n8n.unpublish(workflow.id).catch(() => undefined);
		await llm?.stop();
	});

	it('the model picks the operation by ID and fills its fields; the sandbox stores one vendor tagged as an agent write', async () => {
		await sandbox.clearCalls();
		const answer = await n8n.webhook(PATH, { request: 'Add Eastside Glazing to the company directory.' });
		expect(answer.status).toBe(200);

		// The tool offered the model two arguments: the operation and its fields.
		const chats = llm.received.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as ChatRequest);
		const offered = chats[0].tools?.[0]?.function.parameters?.properties ?? {};
		expect(Object.keys(offered).sort()).toEqual(['fields', 'operation_id']);

		const vendors = (await sandbox.state<{ name?: string; is_active?: boolean; origin_data?: string }>(`companies/${state.companyId}/vendors`)).filter((v) => v.name === VENDOR);
		expect(vendors).toHaveLength(1);
		expect(vendors[0].is_active).toBe(true);
		// n8n:<instance>:<workflow>:<execution>:<node>:agent (the node ran as the agent's tool).
		expect(vendors[0].origin_data).toMatch(new RegExp(`^n8n:[^:]*:${workflow.id}:\\d+:Procore:agent$`));
		const writes = (await sandbox.calls()).filter((c) => c.method !== 'GET' && c.path.startsWith('/rest/'));
		expect(writes.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /rest/v1.0/vendors']);

		// The tool's answer reached the model (its second turn), saying what was written.
		const toolResult = JSON.stringify(chats[1]?.messages.filter((m) => m.role === 'tool').map((m) => m.content));
		expect(toolResult).toMatch(/Ran Create company vendor/);
		const [execution] = await n8n.waitForExecutions(workflow.id, 1, { timeoutMs: 60_000 });
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, 'AI Agent')[0]?.output).toMatch(/^Done:/);
	});
});
