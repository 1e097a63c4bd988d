/** Webhooks: hooks and triggers over v1.0 and v2.0, payload formats, delivery, retries, discards, duplicates. */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

interface Received {
	raw: string;
	headers: http.IncomingHttpHeaders;
}

/** A webhook receiver that can be told to fail its next N requests. */
async function receiver() {
	const got: Received[] = [];
	let failNext = 0;
	let alwaysFail = false;
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (c) => (raw += c));
		req.on('end', () => {
			got.push({ raw, headers: req.headers });
			if (alwaysFail || failNext > 0) {
				failNext = Math.max(0, failNext - 1);
				res.writeHead(500).end('nope');
			} else res.writeHead(204).end();
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
		got,
		failNext: (n: number) => (failNext = n),
		setAlwaysFail: (v: boolean) => (alwaysFail = v),
		close: () => new Promise<void>((r) => server.close(() => r())),
	};
}

let sb: Sandbox;
let rx: Awaited<ReturnType<typeof receiver>>;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, webhookTimeScale: 0.001 });
	rx = await receiver();
});
afterAll(async () => {
	await sb.stop();
	await rx.close();
});
beforeEach(() => {
	sb.reset();
	sb.config({ webhookTimeScale: 0.001, duplicateDeliveries: 0, webhookConcurrency: 1 });
	rx.got.length = 0;
	rx.failNext(0);
	rx.setAlwaysFail(false);
});

async function v1ProjectHook(
	resource: string,
	events: string[],
	extra: Record<string, unknown> = {},
) {
	const project = sb.seed.projects.tower;
	const hook = await call(sb, 'POST', '/rest/v1.0/webhooks/hooks', {
		body: {
			project_id: project,
			hook: {
				api_version: 'v2',
				namespace: 'n8n-test',
				destination_url: rx.url,
				destination_headers: { Authorization: 'Bearer hook-secret-12345' },
				...extra,
			},
		},
	});
	expect(hook.status).toBe(201);
	const bulk = await call(sb, 'POST', `/rest/v1.0/webhooks/hooks/${hook.body.id}/triggers/bulk`, {
		body: {
			project_id: project,
			api_version: 'v2',
			triggers: events.map((e) => ({ resource_name: resource, event_type: e })),
		},
	});
	expect(bulk.status).toBe(200);
	expect(bulk.body.success).toHaveLength(events.length);
	return hook.body;
}

