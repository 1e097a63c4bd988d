/**
 * Issue 22, the trigger's findings: ids in a delivery are data, not instructions (3); the webhook
 * secret is stored as its SHA-256 only and rotated when a hook is written again (4); a hook-create
 * answer without an id, the loop guard and hooks set up by another n8n process (9).
 */
import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { formatAuditTag } from '../../../nodes/Procore/helpers/write';
import { ProcoreTrigger } from '../../../nodes/ProcoreTrigger/ProcoreTrigger.node';
import type { TriggerState } from '../../../nodes/ProcoreTrigger/staticData';
import { API, FakeWebhooksApi } from '../../helpers/fakeWebhooksApi';
import { calls, createHookContext, createWebhookContext } from '../../helpers/triggerContext';

const node = new ProcoreTrigger();
const methods = node.webhookMethods.default;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const AUTH = `Bearer ${'b'.repeat(64)}`;
/** A state as the trigger keeps it now: the hash of the Authorization value, no secret. */
const projectState = (): IDataObject => ({ secretHashes: [sha256(AUTH)], registrationId: 'r1', scopeKey: 'project:101', companyId: '4264807', hookId: '77' });

function event(overrides: IDataObject = {}): string {
	return JSON.stringify({
		id: 1,
		ulid: `U-${Math.random()}`,
		timestamp: '2026-05-01T12:00:00Z',
		metadata: {},
		user_id: 1,
		company_id: 4264807,
		project_id: 101,
		api_version: 'v2.0',
		event_type: 'update',
		resource_name: 'RFIs',
		resource_id: 444,
		...overrides,
	});
}

function deliver(state: IDataObject, rawBody: string, parameters: IDataObject = {}, authorization = AUTH) {
	const requests: IHttpRequestOptions[] = [];
	const { ctx, response } = createWebhookContext({
		parameters: { scope: 'project', resources: ['RFIs'], events: ['create', 'update'], options: { fetchRecord: true }, ...parameters },
		staticData: state,
		requests,
		request: { headers: { authorization, 'content-type': 'application/json' }, rawBody },
	});
	return { run: () => node.webhook.call(ctx), response, requests };
}

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

describe('finding 3: the delivery\'s ids do not steer the trigger', () => {
	it('Fetch Full Record reads with the trigger\'s own company, never the one the delivery names', async () => {
		const d = deliver(projectState(), event({ company_id: 999 }));
		const [[item]] = (await d.run()).workflowData!;
		expect(d.requests).toEqual([]);
		expect(item.json.record_error).toMatch(/names company 999, but this trigger belongs to company 4264807/);
	});

	it('a project the trigger does not listen to is not read', async () => {
		const d = deliver(projectState(), event({ project_id: 202 }));
		const [[item]] = (await d.run()).workflowData!;
		expect(d.requests).toEqual([]);
		expect(item.json.record_error).toMatch(/project 202, which this trigger does not listen to/);
	});

	it('a resource id that is not a Procore id is not put in a path', async () => {
		const d = deliver(projectState(), event({ resource_id: '444/../../../users' }));
		const [[item]] = (await d.run()).workflowData!;
		expect(d.requests).toEqual([]);
		expect(item.json.record_error).toMatch(/is not a Procore ID/);
	});

	it('its own project and company are read, with the company header pinned', async () => {
		nock(API, { reqheaders: { 'procore-company-id': '4264807' } }).get('/rest/v1.0/projects/101/rfis/444').reply(200, { id: 444 });
		const [[item]] = (await deliver(projectState(), event()).run()).workflowData!;
		expect(item.json.record).toEqual({ id: 444 });
	});

	it.each([['1001/webhooks/hooks'], ['99999']])('All Projects: a Projects event for %s (not a project of the company) writes nothing', async (resourceId) => {
		const fake = new FakeWebhooksApi();
		fake.addProjects(2);
		fake.install();
		const state: IDataObject = {};
		// All projects, inactive ones too: no project read would stop the id before a write.
		const parameters = { company: { __rl: true, mode: 'id', value: '4264807' }, scope: 'allProjects', projectStatus: 'all', projectIds: '', resources: ['RFIs'], events: ['create'], payloadVersion: 'v2.0', options: {} };
		const h = createHookContext({ parameters, staticData: state });
		await methods.create.call(h);
		const auth = fake.hooks.get(String(state.companyHookId))!.authorization;
		const before = fake.hooks.size;
		const d = deliver(state, event({ resource_name: 'Projects', event_type: 'create', resource_id: resourceId, project_id: undefined }), parameters, auth);
		await d.run();
		expect(calls(d.requests).filter((c) => !c.startsWith('GET'))).toEqual([]);
		expect(fake.hooks.size).toBe(before);
	});
});

