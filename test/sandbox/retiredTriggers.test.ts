/**
 * Procore stopped `update` events on Project Users / Project Vendors on 2026-06-30 (procore-api.md
 * §2.5). Whether it now refuses a trigger on such a pair or stores it and stays silent is
 * UNCONFIRMED, so config `retiredTriggers` plays both: 'refuse' (422 naming the replacement, nothing
 * stored) and 'accept' (stored, never delivered). Create and delete of the same resources go on.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { TRIGGERS } from '../../sandbox/webhooks/dispatcher';
import { call } from './helpers';
import { startEventReceiver, type EventReceiver } from './triggerEvents';

let sb: Sandbox;
let rx: EventReceiver;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, webhookTimeScale: 0.001 });
	rx = await startEventReceiver();
});
afterAll(async () => {
	await sb.stop();
	await rx.close();
});
beforeEach(() => {
	// reset keeps the config: each test starts from the default.
	sb.config({ retiredTriggers: 'refuse' });
	sb.reset();
	rx.got.length = 0;
});

const V2 = () => `/rest/v2.0/companies/${sb.companyId}/projects/${sb.seed.projects.tower}/webhooks/hooks`;

async function projectHook(): Promise<string> {
	const hook = await call(sb, 'POST', V2(), { body: { namespace: 'n8n-retired', payload_version: 'v2.0', destination_url: rx.url } });
	expect(hook.status).toBe(201);
	return String((hook.body as { data: { id: string } }).data.id);
}

const stored = () => sb.store.list(TRIGGERS).map((t) => `${String(t.resource_name)} ${String(t.event_type)}`).sort();

/** A vendor of the company added to the tower's directory, then renamed there, then removed. */
async function vendorLifecycle(): Promise<string[]> {
	const project = sb.seed.projects.tower;
	const vendor = sb.uiEdit({ resource: 'Company Vendors', action: 'create', attributes: { name: 'Cascade Glazing', is_active: true } });
	sb.uiEdit({ resource: 'Project Vendors', action: 'create', project_id: project, attributes: { id: vendor.id } });
	sb.uiEdit({ resource: 'Project Vendors', action: 'update', project_id: project, id: vendor.id, attributes: { name: 'Cascade Glazing Inc.' } });
	sb.uiEdit({ resource: 'Project Vendors', action: 'delete', project_id: project, id: vendor.id });
	await sb.dispatcher.idle();
	return rx.got.map((e) => `${String(e.resource_name)} ${String(e.event_type)}`);
}

describe('sandbox: triggers on pairs Procore retired (config retiredTriggers)', () => {
	it("'refuse' (the default): a single create is a 422 with Procore-like text; a bulk create stores the others and reports the pair (207)", async () => {
		expect(sb.config({}).retiredTriggers).toBe('refuse');
		const hookId = await projectHook();
		const one = await call(sb, 'POST', `${V2()}/${hookId}/triggers`, { body: { resource_name: 'Project Vendors', event_type: 'update' } });
		expect(one.status).toBe(422);
		expect(JSON.stringify(one.body)).toContain('Project Vendors update events are no longer supported since 2026-06-30. Use Company Vendors update events instead.');
		expect(stored()).toEqual([]);

		const bulk = await call(sb, 'POST', `${V2()}/${hookId}/triggers/bulk`, {
			body: ['create', 'update', 'delete'].map((event_type) => ({ resource_name: 'Project Users', event_type })),
		});
		expect(bulk.status).toBe(207);
		expect(JSON.stringify((bulk.body as { errors: unknown[] }).errors)).toContain('Use Company Users update events instead.');
		expect(stored()).toEqual(['Project Users create', 'Project Users delete']);
	});

	it("'refuse': create and delete of Project Vendors are still delivered", async () => {
		const hookId = await projectHook();
		await call(sb, 'POST', `${V2()}/${hookId}/triggers/bulk`, {
			body: ['create', 'delete'].map((event_type) => ({ resource_name: 'Project Vendors', event_type })),
		});
		expect(await vendorLifecycle()).toEqual(['Project Vendors create', 'Project Vendors delete']);
	});

	it("'accept': the trigger is stored (201) but its events are never delivered; the same resource's create and delete are", async () => {
		sb.config({ retiredTriggers: 'accept' });
		const hookId = await projectHook();
		const bulk = await call(sb, 'POST', `${V2()}/${hookId}/triggers/bulk`, {
			body: ['create', 'update', 'delete'].map((event_type) => ({ resource_name: 'Project Vendors', event_type })),
		});
		expect(bulk.status).toBe(201);
		expect(stored()).toEqual(['Project Vendors create', 'Project Vendors delete', 'Project Vendors update']);
		expect(await vendorLifecycle()).toEqual(['Project Vendors create', 'Project Vendors delete']);
	});

	it('the company-scope replacement, Company Vendors update, is delivered for a vendor change', async () => {
		const hook = await call(sb, 'POST', `/rest/v2.0/companies/${sb.companyId}/webhooks/hooks`, {
			body: { namespace: 'n8n-retired', payload_version: 'v2.0', destination_url: rx.url },
		});
		const hookId = String((hook.body as { data: { id: string } }).data.id);
		const made = await call(sb, 'POST', `/rest/v2.0/companies/${sb.companyId}/webhooks/hooks/${hookId}/triggers`, {
			body: { resource_name: 'Company Vendors', event_type: 'update' },
		});
		expect(made.status).toBe(201);
		const vendor = sb.uiEdit({ resource: 'Company Vendors', action: 'create', attributes: { name: 'Cascade Glazing', is_active: true } });
		sb.uiEdit({ resource: 'Company Vendors', action: 'update', id: vendor.id, attributes: { name: 'Cascade Glazing Inc.' } });
		await sb.dispatcher.idle();
		expect(rx.got.map((e) => `${String(e.resource_name)} ${String(e.event_type)} ${String(e.resource_id)}`)).toEqual([`Company Vendors update ${vendor.id}`]);
	});
});
