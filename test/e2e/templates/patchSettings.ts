/** Per-client values of a template live in its "Settings" Set node: tests point them at local stand-ins. */
import { execFile } from 'child_process';
import http from 'http';
import type { AddressInfo } from 'net';
import { promisify } from 'util';

import { state, type WorkflowNode } from '../env';

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

/**
 * Runs a workflow once with n8n's CLI (`execute`, which starts at its Manual Trigger), like
 * n8n.execute, but reads the run data from the first line that opens the JSON document (the CLI
 * prints log lines around it) and fails with what the CLI printed.
 */
export async function executeOnce(workflowId: string): Promise<ExecutedRun> {
	const args = ['execute', `--id=${workflowId}`, '--rawOutput'];
	const env = { ...state.env, N8N_LOG_LEVEL: 'info', N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	let stdout = '';
	try {
		({ stdout } = await promisify(execFile)(state.bin, args, { env, maxBuffer: 64 * 1024 * 1024 }));
	} catch (error) {
		const e = error as Error & { stdout?: string; stderr?: string };
		throw new Error(`n8n ${args.join(' ')} failed: ${e.message}\n${String(e.stdout ?? '').slice(-4000)}\n${String(e.stderr ?? '').slice(-2000)}`);
	}
	const lines = stdout.split('\n');
	const start = lines.findIndex((l) => l === '{');
	const end = lines.lastIndexOf('}');
	if (start < 0 || end < start) throw new Error(`n8n ${args.join(' ')} printed no run data:\n${stdout.slice(-4000)}`);
	const run = JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutedRun;
	const error = run.data.resultData.error;
	if (error) throw new Error(`workflow ${workflowId} failed: ${error.message}`);
	return run;
}

export interface ExecutedRun {
	data: { resultData: { runData: Record<string, unknown>; error?: { message: string } } };
}

async function freePort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	await new Promise((r) => server.close(r));
	return port;
}
