import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { formatAuditTag } from '../../../nodes/Procore/helpers/write';
import { DEDUPE_MAX_KEYS, seenBefore } from '../../../nodes/ProcoreTrigger/dedupe';
import { ProcoreTrigger } from '../../../nodes/ProcoreTrigger/ProcoreTrigger.node';
import type { TriggerState } from '../../../nodes/ProcoreTrigger/staticData';
import { API } from '../../helpers/fakeWebhooksApi';
import { createWebhookContext } from '../../helpers/triggerContext';

const node = new ProcoreTrigger();
const SECRET = 'a'.repeat(64);

function v2Body(overrides: IDataObject = {}): string {
	const event = {
		id: '__ID__',
		ulid: '01HZX0V6Q2JQ8A6C7F1M3K9T2B',
		timestamp: '2026-05-01T12:00:00.123456Z',
		metadata: { source_user_id: 111, source_company_id: 4264807, source_project_id: 101, source_operation_id: null, source_application_id: 'another-app' },
		user_id: 111,
		company_id: 4264807,
		project_id: 101,
		api_version: 'v2.0',
		event_type: 'update',
		resource_name: 'RFIs',
		resource_id: 444,
		...overrides,
	};
	// The event id is written as a bare 19-digit integer, exactly as Procore sends it.
	return JSON.stringify(event).replace('"__ID__"', '5982324300946918154');
}

function deliver(options: {
	rawBody: string;
	authorization?: string | null;
	parameters?: IDataObject;
	state?: IDataObject;
	requests?: IHttpRequestOptions[];
}) {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (options.authorization !== null) headers.Authorization = options.authorization ?? `Bearer ${SECRET}`;
	const staticData = options.state ?? { secret: SECRET, scopeKey: 'project:101', companyId: '4264807', hookId: '77' };
	const { ctx, response } = createWebhookContext({
		parameters: { scope: 'project', resources: ['RFIs'], events: ['create', 'update'], options: {}, ...options.parameters },
		staticData,
		requests: options.requests,
		request: { headers, rawBody: options.rawBody },
	});
	return { run: () => node.webhook.call(ctx), response, state: staticData as TriggerState };
}

afterEach(() => nock.cleanAll());

