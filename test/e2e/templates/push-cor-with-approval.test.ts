/**
 * Template workflows/push-cor-with-approval.json in the real n8n against the sandbox (issue 14):
 * Push COR with Preview Only writes nothing and the approver gets the previous → new totals; the
 * execution waits; approving resumes it and the same Push COR writes once; rejecting writes nothing.
 * Several CORs in one request (each in its own project, one with its PDF): one approval, each COR
 * pushed and answered on its own; the same request again asks nobody and writes nothing.
 */
import fs from 'fs';
import path from 'path';

import { eventually, n8n, sandbox, startStandIn, state } from '../env';

const WORKFLOW = 'ProcoreCorApprv1';
/** The production path this import of the template got (the template leaves it empty). */
let PATH = '';
const COR_ID = 'cor-tool-7001';

interface ChangeEvent {
	id: number;
	origin_id?: string;
	deleted_at?: string | null;
	change_event_line_items: Array<{ description: string; estimated_cost_amount: string }>;
}
interface Ask {
	text: string;
	corId: string;
	previousTotal: number;
	newTotal: number;
	approveUrl: string;
	rejectUrl: string;
}

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

/** Total 2,150.00. */
const COR = {
	corId: COR_ID,
	number: '23',
	title: 'Extra blocking for wall-hung fixtures',
	scope: 'out_of_scope',
	lines: [
		{ description: 'Carpenter', costCode: '09-250', category: 'L', quantity: 16, unit: 'HR', unitCost: 85 },
		{ description: 'Blocking lumber', costCode: '09-250', category: 'M', amount: 790 },
	],
};

