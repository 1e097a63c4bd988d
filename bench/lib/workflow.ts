/**
 * Runs the real Procore node operations through the n8n-core workflow harness (test/harness)
 * against a local Procore sandbox, and counts the calls the sandbox received.
 */
import type { IDataObject, INodeExecutionData, IWorkflowBase } from 'n8n-workflow';
import nock from 'nock';

import type { Sandbox } from '../../sandbox';
import { startSandbox, type StartOptions } from '../../sandbox';
import { HARNESS_PROCORE_CREDENTIALS, runWorkflowFixture, type StoredCredentials, type WorkflowRunResult } from '../../test/harness';

export const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** Manual Trigger → Procore (parameters as given, `={{ … }}` expressions read each item). */
export function procoreWorkflow(parameters: IDataObject, name = 'Procore'): IWorkflowBase {
	return {
		name: `bench: ${name}`,
		nodes: [
			{ id: 'b0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'b1',
				name: 'Procore',
				type: 'n8n-nodes-procore.procore',
				typeVersion: 1,
				position: [220, 0],
				parameters: parameters as never,
				credentials: { procoreOAuth2Api: { id: 'procore-cred', name: 'Procore (sandbox)' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Procore', type: 'main' as never, index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	} as unknown as IWorkflowBase;
}

/** The Procore credential a user saves for the sandbox (Custom environment, a ready token). */
export function benchCredentials(url: string, companyId: number | string, token: string): StoredCredentials {
	return {
		procoreOAuth2Api: {
			...HARNESS_PROCORE_CREDENTIALS,
			customApiUrl: url,
			customLoginUrl: url,
			companyId: String(companyId),
			oauthTokenData: { access_token: token, token_type: 'Bearer' },
		},
	};
}

/** Runs Manual Trigger → Procore once, the Procore node set to Continue (regular output) on error. */
export async function runProcoreWorkflow(
	parameters: IDataObject,
	items: INodeExecutionData[],
	credentials: StoredCredentials,
): Promise<WorkflowRunResult> {
	return await runWorkflowFixture(procoreWorkflow(parameters), {
		items,
		credentials,
		nodeSettings: { Procore: { onError: 'continueRegularOutput' } },
	});
}

export interface BenchSandbox {
	sb: Sandbox;
	/** Calls the sandbox answered since the last reset (API host only, control routes excluded). */
	calls(): number;
	resetCalls(): void;
	run(parameters: IDataObject, items: IDataObject[]): Promise<NodeRun>;
	stop(): Promise<void>;
}

export interface NodeRun {
	items: INodeExecutionData[];
	/** Items whose output is an error (continueOnFail) or the node's own error. */
	failed: number;
	error?: string;
	calls: number;
	status429: number;
	ms: number;
	/** When the first and the last call reached the sandbox, ms after the run started. */
	firstCallMs: number;
	lastCallMs: number;
	result: WorkflowRunResult;
}

export async function benchSandbox(options: StartOptions = {}): Promise<BenchSandbox> {
	nock.enableNetConnect();
	const sb = await startSandbox({ port: 0, ...options });
	const apiCalls = () => sb.calls.filter((c) => !c.path.startsWith('/_sandbox'));
	return {
		sb,
		calls: () => apiCalls().length,
		resetCalls: () => void (sb.calls.length = 0),
		async run(parameters, items) {
			sb.calls.length = 0;
			const startedAt = Date.now();
			const started = performance.now();
			const result = await runProcoreWorkflow(
				parameters,
				items.map((json) => ({ json })),
				benchCredentials(sb.url, sb.companyId, sb.issueToken()),
			);
			const ms = performance.now() - started;
			const error = result.errorOf('Procore');
			const out = error ? [] : result.outputOf('Procore');
			const made = apiCalls();
			const at = made.map((c) => Date.parse(c.at) - startedAt);
			return {
				items: out,
				failed: error ? items.length : out.filter((o) => o.json.error !== undefined).length,
				error: error ? String(error.message) : undefined,
				calls: made.length,
				status429: made.filter((c) => c.status === 429).length,
				ms,
				firstCallMs: at.length ? Math.min(...at) : 0,
				lastCallMs: at.length ? Math.max(...at) : 0,
				result,
			};
		},
		stop: () => sb.stop(),
	};
}