describe('hooks and triggers', () => {
	it('creates a v1.0 hook, masks its Authorization header on read, and lists it by namespace', async () => {
		const hook = await v1ProjectHook('RFIs', ['create']);
		expect(hook).toMatchObject({
			api_version: 'v2',
			namespace: 'n8n-test',
			destination_url: rx.url,
			owned_by_project_id: sb.seed.projects.tower,
			owned_by_user_id: sb.seed.users.pm,
		});
		expect(hook.destination_headers.Authorization).toBe(
			`${'*'.repeat('Bearer hook-secret-12345'.length - 5)}12345`,
		);
		const list = await call(
			sb,
			'GET',
			`/rest/v1.0/webhooks/hooks?project_id=${sb.seed.projects.tower}&namespace=n8n-test`,
		);
		expect(list.body.map((h: { id: number }) => h.id)).toEqual([hook.id]);
		expect(
			(
				await call(
					sb,
					'GET',
					`/rest/v1.0/webhooks/hooks?project_id=${sb.seed.projects.tower}&namespace=other`,
				)
			).body,
		).toEqual([]);
	});

	it('refuses a trigger whose resource is not offered in the hook scope, and reports 207 in bulk', async () => {
		const c = sb.companyId;
		const hook = await call(sb, 'POST', '/rest/v1.0/webhooks/hooks', {
			body: {
				company_id: c,
				hook: { api_version: 'v2', namespace: 'n8n-test', destination_url: rx.url },
			},
		});
		const bulk = await call(sb, 'POST', `/rest/v1.0/webhooks/hooks/${hook.body.id}/triggers/bulk`, {
			body: {
				company_id: c,
				triggers: [
					{ resource_name: 'Company Vendors', event_type: 'update' },
					{ resource_name: 'RFIs', event_type: 'create' },
				],
			},
		});
		expect(bulk.status).toBe(207);
		expect(bulk.body.success.map((t: { resource_name: string }) => t.resource_name)).toEqual([
			'Company Vendors',
		]);
		expect(bulk.body.failed[0]).toMatchObject({
			code: 422,
			trigger: { resource_name: 'RFIs', event_type: 'create' },
		});
	});

	it('caps bulk trigger creation at 500 (413)', async () => {
		const hook = await v1ProjectHook('RFIs', []);
		const triggers = Array.from({ length: 501 }, () => ({
			resource_name: 'RFIs',
			event_type: 'create',
		}));
		const res = await call(sb, 'POST', `/rest/v1.0/webhooks/hooks/${hook.id}/triggers/bulk`, {
			body: { project_id: sb.seed.projects.tower, triggers },
		});
		expect(res.status).toBe(413);
	});

	it('serves v2.0 hooks with string ids under data, and the resource lists per scope', async () => {
		const c = sb.companyId;
		const p = sb.seed.projects.tower;
		const created = await call(
			sb,
			'POST',
			`/rest/v2.0/companies/${c}/projects/${p}/webhooks/hooks`,
			{ body: { payload_version: 'v4.0', namespace: 'n8n-test', destination_url: rx.url } },
		);
		expect(created.status).toBe(201);
		expect(created.body.data).toMatchObject({
			id: expect.any(String),
			status: 'active',
			payload_version: 'v4.0',
			company_id: String(c),
			project_id: String(p),
			trigger_count: 0,
		});
		const company = await call(sb, 'GET', `/rest/v1.0/webhooks/resources?company_id=${c}`);
		expect(company.body.map((r: { name: string }) => r.name)).toContain('Company Insurances');
		expect(company.body.map((r: { name: string }) => r.name)).not.toContain('RFIs');
		const project = await call(
			sb,
			'GET',
			`/rest/v2.0/companies/${c}/projects/${p}/webhooks/resources?payload_version=v2.0&per_page=100`,
		);
		expect(project.body.data.map((r: { name: string }) => r.name)).toEqual(
			expect.arrayContaining([
				'RFIs',
				'Change Events',
				'Timecard Entries',
				'Project Insurances',
				'Observation Items',
			]),
		);
		expect(
			(await call(sb, 'GET', `/rest/v1.0/webhooks/resources/api_versions?company_id=${c}`)).body,
		).toEqual(['v2.0', 'v3.0', 'v4.0']);
	});
});

