import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const DELIVERIES = '/rest/v1.0/webhooks/hooks/77/deliveries';

function delivery(id: number, ulid: string): string {
	// Raw text: the event id is a bare 19-digit integer, as Procore sends it.
	return `{"id":${id},"event_id":${id},"outcome":"discarded","started_at":"2026-05-01T00:00:00Z","completed_at":"2026-05-01T00:00:05Z","response_status":502,"response_error":"Bad Gateway","response_headers":{"content-type":"text/html","x-request-id":"r-${id}"},"response_body":"<h1>502 Bad Gateway</h1>","event":{"id":5982324300946918154,"ulid":"${ulid}","api_version":"v2.0","event_type":"update","resource_name":"RFIs","resource_id":444,"project_id":101,"company_id":4264807,"user_id":1,"timestamp":"t","metadata":{}}}`;
}

const params = (extra: IDataObject = {}) => ({
	resource: 'webhook',
	operation: 'getFailedDeliveries',
	company: { __rl: true, mode: 'id', value: '4264807' },
	webhookScope: 'project',
	project: { __rl: true, mode: 'id', value: '101' },
	hookId: '77',
	statuses: ['discarded'],
	returnAll: true,
	...extra,
});

afterEach(() => nock.cleanAll());

describe('Procore node: Webhook resource', () => {
	it('Get Deliveries pages with page_size/page_start and outputs each event in the trigger\'s shape', async () => {
		const page1 = `[${Array.from({ length: 100 }, (_, i) => delivery(i + 1, `U${i + 1}`)).join(',')}]`;
		nock(API)
			.get(DELIVERIES)
			.query({ project_id: '101', 'filters[status]': 'discarded', page_size: '100' })
			.reply(200, page1, { 'Content-Type': 'application/json' })
			.get(DELIVERIES)
			.query({ project_id: '101', 'filters[status]': 'discarded', page_size: '100', page_start: '100' })
			.reply(200, `[${delivery(101, 'U101')}]`, { 'Content-Type': 'application/json' });
		const requests: IHttpRequestOptions[] = [];

		const out = await runProcoreNode({ parameters: params(), requests });

		expect(out).toHaveLength(101);
		expect(requests).toHaveLength(2);
		expect(out[100].json).toMatchObject({
			event_id: '5982324300946918154',
			dedupe_key: 'U101',
			event_type: 'update',
			resource_name: 'RFIs',
			resource_id: '444',
			project_id: '101',
			delivery: {
				id: '101',
				hook_id: '77',
				status: 'discarded',
				outcome: 'discarded',
				response_status: 502,
				response_error: 'Bad Gateway',
				response_headers: { 'content-type': 'text/html', 'x-request-id': 'r-101' },
				response_body: '<h1>502 Bad Gateway</h1>',
			},
		});
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(nock.isDone()).toBe(true);
	});

	it('reads failing and discarded deliveries of a company hook and honours the limit', async () => {
		nock(API)
			.get(DELIVERIES)
			.query({ company_id: '4264807', 'filters[status]': 'failing', page_size: '3' })
			.reply(200, `[${delivery(1, 'A')},${delivery(2, 'B')}]`, { 'Content-Type': 'application/json' })
			.get(DELIVERIES)
			.query({ company_id: '4264807', 'filters[status]': 'discarded', page_size: '1' })
			.reply(200, `[${delivery(3, 'C')}]`, { 'Content-Type': 'application/json' });
		const out = await runProcoreNode({
			parameters: params({ webhookScope: 'company', statuses: ['failing', 'discarded'], returnAll: false, limit: 3 }),
		});
		expect(out.map((o) => [o.json.dedupe_key, (o.json.delivery as IDataObject).status])).toEqual([
			['A', 'failing'],
			['B', 'failing'],
			['C', 'discarded'],
		]);
		expect(nock.isDone()).toBe(true);
	});

	it('refuses a hook id that is not a number before calling Procore', async () => {
		const requests: IHttpRequestOptions[] = [];
		await expect(runProcoreNode({ parameters: params({ hookId: 'abc' }), requests })).rejects.toThrow('Hook ID "abc" is not a Procore ID');
		expect(requests).toHaveLength(0);
	});

	it('Get Many Hooks lists a scope\'s hooks by namespace, with the status and trigger count only v2.0 gives', async () => {
		const hook = { id: '77', status: 'disabled', trigger_count: 2, payload_version: 'v4.0', namespace: 'n8n-nodes-procore', destination_url: 'https://n8n.example.com/webhook/x/webhook', company_id: '4264807', project_id: '101', updated_at: '2026-03-01T10:00:00Z', destination_headers: {} };
		nock(API)
			.get('/rest/v2.0/companies/4264807/projects/101/webhooks/hooks')
			.query((q) => q.namespace === 'n8n-nodes-procore' && q.include_trigger_count === 'true')
			.reply(200, { data: [hook] });
		const out = await runProcoreNode({
			parameters: { resource: 'webhook', operation: 'getHooks', company: { __rl: true, mode: 'id', value: '4264807' }, webhookScope: 'project', project: { __rl: true, mode: 'id', value: '101' }, namespace: 'n8n-nodes-procore', output: 'simplified' },
		});
		const { destination_headers: _headers, ...simplified } = hook;
		expect(out.map((o) => o.json)).toEqual([simplified]);
	});

	it('Get Many Hooks of the company reads the company\'s v2.0 list', async () => {
		nock(API)
			.get('/rest/v2.0/companies/4264807/webhooks/hooks')
			.query((q) => q.include_trigger_count === 'true' && q.namespace === undefined)
			.reply(200, { data: [{ id: '78', status: 'active', trigger_count: 0 }] });
		const out = await runProcoreNode({
			parameters: { resource: 'webhook', operation: 'getHooks', company: { __rl: true, mode: 'id', value: '4264807' }, webhookScope: 'company', namespace: '', output: 'raw' },
		});
		expect(out.map((o) => o.json)).toEqual([{ id: '78', status: 'active', trigger_count: 0 }]);
	});
});
