/** The sandbox-only control API under /_sandbox/ (tests and demos; nothing in the nodes may use it). */
import type { IncomingMessage } from 'http';
import type { CallRecord } from './calls';
import { applyConfig, type ConfigPatch } from './config';
import { parseBody } from './http/body';
import type { Runtime } from './runtime';
import type { SeedOptions } from './seed';
import type { Reply } from './types';

export interface UiEdit {
	/** A webhook resource name ("RFIs") or a collection name ("rfis"). */
	resource: string;
	action: 'create' | 'update' | 'delete';
	project_id?: number;
	id?: number | string;
	attributes?: Record<string, unknown>;
	/** Acting user (defaults to the seeded project manager). */
	user_id?: number;
}

export interface ControlDeps {
	rt: Runtime;
	calls: CallRecord[];
	reset(options?: SeedOptions): void;
	seed(options?: SeedOptions): unknown;
	uiEdit(edit: UiEdit): unknown;
	deliveries(): unknown;
}

export function controlRoute(deps: ControlDeps) {
	return async (req: IncomingMessage, _res: unknown, url: URL): Promise<Reply> => {
		const path = url.pathname.replace(/^\/_sandbox/, '');
		const body =
			req.method === 'POST' ? (((await parseBody(req)) as Record<string, unknown>) ?? {}) : {};
		try {
			if (req.method === 'POST' && path === '/reset') {
				deps.reset(body as SeedOptions);
				return { status: 200, body: { ok: true } };
			}
			if (req.method === 'POST' && path === '/seed')
				return { status: 200, body: deps.seed(body as SeedOptions) };
			if (req.method === 'POST' && path === '/ui-edit')
				return { status: 200, body: deps.uiEdit(body as unknown as UiEdit) };
			if (req.method === 'POST' && path === '/config') {
				applyConfig(deps.rt.config, body as ConfigPatch);
				return { status: 200, body: deps.rt.config };
			}
			if (req.method === 'POST' && path === '/clock') {
				deps.rt.clock.advance(Number(body.advance_seconds ?? 0));
				return { status: 200, body: { now: deps.rt.clock.iso() } };
			}
			if (req.method === 'GET' && path === '/state') {
				const collection = url.searchParams.get('collection');
				if (collection) return { status: 200, body: deps.rt.store.list(collection, 'with') };
				return {
					status: 200,
					body: Object.fromEntries([...deps.rt.store.collections].map(([k, c]) => [k, c.size])),
				};
			}
			if (req.method === 'GET' && path === '/calls') return { status: 200, body: deps.calls };
			if (req.method === 'DELETE' && path === '/calls') {
				deps.calls.length = 0;
				return { status: 204 };
			}
			if (req.method === 'GET' && path === '/deliveries')
				return { status: 200, body: deps.deliveries() };
		} catch (e) {
			return { status: 400, body: { errors: e instanceof Error ? e.message : String(e) } };
		}
		return {
			status: 404,
			body: { errors: `unknown control endpoint ${req.method} ${url.pathname}` },
		};
	};
}
