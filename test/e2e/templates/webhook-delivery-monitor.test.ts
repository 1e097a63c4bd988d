/**
 * Template "Procore webhook delivery monitor" in the shared real n8n: hooks on the company and on a
 * project deliver to a destination that answers 500 until Procore (the sandbox) gives up; the
 * monitor (run by n8n's CLI) reports each missed event once to the chat stand-in and re-sends each
 * one's original payload once to the replay stand-in; a second run reports and replays nothing.
 * A hook Procore disabled and a hook that disappeared raise one alarm each, once per change of
 * state; a hook delivering again is told once too.
 */
import { eventually, n8n, sandbox, startStandIn, state } from '../env';
import { executeOnce, setSettings } from './patchSettings';

const WORKFLOW = 'ProcoreHookMonit';

interface Delivery {
	hook_id: number;
	ulid: string;
	outcome: string;
	resource_name: string;
	event_type: string;
	event: { resource_id: number | string; project_id?: number | string | null };
}


/** A hook with one trigger, registered the way an integration does it (Webhooks API v1.0). */
async function registerHook(scope: string, destination: string, resource: string): Promise<number> {
	const headers = { Authorization: `Bearer ${await sandbox.dmsaToken()}`, 'Procore-Company-Id': String(state.companyId), 'Content-Type': 'application/json' };
	const hook = await fetch(`${state.sandboxUrl}/rest/v1.0/webhooks/hooks?${scope}`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ hook: { namespace: 'n8n-nodes-procore', destination_url: destination, api_version: 'v2' } }),
	});
	expect(hook.status).toBe(201);
	const { id } = (await hook.json()) as { id: number };
	const trigger = await fetch(`${state.sandboxUrl}/rest/v1.0/webhooks/hooks/${id}/triggers?${scope}`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ trigger: { resource_name: resource, event_type: 'create' } }),
	});
	expect(trigger.status).toBe(201);
	return id;
}

describe('template: webhook delivery monitor', () => {
	const { tower } = state.seed.projects;
	let broken: Awaited<ReturnType<typeof startStandIn>>;
	let chat: Awaited<ReturnType<typeof startStandIn>>;
	let replay: Awaited<ReturnType<typeof startStandIn>>;
	const missed: Array<{ ulid: string; resource: string; id: string }> = [];
	let companyHook = 0;
	let projectHook = 0;
	const hookAlarms = () => chat.received.filter((r) => r.path === '/chat' && String((r.body as { text: string }).text).includes('hook change(s)'));
	/** What Procore's admin (or Procore itself) does to a hook: the v2.0 Webhooks API, as a client would. */
	const procore = async (method: string, url: string, body?: unknown) => {
		const res = await fetch(`${state.sandboxUrl}${url}`, {
			method,
			headers: { Authorization: `Bearer ${await sandbox.dmsaToken()}`, 'Procore-Company-Id': String(state.companyId), 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		expect(res.status).toBeLessThan(300);
	};

	beforeAll(async () => {
		await sandbox.reset();
		// 12 h of retries and Procore's back-off squeezed into about a second.
		await sandbox.config({ webhookTimeScale: 0.00002 });
		broken = await startStandIn(() => ({ status: 500, body: { error: 'receiver down' } }));
		chat = await startStandIn();
		replay = await startStandIn();
		await n8n.patchNodes(WORKFLOW, {
			Settings: setSettings({ chatWebhookUrl: `${chat.url}/chat`, replayUrl: `${replay.url}/replay` }),
		});
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await sandbox.config({ webhookTimeScale: 1 });
		await Promise.all([broken, chat, replay].map((s) => s?.stop()));
	});

	it('deliveries to a destination answering 500 end failed or discarded in Procore', async () => {
		companyHook = await registerHook(`company_id=${state.companyId}`, `${broken.url}/company`, 'Projects');
		projectHook = await registerHook(`project_id=${tower}`, `${broken.url}/tower`, 'RFIs');
		const rfi1 = await sandbox.uiEdit({ resource: 'RFIs', action: 'create', project_id: tower, attributes: { subject: 'Curtain wall anchor spacing' } });
		const rfi2 = await sandbox.uiEdit({ resource: 'RFIs', action: 'create', project_id: tower, attributes: { subject: 'Stair 2 handrail height' } });
		const project = await sandbox.uiEdit({ resource: 'Projects', action: 'create', attributes: { name: 'Pier 9 Fit-out', active: true, status: 'active' } });
		const given = await eventually(
			async () => {
				const rows = (await sandbox.deliveries()) as unknown as Delivery[];
				const final = rows.filter((d) => ['failed', 'discarded'].includes(d.outcome));
				return final.length >= 3 ? rows : undefined;
			},
			{ what: 'Procore giving up on three events', timeoutMs: 30_000 },
		);
		expect(given.every((d) => d.outcome !== 'ok')).toBe(true);
		expect(given.some((d) => d.outcome === 'discarded' && d.hook_id === projectHook)).toBe(true);
		expect(given.some((d) => d.hook_id === companyHook)).toBe(true);
		expect(broken.received.length).toBeGreaterThanOrEqual(3);
		for (const [rec, resource] of [
			[rfi1, 'RFIs'],
			[rfi2, 'RFIs'],
			[project, 'Projects'],
		] as const) {
			const d = given.find((row) => row.resource_name === resource && String(row.event.resource_id) === String(rec.id));
			expect(d).toBeDefined();
			missed.push({ ulid: d!.ulid, resource, id: String(rec.id) });
		}
	});

	it('the monitor reports each missed event once and replays its original payload once', async () => {
		await sandbox.clearCalls();
		await executeOnce(WORKFLOW);

		const reports = chat.received.filter((r) => r.path === '/chat');
		expect(reports).toHaveLength(1);
		const report = reports[0].body as {
			text: string;
			events: Array<{ event_id: string; dedupe_key: string; resource_name: string; resource_id: string; status: string; response_status: number | null; response_headers: Record<string, string> | null; response_body: string | null }>;
		};
		expect(report.events.map((e) => e.dedupe_key).sort()).toEqual(missed.map((m) => m.ulid).sort());
		expect(report.text).toContain('3 missed event(s)');
		expect(report.text).toContain(`Replaying them to ${replay.url}/replay`);
		for (const m of missed) expect(report.text).toContain(`${m.resource} create ${m.id}`);
		expect(report.events.some((e) => e.status === 'discarded')).toBe(true);
		expect(report.events.some((e) => e.response_status === 500)).toBe(true);
		// What the endpoint answered, as Procore's delivery log shows it: headers and body.
		const answered = report.events.find((e) => e.response_status === 500)!;
		expect(answered.response_body).toContain('receiver down');
		expect(answered.response_headers?.['content-type']).toContain('application/json');
		expect(report.text).toContain('last answer 500: {"error":"receiver down"}');

		const replays = replay.received.filter((r) => r.path === '/replay');
		expect(replays).toHaveLength(3);
		for (const m of missed) {
			const sent = replays.find((r) => r.headers['x-procore-event-id'] === m.ulid);
			expect(sent?.body).toMatchObject({ ulid: m.ulid, resource_name: m.resource, event_type: 'create' });
			expect(String((sent!.body as { resource_id: unknown }).resource_id)).toBe(m.id);
			expect(String(sent!.headers['x-procore-replay'])).toMatch(/^(discarded|failing) delivery \d+ of hook \d+$/);
		}

		// What the monitor asked Procore: the hooks of the company and of each active project, then the
		// failing and discarded deliveries of each hook; it wrote nothing.
		const calls = await sandbox.calls();
		expect(calls.filter((c) => /\/webhooks\/hooks\/\d+\/deliveries/.test(c.path)).length).toBeGreaterThanOrEqual(4);
		expect(calls.filter((c) => c.method !== 'GET' && c.path.startsWith('/rest/'))).toEqual([]);
	});

	it('a second run reports and replays nothing: each event is handled once', async () => {
		await executeOnce(WORKFLOW);
		expect(chat.received.filter((r) => r.path === '/chat')).toHaveLength(1);
		expect(replay.received.filter((r) => r.path === '/replay')).toHaveLength(3);
	});

	it('a hook Procore disabled and a hook that disappeared raise one alarm each, and only once', async () => {
		// The two runs above saw both hooks active: no alarm so far.
		expect(hookAlarms()).toEqual([]);
		await procore('PATCH', `/rest/v2.0/companies/${state.companyId}/projects/${tower}/webhooks/hooks/${projectHook}`, { status: 'disabled' });
		await procore('DELETE', `/rest/v1.0/webhooks/hooks/${companyHook}?company_id=${state.companyId}`);
		await executeOnce(WORKFLOW);
		expect(hookAlarms()).toHaveLength(1);
		const alarm = hookAlarms()[0].body as { text: string; hook_changes: Array<{ hook_id: string; scope: string; previous: string; state: string }> };
		expect(alarm.hook_changes.map((c) => [c.hook_id, c.scope, c.previous, c.state]).sort()).toEqual(
			[
				[String(companyHook), 'company', 'active', 'gone'],
				[String(projectHook), String(tower), 'active', 'disabled'],
			].sort(),
		);
		expect(alarm.text).toContain(`hook ${projectHook} (project ${tower}, ${broken.url}/tower): active → disabled`);
		expect(alarm.text).toContain('republish the n8n workflow that registered it');

		await executeOnce(WORKFLOW);
		expect(hookAlarms()).toHaveLength(1);
	});

	it('a hook delivering again is told once', async () => {
		await procore('PATCH', `/rest/v2.0/companies/${state.companyId}/projects/${tower}/webhooks/hooks/${projectHook}`, { status: 'active' });
		await executeOnce(WORKFLOW);
		expect(hookAlarms()).toHaveLength(2);
		expect((hookAlarms()[1].body as { hook_changes: unknown[] }).hook_changes).toEqual([expect.objectContaining({ hook_id: String(projectHook), previous: 'disabled', state: 'active' })]);
	});
});
