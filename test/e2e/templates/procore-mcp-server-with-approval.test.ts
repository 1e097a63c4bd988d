jest.setTimeout(180_000);
/**
 * workflows/procore-mcp-server-with-approval.json in the shared real n8n against the sandbox, driven by
 * a real MCP client (the official SDK's Client over Streamable HTTP, as Claude Desktop's bridges and
 * other MCP clients connect): the header is required; the tools are listed with their descriptions and
 * argument schemas; a read returns Procore's records; a write only previews and answers "pending
 * approval <id>", writes nothing until the approver's link is opened in a browser, then exactly once
 * with the agent audit tag; a second approval writes nothing; a rejection writes nothing; a write
 * Procore would refuse is refused at once with Procore's text and asks no one.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { INBOUND_HEADER } from '../../../scripts/lib/n8n';
import { MCP_TRIGGER } from '../../../scripts/lib/templates';
import { eventually, n8n, sandbox, startStandIn, state } from '../env';
import { linkedRunStatus } from './approval';
import { setSettings } from './patchSettings';

const WORKFLOW = 'ProcoreMcpSrvr01';
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

interface ChangeEvent {
	id: number;
	title: string;
	origin_data?: string | null;
}
interface Rfi {
	id: number;
	subject: string;
	deleted_at?: string | null;
}
interface Ask {
	text: string;
	approval_id: string;
	write: string;
	approveUrl: string;
	rejectUrl: string;
}
interface ToolResult {
	content: Array<{ type: string; text?: string }>;
	isError?: boolean;
}

/** The JSON a tool answered: n8n sends a tool's output items as one text block holding a JSON array. */
function items(result: unknown): Array<Record<string, unknown>> {
	const { content, isError } = result as ToolResult;
	const text = content.map((c) => c.text ?? '').join('');
	expect({ isError: isError ?? false, text }).toEqual({ isError: false, text: expect.stringMatching(/^\[/) });
	return JSON.parse(text) as Array<Record<string, unknown>>;
}

/** A write tool's one answer item. */
function one(result: unknown): Record<string, unknown> {
	const all = items(result);
	expect(all).toHaveLength(1);
	return all[0];
}

async function connect(url: string, headers: Record<string, string>): Promise<Client> {
	const client = new Client({ name: 'n8n-nodes-procore-e2e', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
	return client;
}

describe('template: Procore for any AI client (MCP server, writes after a person approves)', () => {
	const project = state.seed.projects.tower;
	const seed = state.seed as unknown as { changeEvents: { curtainWall: number }; users: { pm: number } };
	const changeEventId = seed.changeEvents.curtainWall;
	let url = '';
	let chat: Awaited<ReturnType<typeof startStandIn>>;
	let client: Client;

	const writes = async () => (await sandbox.calls()).filter((c) => c.method !== 'GET' && !c.path.startsWith('/oauth') && !c.path.startsWith('/_sandbox'));
	const changeEvent = async () => (await sandbox.state<ChangeEvent>(`projects/${project}/change_events`)).find((c) => c.id === changeEventId)!;
	const asks = () => chat.received.map((r) => r.body as Ask).filter((b) => typeof b.approveUrl === 'string');
	const told = () => chat.received.map((r) => r.body as { text: string; approval_id: string; audit_tag?: string }).filter((b) => !('approveUrl' in b));
	// The approval run is the execution the links resume, read by its ID (approval.ts linkedRunStatus).
	const status = async (ask: Ask) => await linkedRunStatus(ask.approveUrl);
	/** The nodes the latest run of the write tools' branch went through (the tool's own run: finished, so listed). */
	const lastToolRun = async () => {
		const runs = (await n8n.executions(WORKFLOW)).filter((e) => e.mode === 'integrated' && !('Ask the approver' in (e.data?.resultData.runData ?? {})));
		const last = runs.sort((a, b) => Number(b.id) - Number(a.id))[0];
		return Object.keys(last.data!.resultData.runData);
	};
	const click = async (link: string, userAgent = BROWSER) => await fetch(link, { headers: { 'User-Agent': userAgent } });
	const call = async (name: string, args: Record<string, unknown>) => await client.callTool({ name, arguments: args });

	beforeAll(async () => {
		await sandbox.reset();
		for (const e of await n8n.executions(WORKFLOW)) await n8n.api('DELETE', `/executions/${e.id}`).catch(() => undefined);
		chat = await startStandIn();
		const wf = await n8n.patchNodes(WORKFLOW, { Settings: setSettings({ approverChatWebhookUrl: `${chat.url}/chat/approver` }) });
		const trigger = wf.nodes.find((n) => n.type === MCP_TRIGGER)!;
		url = `${state.n8nUrl}/mcp/${String(trigger.parameters.path)}`;
		await n8n.publish(WORKFLOW);
		// n8n answers the publish call before the trigger's endpoint is registered.
		await eventually(
			async () => {
				try {
					client = await connect(url, { [INBOUND_HEADER.name]: INBOUND_HEADER.value });
					return true;
				} catch {
					return false;
				}
			},
			{ what: 'the MCP endpoint serving', timeoutMs: 30_000 },
		);
	});

	afterAll(async () => {
		await client?.close().catch(() => undefined);
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await chat.stop();
	});

	it('refuses a client without the header', async () => {
		await expect(connect(url, {})).rejects.toThrow('Authorization data is wrong');
		await expect(connect(url, { [INBOUND_HEADER.name]: 'wrong' })).rejects.toThrow('Authorization data is wrong');
		const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };
		const raw = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' }, body: JSON.stringify(initialize) });
		expect(raw.status).toBe(403);
	});

	it('lists the read and write tools, each with a description and the arguments it needs', async () => {
		const { tools } = await client.listTools();
		const byName = new Map(tools.map((t) => [t.name, t]));
		expect([...byName.keys()].sort()).toEqual(
			[
				'Call_a_Procore_API_operation',
				'Create_a_draft_RFI',
				'Find_over-committed_cost_codes',
				'Get_a_change_event',
				'Get_a_project',
				'Get_an_RFI',
				'List_RFI_managers',
				'List_RFIs',
				'List_budget_views',
				'List_change_events',
				'List_commitments',
				'List_projects',
				'Reply_to_an_RFI',
				'Request_a_Procore_API_operation',
				'Update_a_change_event',
			].sort(),
		);
		for (const tool of tools) expect({ tool: tool.name, described: (tool.description ?? '').length > 40 }).toEqual({ tool: tool.name, described: true });
		const update = byName.get('Update_a_change_event')!;
		expect(update.description).toContain('pending approval');
		expect(Object.keys((update.inputSchema.properties ?? {}) as object).sort()).toEqual(['change_event_id', 'description', 'project_id', 'title']);
		// What the template fixes is not the client's to choose: which write, and the approval step.
		expect(update.inputSchema.properties).not.toHaveProperty('write');
		expect(update.inputSchema.properties).not.toHaveProperty('step');
		expect(Object.keys((byName.get('List_RFIs')!.inputSchema.properties ?? {}) as object).sort()).toEqual(['project_id', 'search']);
	});

	it('a read returns Procore\'s records and writes nothing', async () => {
		await sandbox.clearCalls();
		const out = items(await call('List_change_events', { project_id: String(project), title_contains: '' }));
		const stored = await sandbox.state<ChangeEvent & { deleted_at?: string | null }>(`projects/${project}/change_events`);
		expect(out.map((c) => c.id).sort()).toEqual(stored.filter((c) => !c.deleted_at).map((c) => c.id).sort());
		expect(out.find((c) => c.id === changeEventId)).toMatchObject({ title: stored.find((c) => c.id === changeEventId)!.title });
		// Simplified output: the fields a model needs, not Procore's whole record.
		expect(Object.keys(out[0]).length).toBeLessThanOrEqual(10);
		const calls = await sandbox.calls();
		expect(calls.some((c) => c.method === 'GET' && c.path.includes('change_events'))).toBe(true);
		expect(await writes()).toEqual([]);
	});

	it('any read of Procore\'s catalog runs through the API operation tool; a write there is only previewed', async () => {
		await sandbox.clearCalls();
		const rfis = items(await call('Call_a_Procore_API_operation', { operation_id: 'RestV10ProjectsProjectIdRfisGet', project_id: String(project), fields_json: '{}' }));
		const stored = (await sandbox.state<Rfi>(`projects/${project}/rfis`)).filter((r) => !r.deleted_at);
		expect(rfis.map((r) => r.id).sort()).toEqual(stored.map((r) => r.id).sort());
		const post = items(await call('Call_a_Procore_API_operation', {
			operation_id: 'RestV10ProjectsProjectIdRfisPost',
			project_id: String(project),
			fields_json: JSON.stringify({ rfi: { subject: 'Sneaky write', question: { body: 'Q' }, rfi_manager_id: seed.users.pm } }),
		}));
		expect(post).toEqual([expect.objectContaining({ preview: true })]);
		const wrong = await client.callTool({ name: 'Call_a_Procore_API_operation', arguments: { operation_id: 'RestV10ProjectsRfisGet', project_id: String(project), fields_json: '{}' } });
		expect(JSON.stringify(wrong)).toContain('has no operation \\"RestV10ProjectsRfisGet\\"');
		expect(await writes()).toEqual([]);
	});

	it('a write previews only, answers "pending approval <id>" and asks the approver; nothing is written', async () => {
		const before = await changeEvent();
		await sandbox.clearCalls();
		const out = one(await call('Update_a_change_event', { project_id: String(project), change_event_id: String(changeEventId), title: 'Curtain wall anchors: revised embed spacing', description: '' }));
		expect(out).toMatchObject({ status: 'pending approval' });
		expect(out.message).toBe(`pending approval ${String(out.approval_id)}: Would update Change Event ${changeEventId}: 1 field changed (title). Nothing is written until a person approves it.`);
		expect(out.would_change).toEqual([{ field: 'title', previous: before.title, new: 'Curtain wall anchors: revised embed spacing' }]);
		await eventually(async () => asks().length === 1, { what: 'the approval request in chat' });
		expect(asks()[0]).toMatchObject({ approval_id: String(out.approval_id), write: 'update_change_event' });
		expect(asks()[0].text).toContain(`@project-manager an AI agent asks to write to Procore (approval ${String(out.approval_id)}): Would update Change Event ${changeEventId}`);
		expect(asks()[0].approveUrl).toContain(`${state.n8nUrl}/webhook-waiting/`);
		await eventually(async () => (await status(asks()[0])) === 'waiting', { what: 'the approval run waiting for the decision' });
		expect(await writes()).toEqual([]);
		expect(await changeEvent()).toEqual(before);
	});

	it('approving writes it once, tagged as an agent write; a second approval writes nothing', async () => {
		// A chat app's link preview opens the link first: it approves nothing.
		expect((await click(asks()[0].approveUrl, 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)')).status).toBe(403);
		await new Promise((r) => setTimeout(r, 1000));
		expect(await writes()).toEqual([]);
		// The approver double-clicks (two tabs, two devices): both reach n8n at once. n8n 2.x resumes the run
		// once; 1.x resumes it for each request that arrives before it runs (docs/n8n-versions.md), and the
		// Procore node sends the write once: a second run gets the same answer and reports the same write.
		const both = await Promise.all([click(asks()[0].approveUrl), click(asks()[0].approveUrl)]);
		expect(both.map((r) => r.status)).toContain(200);
		await eventually(async () => told().length >= 1, { what: 'the outcome in chat', timeoutMs: 60_000 });
		await sandbox.quiet(3000);
		const reports = told().length;
		if (state.version.startsWith('1.')) {
			expect(reports).toBeLessThanOrEqual(2);
			expect(told()).toEqual(Array(reports).fill(told()[0]));
		} else {
			expect(reports).toBe(1);
		}
		const written = await writes();
		expect(written.map((c) => `${c.method} ${c.path}`)).toEqual([`PATCH /rest/v1.0/change_events/${changeEventId}`]);
		const after = await changeEvent();
		expect(after.title).toBe('Curtain wall anchors: revised embed spacing');
		expect(after.origin_data).toMatch(/^n8n:[^:]*:ProcoreMcpSrvr01:\d+:Update the change event:agent$/);
		expect(told()[0]).toMatchObject({ approval_id: asks()[0].approval_id, audit_tag: after.origin_data });
		expect(told()[0].text).toContain(`Change Event ${changeEventId} updated: 1 field changed (title)`);
		// The same link again: the run is over, n8n resumes nothing.
		expect((await click(asks()[0].approveUrl)).status).toBeGreaterThanOrEqual(400);
		await new Promise((r) => setTimeout(r, 2000));
		expect(await writes()).toHaveLength(1);
		expect(told()).toHaveLength(reports);
	});

	it('a write through the API operation tool waits for approval too, then writes once', async () => {
		await sandbox.clearCalls();
		const before = told().length;
		const out = one(await call('Request_a_Procore_API_operation', {
			operation_id: 'RestV10ProjectsProjectIdRfisPost',
			project_id: String(project),
			fields_json: JSON.stringify({ rfi: { subject: 'Slab edge embed conflict', question: { body: 'Which embed governs at grid C/4?' }, rfi_manager_id: seed.users.pm, draft: true } }),
		}));
		expect(out).toMatchObject({ status: 'pending approval' });
		expect(String(out.message)).toContain(`pending approval ${String(out.approval_id)}: Would run`);
		await eventually(async () => asks().length === 2, { what: 'the approval request for the API operation' });
		expect(asks()[1]).toMatchObject({ approval_id: String(out.approval_id), write: 'api_operation' });
		await eventually(async () => (await status(asks()[1])) === 'waiting', { what: 'the approval run waiting for the decision' });
		expect(await writes()).toEqual([]);
		expect((await click(asks()[1].approveUrl)).status).toBe(200);
		await eventually(async () => told().length === before + 1, { what: 'the outcome in chat', timeoutMs: 60_000 });
		expect((await writes()).map((c) => `${c.method} ${c.path}`)).toEqual([`POST /rest/v1.0/projects/${project}/rfis`]);
		const created = (await sandbox.state<Rfi>(`projects/${project}/rfis`)).filter((r) => r.subject === 'Slab edge embed conflict');
		expect(created).toHaveLength(1);
		expect(told()[before].text).toContain(`Written (approval ${String(out.approval_id)}): Ran`);
	});

	it('a rejected write is never written', async () => {
		await sandbox.clearCalls();
		const toldBefore = told().length;
		const rfisBefore = await sandbox.state<Rfi>(`projects/${project}/rfis`);
		const out = one(await call('Create_a_draft_RFI', {
			project_id: String(project),
			subject: 'Anchor spacing at level 3',
			question: 'Spec 08 44 13 and S-201 disagree on anchor spacing. Which governs?',
			rfi_manager_id: String(seed.users.pm),
		}));
		expect(out).toMatchObject({ status: 'pending approval' });
		expect(String(out.message)).toBe(`pending approval ${String(out.approval_id)}: Would create draft RFI: "Anchor spacing at level 3". Nothing is written until a person approves it.`);
		await eventually(async () => asks().length === 3, { what: 'the second approval request' });
		expect(asks()[2]).toMatchObject({ approval_id: String(out.approval_id), write: 'create_rfi' });
		await eventually(async () => (await status(asks()[2])) === 'waiting', { what: 'the approval run waiting for the decision' });
		expect((await click(asks()[2].rejectUrl)).status).toBe(200);
		await eventually(async () => (await status(asks()[2])) === 'success', { what: 'the rejected run finished' });
		await new Promise((r) => setTimeout(r, 1500));
		expect(await writes()).toEqual([]);
		expect(await sandbox.state<Rfi>(`projects/${project}/rfis`)).toEqual(rfisBefore);
		expect(told()).toHaveLength(toldBefore);
	});

	it('a write Procore refuses once approved is reported to the approver as not written, never as written', async () => {
		await sandbox.clearCalls();
		const before = told().length;
		const seedRfi = (state.seed as unknown as { rfis: { embedPlates: number } }).rfis.embedPlates;
		const out = one(await call('Reply_to_an_RFI', { project_id: String(project), rfi_id: String(seedRfi), response: 'Use the embed plate schedule on S-501.' }));
		expect(out).toMatchObject({ status: 'pending approval' });
		await eventually(async () => asks().length === 4, { what: 'the approval request for the reply' });
		await eventually(async () => (await status(asks()[3])) === 'waiting', { what: 'the approval run waiting for the decision' });
		// Between the request and the approval, a project admin turns the RFI tool off: Procore refuses the write.
		await sandbox.config({ disabledTools: { [String(project)]: ['RFI'] } });
		try {
			expect((await click(asks()[3].approveUrl)).status).toBe(200);
			await eventually(async () => told().length === before + 1, { what: 'the outcome in chat', timeoutMs: 60_000 });
		} finally {
			await sandbox.config({ disabledTools: {} });
		}
		expect(told()[before].text).toBe(`Not written (approval ${String(out.approval_id)}): Procore: The RFI tool is not enabled for project ${project}. Ask a project admin to enable it.`);
		expect(told()[before]).not.toHaveProperty('audit_tag');
		expect(await writes()).toEqual([expect.objectContaining({ method: 'POST', path: `/rest/v1.0/projects/${project}/rfis/${seedRfi}/replies`, status: 403 })]);
	});

	it('a write Procore would refuse is refused at once with Procore\'s text, and nobody is asked', async () => {
		await sandbox.clearCalls();
		const out = one(await call('Update_a_change_event', { project_id: String(project), change_event_id: '999999', title: 'Nope', description: '' }));
		expect(out).toMatchObject({ status: 'refused' });
		expect(out.message).toBe('Procore would refuse this write, nothing was requested: Procore: change event not found');
		expect(String(out.what_to_do)).toContain('Check the record ID');
		await new Promise((r) => setTimeout(r, 1500));
		expect(asks()).toHaveLength(4);
		// The tool's run answered from the refused branch and started no approval run.
		const path = await lastToolRun();
		expect(path).toContain('Tell the agent: refused');
		expect(path).not.toContain('Start the approval');
		expect(await writes()).toEqual([]);
	});
});
