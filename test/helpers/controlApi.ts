/**
 * HTTP clients the end-to-end and queue-mode suites share: the Procore sandbox's control API, a
 * DMSA token for acting on the sandbox as an app would, and polling. Each suite's env.ts binds
 * them to the URLs its globalSetup wrote.
 */
export async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
	const response = await fetch(url, init);
	const text = await response.text();
	if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${response.status}: ${text.slice(0, 800)}`);
	return (text ? JSON.parse(text) : undefined) as T;
}

export function json(method: string, body?: unknown): RequestInit {
	return body === undefined
		? { method }
		: { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

export interface SandboxDelivery {
	event_id: string;
	ulid: string;
	outcome: string;
	response_status: number | null;
	hook_id: number;
	destination_url: string;
	started_at: string;
	completed_at: string;
	[key: string]: unknown;
}

/** The sandbox's control API (`/_sandbox/…`, sandbox/README.md). */
export function sandboxControl(baseUrl: string) {
	const control = {
		async reset(seed: Record<string, unknown> = {}): Promise<void> {
			await call(`${baseUrl}/_sandbox/reset`, json('POST', seed));
		},
		async config(patch: Record<string, unknown>): Promise<Record<string, unknown>> {
			return await call(`${baseUrl}/_sandbox/config`, json('POST', patch));
		},
		async uiEdit(edit: Record<string, unknown>): Promise<Record<string, unknown>> {
			return await call(`${baseUrl}/_sandbox/ui-edit`, json('POST', edit));
		},
		async state<T = Record<string, unknown>>(collection: string): Promise<T[]> {
			return await call<T[]>(`${baseUrl}/_sandbox/state?collection=${encodeURIComponent(collection)}`);
		},
		async calls(): Promise<Array<{ method: string; path: string; status: number; [key: string]: unknown }>> {
			return await call(`${baseUrl}/_sandbox/calls`);
		},
		async clearCalls(): Promise<void> {
			await fetch(`${baseUrl}/_sandbox/calls`, { method: 'DELETE' });
		},
		/** Resolves once no API call has reached the sandbox for `quietMs`. */
		async quiet(quietMs = 2000, timeoutMs = 60_000): Promise<void> {
			const until = Date.now() + timeoutMs;
			let count = (await control.calls()).length;
			let since = Date.now();
			while (Date.now() - since < quietMs && Date.now() < until) {
				await new Promise((r) => setTimeout(r, 250));
				const now = (await control.calls()).length;
				if (now !== count) {
					count = now;
					since = Date.now();
				}
			}
		},
		async deliveries(): Promise<SandboxDelivery[]> {
			return await call(`${baseUrl}/_sandbox/deliveries`);
		},
		/** A client-credentials (DMSA) token, to change things in the sandbox the way an app would. */
		async dmsaToken(): Promise<string> {
			const response = await fetch(`${baseUrl}/oauth/token`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: 'grant_type=client_credentials&client_id=sandbox-dmsa-client&client_secret=sandbox-dmsa-secret',
			});
			return ((await response.json()) as { access_token: string }).access_token;
		},
	};
	return control;
}

/** Polls `check` until it returns a truthy value. */
export async function eventually<T>(
	check: () => Promise<T | undefined | false>,
	{ timeoutMs = 30_000, what = 'condition', everyMs = 250 } = {},
): Promise<T> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((r) => setTimeout(r, everyMs));
	}
}
