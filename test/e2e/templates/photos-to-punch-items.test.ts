jest.setTimeout(180_000);
/**
 * workflows/photos-to-punch-items.json in the shared real n8n: each photo of the album is
 * downloaded and shown to the AI Agent (a local OpenAI-compatible stand-in vision model), whose
 * defects become proposed punch items, previewed (nothing written), sent to the approver, and
 * created exactly once after approval, each with its photo attached; a rejection writes nothing.
 */
import { n8n, sandbox, startStandIn, state } from '../env';
import { apiWrites as writes, approvalRequests, approveAndFinish, expectPreviewIsTheWrite, expectSecondClickRefused, expectWaitingForDecision, rejectWritesNothing } from './approval';
import { completion, connectStandInModel, type ChatRequest } from './standInModel';

const WORKFLOW = 'ProcorePhotoPnch';

interface PunchItem {
	id: number;
	name: string;
	priority?: string;
	workflow_status?: string;
	image_ids?: number[];
	location_id?: number;
	deleted_at?: string | null;
}
interface Ask {
	text: string;
	approveUrl: string;
	rejectUrl: string;
}

describe('template: Photos to punch items (a vision model proposes, a person approves, then written once)', () => {
	const project = state.seed.projects.tower;
	const seed = state.seed as unknown as {
		photoAlbums: { walkthrough: number };
		photos: { doorFrame: number; corridor: number };
		locations: { level2: number; room204: number };
	};
	let llm: Awaited<ReturnType<typeof startStandIn>>;
	let chat: Awaited<ReturnType<typeof startStandIn>>;
	let hookPath = '';
	const prompts: string[] = [];

	/** What the stand-in "sees" in each photo; the door's first defect is already on the punch list. */
	const model = (request: ChatRequest) => {
		const text = JSON.stringify(request.messages);
		prompts.push(text);
		const defects = text.includes('door-204-frame.png')
			? [
					{ name: 'Touch up paint at door 204 frame', description: 'Scuffs on the hinge side', priority: 'medium' },
					{ name: 'Replace cracked door stop at door 204', description: 'Rubber tip split', priority: 'low' },
				]
			: [{ name: 'Install missing cover plate at corridor outlet', description: 'Open box, live wiring visible', priority: 'high' }];
		return completion({ content: JSON.stringify(defects) });
	};
	let seeded = new Set<number>();
	const added = async () => (await sandbox.state<PunchItem>(`projects/${project}/punch_items`)).filter((p) => !p.deleted_at && !seeded.has(p.id));
	const asks = () => approvalRequests<Ask>(chat);

	beforeAll(async () => {
		await sandbox.reset();
		for (const e of await n8n.executions(WORKFLOW)) await n8n.api('DELETE', `/executions/${e.id}`).catch(() => undefined);
		chat = await startStandIn();
		llm = await connectStandInModel(WORKFLOW, model, {
			approverChatWebhookUrl: `${chat.url}/chat/approver`,
			procoreProjectId: String(project),
			albumId: String(seed.photoAlbums.walkthrough),
		});
		seeded = new Set((await sandbox.state<PunchItem>(`projects/${project}/punch_items`)).map((p) => p.id));
		hookPath = await n8n.webhookPath(WORKFLOW);
		await n8n.publish(WORKFLOW);
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await llm?.stop();
		await chat?.stop();
	});

	it('the preview and the write are the same Punch Item › Create, differing only in Preview Only', () => {
		expectPreviewIsTheWrite('photos-to-punch-items.json', 'Preview the punch item', 'Create the punch item');
	});

	it('each photo goes to the model as an image; defects already on the list dropped; previews only; the approver asked; the run waits', async () => {
		await sandbox.clearCalls();
		const reply = await n8n.webhook(hookPath, {});
		expect(reply.status).toBe(202);
		expect(reply.body).toMatchObject({ status: 'awaiting approval', count: 2 });
		const proposed = (reply.body as { proposals: Array<Record<string, unknown>> }).proposals;
		expect(proposed.map((p) => p.name).sort()).toEqual(['Install missing cover plate at corridor outlet', 'Replace cracked door stop at door 204']);
		expect(proposed.find((p) => p.name === 'Replace cracked door stop at door 204')).toMatchObject({ image_ids: [seed.photos.doorFrame], location_id: seed.locations.room204, priority: 'low', workflow_status: 'draft' });
		// One model call per photo, each carrying the photo's bytes as an image.
		expect(prompts).toHaveLength(2);
		for (const p of prompts) expect(p).toContain('data:image/png;base64,');
		await expectWaitingForDecision(WORKFLOW, asks, 1);
		expect(asks()[0].text).toContain('approve these 2 punch items from the photos?');
		expect(await added()).toEqual([]);
	});

	it('rejecting writes nothing, and the approver is told so', async () => {
		await rejectWritesNothing(WORKFLOW, asks()[0].rejectUrl, 1, chat, added);
	});

	it('approving creates each punch item exactly once, its photo attached; a second click creates nothing', async () => {
		await sandbox.clearCalls();
		expect((await n8n.webhook(hookPath, {})).status).toBe(202);
		await expectWaitingForDecision(WORKFLOW, asks, 2);
		await approveAndFinish(WORKFLOW, asks()[1].approveUrl, 2);
		const created = await added();
		expect(created.map((p) => p.name).sort()).toEqual(['Install missing cover plate at corridor outlet', 'Replace cracked door stop at door 204']);
		expect(created.find((p) => p.name === 'Install missing cover plate at corridor outlet')).toMatchObject({ image_ids: [seed.photos.corridor], location_id: seed.locations.level2, priority: 'high', workflow_status: 'draft' });
		expect((await writes()).map((c) => `${c.method} ${c.path}`)).toEqual(Array(2).fill('POST /rest/v1.1/punch_items'));
		const told = chat.received[chat.received.length - 1].body as { approved?: boolean; punchItemIds?: number[] };
		expect(told).toMatchObject({ approved: true });
		expect(told.punchItemIds?.sort()).toEqual(created.map((p) => p.id).sort());
		await expectSecondClickRefused(asks()[1].approveUrl, added, 2);
	});

	it('run again: every defect is already on the punch list, so nothing to add and no one is asked', async () => {
		await sandbox.clearCalls();
		const reply = await n8n.webhook(hookPath, {});
		expect(reply).toEqual({ status: 200, body: { status: 'nothing to add', count: 0 } });
		await n8n.waitForExecutions(WORKFLOW, 3, { timeoutMs: 90_000 });
		expect(asks()).toHaveLength(2);
		expect(await writes()).toEqual([]);
		expect(await added()).toHaveLength(2);
	});
});
