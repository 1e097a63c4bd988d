/** Per-client values of a template live in its "Settings" Set node: tests point them at local stand-ins. */
import { eventually, n8n, sandbox, type Execution, type WorkflowNode } from '../env';

interface Assignment {
	name: string;
	value: unknown;
}

export function setSettings(values: Record<string, string>): (node: WorkflowNode) => void {
	return (node) => {
		const list = (node.parameters.assignments as { assignments: Assignment[] }).assignments;
		for (const [name, value] of Object.entries(values)) {
			const assignment = list.find((a) => a.name === name);
			if (!assignment) throw new Error(`Settings has no field "${name}"`);
			assignment.value = value;
		}
	};
}

/** Live (not deleted) rows of a sandbox collection. */
export const live = <T extends { deleted_at?: string | null }>(rows: T[]): T[] => rows.filter((r) => !r.deleted_at);

interface Hook {
	id: number;
	destination_url: string;
	project_id?: number | null;
	deleted_at?: string | null;
}

/**
 * Waits until a published Procore Trigger's hook (matched by URL part and project, null = company)
 * has its triggers in the sandbox: n8n answers the publish call before the trigger's create() ends.
 */
export async function hookReady(urlPart: string, projectId: number | null, triggers: string[]): Promise<Hook> {
	return await eventually(
		async () => {
			const hook = live(await sandbox.state<Hook>('webhooks/hooks')).find((h) => h.destination_url.includes(urlPart) && (h.project_id ?? null) === projectId);
			if (!hook) return undefined;
			const have = live(await sandbox.state<{ hook_id?: number; webhook_hook_id?: number; resource_name: string; event_type: string; deleted_at?: string | null }>('webhooks/triggers'))
				.filter((t) => Number(t.hook_id ?? t.webhook_hook_id) === Number(hook.id))
				.map((t) => `${t.resource_name}:${t.event_type}`);
			return triggers.every((t) => have.includes(t)) ? hook : undefined;
		},
		{ what: `the hook ${urlPart} (project ${String(projectId)}) with ${triggers.join(', ')}`, timeoutMs: 20_000 },
	);
}

/** n8n.execute (n8n's CLI), failing as well when the run ended with an error in the run data. */
export async function executeOnce(workflowId: string): Promise<ExecutedRun> {
	const run = (await n8n.execute(workflowId)) as unknown as ExecutedRun;
	const error = run.data.resultData.error;
	if (error) throw new Error(`workflow ${workflowId} failed: ${error.message}`);
	return run;
}

export interface ExecutedRun {
	data: { resultData: { runData: Record<string, unknown>; error?: { message: string } } };
}

/** Asserts an execution succeeded, failing with n8n's error message and the node that raised it. */
export function expectSuccess(run: Execution): void {
	if (run.status === 'success') return;
	const result = run.data?.resultData;
	const failed = Object.entries(result?.runData ?? {})
		.filter(([, runs]) => runs.some((r) => r.error))
		.map(([node, runs]) => `${node}: ${runs.find((r) => r.error)?.error?.message}`);
	throw new Error(`execution ${run.id} ended ${run.status}: ${result?.error?.message ?? ''} ${failed.join('; ')}`);
}

/**
 * Waits until the sandbox delivered the event of one record to n8n and n8n accepted it (2xx), as
 * Procore retries a refused delivery; fails with the last answer n8n gave.
 */
export async function delivered(resourceName: string, resourceId: number | string, eventType: string): Promise<void> {
	type Row = { resource_name: string; event_type: string; outcome: string; response_status: number | null; response_body: string | null; event: { resource_id: unknown } };
	let last: Row | undefined;
	await eventually(
		async () => {
			const rows = ((await sandbox.deliveries()) as unknown as Row[]).filter(
				(d) => d.resource_name === resourceName && d.event_type === eventType && String(d.event.resource_id) === String(resourceId),
			);
			last = rows[rows.length - 1] ?? last;
			return rows.some((d) => d.outcome === 'ok');
		},
		{ what: `n8n accepting ${resourceName} ${eventType} ${resourceId}`, timeoutMs: 30_000 },
	).catch((error: Error) => {
		throw new Error(`${error.message}; last answer: ${last ? `${last.outcome} ${String(last.response_status)} ${String(last.response_body)}` : 'none'}`);
	});
}

