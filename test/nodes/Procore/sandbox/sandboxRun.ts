/**
 * Runs the real Procore node inside n8n-core (test/harness) against a local Procore sandbox, so a
 * test can check what Procore would have stored, not only what the node returned.
 *
 *   const env = await sandboxEnv();                  // beforeAll
 *   const run = await env.run({ resource: 'changeEvent', operation: 'pushCor', ... }, { items });
 *   run.output / run.error / run.calls (the sandbox calls this run made)
 *   env.sb.store.list(`projects/${tower}/change_events`)
 *   await env.stop();                                // afterAll
 */
import type { IDataObject, INode, INodeExecutionData, IWorkflowBase } from 'n8n-workflow';
import nock from 'nock';

import type { Sandbox, StartOptions } from '../../../../sandbox';
import { startSandbox } from '../../../../sandbox';
import type { CallRecord } from '../../../../sandbox/calls';
import { HARNESS_PROCORE_CREDENTIALS, runWorkflowFixture } from '../../../harness';

const NODE = 'Procore';

function workflow(parameters: IDataObject, settings: Partial<INode>): IWorkflowBase {
	return {
		id: 'sandbox-wf',
		name: 'Procore against the sandbox',
		active: false,
		nodes: [
			{ id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'n2',
				name: NODE,
				type: 'n8n-nodes-procore.procore',
				typeVersion: 1,
				position: [220, 0],
				parameters: parameters as INode['parameters'],
				credentials: { procoreOAuth2Api: { id: 'procore-cred', name: 'Procore (sandbox)' } },
				...settings,
			},
		],
		connections: { Start: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	} as unknown as IWorkflowBase;
}

export interface SandboxRun {
	/** The node's output items (empty when it failed). */
	output: INodeExecutionData[];
	json: IDataObject[];
	/** The error the node stopped with (message, description…), undefined when it succeeded. */
	error?: IDataObject;
	/** Every sandbox call this run made, in order (API and storage hosts). */
	calls: CallRecord[];
	/** Calls other than GET: what was written. */
	writes: CallRecord[];
}

export interface SandboxEnv {
	sb: Sandbox;
	run(parameters: IDataObject, options?: { items?: INodeExecutionData[]; settings?: Partial<INode> }): Promise<SandboxRun>;
	/** Records of a project-scoped collection as the sandbox stores them (live ones). */
	records(projectId: number, collection: string): IDataObject[];
	/** `GET /_sandbox/state`: the control API's view of a collection. */
	state(collection: string): Promise<IDataObject[]>;
	stop(): Promise<void>;
}

export async function sandboxEnv(options: StartOptions = {}): Promise<SandboxEnv> {
	const sb = await startSandbox({ port: 0, ...options });
	nock.disableNetConnect();
	// The API host is 127.0.0.1, the storage host (uploads) localhost, both on the sandbox's port.
	nock.enableNetConnect((host) => host.startsWith('127.0.0.1') || host.startsWith('localhost'));
	const credentials = () => ({
		procoreOAuth2Api: {
			...HARNESS_PROCORE_CREDENTIALS,
			customApiUrl: sb.url,
			customLoginUrl: sb.url,
			clientId: 'sandbox-client-id',
			clientSecret: 'sandbox-client-secret',
			defaultCompanyId: String(sb.companyId),
			oauthTokenData: { access_token: sb.issueToken(), token_type: 'Bearer' },
		},
	});
	return {
		sb,
		async run(parameters, { items, settings } = {}) {
			const before = sb.calls.length;
			const result = await runWorkflowFixture(workflow(parameters, settings ?? {}), {
				items: items ?? [{ json: {} }],
				credentials: credentials(),
			});
			const error = result.errorOf(NODE);
			const output = error ? [] : result.outputOf(NODE);
			const calls = sb.calls.slice(before);
			return { output, json: output.map((o) => o.json), error, calls, writes: calls.filter((c) => c.method !== 'GET') };
		},
		records(projectId, collection) {
			return sb.store.list(`projects/${projectId}/${collection}`) as unknown as IDataObject[];
		},
		async state(collection) {
			const res = await fetch(`${sb.url}/_sandbox/state?collection=${encodeURIComponent(collection)}`);
			return (await res.json()) as IDataObject[];
		},
		async stop() {
			await sb.stop();
			nock.enableNetConnect();
		},
	};
}

/**
 * The set-up sandbox test files share: one sandbox for the file (`sandboxEnv`), reset to its seed
 * before every test, stopped after the last. `let env: SandboxEnv; sandboxPerFile((e) => (env = e));`
 */
export function sandboxPerFile(use: (env: SandboxEnv) => void, options: StartOptions = {}): void {
	let env: SandboxEnv | undefined;
	beforeAll(async () => {
		env = await sandboxEnv(options);
		use(env);
	});
	beforeEach(() => env?.sb.reset());
	afterAll(async () => await env?.stop());
}

/** A resource locator value "By ID", as the panel stores it. */
export const rl = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });
