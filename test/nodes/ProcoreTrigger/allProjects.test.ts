import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { publishCost } from '../../../nodes/ProcoreTrigger/allProjects';
import { ProcoreTrigger } from '../../../nodes/ProcoreTrigger/ProcoreTrigger.node';
import type { TriggerState } from '../../../nodes/ProcoreTrigger/staticData';
import { FakeWebhooksApi } from '../../helpers/fakeWebhooksApi';
import { calls, createHookContext, createWebhookContext, WEBHOOK_URL } from '../../helpers/triggerContext';

const node = new ProcoreTrigger();
const methods = node.webhookMethods.default;

function params(extra: IDataObject = {}): IDataObject {
	return {
		company: { __rl: true, mode: 'id', value: '4264807' },
		scope: 'allProjects',
		projectStatus: 'active',
		projectIds: '',
		resources: ['RFIs', 'Change Events'],
		events: ['create', 'update'],
		payloadVersion: 'v2.0',
		options: {},
		...extra,
	};
}

function hookCtx(state: IDataObject, extra: IDataObject = {}) {
	const requests: IHttpRequestOptions[] = [];
	const logs: string[] = [];
	return { ctx: createHookContext({ parameters: params(extra), staticData: state, requests, logs }), requests, logs };
}

function projectsEvent(projectId: string, eventType: string, ulid: string): string {
	return JSON.stringify({
		id: 1,
		ulid,
		timestamp: '2026-05-01T12:00:00Z',
		metadata: {},
		user_id: 1,
		company_id: 4264807,
		api_version: 'v2.0',
		event_type: eventType,
		resource_name: 'Projects',
		resource_id: Number(projectId),
	});
}

function deliver(state: IDataObject, rawBody: string, extra: IDataObject = {}) {
	const requests: IHttpRequestOptions[] = [];
	const { ctx, response } = createWebhookContext({
		parameters: params(extra),
		staticData: state,
		requests,
		request: { headers: { authorization: companyAuthorization(state) }, rawBody },
	});
	return { run: () => node.webhook.call(ctx), response, requests };
}

/** The trigger keeps only SHA-256 hashes of its hooks' Authorization values (issue 22, finding 4). */
const accepts = (state: IDataObject, authorization: string) =>
	!JSON.stringify(state).includes(authorization.slice('Bearer '.length)) &&
	(state.secretHashes as string[]).includes(createHash('sha256').update(authorization).digest('hex'));
/** What Procore echoes on a delivery: the company hook's Authorization header. */
const companyAuthorization = (state: IDataObject) => String(fake.hooks.get(String(state.companyHookId))?.authorization);

const writes = (requests: IHttpRequestOptions[]) => calls(requests).filter((c) => !c.startsWith('GET'));

let fake: FakeWebhooksApi;
let projectIds: string[];

beforeEach(() => {
	fake = new FakeWebhooksApi();
	projectIds = fake.addProjects(50);
	fake.install();
});
afterEach(() => nock.cleanAll());

async function publish(state: IDataObject = {}, extra: IDataObject = {}) {
	const h = hookCtx(state, extra);
	expect(await methods.checkExists.call(h.ctx)).toBe(false);
	await methods.create.call(h.ctx);
	return { ...h, state: state as TriggerState };
}

