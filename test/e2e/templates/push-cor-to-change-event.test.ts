/**
 * Template workflows/push-cor-to-change-event.json in the real n8n against the sandbox: the COR
 * tool posts a COR, gets the Change Event link and totals back, the project manager's chat gets the
 * summary; an edited COR updates the same Change Event; a COR with an unknown code is refused.
 * Several CORs in one request: each its own project (by ID or Procore project number), a new or a
 * named Change Event, its PDF (a link on an allowed host, or base64) attached; each answered; the
 * same request again writes nothing and tells nobody.
 */
import { n8n, sandbox, startStandIn, state, type Received } from '../env';

const WORKFLOW = 'ProcorePushCor01';
/** The production path this import of the template got (the template leaves it empty). */
let PATH = '';
const COR_ID = 'cor-tool-8812';

interface Line {
	description: string;
	estimated_cost_amount: string;
	cost_code_id?: number;
	line_item_type_id?: number;
}
interface ChangeEvent {
	id: number;
	title: string;
	attachments?: Array<{ filename: string }>;
	origin_id?: string;
	deleted_at?: string | null;
	change_event_line_items: Line[];
}

/** Total 5,600.50: 40 h × 95 + 600 + 1,200.50. */
const COR = {
	corId: COR_ID,
	number: '17',
	title: 'Slab demolition at grid C/4',
	description: 'Unmapped slab found during excavation',
	scope: 'out_of_scope',
	lines: [
		{ description: 'Demo crew', costCode: '03-300', category: 'L', quantity: 40, unit: 'HR', unitCost: 95 },
		{ description: 'Saw rental', costCode: '03-300', category: 'E', amount: 600 },
		{ description: 'Rebar', costCode: '03-300', category: 'M', amount: 1200.5 },
	],
};

