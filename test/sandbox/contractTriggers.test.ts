/**
 * The trigger's contract resources: events for Prime Contracts, Work Order Contracts and Direct
 * Costs are delivered, and "Fetch Full Record" (RECORD_ENDPOINTS) reads each record back.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import { RECORD_ENDPOINTS } from '../../nodes/ProcoreTrigger/recordEndpoints';
import { PROJECT_RESOURCES } from '../../nodes/ProcoreTrigger/resourceNames';
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

let sb: Sandbox;
let server: http.Server;
const got: Array<Record<string, unknown>> = [];
let url = '';

beforeAll(async () => {
	sb = await startSandbox({ port: 0, webhookTimeScale: 0.001 });
	server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (c) => (raw += c));
		req.on('end', () => {
			got.push(JSON.parse(raw) as Record<string, unknown>);
			res.writeHead(204).end();
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
	await sb.stop();
	await new Promise<void>((r) => server.close(() => r()));
});

const RESOURCES = ['Prime Contracts', 'Work Order Contracts', 'Purchase Order Contracts', 'Direct Costs'];

async function fetchLikeTrigger(event: Record<string, unknown>) {
	const endpoint = RECORD_ENDPOINTS[String(event.resource_name)];
	const values: Record<string, string> = { company_id: String(sb.companyId), project_id: String(event.project_id), id: String(event.resource_id) };
	const qs = new URLSearchParams();
	for (const key of endpoint.query ?? []) qs.set(key, values[key]);
	const path = endpoint.path.replace(/\{(\w+)\}/g, (_, k: string) => values[k]);
	const res = await call(sb, 'GET', `${path}${qs.size ? `?${qs}` : ''}`);
	expect(res.status).toBe(200);
	return res.body as Record<string, unknown>;
}

it('lists the contract resources in the trigger and reads each record an event names', async () => {
	for (const r of RESOURCES) {
		expect(PROJECT_RESOURCES).toContain(r);
		expect(RECORD_ENDPOINTS[r]).toBeDefined();
	}
	const p = sb.seed.projects.tower;
	const h = await call(sb, 'POST', '/rest/v1.0/webhooks/hooks', { body: { project_id: p, hook: { api_version: 'v2', namespace: 'n8n-contracts', destination_url: url } } });
	await call(sb, 'POST', `/rest/v1.0/webhooks/hooks/${h.body.id}/triggers/bulk`, {
		body: { project_id: p, api_version: 'v2', triggers: RESOURCES.flatMap((r) => ['create', 'update'].map((e) => ({ resource_name: r, event_type: e }))) },
	});
	const woc = await call(sb, 'POST', '/rest/v1.0/work_order_contracts', { body: { project_id: p, work_order_contract: { title: 'Glazing', number: 'SC-077', vendor_id: sb.seed.vendors.steel } } });
	expect(woc.status).toBe(201);
	const dc = await call(sb, 'POST', `/rest/v1.0/projects/${p}/direct_costs`, {
		body: { item: { direct_cost_type: 'expense', vendor_id: sb.seed.vendors.concrete, direct_cost_date: '2026-09-05' } },
	});
	expect(dc.status).toBe(201);
	sb.uiEdit({ resource: 'Prime Contracts', action: 'update', project_id: p, id: sb.seed.primeContracts.tower, attributes: { status: 'Complete' } });
	await sb.dispatcher.idle();
	const event = (name: string) => got.find((e) => e.resource_name === name)!;
	expect(await fetchLikeTrigger(event('Work Order Contracts'))).toMatchObject({ id: woc.body.id, number: 'SC-077', vendor: { id: sb.seed.vendors.steel } });
	expect(await fetchLikeTrigger(event('Direct Costs'))).toMatchObject({ id: dc.body.id, direct_cost_type: 'expense' });
	expect(await fetchLikeTrigger(event('Prime Contracts'))).toMatchObject({
		id: sb.seed.primeContracts.tower,
		status: 'Complete',
		grand_total: '84500000.00',
		revised_contract_amount: '84812500.00',
	});
});
