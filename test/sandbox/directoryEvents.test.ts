/**
 * A person adding a vendor to a project's directory in Procore's web app (ui-edit on "Project
 * Vendors"): the entry is the company's vendor under its own id, the Project Vendors create event
 * names that id, the project's vendor list shows it, and the company's vendor is untouched. A
 * vendor the company does not have cannot be added; a removal fires Project Vendors delete.
 */
import { RECORD_ENDPOINTS } from '../../nodes/ProcoreTrigger/recordEndpoints';
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';
import { hookProjectEvents, startEventReceiver, type EventReceiver } from './triggerEvents';

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

it('a vendor added to a project directory is the company vendor under its id, with a Project Vendors create event; removed, a delete event', async () => {
	const p = sb.seed.projects.hospital;
	await hookProjectEvents(sb, receiver.url, 'n8n-directory', ['Project Vendors'], p, ['create', 'delete']);
	const vendor = sb.uiEdit({ resource: 'Company Vendors', action: 'create', attributes: { name: 'Cascade Glazing', is_active: true } });
	const before = ((await call(sb, 'GET', `/rest/v1.0/projects/${p}/vendors`)).body as Array<{ id: number }>).length;

	const added = sb.uiEdit({ resource: 'Project Vendors', action: 'create', project_id: p, attributes: { id: vendor.id } });
	expect(added).toMatchObject({ id: vendor.id, name: 'Cascade Glazing' });
	await sb.dispatcher.idle();
	const created = receiver.got.find((e) => e.resource_name === 'Project Vendors' && e.event_type === 'create');
	expect(created).toMatchObject({ resource_id: vendor.id, project_id: p });

	const list = (await call(sb, 'GET', `/rest/v1.0/projects/${p}/vendors`)).body as Array<{ id: number; name: string }>;
	expect(list).toHaveLength(before + 1);
	expect(list.find((v) => v.id === vendor.id)).toMatchObject({ name: 'Cascade Glazing' });
	// The trigger's Fetch Full Record path reads the entry; the company's vendor is still its own record.
	const show = RECORD_ENDPOINTS['Project Vendors'].path.replace('{project_id}', String(p)).replace('{id}', String(vendor.id));
	expect((await call(sb, 'GET', show)).body).toMatchObject({ id: vendor.id, name: 'Cascade Glazing' });
	expect((await call(sb, 'GET', `/rest/v1.0/vendors/${vendor.id}?company_id=${sb.companyId}`)).body).toMatchObject({ id: vendor.id, name: 'Cascade Glazing' });

	expect(() => sb.uiEdit({ resource: 'Project Vendors', action: 'create', project_id: p, attributes: { id: 999999 } })).toThrow('the company has no vendor 999999');
	expect(() => sb.uiEdit({ resource: 'Project Vendors', action: 'create', project_id: p, attributes: {} })).toThrow('needs attributes.id');

	sb.uiEdit({ resource: 'Project Vendors', action: 'delete', project_id: p, id: vendor.id });
	await sb.dispatcher.idle();
	expect(receiver.got.find((e) => e.resource_name === 'Project Vendors' && e.event_type === 'delete')).toMatchObject({ resource_id: vendor.id });
	expect(((await call(sb, 'GET', `/rest/v1.0/projects/${p}/vendors`)).body as unknown[]).length).toBe(before);
});
