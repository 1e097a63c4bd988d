/** Seed helpers: records land exactly where the catalog's list endpoint for them reads. */
import { resourceKey } from '../engine/resource-key';
import type { Runtime } from '../runtime';
import type { StoredRec } from '../store';

export class SeedWriter {
	/** Fixed timestamps keep seeded data identical run to run. */
	readonly epoch = Date.parse('2026-09-01T14:00:00Z');
	constructor(readonly rt: Runtime) {}

	/** Collection key for a catalog route (`GET /rest/v1.0/projects/{project_id}/rfis`) and its scope. */
	key(
		route: string,
		params: Record<string, string | number> = {},
		scope: { projectId?: number; companyId?: number } = {},
	): string {
		const [method, path] = route.split(' ');
		const op = this.rt.catalog.operations.find((o) => o.method === method && o.path === path);
		if (!op) throw new Error(`seed: no catalog operation ${route}`);
		const p = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
		return resourceKey(op, p, {
			projectId: scope.projectId ?? null,
			companyId: scope.companyId ?? this.rt.companyId,
		}).key;
	}

	at(daysAgo: number, hour = 9): string {
		return new Date(this.epoch - daysAgo * 86400000 + (hour - 14) * 3600000).toISOString();
	}

	put(key: string, rec: Record<string, unknown>, daysAgo = 30): StoredRec {
		const when = this.at(daysAgo);
		return this.rt.store.insert(key, { created_at: when, updated_at: when, ...rec });
	}

	id(): number {
		return this.rt.store.newId();
	}
}