describe('Procore Trigger: All Projects', () => {
	it('publishes 50 projects in 104 calls: one company hook first, then hook + bulk triggers per project', async () => {
		const { requests, state } = await publish();

		const list = calls(requests);
		expect(list).toHaveLength(104);
		expect(list.filter((c) => c === 'GET /rest/v1.0/projects')).toHaveLength(1);
		expect(list.filter((c) => c === 'GET /rest/v2.0/companies/4264807/webhooks/hooks')).toHaveLength(1);
		expect(list.filter((c) => /^POST .*\/projects\/\d+\/webhooks\/hooks$/.test(c))).toHaveLength(50);
		expect(list.filter((c) => /^POST .*\/projects\/\d+\/webhooks\/hooks\/\d+\/triggers\/bulk$/.test(c))).toHaveLength(50);
		expect(list.filter((c) => /^GET .*\/projects\/\d+\/webhooks/.test(c))).toHaveLength(0);
		expect(publishCost(50).publishCalls).toBe(list.length);

		expect(fake.hooks.size).toBe(51);
		const company = fake.hooksIn(undefined);
		expect(company).toHaveLength(1);
		expect(company[0].triggers.map((t) => `${t.resource_name} ${t.event_type}`).sort()).toEqual(['Projects create', 'Projects update']);
		for (const id of projectIds) {
			const [hook] = fake.hooksIn(id);
			expect(hook.triggers).toHaveLength(4);
			expect(accepts(state, hook.authorization)).toBe(true);
			expect(hook.destination_url).toBe(WEBHOOK_URL);
		}
		expect(Object.keys(state.projectHooks!)).toHaveLength(50);
		expect(state.companyHookId).toBe(company[0].id);
		// Static data stays small: ids only.
		expect(JSON.stringify(state).length).toBeLessThan(2500);
	});

	it('resumes an interrupted publish without duplicate hooks', async () => {
		// Project 1030's hook creation fails: the rest is set up, the failure recorded.
		fake.failures.push({ method: 'POST', pattern: /\/projects\/1030\/webhooks\/hooks$/, status: 500, body: { errors: 'boom' } });
		const first = await publish();
		expect(first.state.failedProjects).toEqual({ '1030': expect.stringContaining('boom') });
		expect(fake.hooks.size).toBe(50);

		// n8n crashed before saving static data: the next publish starts from nothing.
		const second = await publish({});
		expect(fake.hooks.size).toBe(51);
		for (const id of projectIds) expect(fake.hooksIn(id)).toHaveLength(1);
		expect(second.state.failedProjects ?? {}).toEqual({});
		// The company hook existed, so every project's hooks were listed before creating.
		expect(calls(second.requests).filter((c) => /^GET .*\/projects\/\d+\/webhooks\/hooks$/.test(c))).toHaveLength(50);
		expect(writes(second.requests).filter((c) => /^POST .*\/projects\/1030\/webhooks\/hooks$/.test(c))).toHaveLength(1);
		// All hooks now carry the new secret.
		for (const hook of fake.hooks.values()) expect(accepts(second.state, hook.authorization)).toBe(true);
		expect(second.state.secret).toBeUndefined();
	});

	it('fails the publish with Procore\'s message when no project can be set up', async () => {
		for (const id of projectIds) {
			fake.failures.push({ method: 'POST', pattern: new RegExp(`/projects/${id}/webhooks/hooks$`), status: 403, body: { errors: 'Forbidden: Webhooks' } });
		}
		const h = hookCtx({});
		const error = await methods.create.call(h.ctx).catch((e: Error) => e);
		expect((error as Error).message).toContain('Forbidden: Webhooks');
		expect((error as { description?: string }).description).toContain('Webhooks API');
	});

	it('a new project event adds the project\'s hook and starts no execution', async () => {
		const { state } = await publish();
		fake.projects.push({ id: '2001', name: 'New tower', active: true });

		const d = deliver(state, projectsEvent('2001', 'create', 'ULID-NEW'));
		const result = await d.run();

		expect(d.response.statusCode).toBe(200);
		expect(result).toEqual({ noWebhookResponse: true });
		const [hook] = fake.hooksIn('2001');
		expect(hook.triggers).toHaveLength(4);
		expect(accepts(state, hook.authorization)).toBe(true);
		expect(state.projectHooks!['2001']).toBe(hook.id);
		expect(writes(d.requests)).toHaveLength(2);
	});

	it('emits the Projects event as an item when the user also listens to Projects', async () => {
		const { state } = await publish({}, { resources: ['RFIs', 'Projects'] });
		fake.projects.push({ id: '2002', name: 'Another', active: true });
		const result = await deliver(state, projectsEvent('2002', 'create', 'ULID-P'), { resources: ['RFIs', 'Projects'] }).run();
		expect(result.noWebhookResponse).toBe(true);
		expect(result.workflowData![0][0].json).toMatchObject({ resource_name: 'Projects', resource_id: '2002', project_hook_change: 'added' });
		// Projects is a company resource: project hooks only get RFIs.
		expect(fake.hooksIn('2002')[0].triggers.map((t) => t.resource_name)).toEqual(['RFIs', 'RFIs']);
	});

	it('an archived project loses its hook', async () => {
		const { state } = await publish();
		const hookId = state.projectHooks!['1001'];
		fake.projects.find((p) => p.id === '1001')!.active = false;

		const d = deliver(state, projectsEvent('1001', 'update', 'ULID-ARCHIVE'));
		await d.run();

		expect(fake.hooks.has(hookId)).toBe(false);
		expect(state.projectHooks!['1001']).toBeUndefined();
		expect(fake.hooks.size).toBe(50);
	});

	it('an unrelated project update changes nothing', async () => {
		const { state } = await publish();
		const d = deliver(state, projectsEvent('1002', 'update', 'ULID-RENAME'));
		await d.run();
		expect(writes(d.requests)).toEqual([]);
		expect(fake.hooks.size).toBe(51);
	});

	it('receives events of every project with the one secret, with their project id', async () => {
		const { state } = await publish();
		const rawBody = JSON.stringify({ id: 2, ulid: 'ULID-RFI', company_id: 4264807, project_id: 1033, api_version: 'v2.0', event_type: 'create', resource_name: 'RFIs', resource_id: 5, metadata: {} });
		const result = await deliver(state, rawBody).run();
		expect(result.workflowData![0][0].json).toMatchObject({ project_id: '1033', resource_name: 'RFIs', resource_id: '5' });
	});

	it('a restart repairs only the one hook deleted in Procore', async () => {
		const { state } = await publish();
		fake.hooks.delete(state.projectHooks!['1007']);

		const restart = hookCtx(state);
		expect(await methods.checkExists.call(restart.ctx)).toBe(true);

		expect(writes(restart.requests)).toEqual([
			'POST /rest/v2.0/companies/4264807/projects/1007/webhooks/hooks',
			expect.stringMatching(/^POST \/rest\/v2.0\/companies\/4264807\/projects\/1007\/webhooks\/hooks\/\d+\/triggers\/bulk$/),
		]);
		// company hook by id + project list + one hook list per project, then the 2 repairing writes
		expect(restart.requests).toHaveLength(1 + 1 + 50 + 2);
		expect(publishCost(50).restartCalls).toBe(1 + 1 + 50);
		expect(fake.hooks.size).toBe(51);
		expect(accepts(state, fake.hooksIn('1007')[0].authorization)).toBe(true);
		expect(state.projectHooks!['1007']).toBe(fake.hooksIn('1007')[0].id);
	});

	it('a restart re-enables disabled hooks (company and project) with a fresh secret whose hash is kept', async () => {
		const { state } = await publish();
		fake.hooks.get(state.companyHookId!)!.status = 'disabled';
		fake.hooks.get(state.projectHooks!['1003'])!.status = 'disabled';
		const restart = hookCtx(state);
		expect(await methods.checkExists.call(restart.ctx)).toBe(true);
		for (const hook of fake.hooks.values()) {
			expect(hook.status).toBe('active');
			expect(accepts(state, hook.authorization)).toBe(true);
		}
		expect(writes(restart.requests).filter((c) => c.startsWith('PATCH'))).toHaveLength(2);
	});

	it('a restart removes duplicate hooks and hooks of projects archived while n8n was down', async () => {
		const { state } = await publish();
		fake.seedHook({ projectId: '1010', destination_url: WEBHOOK_URL });
		fake.projects.find((p) => p.id === '1020')!.active = false;

		expect(await methods.checkExists.call(hookCtx(state).ctx)).toBe(true);

		expect(fake.hooksIn('1010')).toHaveLength(1);
		expect(fake.hooksIn('1020')).toHaveLength(0);
		expect(state.projectHooks!['1020']).toBeUndefined();
	});

	it('a restart after the company hook was deleted republishes without duplicating project hooks', async () => {
		const { state } = await publish();
		fake.hooks.delete(state.companyHookId!);
		const again = hookCtx(state);
		expect(await methods.checkExists.call(again.ctx)).toBe(false);
		await methods.create.call(again.ctx);
		expect(fake.hooks.size).toBe(51);
		for (const id of projectIds) expect(fake.hooksIn(id)).toHaveLength(1);
	});

	it.each([
		['IDs typed or mapped as text', '1001, 1002'],
		['projects picked from the list', ['1001', '1002']],
	])('limits to the listed projects (%s)', async (_how, projectIds) => {
		const { state } = await publish({}, { projectIds });
		expect(Object.keys(state.projectHooks!).sort()).toEqual(['1001', '1002']);
		expect(fake.hooks.size).toBe(3);
	});

	it('one hook Procore refuses to delete does not stop the others; unpublishing again retries only it', async () => {
		const { state } = await publish();
		fake.failures.push({ method: 'DELETE', pattern: /\/projects\/1007\/webhooks\/hooks\/\d+$/, status: 400, body: { errors: 'Hook is locked' } });
		const h = hookCtx(state);
		expect(await methods.delete.call(h.ctx)).toBe(false);
		expect(fake.hooks.size).toBe(1);
		expect(fake.hooksIn('1007')).toHaveLength(1);
		expect(Object.keys(state.projectHooks!)).toEqual(['1007']);
		expect(h.logs.join('\n')).toMatch(/1 project hook\(s\) could not be deleted/);
		const again = hookCtx(state);
		expect(await methods.delete.call(again.ctx)).toBe(true);
		expect(fake.hooks.size).toBe(0);
		// The one project hook left, and the company hook again (already gone: a 404 counts as deleted).
		expect(again.requests.filter((r) => r.method === 'DELETE').map((r) => r.url.replace(/^.*\/companies\/\d+/, ''))).toEqual([
			expect.stringMatching(/^\/projects\/1007\/webhooks\/hooks\/\d+$/),
			expect.stringMatching(/^\/webhooks\/hooks\/\d+$/),
		]);
	});

	it('unpublishing removes every hook (project hooks, then the company hook)', async () => {
		const { state } = await publish();
		const h = hookCtx(state);
		expect(await methods.delete.call(h.ctx)).toBe(true);
		expect(fake.hooks.size).toBe(0);
		expect(h.requests).toHaveLength(publishCost(50).unpublishCalls);
		expect(state.projectHooks).toBeUndefined();
		expect(state.secret).toBeUndefined();
	});
});