describe('template: push CORs to Procore Change Events', () => {
	const project = state.seed.projects.tower;
	let chat: Awaited<ReturnType<typeof startStandIn>>;

	const pushed = async () =>
		(await sandbox.state<ChangeEvent>(`projects/${project}/change_events`)).filter((ce) => ce.origin_id === COR_ID && !ce.deleted_at);
	const total = (ce: ChangeEvent) => ce.change_event_line_items.reduce((s, l) => s + Math.round(Number(l.estimated_cost_amount) * 100), 0) / 100;
	const chatTexts = () => chat.received.filter((r) => r.path === '/chat/pm').map((r: Received) => String((r.body as { text?: string }).text));

	beforeAll(async () => {
		PATH = await n8n.webhookPath(WORKFLOW);
		await sandbox.reset();
		chat = await startStandIn((req) => (req.method === 'GET' && req.path.startsWith('/cor-pdfs/') ? { body: `%PDF-1.4 ${req.path}` } : undefined));
		await n8n.patchNodes(WORKFLOW, {
			Settings: (node) => {
				const list = (node.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }).assignments;
				list.find((a) => a.name === 'procoreProjectId')!.value = String(project);
				list.find((a) => a.name === 'chatWebhookUrl')!.value = `${chat.url}/chat/pm`;
				list.find((a) => a.name === 'corPdfHosts')!.value = '127.0.0.1';
			},
		});
		await n8n.publish(WORKFLOW);
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await chat.stop();
	});

	it('a new COR becomes one Change Event; the sender gets link and totals, the PM the summary', async () => {
		const reply = await n8n.webhook(PATH, COR);
		expect(reply.status).toBe(200);
		const [ce] = await pushed();
		expect(await pushed()).toHaveLength(1);
		expect(ce.title).toBe(COR.title);
		expect(ce.change_event_line_items.map((l) => l.description).sort()).toEqual(['Demo crew', 'Rebar', 'Saw rental']);
		expect(total(ce)).toBe(5600.5);
		expect(ce.change_event_line_items.every((l) => l.cost_code_id === (state.seed.costCodes as Record<string, number>)['03-300'])).toBe(true);
		expect(reply.body).toMatchObject({
			pushed: true,
			action: 'created',
			corId: COR_ID,
			changeEventId: ce.id,
			link: `https://app.procore.com/${project}/project/change_events/events/${ce.id}`,
			previousTotal: 0,
			newTotal: 5600.5,
			summary: `Change Event ${ce.id} created from COR 17: total 5,600.50 (3 lines)`,
		});
		await n8n.waitForExecutions(WORKFLOW, 1, { quietMs: 500 });
		expect(chat.received).toHaveLength(1);
		expect(chat.received[0]).toMatchObject({ method: 'POST', path: '/chat/pm' });
		expect(chatTexts()[0]).toBe(`@project-manager Change Event ${ce.id} created from COR 17: total 5,600.50 (3 lines)\nhttps://app.procore.com/${project}/project/change_events/events/${ce.id}`);
	});

	it('the edited COR pushed again updates the same Change Event: previous and new totals in the reply', async () => {
		const [before] = await pushed();
		const edited = {
			...COR,
			lines: [
				{ description: 'Demo crew', costCode: '03-300', category: 'L', quantity: 48, unit: 'HR', unitCost: 95 },
				{ description: 'Rebar', costCode: '03-300', category: 'M', amount: 1200.5 },
				{ description: 'Haul-off', costCode: '03-300', category: 'E', amount: 350 },
			],
		};
		const reply = await n8n.webhook(PATH, edited);
		expect(reply.status).toBe(200);
		const all = await pushed();
		expect(all).toHaveLength(1);
		expect(all[0].id).toBe(before.id);
		expect(all[0].change_event_line_items.map((l) => l.description).sort()).toEqual(['Demo crew', 'Haul-off', 'Rebar']);
		expect(total(all[0])).toBe(6110.5);
		expect(reply.body).toMatchObject({ action: 'updated', changeEventId: before.id, previousTotal: 5600.5, newTotal: 6110.5, delta: 510 });
		// "Saw rental" became "Haul-off" on the same code and category: Push COR changes that line in place.
		expect((reply.body as { summary: string }).summary).toBe(`Change Event ${before.id} updated from COR 17: total 5,600.50 → 6,110.50 (+510.00), 2 lines changed`);
		await n8n.waitForExecutions(WORKFLOW, 2, { quietMs: 500 });
		expect(chat.received).toHaveLength(2);
		expect(chatTexts()[1]).toContain('5,600.50 → 6,110.50');
	});

	it('the same COR again writes nothing and tells nobody', async () => {
		await sandbox.clearCalls();
		const sent = chat.received.length;
		const reply = await n8n.webhook(PATH, { ...COR, lines: [
			{ description: 'Demo crew', costCode: '03-300', category: 'L', quantity: 48, unit: 'HR', unitCost: 95 },
			{ description: 'Rebar', costCode: '03-300', category: 'M', amount: 1200.5 },
			{ description: 'Haul-off', costCode: '03-300', category: 'E', amount: 350 },
		] });
		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({ pushed: true, action: 'unchanged', newTotal: 6110.5, delta: 0 });
		expect((await sandbox.calls()).filter((c) => c.method !== 'GET' && c.path.startsWith('/rest/'))).toEqual([]);
		await n8n.waitForExecutions(WORKFLOW, 3, { quietMs: 500 });
		expect(chat.received).toHaveLength(sent);
	});

	it('a COR with a code the project does not have gets a 422 naming it, and nothing is written', async () => {
		await sandbox.clearCalls();
		const reply = await n8n.webhook(PATH, { ...COR, corId: 'cor-tool-9999', lines: [{ description: 'Mystery', costCode: '99-999', category: 'L', amount: 10 }] });
		expect(reply.status).toBe(422);
		expect(reply.body).toMatchObject({ pushed: false, corId: 'cor-tool-9999' });
		expect((reply.body as { error: string }).error).toContain('99-999');
		// What to fix reaches the COR tool: Push COR's description, which a failed item carries under `details`.
		expect((reply.body as { description: string }).description).toMatch(/99-999[\s\S]*Nothing was written\.$/);
		const writes = (await sandbox.calls()).filter((c) => c.method !== 'GET');
		expect(writes).toEqual([]);
		expect(await pushed()).toHaveLength(1);
		await n8n.waitForExecutions(WORKFLOW, 4, { quietMs: 500 });
		expect(chat.received).toHaveLength(2);
	});

	it('a COR whose lines are malformed gets a 422 naming every bad line and field, and nothing is read or written', async () => {
		await sandbox.clearCalls();
		const reply = await n8n.webhook(PATH, { ...COR, corId: 'cor-tool-9998', lines: [{ description: 'Demo crew', costCode: '03-300', amount: '4O0' }, { description: 'Haul-off', costCode: '03-300' }] });
		expect(reply.status).toBe(422);
		expect(reply.body).toMatchObject({
			pushed: false,
			corId: 'cor-tool-9998',
			error: '2 problems in the COR\'s lines: Line 1: amount "4O0" is not a number; Line 2 has no amount: give "amount", or "quantity" and "unitCost"',
		});
		expect((reply.body as { description: string }).description).toMatch(/Nothing was written\.$/);
		expect((await sandbox.calls()).filter((c) => c.path.startsWith('/rest/'))).toEqual([]);
	});

	describe('several CORs in one request', () => {
		const hospital = state.seed.projects.hospital;
		const inProject = async (projectId: number, corId: string) =>
			(await sandbox.state<ChangeEvent>(`projects/${projectId}/change_events`)).filter((ce) => ce.origin_id === corId && !ce.deleted_at);
		let request: Record<string, unknown>;

		it('each COR is pushed to its own project and Change Event, with its PDF, and answered in order', async () => {
			const [target] = await pushed();
			const pdf = Buffer.from('%PDF-1.4 COR 31 signed').toString('base64');
			request = {
				cors: [
					// Its own project by Procore's project number, its PDF as a link on an allowed host.
					{ corId: 'cor-multi-30', number: '30', title: 'Hospital: extra sleeves', procoreProjectNumber: '2026-002', pdfUrl: `${chat.url}/cor-pdfs/cor-30.pdf`, lines: [{ description: 'Sleeves', costCode: '03-300', category: 'M', amount: 420 }] },
					// Added to the Change Event of COR 17 (a line of the same name must not replace COR 17's).
					{ corId: 'cor-multi-31', number: '31', title: 'More demolition', changeEventId: String(target.id), pdfBase64: pdf, pdfFileName: 'COR 31 signed.pdf', lines: [{ description: 'Demo crew', costCode: '03-300', category: 'L', amount: 1000 }] },
					// A PDF link elsewhere is refused before anything is fetched or written.
					{ corId: 'cor-multi-32', number: '32', title: 'Refused', pdfUrl: 'https://files.elsewhere.example/cor-32.pdf', lines: [{ description: 'X', costCode: '03-300', category: 'L', amount: 1 }] },
					// Its own project by ID, a new Change Event.
					{ corId: 'cor-multi-33', number: '33', title: 'Hospital: door hardware', procoreProjectId: String(hospital), changeEventId: 'new', lines: [{ description: 'Hardware', costCode: '03-300', category: 'M', amount: 75 }] },
				],
			};
			const reply = await n8n.webhook(PATH, request);
			expect(reply.status).toBe(207);
			const body = reply.body as { pushed: number; notPushed: number; results: Array<Record<string, unknown>> };
			expect(body).toMatchObject({ pushed: 3, notPushed: 1 });
			expect(body.results.map((r) => [r.corId, r.pushed, r.action ?? null])).toEqual([
				['cor-multi-30', true, 'created'],
				['cor-multi-31', true, 'updated'],
				['cor-multi-32', false, null],
				['cor-multi-33', true, 'created'],
			]);
			expect(String(body.results[2].error)).toContain('is not on a host in Settings › corPdfHosts');

			const [ce30] = await inProject(hospital, 'cor-multi-30');
			expect(ce30.change_event_line_items.map((l) => l.description)).toEqual(['Sleeves']);
			expect(ce30.attachments?.map((a) => a.filename)).toEqual(['cor-30.pdf']);
			expect(body.results[0]).toMatchObject({ procoreProjectId: String(hospital), changeEventId: ce30.id, link: `https://app.procore.com/${hospital}/project/change_events/events/${ce30.id}` });
			expect(await inProject(hospital, 'cor-multi-33')).toHaveLength(1);
			expect(await inProject(project, 'cor-multi-33')).toHaveLength(0);

			const [shared] = await pushed();
			expect(shared.id).toBe(target.id);
			expect(shared.title).toBe(COR.title);
			expect(shared.change_event_line_items.map((l) => l.description).sort()).toEqual(['COR 31: Demo crew', 'Demo crew', 'Haul-off', 'Rebar']);
			expect(total(shared)).toBe(7110.5);
			expect(shared.attachments?.map((a) => a.filename)).toEqual(['COR 31 signed.pdf']);
			expect(await inProject(project, 'cor-multi-32')).toHaveLength(0);
			expect(chat.received.filter((r) => r.path === '/cor-pdfs/cor-30.pdf')).toHaveLength(1);
			expect(chat.received.some((r) => String(r.path).includes('cor-32'))).toBe(false);
			await n8n.waitForExecutions(WORKFLOW, 6, { quietMs: 500 });
			expect(chatTexts().filter((t) => t.includes('COR 3'))).toHaveLength(3);
		});

		it('the same request again writes nothing, attaches no PDF twice and tells nobody', async () => {
			await sandbox.clearCalls();
			const sent = chat.received.filter((r) => r.path === '/chat/pm').length;
			const reply = await n8n.webhook(PATH, request);
			expect(reply.status).toBe(207);
			const body = reply.body as { results: Array<Record<string, unknown>> };
			expect(body.results.map((r) => r.action ?? null)).toEqual(['unchanged', 'unchanged', null, 'unchanged']);
			expect((await sandbox.calls()).filter((c) => c.method !== 'GET' && !c.path.startsWith('/oauth'))).toEqual([]);
			const [ce30] = await inProject(hospital, 'cor-multi-30');
			expect(ce30.attachments).toHaveLength(1);
			expect((await pushed())[0].attachments).toHaveLength(1);
			await n8n.waitForExecutions(WORKFLOW, 7, { quietMs: 500 });
			expect(chat.received.filter((r) => r.path === '/chat/pm')).toHaveLength(sent);
		});

		it('a COR naming a project number Procore does not have is answered with what to fix', async () => {
			const reply = await n8n.webhook(PATH, [{ ...COR, corId: 'cor-multi-34', procoreProjectNumber: '1999-999' }]);
			expect(reply.status).toBe(422);
			expect((reply.body as { results: Array<Record<string, unknown>> }).results[0]).toMatchObject({
				corId: 'cor-multi-34',
				pushed: false,
				error: expect.stringContaining('No active Procore project has the number "1999-999"'),
			});
		});
	});
});
