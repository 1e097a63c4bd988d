/**
 * What the sandbox tests of the Procore Trigger's resources share: a webhook destination that keeps
 * each delivered event, hooking a project's resources to it (create and update), and the read the
 * trigger's Fetch Full Record makes of the record an event names (nodes/ProcoreTrigger/recordEndpoints.ts).
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import { RECORD_ENDPOINTS } from '../../nodes/ProcoreTrigger/recordEndpoints';
import type { Sandbox } from '../../sandbox';
import { call } from './helpers';

export interface EventReceiver {
	url: string;
	/** Every delivered event body, in arrival order. */
	got: Array<Record<string, unknown>>;
	close(): Promise<void>;
}

/** A destination on 127.0.0.1 that answers 204 and keeps each delivery's JSON body. */
export async function startEventReceiver(): Promise<EventReceiver> {
	const got: Array<Record<string, unknown>> = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (c) => (raw += c));
		req.on('end', () => {
			got.push(JSON.parse(raw) as Record<string, unknown>);
			res.writeHead(204).end();
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
		got,
		close: async () => await new Promise<void>((r) => server.close(() => r())),
	};
}

/** A v2 project hook to `url` with a trigger per event of `events` (create and update unless named) for each of `resources` (all accepted). */
export async function hookProjectEvents(
	sb: Sandbox,
	url: string,
	namespace: string,
	resources: string[],
	project = sb.seed.projects.tower,
	events: string[] = ['create', 'update'],
): Promise<void> {
	const h = await call(sb, 'POST', '/rest/v1.0/webhooks/hooks', {
		body: { project_id: project, hook: { api_version: 'v2', namespace, destination_url: url } },
	});
	const bulk = await call(sb, 'POST', `/rest/v1.0/webhooks/hooks/${h.body.id}/triggers/bulk`, {
		body: { project_id: project, api_version: 'v2', triggers: resources.flatMap((r) => events.map((e) => ({ resource_name: r, event_type: e }))) },
	});
	expect(bulk.body.success).toHaveLength(resources.length * events.length);
}

/** The trigger's read of the record an event names: its path, query and (for list-only resources) the pick from the list. */
export async function fetchLikeTrigger(sb: Sandbox, event: Record<string, unknown>): Promise<Record<string, unknown>> {
	const endpoint = RECORD_ENDPOINTS[String(event.resource_name)];
	const values: Record<string, string> = { company_id: String(sb.companyId), project_id: String(event.project_id), id: String(event.resource_id) };
	const qs = new URLSearchParams();
	for (const key of endpoint.query ?? []) qs.set(key, values[key]);
	if (endpoint.listFilter) qs.set(endpoint.listFilter.param, values.id);
	const path = endpoint.path.replace(/\{(\w+)\}/g, (_, k: string) => values[k]);
	const res = await call(sb, 'GET', `${path}${qs.size ? `?${qs}` : ''}`);
	expect(res.status).toBe(200);
	return endpoint.listFilter ? (endpoint.listFilter.pick(res.body as Array<Record<string, unknown>>) as Record<string, unknown>) : (res.body as Record<string, unknown>);
}
