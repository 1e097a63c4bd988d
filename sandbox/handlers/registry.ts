/**
 * Special handlers override the generic engine for one or more `METHOD /path/{template}` pairs.
 * A handler for a path the April-2026 catalog lacks declares `operation` so routing still works.
 */
import type { Runtime } from '../runtime';
import type { Ctx, Operation, Reply } from '../types';

export interface Handler {
	/** `'POST /rest/v1.0/companies/{company_id}/timesheets'`, exactly as in the catalog. */
	routes: string[];
	handle(ctx: Ctx, rt: Runtime): Reply | Promise<Reply>;
	/** Catalog entries to add (paths newer than the vendored extract). */
	operations?: Array<
		Pick<Operation, 'operationId' | 'method' | 'path' | 'version'> & Partial<Operation>
	>;
}

export function defineHandler(
	routes: string | string[],
	handle: Handler['handle'],
	operations?: Handler['operations'],
): Handler {
	return { routes: Array.isArray(routes) ? routes : [routes], handle, operations };
}

export class HandlerRegistry {
	private readonly byRoute = new Map<string, Handler>();
	constructor(handlers: Handler[]) {
		for (const h of handlers) for (const r of h.routes) this.byRoute.set(normalise(r), h);
	}
	find(op: Operation): Handler | undefined {
		return this.byRoute.get(`${op.method} ${op.path}`);
	}
}

function normalise(route: string): string {
	const [method, path] = route.trim().split(/\s+/);
	return `${method.toUpperCase()} ${path}`;
}
