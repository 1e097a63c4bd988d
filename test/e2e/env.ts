/**
 * What an end-to-end test uses: the shared n8n (public API, CLI, webhooks) and the Procore sandbox
 * (its control API), both started once by ./globalSetup.ts.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import { promisify } from 'util';

import { freePort, INBOUND_HEADER } from '../../scripts/lib/n8n';
import { call, eventually, json, sandboxControl } from '../helpers/controlApi';
import { STATE_FILE } from './stateFile';

export { eventually };

export interface E2EState {
	/** The shared n8n's version (DEFAULT_N8N_VERSION). */
	version: string;
	n8nUrl: string;
	apiKey: string;
	userFolder: string;
	bin: string;
	env: NodeJS.ProcessEnv;
	logFile: string;
	importOutput: string;
	email: string;
	password: string;
	sandboxUrl: string;
	companyId: number;
	seed: {
		projects: Record<string, number> & { extra: number[] };
		users: Record<string, number>;
		vendors: Record<string, number>;
		[key: string]: unknown;
	};
}

export const state: E2EState = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as E2EState;

export interface Execution {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
	data?: { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: { message: string } }>>; error?: { message: string } } };
}

export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface Workflow {
	id: string;
	name: string;
	active: boolean;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

/** What a client needs of one running n8n: the shared one (`state`) or one the compatibility suite starts. */
export type N8nTarget = Pick<E2EState, 'version' | 'n8nUrl' | 'apiKey' | 'bin' | 'env' | 'email' | 'password' | 'userFolder'>;

/** n8n 1.x's public API activates and deactivates a workflow; 2.x publishes and unpublishes it. */
const publishVerbs = (version: string) => (version.startsWith('1.') ? ['activate', 'deactivate'] : ['publish', 'unpublish']);

/** A client of one n8n's public API, CLI and webhooks. */
export function n8nClient(target: N8nTarget) {
	const [publishVerb, unpublishVerb] = publishVerbs(target.version);
	const n8n = {
		async api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
			const init = json(method, body);
			init.headers = { ...(init.headers as Record<string, string>), 'X-N8N-API-KEY': target.apiKey };
			return await call<T>(`${target.n8nUrl}/api/v1${path}`, init);
		},
		async workflow(id: string): Promise<Workflow> {
			return await n8n.api<Workflow>('GET', `/workflows/${id}`);
		},
		async workflows(): Promise<Workflow[]> {
			const all: Workflow[] = [];
			let cursor: string | undefined;
			do {
				const page = await n8n.api<{ data: Workflow[]; nextCursor?: string }>('GET', `/workflows?limit=250${cursor ? `&cursor=${cursor}` : ''}`);
				all.push(...page.data);
				cursor = page.nextCursor ?? undefined;
			} while (cursor);
			return all;
		},
		/**
		 * Publishes the workflow and waits until n8n serves its Webhook nodes' production URLs (n8n
		 * answers the publish call about 0.3 s before a webhook is registered).
		 */
		async publish(id: string): Promise<void> {
			const wf = await n8n.api<Workflow>('POST', `/workflows/${id}/${publishVerb}`, {});
			for (const node of wf.nodes.filter((n) => n.type === 'n8n-nodes-base.webhook' && !n.disabled)) {
				const method = String(node.parameters.httpMethod ?? 'GET');
				await n8n.waitForWebhook(String(node.parameters.path), method);
			}
		},
		/** Waits until n8n has registered a production webhook (a CORS preflight gets 204 only then). */
		async waitForWebhook(path: string, method = 'POST', timeoutMs = 15_000): Promise<void> {
			await eventually(
				async () => {
					const response = await fetch(`${target.n8nUrl}/webhook/${path}`, {
						method: 'OPTIONS',
						headers: { Origin: 'http://127.0.0.1', 'Access-Control-Request-Method': method },
					});
					await response.text();
					return response.status === 204;
				},
				{ timeoutMs, what: `webhook ${method} ${path} registered` },
			);
		},
		/**
		 * Unpublishes the workflow, waits until a Procore Trigger's hooks are gone from the sandbox, then
		 * until n8n's hook removal has stopped calling the sandbox (it runs on after the API answered, and
		 * may call delete() more than once), so the next test file's `sandbox.calls()` start clean.
		 */
		async unpublish(id: string): Promise<void> {
			const wf = await n8n.workflow(id);
			await n8n.api('POST', `/workflows/${id}/${unpublishVerb}`);
			const hookIds = wf.nodes.filter((n) => n.type === 'n8n-nodes-procore.procoreTrigger' && n.webhookId).map((n) => String(n.webhookId));
			if (hookIds.length) {
				await eventually(
					async () => {
						const hooks = await sandbox.state<{ destination_url?: string; deleted_at?: string | null }>('webhooks/hooks');
						return !hooks.some((h) => !h.deleted_at && hookIds.some((w) => String(h.destination_url).includes(`/${w}/`)));
					},
					{ what: `the hooks of workflow ${id} deleted`, timeoutMs: 20_000 },
				);
			}
			await sandbox.quiet();
		},
		/** Replaces parameters of named nodes (the per-client settings a template asks users to change). */
		async patchNodes(id: string, patch: Record<string, (node: WorkflowNode) => void>): Promise<Workflow> {
			const wf = await n8n.workflow(id);
			for (const [name, edit] of Object.entries(patch)) {
				const node = wf.nodes.find((n) => n.name === name);
				if (!node) throw new Error(`workflow ${id} has no node "${name}"`);
				edit(node);
			}
			return await n8n.api<Workflow>('PUT', `/workflows/${id}`, {
				name: wf.name,
				nodes: wf.nodes,
				connections: wf.connections,
				settings: { executionOrder: 'v1' },
			});
		},
		async executions(workflowId: string): Promise<Execution[]> {
			const page = await n8n.api<{ data: Execution[] }>('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=250`);
			return page.data;
		},
		/** Waits until `count` executions of the workflow finished (then a quiet period proves no more come). */
		async waitForExecutions(workflowId: string, count: number, { timeoutMs = 60_000, quietMs = 2_000 } = {}): Promise<Execution[]> {
			const until = Date.now() + timeoutMs;
			for (;;) {
				const done = (await n8n.executions(workflowId)).filter((e) => !['running', 'new', 'waiting'].includes(e.status));
				if (done.length >= count) {
					await new Promise((r) => setTimeout(r, quietMs));
					return (await n8n.executions(workflowId)).filter((e) => !['running', 'new', 'waiting'].includes(e.status));
				}
				if (Date.now() > until) throw new Error(`workflow ${workflowId}: ${done.length} of ${count} executions after ${timeoutMs / 1000} s`);
				await new Promise((r) => setTimeout(r, 300));
			}
		},
		/**
		 * Runs a workflow once with n8n's CLI; returns the run data. The CLI starts at a Manual Trigger,
		 * so schedule templates carry one ("Run now") next to their Schedule Trigger.
		 */
		async execute(workflowId: string): Promise<Record<string, unknown>> {
			const { stdout } = await promisify(execFile)(target.bin, ['execute', `--id=${workflowId}`, '--rawOutput'], {
				// `execute` prints the run data through n8n's logger at info level (the suite runs n8n at warn).
				env: { ...target.env, N8N_LOG_LEVEL: 'info', N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
				maxBuffer: 64 * 1024 * 1024,
			}).catch((error: Error & { stdout?: string; stderr?: string }) => {
				// A failed run prints why (the node and its message) on stdout/stderr, not in the exit status.
				throw new Error(`n8n execute --id=${workflowId} failed:\n${`${error.stdout ?? ''}\n${error.stderr ?? ''}`.trim().slice(-3000)}`);
			});
			// The run data is printed as indented JSON from a line `{` to a line `}`; log lines may surround it.
			const start = stdout.search(/^\{$/m);
			const end = stdout.lastIndexOf('\n}') + 2;
			if (start < 0 || end < start) throw new Error(`n8n execute --id=${workflowId} printed no run data:\n${stdout.slice(-2000)}`);
			return JSON.parse(stdout.slice(start, end)) as Record<string, unknown>;
		},
		/**
		 * The production path of a workflow's Webhook node (the first one, or the one named): the
		 * templates leave it empty and each import gets its own (scripts/lib/templates.ts).
		 */
		async webhookPath(workflowId: string, nodeName?: string): Promise<string> {
			const wf = await n8n.workflow(workflowId);
			const node = wf.nodes.find((n) => n.type === 'n8n-nodes-base.webhook' && (!nodeName || n.name === nodeName));
			if (!node?.parameters.path) throw new Error(`workflow ${workflowId} has no Webhook node${nodeName ? ` "${nodeName}"` : ''} with a path`);
			return String(node.parameters.path);
		},
		/** The part `/webhook/<webhookId>/` of the URL a workflow's Procore Trigger registers in Procore. */
		async triggerUrlPart(workflowId: string): Promise<string> {
			const wf = await n8n.workflow(workflowId);
			const node = wf.nodes.find((n) => n.type === 'n8n-nodes-procore.procoreTrigger');
			if (!node?.webhookId) throw new Error(`workflow ${workflowId} has no Procore Trigger with a webhookId`);
			return `/webhook/${String(node.webhookId)}/`;
		},
		/**
		 * POSTs (or `method`) JSON to a production webhook with the header the templates' Header Auth
		 * expects here (`headers: {}` sends none: an unauthenticated caller).
		 */
		async webhook(path: string, body: unknown, method = 'POST', headers: Record<string, string> = { [INBOUND_HEADER.name]: INBOUND_HEADER.value }): Promise<{ status: number; body: unknown }> {
			const init = json(method, body);
			init.headers = { ...(init.headers as Record<string, string>), ...headers };
			const response = await fetch(`${target.n8nUrl}/webhook/${path}`, init);
			const text = await response.text();
			let parsed: unknown = text;
			try {
				parsed = JSON.parse(text);
			} catch {
				// not JSON
			}
			return { status: response.status, body: parsed };
		},
	};
	return n8n;
}

/** The shared n8n of the end-to-end run. */
export const n8n = n8nClient(state);

/** Output items of one node in one execution (first run, main output `index`). */
export function nodeOutput(execution: Execution, node: string, index = 0): Array<Record<string, unknown>> {
	const run = execution.data?.resultData.runData[node]?.[0];
	return (run?.data?.main[index] ?? []).map((i) => i.json);
}

export const sandbox = sandboxControl(state.sandboxUrl);

export interface Received {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	body: unknown;
}

/**
 * A local stand-in for a system outside Procore (COR tool, COI platform, workforce app, chat,
 * e-mail relay, language model): records every request and answers with `respond` (default 200 {ok}).
 */
export async function startStandIn(
	respond: (req: Received) => { status?: number; body?: unknown } | undefined = () => undefined,
): Promise<{ url: string; received: Received[]; stop(): Promise<void> }> {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body: unknown = raw;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				// form or text body: keep the string
			}
			const entry = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
			received.push(entry);
			const answer = respond(entry) ?? {};
			res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(answer.body ?? { ok: true }));
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		stop: async () => await new Promise<void>((r) => server.close(() => r())),
	};
}

/** What a stand-in language model sends back: one OpenAI chat completion carrying `message` (text or tool calls). */
export function chatCompletion(message: Record<string, unknown>, finish: 'stop' | 'tool_calls') {
	return {
		id: `chatcmpl-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: 'stand-in-model',
		choices: [{ index: 0, message: { role: 'assistant', content: null, ...message }, finish_reason: finish }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}
