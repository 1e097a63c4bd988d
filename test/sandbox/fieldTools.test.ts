/**
 * Inspections, meetings and drawings as the Procore Trigger sees them: the sandbox delivers their
 * events under Procore's resource names, and the path the trigger's Fetch Full Record uses for each
 * (nodes/ProcoreTrigger/recordEndpoints.ts) reads the changed record back.
 */
import { RECORD_ENDPOINTS } from '../../nodes/ProcoreTrigger/recordEndpoints';
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

const hook = async (resources: string[]) => await hookProjectEvents(sb, receiver.url, 'n8n-field', resources);

it('delivers inspection and meeting events that Fetch Full Record reads back; a drawing reads as its current revision', async () => {
	await hook(['Inspection Checklists', 'Meetings']);
	const p = sb.seed.projects.tower;
	const created = await call(sb, 'POST', `/rest/v1.0/projects/${p}/checklist/lists`, {
		body: { list_template_id: sb.seed.inspectionTemplates.prePour, list: { inspection_date: '2026-09-04' } },
	});
	expect(created.status).toBe(201);
	sb.uiEdit({ resource: 'Meetings', action: 'update', project_id: p, id: sb.seed.meetings.oac14, attributes: { conclusion: 'Next meeting Thursday' } });
	await sb.dispatcher.idle();
	const inspectionEvent = receiver.got.find((e) => e.resource_name === 'Inspection Checklists')!;
	const meetingEvent = receiver.got.find((e) => e.resource_name === 'Meetings')!;
	expect(inspectionEvent).toMatchObject({ event_type: 'create', resource_id: created.body.id });
	expect(meetingEvent).toMatchObject({ event_type: 'update', resource_id: sb.seed.meetings.oac14 });
	expect(await fetchLikeTrigger(sb, inspectionEvent)).toMatchObject({ id: created.body.id, name: 'Pre-Pour Concrete Inspection', item_count: 3 });
	expect(await fetchLikeTrigger(sb, meetingEvent)).toMatchObject({ id: sb.seed.meetings.oac14, conclusion: 'Next meeting Thursday', meeting_categories: expect.any(Array) });
	expect(await fetchLikeTrigger(sb, { resource_name: 'Drawings', project_id: p, resource_id: sb.seed.drawings.a101 })).toMatchObject({
		id: sb.seed.drawingRevisions.a101r2,
		revision_number: '2',
	});
});

it('delivers punch item and photo events that Fetch Full Record reads back (Punch Items on v1.1, Images)', async () => {
	await hook(['Punch Items', 'Images']);
	const p = sb.seed.projects.tower;
	const created = await call(sb, 'POST', '/rest/v1.1/punch_items', { body: { project_id: p, punch_item: { name: 'Seal penetration at level 2 slab' } } });
	expect(created.status).toBe(201);
	sb.uiEdit({ resource: 'Images', action: 'update', project_id: p, id: sb.seed.photos.corridor, attributes: { description: 'Outlet box open' } });
	await sb.dispatcher.idle();
	const punchEvent = receiver.got.find((e) => e.resource_name === 'Punch Items')!;
	const photoEvent = receiver.got.find((e) => e.resource_name === 'Images')!;
	expect(punchEvent).toMatchObject({ event_type: 'create', resource_id: created.body.id });
	expect(photoEvent).toMatchObject({ event_type: 'update', resource_id: sb.seed.photos.corridor });
	expect(RECORD_ENDPOINTS['Punch Items'].path).toBe('/rest/v1.1/punch_items/{id}');
	expect(await fetchLikeTrigger(sb, punchEvent)).toMatchObject({ id: created.body.id, name: 'Seal penetration at level 2 slab' });
	expect(await fetchLikeTrigger(sb, photoEvent)).toMatchObject({ id: sb.seed.photos.corridor, description: 'Outlet box open', filename: 'corridor-outlet.png' });
});
