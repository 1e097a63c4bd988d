/**
 * What a queue-mode test uses: n8n's public API on the main process, the workers' logs and pids,
 * and the Procore sandbox's control API. Everything was started by ./globalSetup.ts.
 */
import fs from 'fs';

import { call, json, sandboxControl } from '../helpers/controlApi';
import { STATE_FILE } from './stateFile';

export { eventually } from '../helpers/controlApi';

export interface QueueState {
	n8nUrl: string;
	apiKey: string;
	userFolder: string;
	bin: string;
	env: NodeJS.ProcessEnv;
	mainLog: string;
	workers: Array<{ pid: number; logFile: string }>;
	sandboxUrl: string;
	companyId: number;
	seed: { projects: Record<string, number> };
	redisPort: number;
}

export const state: QueueState = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as QueueState;

interface NodeRun {
	data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
}

export interface Execution {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
	retryOf?: string | null;
	retrySuccessId?: string | null;
	startedAt?: string;
	stoppedAt?: string | null;
	data?: {
		resultData: { runData: Record<string, NodeRun[]>; error?: { message: string } };
		executionData?: { nodeExecutionStack?: Array<{ node: { name: string }; data: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }> };
	};
}

export const n8n = {
	async api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const init = json(method, body);
		init.headers = { ...(init.headers as Record<string, string>), 'X-N8N-API-KEY': state.apiKey };
		return await call<T>(`${state.n8nUrl}/api/v1${path}`, init);
	},
	/** Every execution of the workflow, all pages (cursor), newest first. */
	async executions(workflowId: string, { includeData = false } = {}): Promise<Execution[]> {
		const all: Execution[] = [];
		let cursor: string | undefined;
		do {
			const query = `workflowId=${workflowId}&includeData=${includeData}&limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
			const page = await n8n.api<{ data: Execution[]; nextCursor?: string | null }>('GET', `/executions?${query}`);
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	},
};

export const sandbox = sandboxControl(state.sandboxUrl);

/** Execution id → worker index (0, 1, …), from each worker's "Worker started execution <id>" log lines. */
export function executionsByWorker(): Map<string, number[]> {
	const ran = new Map<string, number[]>();
	state.workers.forEach((worker, index) => {
		const log = fs.existsSync(worker.logFile) ? fs.readFileSync(worker.logFile, 'utf8') : '';
		for (const match of log.matchAll(/Worker started execution (\d+) \(job /g)) {
			ran.set(match[1], [...(ran.get(match[1]) ?? []), index]);
		}
	});
	return ran;
}

/** The trigger's item in an execution: from its run data, or (not run yet: crashed) from the stack it was queued with. */
export function triggerItem(execution: Execution, node = 'Procore Trigger'): Record<string, unknown> | undefined {
	const run = execution.data?.resultData.runData[node]?.[0];
	const fromRun = run?.data?.main[0]?.[0]?.json;
	if (fromRun) return fromRun;
	const queued = execution.data?.executionData?.nodeExecutionStack?.find((s) => s.node.name === node);
	return queued?.data.main[0]?.[0]?.json;
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inParallel<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, items.length) }, async () => {
			while (next < items.length) {
				const index = next++;
				results[index] = await task(items[index], index);
			}
		}),
	);
	return results;
}