describe('Procore Trigger: receiving a delivery', () => {
	it('starts the workflow with the event in the documented shape when the secret matches', async () => {
		const { run, response } = deliver({ rawBody: v2Body(), parameters: { options: { fetchRecord: false } } });
		const result = await run();

		expect(response.sends).toBe(0); // n8n acknowledges as soon as the execution is queued
		expect(result.noWebhookResponse).toBeUndefined();
		const [[item]] = result.workflowData!;
		expect(item.json).toEqual({
			event_id: '5982324300946918154',
			dedupe_key: '01HZX0V6Q2JQ8A6C7F1M3K9T2B',
			event_type: 'update',
			resource_name: 'RFIs',
			resource_id: '444',
			project_id: '101',
			company_id: '4264807',
			user_id: '111',
			timestamp: '2026-05-01T12:00:00.123456Z',
			payload_version: 'v2.0',
			related_resources: [],
			source_application_id: 'another-app',
			source_user_id: '111',
			source_operation_id: '',
			raw: expect.objectContaining({ id: '5982324300946918154', resource_id: 444 }),
		});
	});

	it('keeps the 19-digit event id exact (a plain JSON.parse would round it)', async () => {
		expect(String(JSON.parse(v2Body()).id)).not.toBe('5982324300946918154');
		const { run } = deliver({ rawBody: v2Body() });
		const [[item]] = (await run()).workflowData!;
		expect(item.json.event_id).toBe('5982324300946918154');
		expect((item.json.raw as IDataObject).id).toBe('5982324300946918154');
	});

	it.each([
		['a forged secret', 'Bearer forged'],
		['the secret without its scheme', SECRET],
		['no Authorization header', null],
	])('answers 401 and starts nothing for %s', async (_label, authorization) => {
		const { run, response, state } = deliver({ rawBody: v2Body(), authorization });
		const result = await run();
		expect(response.statusCode).toBe(401);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(state.recentEvents).toBeUndefined();
	});

	it('answers 401 to everything when no secret is stored (never registered)', async () => {
		const { run, response } = deliver({ rawBody: v2Body(), authorization: 'Bearer ', state: {} });
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(401);
	});

	it('answers 400 to a body that is not one JSON event', async () => {
		const { run, response } = deliver({ rawBody: '[1,2]' });
		expect((await run()).workflowData).toBeUndefined();
		expect(response.statusCode).toBe(400);
	});

	it('drops a redelivery of the same ulid with a 200, so Procore stops retrying', async () => {
		const state: IDataObject = { secret: SECRET };
		const first = await deliver({ rawBody: v2Body(), state }).run();
		const again = deliver({ rawBody: v2Body({ id: 1 }), state });
		const second = await again.run();
		expect(first.workflowData).toHaveLength(1);
		expect(second.workflowData).toBeUndefined();
		expect(again.response.statusCode).toBe(200);
		expect(again.response.body).toEqual({ received: true, ignored: 'duplicate delivery' });
	});

	it('deduplicates v4.0 events on their id', async () => {
		const state: IDataObject = { secret: SECRET };
		const v4 = JSON.stringify({ id: '01J0V4EVENT', timestamp: 't', reason: 'update', company_id: '1', project_id: '2', user_id: '3', resource_type: 'RFIs', resource_id: '4' });
		expect((await deliver({ rawBody: v4, state }).run()).workflowData).toHaveLength(1);
		expect((await deliver({ rawBody: v4, state }).run()).workflowData).toBeUndefined();
	});

	describe('deduplication window', () => {
		it('keeps at most the last 1,000 keys', () => {
			const state: TriggerState = {};
			for (let i = 0; i < DEDUPE_MAX_KEYS + 250; i++) seenBefore(state, `key-${i}`, 1_000_000);
			expect(state.recentEvents).toHaveLength(DEDUPE_MAX_KEYS);
			expect(seenBefore(state, 'key-0', 1_000_000)).toBe(false); // pushed out
			expect(seenBefore(state, `key-${DEDUPE_MAX_KEYS + 249}`, 1_000_000)).toBe(true);
		});

		it('catches a duplicate that arrives before n8n has saved the static data of its original', () => {
			const t0 = Date.UTC(2026, 4, 1);
			// n8n loads static data per delivery: the duplicate's copy does not hold the original's key yet.
			expect(seenBefore({}, 'ulid-1', t0, 'wf-1:Procore Trigger:secret')).toBe(false);
			expect(seenBefore({}, 'ulid-1', t0 + 300, 'wf-1:Procore Trigger:secret')).toBe(true);
			// Another trigger (workflow, node or registration) keeps its own memory.
			expect(seenBefore({}, 'ulid-1', t0, 'wf-2:Procore Trigger:secret')).toBe(false);
			expect(seenBefore({}, 'ulid-1', t0 + 48 * 3600_000, 'wf-1:Procore Trigger:secret')).toBe(false);
		});

		it('forgets keys older than 24 hours', () => {
			const state: TriggerState = {};
			const t0 = Date.UTC(2026, 4, 1);
			seenBefore(state, 'old', t0);
			expect(seenBefore(state, 'old', t0 + 23 * 3600_000)).toBe(true);
			expect(seenBefore(state, 'old', t0 + 48 * 3600_000)).toBe(false);
		});
	});

	describe('loop guard', () => {
		it('drops events caused by this credential\'s own app (on by default)', async () => {
			const { run, response } = deliver({ rawBody: v2Body({ metadata: { source_application_id: 'sandbox-client-id' } }) });
			const result = await run();
			expect(result.workflowData).toBeUndefined();
			expect(response.body).toEqual({ received: true, ignored: 'own change' });
		});

		it('lets them through when turned off', async () => {
			const { run } = deliver({
				rawBody: v2Body({ metadata: { source_application_id: 'sandbox-client-id' } }),
				parameters: { options: { ignoreOwnChanges: false } },
			});
			expect((await run()).workflowData).toHaveLength(1);
		});

		it('drops a created record that carries this package\'s audit tag of this n8n instance (with Fetch Full Record)', async () => {
			const tag = formatAuditTag({ source: 'n8n', instanceId: 'instance-unit', workflowId: 'w', executionId: 'e', node: 'Procore', agent: false });
			nock(API).get('/rest/v1.0/projects/101/rfis/444').reply(200, { id: 444, subject: 'Anchor', origin_data: tag });
			const { run, response } = deliver({ rawBody: v2Body({ event_type: 'create' }), parameters: { options: { fetchRecord: true } } });
			const result = await run();
			expect(result).toEqual({ noWebhookResponse: true });
			expect(response.statusCode).toBe(200);
			expect(nock.isDone()).toBe(true);
		});

		it('delivers a record created by ANOTHER n8n instance with this package (issue 22, finding 9)', async () => {
			const tag = formatAuditTag({ source: 'n8n', instanceId: 'another-instance', workflowId: 'w', executionId: 'e', node: 'Procore', agent: false });
			nock(API).get('/rest/v1.0/projects/101/rfis/444').reply(200, { id: 444, subject: 'Anchor', origin_data: tag });
			const { run } = deliver({ rawBody: v2Body({ event_type: 'create' }), parameters: { options: { fetchRecord: true } } });
			const [[item]] = (await run()).workflowData!;
			expect(item.json.record).toMatchObject({ id: 444, origin_data: tag });
		});
	});

	describe('Fetch Full Record', () => {
		it('is on unless turned off, so a first (test) event already holds the whole record', async () => {
			nock(API).get('/rest/v1.0/projects/101/rfis/444').reply(200, { id: 444, subject: 'Curtain wall anchor', status: 'open' });
			const result = await deliver({ rawBody: v2Body() }).run();
			const [[item]] = result.workflowData!;
			expect(item.json.record).toEqual({ id: 444, subject: 'Curtain wall anchor', status: 'open' });
			expect(nock.isDone()).toBe(true);
		});

		it('acknowledges first, then reads the record and outputs it beside the event', async () => {
			const requests: IHttpRequestOptions[] = [];
			let acknowledgedBeforeFetch = false;
			const d = deliver({ rawBody: v2Body(), parameters: { options: { fetchRecord: true } }, requests });
			nock(API)
				.get('/rest/v1.0/projects/101/rfis/444')
				.reply(() => {
					acknowledgedBeforeFetch = d.response.sends === 1 && d.response.statusCode === 200;
					return [200, { id: 444, subject: 'Curtain wall anchor', status: 'open' }];
				});
			const result = await d.run();

			expect(acknowledgedBeforeFetch).toBe(true);
			expect(result.noWebhookResponse).toBe(true);
			const [[item]] = result.workflowData!;
			expect(item.json.record).toEqual({ id: 444, subject: 'Curtain wall anchor', status: 'open' });
			expect((requests[0].headers as IDataObject)['Procore-Company-Id']).toBe('4264807');
		});

		it('still runs with record_error when Procore cannot return the record', async () => {
			nock(API).get('/rest/v1.0/projects/101/rfis/444').reply(404, { errors: 'Not found' });
			const { run } = deliver({ rawBody: v2Body(), parameters: { options: { fetchRecord: true } } });
			const [[item]] = (await run()).workflowData!;
			expect(item.json.record).toBeUndefined();
			expect(item.json.record_error).toContain('Not found');
		});

		it('does not fetch deleted records or resources it does not cover', async () => {
			const del = await deliver({ rawBody: v2Body({ event_type: 'delete' }), parameters: { options: { fetchRecord: true } } }).run();
			expect(del.workflowData![0][0].json.record_error).toContain('deleted');
			const other = await deliver({
				rawBody: v2Body({ resource_name: 'Drawing Areas', ulid: 'other' }),
				parameters: { options: { fetchRecord: true } },
			}).run();
			expect(other.workflowData![0][0].json.record_error).toContain('does not cover "Drawing Areas"');
		});

		it('reads the whole change order of a Change Order Packages event (commitment and prime contract change orders too)', async () => {
			nock(API).get('/rest/v1.0/change_order_packages/77').query({ project_id: '101' }).reply(200, { id: 77, status: 'approved', grand_total: '6400.00' });
			const { run } = deliver({ rawBody: v2Body({ resource_name: 'Change Order Packages', resource_id: 77, ulid: 'cop' }), parameters: { options: { fetchRecord: true } } });
			const [[item]] = (await run()).workflowData!;
			expect(item.json.record).toEqual({ id: 77, status: 'approved', grand_total: '6400.00' });
		});

		it('reads a potential change order from the project\'s list by id (its show needs a contract id the event lacks)', async () => {
			nock(API)
				.get('/rest/v1.0/potential_change_orders')
				.query({ project_id: '101', 'filters[id]': '77' })
				.reply(200, [{ id: 77, contract_id: 8001, status: 'pending', grand_total: '19200.00' }]);
			const { run } = deliver({ rawBody: v2Body({ resource_name: 'Potential Change Orders', resource_id: 77, ulid: 'pco' }), parameters: { options: { fetchRecord: true } } });
			const [[item]] = (await run()).workflowData!;
			expect(item.json.record).toEqual({ id: 77, contract_id: 8001, status: 'pending', grand_total: '19200.00' });
		});

		it('reads query-scoped endpoints with their scope parameter', async () => {
			nock(API).get('/rest/v1.1/change_events/9').query({ project_id: '101' }).reply(200, { id: 9 });
			const { run } = deliver({ rawBody: v2Body({ resource_name: 'Change Events', resource_id: 9 }), parameters: { options: { fetchRecord: true } } });
			const [[item]] = (await run()).workflowData!;
			expect(item.json.record).toEqual({ id: 9 });
		});

		it('reads a drawing as its current revision (Procore has no GET of one drawing)', async () => {
			nock(API)
				.get('/rest/v1.0/projects/101/drawing_revisions')
				.query({ drawing_id: '31' })
				.reply(200, [
					{ id: 310, drawing_id: 31, revision_number: '1', current: false },
					{ id: 311, drawing_id: 31, revision_number: '2', current: true, number: 'A-101' },
				]);
			const { run } = deliver({ rawBody: v2Body({ resource_name: 'Drawings', resource_id: 31 }), parameters: { options: { fetchRecord: true } } });
			const [[item]] = (await run()).workflowData!;
			expect(item.json.record).toMatchObject({ id: 311, number: 'A-101', current: true });
			nock(API).get('/rest/v1.0/projects/101/drawing_revisions').query({ drawing_id: '32' }).reply(200, []);
			const none = deliver({ rawBody: v2Body({ resource_name: 'Drawings', resource_id: 32, ulid: 'drawing-32' }), parameters: { options: { fetchRecord: true } } });
			const [[missing]] = (await none.run()).workflowData!;
			expect(missing.json.record_error).toBe('Procore lists no drawings 32 in project 101.');
		});
	});
});
