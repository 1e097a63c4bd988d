/**
 * The trigger's contract resources: events for Prime Contracts, Work Order Contracts and Direct
 * Costs are delivered, and "Fetch Full Record" (RECORD_ENDPOINTS) reads each record back.
 */
import { RECORD_ENDPOINTS } from '../../nodes/ProcoreTrigger/recordEndpoints';
import { PROJECT_RESOURCES } from '../../nodes/ProcoreTrigger/resourceNames';
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';
import type { EventReceiver } from './triggerEvents';
import { fetchLikeTrigger, hookProjectEvents, startEventReceiver } from './triggerEvents';

let sb: Sandbox;
let receiver: EventReceiver;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, webhookTimeScale: 0.001 });
	receiver = await startEventReceiver();
});
afterAll(async () => {
	await sb.stop();
	await receiver.close();
});

const RESOURCES = ['Prime Contracts', 'Work Order Contracts', 'Purchase Order Contracts', 'Direct Costs'];

it('lists the contract resources in the trigger and reads each record an event names', async () => {
	for (const r of RESOURCES) {
		expect(PROJECT_RESOURCES).toContain(r);
		expect(RECORD_ENDPOINTS[r]).toBeDefined();
	}
	const p = sb.seed.projects.tower;
	await hookProjectEvents(sb, receiver.url, 'n8n-contracts', RESOURCES, p);
	const woc = await call(sb, 'POST', '/rest/v1.0/work_order_contracts', { body: { project_id: p, work_order_contract: { title: 'Glazing', number: 'SC-077', vendor_id: sb.seed.vendors.steel } } });
	expect(woc.status).toBe(201);
	const dc = await call(sb, 'POST', `/rest/v1.0/projects/${p}/direct_costs`, {
		body: { item: { direct_cost_type: 'expense', vendor_id: sb.seed.vendors.concrete, direct_cost_date: '2026-09-05' } },
	});
	expect(dc.status).toBe(201);
	sb.uiEdit({ resource: 'Prime Contracts', action: 'update', project_id: p, id: sb.seed.primeContracts.tower, attributes: { status: 'Complete' } });
	await sb.dispatcher.idle();
	const event = (name: string) => receiver.got.find((e) => e.resource_name === name)!;
	expect(await fetchLikeTrigger(sb, event('Work Order Contracts'))).toMatchObject({ id: woc.body.id, number: 'SC-077', vendor: { id: sb.seed.vendors.steel } });
	expect(await fetchLikeTrigger(sb, event('Direct Costs'))).toMatchObject({ id: dc.body.id, direct_cost_type: 'expense' });
	expect(await fetchLikeTrigger(sb, event('Prime Contracts'))).toMatchObject({
		id: sb.seed.primeContracts.tower,
		status: 'Complete',
		grand_total: '84500000.00',
		revised_contract_amount: '84812500.00',
	});
});