describe('Procore Trigger: All Projects past the Publish Time Limit', () => {
	// n8n 2.41 stops waiting for a publish after 84 s and never saves the static data again: every
	// hook must be recorded by then. Each hook request advances a mocked clock by one second.
	const workflowId = 'wf-time-limit';
	let now: number;
	beforeEach(() => {
		now = Date.parse('2026-11-29T00:00:00Z');
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		fake.onRequest = () => (now += 1000);
	});
	afterEach(() => jest.restoreAllMocks());

	const ctxOf = (state: IDataObject, extra: IDataObject = {}) => {
		const requests: IHttpRequestOptions[] = [];
		const logs: string[] = [];
		return { ctx: createHookContext({ parameters: params({ publishTimeLimit: 20, ...extra }), staticData: state, requests, logs, workflowId }), requests, logs };
	};
	const rfiEvent = (projectId: string, ulid: string) =>
		JSON.stringify({ id: 2, ulid, timestamp: '2026-11-29T00:00:00Z', metadata: {}, user_id: 1, company_id: 4264807, project_id: Number(projectId), api_version: 'v2.0', event_type: 'create', resource_name: 'RFIs', resource_id: 77 });
	const deliverTo = (state: IDataObject, body: string) => {
		const requests: IHttpRequestOptions[] = [];
		const { ctx, response } = createWebhookContext({
			parameters: params({ publishTimeLimit: 20 }),
			staticData: state,
			workflowId,
			requests,
			request: { headers: { authorization: companyAuthorization(state) }, rawBody: body },
		});
		return { run: () => node.webhook.call(ctx), response, requests };
	};
	const publishWithLimit = async (state: IDataObject = {}) => {
		const h = ctxOf(state);
		expect(await methods.checkExists.call(h.ctx)).toBe(false);
		await methods.create.call(h.ctx);
		return { ...h, state: state as TriggerState };
	};

	it('records every hook it set up and leaves the other projects waiting', async () => {
		const { state, logs } = await publishWithLimit();
		const hooked = Object.keys(state.projectHooks!);
		const waiting = state.pendingProjects!;
		expect(hooked.length).toBeGreaterThan(0);
		expect(waiting.length).toBeGreaterThan(0);
		// Every matching project is either hooked or waiting, never both, never neither.
		expect([...hooked, ...waiting].sort()).toEqual([...projectIds].sort());
		expect(hooked.filter((id) => waiting.includes(id))).toEqual([]);
		// What Procore has is exactly what the state knows.
		expect(fake.hooks.size).toBe(hooked.length + 1);
		for (const id of waiting) expect(fake.hooksIn(id)).toHaveLength(0);
		expect(logs.join('\n')).toContain(`${waiting.length} project(s) wait in pendingProjects`);
	});

	it('deliveries set up the waiting projects after answering, without duplicates; unpublish removes every hook', async () => {
		const { state } = await publishWithLimit();
		const first = state.pendingProjects!.length;
		let deliveries = 0;
		while (state.pendingProjects?.length && deliveries < 20) {
			const before = state.pendingProjects.length;
			const { run, response } = deliverTo(state, rfiEvent(Object.keys(state.projectHooks!)[0], `01JRFI${String(deliveries).padStart(20, '0')}`));
			const result = await run();
			deliveries++;
			// Answered before the set-up, and the event still becomes an item.
			expect(response.statusCode).toBe(200);
			expect(result.noWebhookResponse).toBe(true);
			expect(result.workflowData?.[0][0].json).toMatchObject({ resource_name: 'RFIs' });
			expect(state.pendingProjects?.length ?? 0).toBeLessThan(before);
		}
		expect(first).toBeGreaterThan(0);
		expect(deliveries).toBeGreaterThan(1);
		expect(state.pendingProjects).toBeUndefined();
		expect(Object.keys(state.projectHooks!).sort()).toEqual([...projectIds].sort());
		for (const id of projectIds) expect(fake.hooksIn(id)).toHaveLength(1);

		const h = ctxOf(state);
		expect(await methods.delete.call(h.ctx)).toBe(true);
		expect(fake.hooks.size).toBe(0);
	});

	it('a hook set up by a delivery whose static data was never saved is still removed at unpublish', async () => {
		const { state } = await publishWithLimit();
		const saved = JSON.parse(JSON.stringify(state)) as TriggerState;
		// The delivery sets up some waiting projects, but its save is lost (another process, a crash).
		await deliverTo(state, rfiEvent(Object.keys(state.projectHooks!)[0], '01JRFI00000000000000000099')).run();
		expect(state.pendingProjects!.length).toBeLessThan(saved.pendingProjects!.length);
		// Unpublish from the last saved state, in a process without this one's memory.
		const h = createHookContext({ parameters: params({ publishTimeLimit: 20 }), staticData: saved as IDataObject, requests: [], logs: [], workflowId: 'wf-other-process' });
		expect(await methods.delete.call(h)).toBe(true);
		expect(fake.hooks.size).toBe(0);
	});

	it('a delivery in the same process merges what an earlier delivery set up into the state it saves', async () => {
		const { state } = await publishWithLimit();
		const stale = JSON.parse(JSON.stringify(state)) as TriggerState;
		await deliverTo(state, rfiEvent(Object.keys(state.projectHooks!)[0], '01JRFI00000000000000000098')).run();
		const setUpByFirst = Object.keys(state.projectHooks!).filter((id) => !stale.projectHooks![id]);
		expect(setUpByFirst.length).toBeGreaterThan(0);
		// A second delivery that loaded the static data before the first one saved it.
		const second = deliverTo(stale, rfiEvent(Object.keys(stale.projectHooks!)[0], '01JRFI00000000000000000097'));
		await second.run();
		// It knows them without asking Procore (and so saves them).
		const touched = calls(second.requests).filter((c) => setUpByFirst.some((id) => c.includes(`/projects/${id}/`)));
		expect(touched).toEqual([]);
		for (const id of setUpByFirst) expect(stale.projectHooks![id]).toBe(state.projectHooks![id]);
		for (const id of setUpByFirst) expect(stale.pendingProjects ?? []).not.toContain(id);
		for (const id of projectIds) expect(fake.hooksIn(id).length).toBeLessThanOrEqual(1);
	});

	it('refuses a Publish Time Limit that is not a number of seconds', async () => {
		const h = ctxOf({}, { publishTimeLimit: 0 });
		await expect(methods.create.call(h.ctx)).rejects.toThrow('Publish Time Limit: 0 is not a number of seconds');
	});
});