describe('template: push a COR after a person approves it', () => {
	const project = state.seed.projects.tower;
	let chat: Awaited<ReturnType<typeof startStandIn>>;
	let corTool: Awaited<ReturnType<typeof startStandIn>>;

	const pushed = async () =>
		(await sandbox.state<ChangeEvent>(`projects/${project}/change_events`)).filter((ce) => ce.origin_id === COR_ID && !ce.deleted_at);
	const total = (ce: ChangeEvent) => ce.change_event_line_items.reduce((s, l) => s + Math.round(Number(l.estimated_cost_amount) * 100), 0) / 100;
	const writes = async () => (await sandbox.calls()).filter((c) => c.method !== 'GET' && !c.path.startsWith('/oauth'));
	const waiting = async () => (await n8n.executions(WORKFLOW)).filter((e) => e.status === 'waiting');
	const asks = () => chat.received.map((r) => r.body as Ask);
	/** The approver opens a link in a browser (the Wait node ignores bots such as chat link previews). */
	const click = async (url: string, userAgent = BROWSER) => await fetch(url, { headers: { 'User-Agent': userAgent } });

	beforeAll(async () => {
		PATH = await n8n.webhookPath(WORKFLOW);
		await sandbox.reset();
		// Re-runnable against a long-lived n8n: no execution of an earlier run counts here.
		for (const e of await n8n.executions(WORKFLOW)) await n8n.api('DELETE', `/executions/${e.id}`).catch(() => undefined);
		chat = await startStandIn();
		corTool = await startStandIn();
		await n8n.patchNodes(WORKFLOW, {
			Settings: (node) => {
				const list = (node.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }).assignments;
				list.find((a) => a.name === 'procoreProjectId')!.value = String(project);
				list.find((a) => a.name === 'approverChatWebhookUrl')!.value = `${chat.url}/chat/approver`;
				list.find((a) => a.name === 'corToolResultUrl')!.value = `${corTool.url}/api/procore/push-result`;
			},
		});
		await n8n.publish(WORKFLOW);
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await chat.stop();
		await corTool.stop();
	});

	it('the preview and the write are the same Push COR, differing only in Preview Only', () => {
		const template = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../workflows/push-cor-with-approval.json'), 'utf8')) as {
			nodes: Array<{ name: string; type: string; parameters: { options: Record<string, unknown> } & Record<string, unknown> }>;
		};
		const preview = template.nodes.find((n) => n.name === 'Preview the push')!;
		const write = template.nodes.find((n) => n.name === 'Push COR')!;
		expect(preview.type).toBe(write.type);
		expect(preview.parameters.options).toEqual({ ...write.parameters.options, previewOnly: true });
		expect(write.parameters.options.previewOnly).toBe(false);
		expect({ ...preview.parameters, options: {} }).toEqual({ ...write.parameters, options: {} });
	});

	it('a new COR: preview only, nothing written; the approver gets the totals and the links; the run waits', async () => {
		await sandbox.clearCalls();
		const reply = await n8n.webhook(PATH, COR);
		expect(reply.status).toBe(202);
		expect(reply.body).toMatchObject({ status: 'awaiting approval', corId: COR_ID, wouldBe: 'would be created', previousTotal: 0, newTotal: 2150 });
		await eventually(async () => chat.received.length === 1, { what: 'the approval request in chat' });
		expect(asks()[0]).toMatchObject({ corId: COR_ID, previousTotal: 0, newTotal: 2150 });
		expect(asks()[0].text).toContain('@project-manager approve this COR push? Would create a Change Event from COR 23: total 2,150.00 (2 lines)');
		expect(asks()[0].approveUrl).toContain(`${state.n8nUrl}/webhook-waiting/`);
		await eventually(async () => (await waiting()).length === 1, { what: 'the execution waiting for the decision' });
		expect(await pushed()).toEqual([]);
		expect(await writes()).toEqual([]);
		expect(corTool.received).toEqual([]);
	});

	it('approving resumes the run: the Change Event is written once and the COR tool gets link and totals', async () => {
		// A chat app's link preview opens the link first: it approves nothing.
		expect((await click(asks()[0].approveUrl, 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)')).status).toBe(403);
		await new Promise((r) => setTimeout(r, 1000));
		expect(await waiting()).toHaveLength(1);
		expect(await pushed()).toEqual([]);
		const approval = await click(asks()[0].approveUrl);
		expect(approval.status).toBe(200);
		const [done] = await n8n.waitForExecutions(WORKFLOW, 1);
		expect(done.status).toBe('success');
		const all = await pushed();
		expect(all).toHaveLength(1);
		expect(total(all[0])).toBe(2150);
		expect((await writes()).filter((c) => c.method === 'POST' && c.path.includes('change_events'))).toHaveLength(1);
		expect(corTool.received).toHaveLength(1);
		expect(corTool.received[0].body).toMatchObject({
			corId: COR_ID,
			approved: true,
			pushed: true,
			action: 'created',
			changeEventId: all[0].id,
			link: `https://app.procore.com/${project}/project/change_events/events/${all[0].id}`,
			previousTotal: 0,
			newTotal: 2150,
			summary: `Change Event ${all[0].id} created from COR 23: total 2,150.00 (2 lines)`,
		});
		// A second click on the link resumes nothing.
		expect((await click(asks()[0].approveUrl)).status).toBeGreaterThanOrEqual(400);
		await new Promise((r) => setTimeout(r, 1500));
		expect(await pushed()).toHaveLength(1);
		expect(corTool.received).toHaveLength(1);
	});

	it('an edited COR: the approver sees previous → new; rejecting leaves the Change Event as it was', async () => {
		const [before] = await pushed();
		await sandbox.clearCalls();
		const edited = { ...COR, lines: [COR.lines[0], { ...COR.lines[1], amount: 990 }] };
		const reply = await n8n.webhook(PATH, edited);
		expect(reply.status).toBe(202);
		expect(reply.body).toMatchObject({ wouldBe: 'would be updated', previousTotal: 2150, newTotal: 2350, delta: 200 });
		await eventually(async () => chat.received.length === 2, { what: 'the second approval request' });
		expect(asks()[1].text).toContain(`Would update Change Event ${before.id} from COR 23: total 2,150.00 → 2,350.00 (+200.00), 1 line changed`);
		await eventually(async () => (await waiting()).length === 1, { what: 'the execution waiting for the decision' });
		const rejection = await click(asks()[1].rejectUrl);
		expect(rejection.status).toBe(200);
		await n8n.waitForExecutions(WORKFLOW, 2);
		expect(await writes()).toEqual([]);
		const after = await pushed();
		expect(after).toHaveLength(1);
		expect(total(after[0])).toBe(2150);
		expect(corTool.received[1].body).toMatchObject({ corId: COR_ID, approved: false, pushed: false, decision: 'reject' });
	});

	it('a COR with an unknown contract is refused before anyone is asked (422), nothing written', async () => {
		await sandbox.clearCalls();
		const reply = await n8n.webhook(PATH, { ...COR, corId: 'cor-tool-7002', contract: 'SC-999' });
		expect(reply.status).toBe(422);
		expect(reply.body).toMatchObject({ status: 'refused', corId: 'cor-tool-7002' });
		expect((reply.body as { error: string }).error).toContain('SC-999');
		await n8n.waitForExecutions(WORKFLOW, 3);
		expect(chat.received).toHaveLength(2);
		expect(await writes()).toEqual([]);
	});

	it('several CORs: one approval for all, each pushed into its own project and answered on its own; sent again, nothing to push', async () => {
		const hospital = state.seed.projects.hospital;
		await sandbox.clearCalls();
		const request = [
			{ ...COR, corId: 'cor-tool-7010', number: '40', procoreProjectNumber: '2026-002', pdfBase64: Buffer.from('%PDF-1.4 COR 40').toString('base64'), pdfFileName: 'COR 40.pdf' },
			{ ...COR, corId: 'cor-tool-7011', number: '41', lines: [COR.lines[1]] },
		];
		const reply = await n8n.webhook(PATH, request);
		expect(reply.status).toBe(202);
		expect(reply.body).toMatchObject({ awaitingApproval: 2, refused: 0 });
		await eventually(async () => chat.received.length === 3, { what: 'one approval request for both CORs' });
		const ask = chat.received[2].body as Ask & { cors: Array<{ corId: string; procoreProjectId: string }> };
		expect(ask.cors.map((c) => [c.corId, c.procoreProjectId])).toEqual([['cor-tool-7010', String(hospital)], ['cor-tool-7011', String(project)]]);
		expect(ask.text).toContain('approve these 2 COR pushes?');
		await eventually(async () => (await waiting()).length === 1, { what: 'the execution waiting for the decision' });
		expect(await writes()).toEqual([]);
		expect((await click(ask.approveUrl)).status).toBe(200);
		await n8n.waitForExecutions(WORKFLOW, 4);
		const inHospital = (await sandbox.state<ChangeEvent & { attachments?: Array<{ filename: string }> }>(`projects/${hospital}/change_events`)).filter((ce) => ce.origin_id === 'cor-tool-7010');
		expect(inHospital).toHaveLength(1);
		expect(inHospital[0].attachments?.map((a) => a.filename)).toEqual(['COR 40.pdf']);
		const inTower = (await sandbox.state<ChangeEvent>(`projects/${project}/change_events`)).filter((ce) => ce.origin_id === 'cor-tool-7011');
		expect(inTower).toHaveLength(1);
		const told = corTool.received.slice(2).map((r) => r.body as Record<string, unknown>);
		expect(told.map((b) => [b.corId, b.pushed, b.action, b.procoreProjectId])).toEqual([
			['cor-tool-7010', true, 'created', String(hospital)],
			['cor-tool-7011', true, 'created', String(project)],
		]);

		await sandbox.clearCalls();
		const again = await n8n.webhook(PATH, request);
		expect(again.status).toBe(200);
		expect((again.body as { results: Array<{ status: string }> }).results.map((r) => r.status)).toEqual(['nothing to push', 'nothing to push']);
		await n8n.waitForExecutions(WORKFLOW, 5);
		expect(chat.received).toHaveLength(3);
		expect(await writes()).toEqual([]);
	});
});
