/**
 * Webhook › Get Deliveries against the sandbox's delivery log: the events a receiver accepted
 * (Successful) are listed with their payload, so a workflow can find events whose execution was
 * lost after n8n answered 200 (a queue worker killed mid-run, docs/reliability.md).
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import { call } from '../../../sandbox/helpers';
import { byId, runOnSandbox, useSandbox } from './nodeOnSandbox';

const sb = useSandbox({ webhookTimeScale: 0.001 });

/** Answers 204, except the requests listed in `fail` (1-based), which get 500. */
async function receiver(fail: Set<number>) {
	let n = 0;
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => res.writeHead(fail.has(++n) ? 500 : 204).end());
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('Webhook › Get Deliveries on the sandbox', () => {
	it('lists the successful deliveries of a hook with their events, apart from the failing attempts', async () => {
		const project = sb().seed.projects.tower;
		// The second request fails once and is retried: 3 events, 3 successful deliveries, 1 failed attempt.
		const rx = await receiver(new Set([2]));
		try {
			const hook = await call(sb(), 'POST', '/rest/v1.0/webhooks/hooks', {
				body: { project_id: project, hook: { api_version: 'v2', namespace: 'n8n-nodes-procore', destination_url: rx.url, destination_headers: { Authorization: 'Bearer s3cret-value' } } },
			});
			expect(hook.status).toBe(201);
			const bulk = await call(sb(), 'POST', `/rest/v1.0/webhooks/hooks/${hook.body.id}/triggers/bulk`, {
				body: { project_id: project, api_version: 'v2', triggers: [{ resource_name: 'RFIs', event_type: 'create' }] },
			});
			expect(bulk.status).toBe(200);
			const rfis = ['Rebar spacing', 'Slab edge', 'Door hardware'].map((subject) =>
				sb().uiEdit({ resource: 'RFIs', action: 'create', project_id: project, attributes: { subject } }),
			);
			await sb().dispatcher.idle();

			const params = {
				resource: 'webhook',
				operation: 'getFailedDeliveries',
				company: byId(sb().companyId),
				webhookScope: 'project',
				project: byId(project),
				hookId: String(hook.body.id),
				returnAll: true,
			};
			const ok = await runOnSandbox(sb(), { ...params, statuses: ['successful'] });
			expect(ok.nodeError).toBeUndefined();
			expect(ok.json.map((j) => j.resource_id).sort()).toEqual(rfis.map((r) => String(r.id)).sort());
			expect(ok.json.every((j) => (j.delivery as { status: string }).status === 'successful')).toBe(true);
			expect(new Set(ok.json.map((j) => j.dedupe_key)).size).toBe(3);
			expect(ok.calls.filter((c) => c.path.endsWith('/deliveries')).map((c) => c.query['filters[status]'])).toEqual(['successful']);

			const failing = await runOnSandbox(sb(), { ...params, statuses: ['failing'] });
			expect(failing.json.map((j) => j.resource_id)).toEqual([String(rfis[1].id)]);
		} finally {
			await rx.close();
		}
	});
});
