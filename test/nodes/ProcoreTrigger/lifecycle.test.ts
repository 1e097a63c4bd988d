import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { ProcoreTrigger } from '../../../nodes/ProcoreTrigger/ProcoreTrigger.node';
import type { TriggerState } from '../../../nodes/ProcoreTrigger/staticData';
import { API, FakeWebhooksApi } from '../../helpers/fakeWebhooksApi';
import { calls, createHookContext, WEBHOOK_URL } from '../../helpers/triggerContext';

const methods = new ProcoreTrigger().webhookMethods.default;
/** What the trigger stores of an Authorization value: its SHA-256, never the secret (issue 22, finding 4). */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const HOOKS = '/rest/v2.0/companies/4264807/projects/101/webhooks/hooks';

function projectParams(extra: IDataObject = {}): IDataObject {
	return {
		company: { __rl: true, mode: 'id', value: '4264807' },
		scope: 'project',
		project: { __rl: true, mode: 'id', value: '101' },
		resources: ['RFIs', 'Submittals'],
		events: ['create', 'update'],
		payloadVersion: 'v2.0',
		options: {},
		...extra,
	};
}

function setup(parameters: IDataObject, staticData: IDataObject = {}, webhookUrl?: string) {
	const requests: IHttpRequestOptions[] = [];
	const logs: string[] = [];
	const ctx = createHookContext({ parameters, staticData, requests, logs, webhookUrl });
	return { ctx, requests, logs, state: staticData as TriggerState };
}

afterEach(() => nock.cleanAll());