describe('delivery', () => {
	it('POSTs exactly the v2.0 payload for a UI edit, with the hook Authorization header and the 19-digit id intact', async () => {
		await v1ProjectHook('RFIs', ['create', 'update']);
		const rec = sb.uiEdit({
			resource: 'RFIs',
			action: 'create',
			project_id: sb.seed.projects.tower,
			attributes: { subject: 'From the web app', status: 'open' },
		});
		await sb.dispatcher.idle();
		expect(rx.got).toHaveLength(1);
		const { raw, headers } = rx.got[0];
		expect(headers.authorization).toBe('Bearer hook-secret-12345');
		expect(headers['content-type']).toBe('application/json');
		const id = /^\{"id":(\d{19}),/.exec(raw)?.[1];
		expect(id).toBeDefined();
		const body = JSON.parse(raw);
		expect(Object.keys(body)).toEqual([
			'id',
			'ulid',
			'timestamp',
			'metadata',
			'user_id',
			'company_id',
			'project_id',
			'api_version',
			'event_type',
			'resource_name',
			'resource_id',
		]);
		expect(body).toMatchObject({
			user_id: sb.seed.users.pm,
			company_id: sb.companyId,
			project_id: sb.seed.projects.tower,
			api_version: 'v2.0',
			event_type: 'create',
			resource_name: 'RFIs',
			resource_id: rec.id,
		});
		expect(body.metadata).toEqual({
			source_user_id: sb.seed.users.pm,
			source_company_id: sb.companyId,
			source_project_id: sb.seed.projects.tower,
			source_operation_id: null,
			source_application_id: null,
		});
		expect(body.ulid).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
		expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
		// The 19-digit id loses precision in JSON.parse, which is why the raw text is checked.
		expect(String(body.id)).not.toBe(id);
	});

	it('names the calling OAuth app for API changes and skips events without a trigger', async () => {
		await v1ProjectHook('RFIs', ['update']);
		const p = sb.seed.projects.tower;
		const id = sb.seed.rfis.embedPlates;
		expect(
			(
				await call(sb, 'PATCH', `/rest/v1.0/projects/${p}/rfis/${id}`, {
					body: { rfi: { subject: 'Embed plate spacing (revised)' } },
					headers: { 'Procore-Operation-Id': 'op-42' },
				})
			).status,
		).toBe(200);
		sb.uiEdit({
			resource: 'RFIs',
			action: 'delete',
			project_id: p,
			id: sb.seed.rfis.ceilingHeight,
		});
		await sb.dispatcher.idle();
		expect(rx.got).toHaveLength(1);
		const body = JSON.parse(rx.got[0].raw);
		expect(body).toMatchObject({ event_type: 'update', resource_id: id });
		expect(body.metadata).toMatchObject({
			source_application_id: 'sandbox-client-id',
			source_operation_id: 'op-42',
		});
	});

	it('delivers company-scope resources only to company hooks', async () => {
		const c = sb.companyId;
		const hook = await call(sb, 'POST', '/rest/v1.0/webhooks/hooks', {
			body: {
				company_id: c,
				hook: { api_version: 'v2', namespace: 'n8n-test', destination_url: rx.url },
			},
		});
		await call(sb, 'POST', `/rest/v1.0/webhooks/hooks/${hook.body.id}/triggers`, {
			body: { company_id: c, trigger: { resource_name: 'Company Vendors', event_type: 'update' } },
		});
		await v1ProjectHook('Project Insurances', ['create']);
		sb.uiEdit({
			resource: 'Company Vendors',
			action: 'update',
			id: sb.seed.vendors.hvac,
			attributes: { name: 'AirFlow HVAC' },
		});
		await sb.dispatcher.idle();
		expect(rx.got).toHaveLength(1);
		const body = JSON.parse(rx.got[0].raw);
		expect(body).toMatchObject({
			resource_name: 'Company Vendors',
			event_type: 'update',
			resource_id: sb.seed.vendors.hvac,
			company_id: c,
		});
		expect(body).not.toHaveProperty('project_id');
	});

	it('retries a failing receiver with back-off, pausing the queue, and logs every attempt', async () => {
		await v1ProjectHook('Change Events', ['create']);
		rx.failNext(3);
		const p = sb.seed.projects.tower;
		const first = sb.uiEdit({
			resource: 'Change Events',
			action: 'create',
			project_id: p,
			attributes: { title: 'First' },
		});
		const second = sb.uiEdit({
			resource: 'Change Events',
			action: 'create',
			project_id: p,
			attributes: { title: 'Second' },
		});
		await sb.dispatcher.idle();
		const log = sb.deliveries();
		expect(log.map((d) => [d.event.resource_id, d.outcome, d.attempt])).toEqual([
			[first.id, 'retried', 1],
			[first.id, 'retried', 2],
			[first.id, 'retried', 3],
			[first.id, 'ok', 4],
			[second.id, 'ok', 1],
		]);
		expect(log[0].response_status).toBe(500);
		// The paused queue kept order: the second event only went out after the first succeeded.
		expect(rx.got.map((g) => JSON.parse(g.raw).resource_id)).toEqual([
			first.id,
			first.id,
			first.id,
			first.id,
			second.id,
		]);
		const hookId = log[0].hook_id;
		const api = await call(
			sb,
			'GET',
			`/rest/v1.0/webhooks/hooks/${hookId}/deliveries?project_id=${p}&filters[status]=failing`,
		);
		expect(api.body.map((d: { outcome: string }) => d.outcome)).toEqual([
			'retried',
			'retried',
			'retried',
		]);
	});

	it('discards the queue after the (scaled) 12 hours of failures', async () => {
		sb.config({ webhookTimeScale: 0.00001 });
		rx.setAlwaysFail(true);
		await v1ProjectHook('Change Events', ['create']);
		const p = sb.seed.projects.tower;
		sb.uiEdit({
			resource: 'Change Events',
			action: 'create',
			project_id: p,
			attributes: { title: 'A' },
		});
		const b = sb.uiEdit({
			resource: 'Change Events',
			action: 'create',
			project_id: p,
			attributes: { title: 'B' },
		});
		await sb.dispatcher.idle();
		const outcomes = sb.deliveries().map((d) => d.outcome);
		expect(outcomes[outcomes.length - 2]).toBe('failed');
		expect(sb.deliveries()[outcomes.length - 1]).toMatchObject({
			outcome: 'discarded',
			event: expect.objectContaining({ resource_id: b.id }),
		});
		expect(outcomes.slice(0, -2).every((o) => o === 'retried')).toBe(true);
	});

	it('delivers every event twice when duplicates are switched on (same ulid)', async () => {
		sb.config({ duplicateDeliveries: 1 });
		await v1ProjectHook('RFIs', ['create']);
		sb.uiEdit({
			resource: 'RFIs',
			action: 'create',
			project_id: sb.seed.projects.tower,
			attributes: { subject: 'Twice' },
		});
		await sb.dispatcher.idle();
		expect(rx.got).toHaveLength(2);
		expect(JSON.parse(rx.got[0].raw).ulid).toBe(JSON.parse(rx.got[1].raw).ulid);
	});

	it('keeps up to webhookConcurrency deliveries in flight per destination (default: one at a time)', async () => {
		const inFlight: number[] = [];
		let open = 0;
		const slow = http.createServer((req, res) => {
			open++;
			inFlight.push(open);
			req.resume();
			req.on('end', () => setTimeout(() => {
				open--;
				res.writeHead(204).end();
			}, 50));
		});
		await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
		const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/hook`;
		try {
			await v1ProjectHook('RFIs', ['create'], { destination_url: url });
			const burst = () => {
				for (let i = 0; i < 8; i++) {
					sb.uiEdit({ resource: 'RFIs', action: 'create', project_id: sb.seed.projects.tower, attributes: { subject: `Load ${i}` } });
				}
			};
			burst();
			await sb.dispatcher.idle();
			expect(Math.max(...inFlight)).toBe(1);
			inFlight.length = 0;
			sb.config({ webhookConcurrency: 3 });
			burst();
			await sb.dispatcher.idle();
			expect(Math.max(...inFlight)).toBe(3);
			expect(sb.deliveries().filter((d) => d.outcome === 'ok')).toHaveLength(16);
		} finally {
			await new Promise<void>((r) => slow.close(() => r()));
		}
	});

	it('sends v3.0 with related_resources and v4.0 with string ids, reason and resource_type', async () => {
		const c = sb.companyId;
		const p = sb.seed.projects.tower;
		for (const version of ['v3.0', 'v4.0']) {
			const hook = await call(
				sb,
				'POST',
				`/rest/v2.0/companies/${c}/projects/${p}/webhooks/hooks`,
				{
					body: {
						payload_version: version,
						namespace: `n8n-${version[1]}`,
						destination_url: `${rx.url}?v=${version}`,
					},
				},
			);
			const t = await call(
				sb,
				'POST',
				`/rest/v2.0/companies/${c}/projects/${p}/webhooks/hooks/${hook.body.data.id}/triggers`,
				{ body: { resource_name: 'Submittals', event_type: 'create' } },
			);
			expect(t.status).toBe(201);
		}
		const rec = sb.uiEdit({
			resource: 'Submittals',
			action: 'create',
			project_id: p,
			attributes: { title: 'Curtain wall mockup' },
		});
		await sb.dispatcher.idle();
		const bodies = rx.got.map((g) => JSON.parse(g.raw));
		const v3 = bodies.find((b) => b.api_version === 'v3.0');
		const v4 = bodies.find((b) => b.reason);
		expect(v3).toMatchObject({
			event_type: 'create',
			resource_name: 'Submittals',
			related_resources: [],
		});
		const v3Hook = sb.deliveries().find((d) => d.event.api_version === 'v3.0')!.hook_id;
		const listed = await call(
			sb,
			'GET',
			`/rest/v2.0/companies/${c}/projects/${p}/webhooks/hooks/${v3Hook}/deliveries?filter[status]=succeeded`,
		);
		expect(listed.body.data).toEqual([
			expect.objectContaining({
				status: 'delivered',
				payload: expect.objectContaining({ resource_id: rec.id }),
				delivery_attempts: [expect.objectContaining({ response_status: 204 })],
			}),
		]);
		const viaControl = (await (await fetch(`${sb.url}/_sandbox/deliveries`)).json()) as Array<{
			outcome: string;
		}>;
		expect(viaControl.map((d) => d.outcome)).toEqual(['ok', 'ok']);
		expect(v4).toEqual({
			id: expect.stringMatching(/^[0-9A-Z]{26}$/),
			timestamp: expect.any(String),
			reason: 'create',
			company_id: String(c),
			project_id: String(p),
			user_id: String(sb.seed.users.pm),
			resource_type: 'Submittals',
			resource_id: String(rec.id),
		});
	});
});