describe('finding 4: only the SHA-256 of the secret is stored', () => {
	it('a delivery is accepted against the stored hash', async () => {
		nock(API).get('/rest/v1.0/projects/101/rfis/444').reply(200, { id: 444 });
		const d = deliver(projectState(), event());
		const result = await d.run();
		expect(d.response.statusCode).not.toBe(401);
		expect(result.workflowData).toHaveLength(1);
	});

	it('a wrong secret is refused against the hash', async () => {
		const d = deliver(projectState(), event(), {}, `Bearer ${'c'.repeat(64)}`);
		await d.run();
		expect(d.response.statusCode).toBe(401);
	});

	it('publishing stores no secret, and a hook written again gets a fresh one', async () => {
		const fake = new FakeWebhooksApi();
		fake.install();
		const state: IDataObject = {};
		const params = { company: { __rl: true, mode: 'id', value: '4264807' }, scope: 'project', project: { __rl: true, mode: 'id', value: '101' }, resources: ['RFIs'], events: ['create'], payloadVersion: 'v2.0', options: {} };
		await methods.create.call(createHookContext({ parameters: params, staticData: state }));
		const hook = fake.hooks.get(String(state.hookId))!;
		const first = hook.authorization;
		expect(JSON.stringify(state)).not.toContain(first.slice('Bearer '.length));
		expect(state.secretHashes).toEqual([sha256(first)]);
		hook.status = 'disabled';
		expect(await methods.checkExists.call(createHookContext({ parameters: params, staticData: state }))).toBe(true);
		expect(hook.authorization).not.toBe(first);
		expect(state.secretHashes).toEqual([sha256(hook.authorization)]);
	});
});

describe('finding 9: robustness', () => {
	it('a hook-create answer without an id fails the publish and stores no hook "undefined"', async () => {
		const HOOKS = '/rest/v2.0/companies/4264807/projects/101/webhooks/hooks';
		nock(API).get(HOOKS).query(true).reply(200, { data: [] }).post(HOOKS).reply(201, { data: { destination_url: 'x' } });
		const state: IDataObject = {};
		const requests: IHttpRequestOptions[] = [];
		const h = createHookContext({
			parameters: { company: { __rl: true, mode: 'id', value: '4264807' }, scope: 'project', project: { __rl: true, mode: 'id', value: '101' }, resources: ['RFIs'], events: ['create'], payloadVersion: 'v2.0', options: {} },
			staticData: state,
			requests,
		});
		await expect(methods.create.call(h)).rejects.toThrow(/returned no hook id/);
		expect(state.hookId).toBeUndefined();
		expect(calls(requests).some((c) => c.includes('undefined'))).toBe(false);
	});

	it('the loop guard drops a create by this n8n instance only; another instance\'s is delivered', async () => {
		const tag = (instanceId: string) => formatAuditTag({ source: 'n8n', instanceId, workflowId: 'w', executionId: 'e', node: 'Procore', agent: false });
		nock(API).get('/rest/v1.0/projects/101/rfis/444').reply(200, { id: 444, origin_data: tag('another-instance') });
		const other = await deliver(projectState(), event({ event_type: 'create' })).run();
		expect(other.workflowData?.[0][0].json.record).toMatchObject({ id: 444 });
		nock(API).get('/rest/v1.0/projects/101/rfis/444').reply(200, { id: 444, origin_data: tag('instance-unit') });
		const own = await deliver(projectState(), event({ event_type: 'create' })).run();
		expect(own.workflowData).toBeUndefined();
	});

	it('All Projects: unpublish deletes a project hook another n8n process set up (absent from this state)', async () => {
		const fake = new FakeWebhooksApi();
		fake.addProjects(3);
		fake.install();
		const state: IDataObject = {};
		const params = { company: { __rl: true, mode: 'id', value: '4264807' }, scope: 'allProjects', projectStatus: 'active', projectIds: '', resources: ['RFIs'], events: ['create'], payloadVersion: 'v2.0', options: {} };
		await methods.create.call(createHookContext({ parameters: params, staticData: state }));
		// Another process set up project 1002's hook again after a repair, and its static data won:
		// this state no longer knows that hook.
		const hooks = state.projectHooks as Record<string, string>;
		delete hooks['1002'];
		expect(fake.hooksIn('1002')).toHaveLength(1);
		expect(await methods.delete.call(createHookContext({ parameters: params, staticData: state }))).toBe(true);
		expect(fake.hooks.size).toBe(0);
	});
});

// Keep the type import used (the state shape these tests build).
export type { TriggerState };