describe('Procore Trigger lifecycle: one project or the company', () => {
	it('creates a new hook with a random secret and bulk-creates exactly the chosen triggers', async () => {
		let hookBody: any;
		let triggerBody: any;
		nock(API)
			.get(HOOKS)
			.query({ namespace: 'n8n-nodes-procore', include_trigger_count: 'true', page: '1', per_page: '100' })
			.reply(200, { data: [] })
			.post(HOOKS, (b) => ((hookBody = b), true))
			.reply(201, { data: { id: '77', destination_url: WEBHOOK_URL } })
			.post(`${HOOKS}/77/triggers/bulk`, (b) => ((triggerBody = b), true))
			.reply(201, { data: [{ id: 't1' }, { id: 't2' }, { id: 't3' }, { id: 't4' }] });
		const { ctx, requests, state } = setup(projectParams());

		expect(await methods.create.call(ctx)).toBe(true);

		expect(state.secret).toBeUndefined();
		const authorization = String((hookBody.destination_headers as IDataObject).Authorization);
		expect(authorization).toMatch(/^Bearer [0-9a-f]{64}$/);
		expect(state.secretHashes).toEqual([sha256(authorization)]);
		expect(JSON.stringify(state)).not.toContain(authorization.slice('Bearer '.length));
		expect(hookBody).toEqual({
			namespace: 'n8n-nodes-procore',
			payload_version: 'v2.0',
			destination_url: WEBHOOK_URL,
			destination_headers: { Authorization: authorization },
		});
		expect(triggerBody).toEqual([
			{ resource_name: 'RFIs', event_type: 'create' },
			{ resource_name: 'RFIs', event_type: 'update' },
			{ resource_name: 'Submittals', event_type: 'create' },
			{ resource_name: 'Submittals', event_type: 'update' },
		]);
		expect(state).toMatchObject({ hookId: '77', triggerIds: ['t1', 't2', 't3', 't4'], scopeKey: 'project:101', companyId: '4264807', webhookUrl: WEBHOOK_URL });
		expect(requests).toHaveLength(3);
		expect(requests.every((r) => (r.headers as IDataObject)['Procore-Company-Id'] === '4264807')).toBe(true);
		expect(nock.isDone()).toBe(true);
	});

	it('each publish gets its own secret', async () => {
		const fake = new FakeWebhooksApi();
		fake.install();
		const a = setup(projectParams());
		await methods.create.call(a.ctx);
		const b = setup(projectParams({ project: { __rl: true, mode: 'id', value: '102' } }));
		await methods.create.call(b.ctx);
		expect(a.state.secretHashes).toHaveLength(1);
		expect(a.state.secretHashes).not.toEqual(b.state.secretHashes);
	});

	it('reuses our existing hook: new secret, stale triggers removed, missing ones added, duplicates deleted', async () => {
		const fake = new FakeWebhooksApi();
		fake.install();
		const ours = fake.seedHook({
			projectId: '101',
			destination_url: WEBHOOK_URL,
			triggers: [
				{ id: '1', resource_name: 'RFIs', event_type: 'create' },
				{ id: '2', resource_name: 'Punch Items', event_type: 'delete' },
				{ id: '3', resource_name: 'RFIs', event_type: 'create' },
			],
		});
		const copy = fake.seedHook({ projectId: '101', destination_url: WEBHOOK_URL });
		const someoneElses = fake.seedHook({ projectId: '101', destination_url: 'https://other.example.com/hook' });
		const { ctx, requests, state } = setup(projectParams());

		await methods.create.call(ctx);

		expect(state.hookId).toBe(ours.id);
		expect(fake.hooks.has(copy.id)).toBe(false);
		expect(fake.hooks.has(someoneElses.id)).toBe(true);
		expect(state.secretHashes).toEqual([sha256(ours.authorization)]);
		expect(ours.triggers.map((t) => `${t.resource_name} ${t.event_type}`).sort()).toEqual([
			'RFIs create',
			'RFIs update',
			'Submittals create',
			'Submittals update',
		]);
		expect(state.triggerIds).toHaveLength(4);
		expect(state.triggerIds).toContain('1');
		expect(calls(requests).filter((c) => !c.startsWith('GET'))).toEqual([
			`DELETE ${HOOKS}/${copy.id}`,
			`PATCH ${HOOKS}/${ours.id}`,
			`DELETE ${HOOKS}/${ours.id}/triggers/bulk`,
			`POST ${HOOKS}/${ours.id}/triggers/bulk`,
		]);
	});

	it('sends more than 500 triggers in several bulk calls of at most 500', async () => {
		const fake = new FakeWebhooksApi();
		fake.install();
		const resources = Array.from({ length: 300 }, (_, i) => `Resource ${i}`);
		const { ctx, requests, state } = setup(projectParams({ resources }));

		await methods.create.call(ctx);

		const bulks = requests.filter((r) => r.method === 'POST' && String(r.url).endsWith('/triggers/bulk'));
		expect(bulks.map((r) => (r.body as unknown[]).length)).toEqual([500, 100]);
		expect(fake.hooks.get(state.hookId!)!.triggers).toHaveLength(600);
		expect(state.triggerIds).toHaveLength(600);
	});

	it('uses the company scope path for a company trigger', async () => {
		const fake = new FakeWebhooksApi();
		fake.install();
		const { ctx, state } = setup(projectParams({ scope: 'company', resources: ['Projects', 'Company Vendors'] }));
		await methods.create.call(ctx);
		expect(fake.hooks.get(state.hookId!)!.projectId).toBeUndefined();
		expect(state.scopeKey).toBe('company:4264807');
	});

	it('a Procore 403 on create fails the publish with Procore\'s message and how to grant "Webhooks API"', async () => {
		nock(API)
			.get(HOOKS)
			.query(true)
			.reply(200, { data: [] })
			.post(HOOKS)
			.reply(403, { error: { code: 'forbidden', message: 'You do not have permission to manage webhooks' } });
		const { ctx, state } = setup(projectParams());

		const error = await methods.create.call(ctx).catch((e: Error) => e);

		expect((error as Error).message).toContain('You do not have permission to manage webhooks');
		expect((error as { description?: string }).description).toMatch(/Webhooks API.*App Management|App Management.*Webhooks API/s);
		expect((error as { description?: string }).description).toContain('Standard');
		expect(state.hookId).toBeUndefined();
	});

	it('refuses an invalid namespace before calling Procore', async () => {
		const { ctx, requests } = setup(projectParams({ options: { namespace: 'My App' } }));
		await expect(methods.create.call(ctx)).rejects.toThrow('The namespace "My App" is not allowed by Procore');
		expect(requests).toHaveLength(0);
	});

	it('warns that Procore cannot reach a localhost URL, and registers anyway', async () => {
		const fake = new FakeWebhooksApi();
		fake.install();
		const url = 'http://localhost:5678/webhook/9f1c-procore/webhook';
		const { ctx, logs, state } = setup(projectParams(), {}, url);

		expect(await methods.create.call(ctx)).toBe(true);

		expect(state.urlWarning).toContain('WEBHOOK_URL');
		expect(logs.some((l) => l.startsWith('warn:') && l.includes('cannot reach localhost') && l.includes('N8N_WEBHOOK_URL'))).toBe(true);
		expect(fake.hooks.get(state.hookId!)!.destination_url).toBe(url);
	});

	describe('checkExists', () => {
		it('is false without a stored hook, without calling Procore', async () => {
			const { ctx, requests } = setup(projectParams());
			expect(await methods.checkExists.call(ctx)).toBe(false);
			expect(requests).toHaveLength(0);
		});

		it('is true when Procore still has the hook and its triggers', async () => {
			const fake = new FakeWebhooksApi();
			fake.install();
			const first = setup(projectParams());
			await methods.create.call(first.ctx);
			const again = setup(projectParams(), first.state);

			expect(await methods.checkExists.call(again.ctx)).toBe(true);
			expect(calls(again.requests)).toEqual([`GET ${HOOKS}/${first.state.hookId}`, `GET ${HOOKS}/${first.state.hookId}/triggers`]);
		});

		it('is false (and forgets the ids) when the hook was deleted in Procore, so n8n recreates it', async () => {
			const fake = new FakeWebhooksApi();
			fake.install();
			const first = setup(projectParams());
			await methods.create.call(first.ctx);
			fake.hooks.clear();

			const again = setup(projectParams(), first.state);
			expect(await methods.checkExists.call(again.ctx)).toBe(false);
			expect(again.state.hookId).toBeUndefined();

			await methods.create.call(again.ctx);
			expect(fake.hooksIn('101')).toHaveLength(1);
		});

		it('re-adds triggers removed in Procore', async () => {
			const fake = new FakeWebhooksApi();
			fake.install();
			const first = setup(projectParams());
			await methods.create.call(first.ctx);
			const hook = fake.hooks.get(first.state.hookId!)!;
			hook.triggers = hook.triggers.filter((t) => t.resource_name !== 'Submittals');

			const again = setup(projectParams(), first.state);
			expect(await methods.checkExists.call(again.ctx)).toBe(true);
			expect(hook.triggers).toHaveLength(4);
		});

		it('re-enables a hook Procore disabled after delivery failures, with a fresh secret (only its hash kept)', async () => {
			const fake = new FakeWebhooksApi();
			fake.install();
			const first = setup(projectParams());
			await methods.create.call(first.ctx);
			const hook = fake.hooks.get(first.state.hookId!)!;
			hook.status = 'disabled';
			const before = [...first.state.secretHashes!];

			const again = setup(projectParams(), first.state);
			expect(await methods.checkExists.call(again.ctx)).toBe(true);
			expect(hook.status).toBe('active');
			expect(hook.authorization).toMatch(/^Bearer [0-9a-f]{64}$/);
			expect(again.state.secretHashes).toEqual([sha256(hook.authorization)]);
			expect(again.state.secretHashes).not.toEqual(before);
		});

		it('is false when the parameters now name another project', async () => {
			const fake = new FakeWebhooksApi();
			fake.install();
			const first = setup(projectParams());
			await methods.create.call(first.ctx);
			const again = setup(projectParams({ project: { __rl: true, mode: 'id', value: '202' } }), first.state);
			expect(await methods.checkExists.call(again.ctx)).toBe(false);
		});
	});

	describe('delete', () => {
		it('bulk-deletes the triggers, deletes the hook and forgets the ids', async () => {
			const fake = new FakeWebhooksApi();
			fake.install();
			const first = setup(projectParams());
			await methods.create.call(first.ctx);
			const hookId = first.state.hookId!;
			const triggerIds = [...first.state.triggerIds!];
			const again = setup(projectParams(), first.state);

			expect(await methods.delete.call(again.ctx)).toBe(true);

			expect(calls(again.requests)).toEqual([`DELETE ${HOOKS}/${hookId}/triggers/bulk`, `DELETE ${HOOKS}/${hookId}`]);
			expect(again.requests[0].body).toEqual(triggerIds);
			expect(fake.hooks.size).toBe(0);
			expect(again.state.hookId).toBeUndefined();
			expect(again.state.secret).toBeUndefined();
		});

		it('finds the hook by its URL when a failed publish stored nothing', async () => {
			const fake = new FakeWebhooksApi();
			fake.install();
			fake.seedHook({ projectId: '101', destination_url: WEBHOOK_URL });
			const { ctx } = setup(projectParams());
			expect(await methods.delete.call(ctx)).toBe(true);
			expect(fake.hooks.size).toBe(0);
		});

		it('treats a hook already deleted in Procore as deleted', async () => {
			const fake = new FakeWebhooksApi();
			fake.install();
			const { ctx, state } = setup(projectParams(), { hookId: '123', triggerIds: ['1'], scopeKey: 'project:101', companyId: '4264807', secret: 's' });
			expect(await methods.delete.call(ctx)).toBe(true);
			expect(state.hookId).toBeUndefined();
		});
	});
});
