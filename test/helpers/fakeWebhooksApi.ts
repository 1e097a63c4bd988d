/**
 * An in-memory Procore Webhooks API v2.0 (hooks, triggers, bulk calls) and v1.0 project list,
 * behind nock, so lifecycle tests can check Procore's resulting state and count calls. Shapes follow
 * Procore's OpenAPI operations (RestV20Companies…WebhooksHooks*, RestV10Projects*).
 */
import nock from 'nock';

export const API = 'https://api.procore.test';

export interface FakeHook {
	id: string;
	companyId: string;
	projectId?: string;
	namespace: string;
	destination_url: string;
	payload_version: string;
	authorization: string;
	status: 'active' | 'disabled';
	triggers: Array<{ id: string; resource_name: string; event_type: string }>;
}

export class FakeWebhooksApi {
	hooks = new Map<string, FakeHook>();
	projects: Array<{ id: string; name: string; active: boolean }> = [];
	/** Status to answer with for the next matching calls (e.g. 403 on hook creation). */
	failures: Array<{ method: string; pattern: RegExp; status: number; body: unknown }> = [];
	/** Called on every hook request (e.g. to advance a mocked clock). */
	onRequest?: (method: string, uri: string) => void;
	private nextId = 9_000_000;

	constructor(readonly companyId = '4264807') {}

	addProjects(count: number, firstId = 1001): string[] {
		const ids: string[] = [];
		for (let i = 0; i < count; i++) {
			const id = String(firstId + i);
			this.projects.push({ id, name: `Project ${id}`, active: true });
			ids.push(id);
		}
		return ids;
	}

	hooksIn(projectId?: string): FakeHook[] {
		return [...this.hooks.values()].filter((h) => h.projectId === projectId);
	}

	/** Adds a hook directly (as if created earlier, or by Procore's UI). */
	seedHook(hook: Partial<FakeHook> & { destination_url: string }): FakeHook {
		const full: FakeHook = {
			id: String(this.nextId++),
			companyId: this.companyId,
			namespace: 'n8n-nodes-procore',
			payload_version: 'v2.0',
			authorization: 'Bearer old',
			status: 'active',
			triggers: [],
			...hook,
		};
		this.hooks.set(full.id, full);
		return full;
	}

	private view(h: FakeHook) {
		return {
			id: h.id,
			status: h.status,
			payload_version: h.payload_version,
			namespace: h.namespace,
			destination_url: h.destination_url,
			destination_headers: { Authorization: `****${h.authorization.slice(-5)}` },
			trigger_count: h.triggers.length,
			company_id: h.companyId,
			project_id: h.projectId ?? null,
		};
	}

	install(): nock.Scope {
		const scope = nock(API).persist();
		const hookPath = /^\/rest\/v2\.0\/companies\/(\d+)(?:\/projects\/(\d+))?\/webhooks\/hooks(?:\/(\d+))?(\/triggers(?:\/bulk)?)?(?:\?.*)?$/;
		const parse = (uri: string) => {
			const url = new URL(uri, API);
			const m = hookPath.exec(url.pathname)!;
			return { url, companyId: m[1], projectId: m[2], hookId: m[3], triggers: m[4] };
		};
		const failure = (method: string, uri: string) => {
			this.onRequest?.(method, uri);
			const index = this.failures.findIndex((f) => f.method === method && f.pattern.test(uri));
			if (index < 0) return undefined;
			const [f] = this.failures.splice(index, 1);
			return [f.status, f.body] as [number, unknown];
		};
		const page = <T>(url: URL, list: T[]) => {
			const perPage = Number(url.searchParams.get('per_page') ?? 10);
			const n = Number(url.searchParams.get('page') ?? 1);
			return list.slice((n - 1) * perPage, n * perPage);
		};
		scope.get(hookPath).reply((uri) => {
			const f = failure('GET', uri);
			if (f) return f;
			const { url, projectId, hookId, triggers } = parse(uri);
			if (hookId) {
				const hook = this.hooks.get(hookId);
				if (!hook || hook.projectId !== projectId) return [404, { error: { code: 'not_found', message: 'Hook not found' } }];
				return [200, { data: triggers ? page(url, hook.triggers) : this.view(hook) }];
			}
			const ns = url.searchParams.get('namespace');
			const list = this.hooksIn(projectId).filter((h) => !ns || h.namespace === ns);
			return [200, { data: page(url, list).map((h) => this.view(h)) }];
		});
		scope.post(hookPath).reply((uri, body) => {
			const f = failure('POST', uri);
			if (f) return f;
			const { companyId, projectId, hookId, triggers } = parse(uri);
			if (!hookId) {
				const b = body as Record<string, any>;
				const hook = this.seedHook({
					companyId,
					projectId,
					namespace: b.namespace,
					destination_url: b.destination_url,
					payload_version: b.payload_version,
					authorization: b.destination_headers?.Authorization ?? '',
				});
				return [201, { data: this.view(hook) }];
			}
			const hook = this.hooks.get(hookId);
			if (!hook || !triggers) return [404, {}];
			const created = (body as Array<{ resource_name: string; event_type: string }>).map((t) => ({
				id: String(this.nextId++),
				resource_name: t.resource_name,
				event_type: t.event_type,
			}));
			if (created.length > 500) return [413, { errors: 'Too many triggers' }];
			hook.triggers.push(...created);
			return [201, { data: created.map((t) => ({ ...t, webhook_hook_id: hook.id })) }];
		});
		scope.patch(hookPath).reply((uri, body) => {
			const f = failure('PATCH', uri);
			if (f) return f;
			const hook = this.hooks.get(parse(uri).hookId ?? '');
			if (!hook) return [404, {}];
			const b = body as Record<string, any>;
			if (b.destination_headers?.Authorization) hook.authorization = b.destination_headers.Authorization;
			if (b.payload_version) hook.payload_version = b.payload_version;
			if (b.status) hook.status = b.status;
			return [200, { data: this.view(hook) }];
		});
		scope.delete(hookPath).reply((uri, body) => {
			const f = failure('DELETE', uri);
			if (f) return f;
			const { hookId, triggers } = parse(uri);
			const hook = this.hooks.get(hookId ?? '');
			if (!hook) return [404, { error: { code: 'not_found', message: 'Hook not found' } }];
			if (triggers) {
				const ids = new Set((body as string[]).map(String));
				hook.triggers = hook.triggers.filter((t) => !ids.has(t.id));
				return [200, { data: { succeeded: [...ids] } }];
			}
			this.hooks.delete(hook.id);
			return [204, ''];
		});
		scope.get(/^\/rest\/v1\.0\/projects(\/\d+)?(\?.*)?$/).reply((uri) => {
			const url = new URL(uri, API);
			const one = /\/projects\/(\d+)$/.exec(url.pathname);
			if (one) {
				const project = this.projects.find((p) => p.id === one[1]);
				return project ? [200, project] : [404, { errors: 'Not found' }];
			}
			const status = url.searchParams.get('filters[by_status]') ?? 'Active';
			const list = this.projects.filter((p) => status === 'All' || (status === 'Active') === p.active);
			return [200, page(url, list)];
		});
		return scope;
	}
}
