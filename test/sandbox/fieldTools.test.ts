/**
 * Inspections, meetings and drawings as the Procore Trigger sees them: the sandbox delivers their
 * events under Procore's resource names, and the path the trigger's Fetch Full Record uses for each
 * (nodes/ProcoreTrigger/recordEndpoints.ts) reads the changed record back.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import { RECORD_ENDPOINTS } from '../../nodes/ProcoreTrigger/recordEndpoints';
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

async function hook(resources: string[]) {
	const project = sb.seed.projects.tower;
	const h = await call(sb, 'POST', '/rest/v1.0/webhooks/hooks', {
		body: { project_id: project, hook: { api_version: 'v2', namespace: 'n8n-field', destination_url: url } },
	});
	const bulk = await call(sb, 'POST', `/rest/v1.0/webhooks/hooks/${h.body.id}/triggers/bulk`, {
		body: { project_id: project, api_version: 'v2', triggers: resources.flatMap((r) => ['create', 'update'].map((e) => ({ resource_name: r, event_type: e }))) },
	});
	expect(bulk.body.success).toHaveLength(resources.length * 2);
}

/** The trigger's read of the record an event names. */
async function fetchLikeTrigger(event: Record<string, unknown>) {
	const endpoint = RECORD_ENDPOINTS[String(event.resource_name)];
	const values: Record<string, string> = { company_id: String(sb.companyId), project_id: String(event.project_id), id: String(event.resource_id) };
	const qs = new URLSearchParams();
	for (const key of endpoint.query ?? []) qs.set(key, values[key]);
	if (endpoint.listFilter) qs.set(endpoint.listFilter.param, values.id);
	const path = endpoint.path.replace(/\{(\w+)\}/g, (_, k: string) => values[k]);
	const res = await call(sb, 'GET', `${path}${qs.size ? `?${qs}` : ''}`);
	expect(res.status).toBe(200);
	return endpoint.listFilter ? endpoint.listFilter.pick(res.body as Array<Record<string, unknown>>) : (res.body as Record<string, unknown>);
}

it('delivers inspection and meeting events that Fetch Full Record reads back; a drawing reads as its current revision', async () => {
	await hook(['Inspection Checklists', 'Meetings']);
	const p = sb.seed.projects.tower;
	const created = await call(sb, 'POST', `/rest/v1.0/projects/${p}/checklist/lists`, {
		body: { list_template_id: sb.seed.inspectionTemplates.prePour, list: { inspection_date: '2026-09-04' } },
	});
	expect(created.status).toBe(201);
	sb.uiEdit({ resource: 'Meetings', action: 'update', project_id: p, id: sb.seed.meetings.oac14, attributes: { conclusion: 'Next meeting Thursday' } });
	await sb.dispatcher.idle();
	const inspectionEvent = got.find((e) => e.resource_name === 'Inspection Checklists')!;
	const meetingEvent = got.find((e) => e.resource_name === 'Meetings')!;
	expect(inspectionEvent).toMatchObject({ event_type: 'create', resource_id: created.body.id });
	expect(meetingEvent).toMatchObject({ event_type: 'update', resource_id: sb.seed.meetings.oac14 });
	expect(await fetchLikeTrigger(inspectionEvent)).toMatchObject({ id: created.body.id, name: 'Pre-Pour Concrete Inspection', item_count: 3 });
	expect(await fetchLikeTrigger(meetingEvent)).toMatchObject({ id: sb.seed.meetings.oac14, conclusion: 'Next meeting Thursday', meeting_categories: expect.any(Array) });
	expect(await fetchLikeTrigger({ resource_name: 'Drawings', project_id: p, resource_id: sb.seed.drawings.a101 })).toMatchObject({
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
	const punchEvent = got.find((e) => e.resource_name === 'Punch Items')!;
	const photoEvent = got.find((e) => e.resource_name === 'Images')!;
	expect(punchEvent).toMatchObject({ event_type: 'create', resource_id: created.body.id });
	expect(photoEvent).toMatchObject({ event_type: 'update', resource_id: sb.seed.photos.corridor });
	expect(RECORD_ENDPOINTS['Punch Items'].path).toBe('/rest/v1.1/punch_items/{id}');
	expect(await fetchLikeTrigger(punchEvent)).toMatchObject({ id: created.body.id, name: 'Seal penetration at level 2 slab' });
	expect(await fetchLikeTrigger(photoEvent)).toMatchObject({ id: sb.seed.photos.corridor, description: 'Outlet box open', filename: 'corridor-outlet.png' });
});
