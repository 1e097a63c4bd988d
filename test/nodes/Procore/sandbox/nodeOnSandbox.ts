/**
 * Runs the Procore node inside n8n-core's workflow harness against a live local sandbox: a
 * two-node workflow (Manual Trigger → Procore) whose credential points at the sandbox, so every
 * request goes n8n-core → OAuth2 signing → n8n's HTTP client → the sandbox over TCP. Tests then
 * read the sandbox's stored state (`sb.store`) and its call log (`sb.calls`), not only the output.
 */
import type { IDataObject, INodeExecutionData, IWorkflowBase } from 'n8n-workflow';
import { readFileSync } from 'fs';
import nock from 'nock';

import { startSandbox, type Sandbox, type StartOptions } from '../../../../sandbox';
import type { CallRecord } from '../../../../sandbox/calls';
import type { StoredRec } from '../../../../sandbox/store';
import { HARNESS_PROCORE_CREDENTIALS, runWorkflowFixture, type WorkflowRunResult } from '../../../harness';

export const NODE = 'Procore';

/** A resource locator value by ID. */
export const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });
export const byName = (value: string) => ({ __rl: true, mode: 'name', value });

export interface SandboxRunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}

export interface SandboxRun extends WorkflowRunResult {
	/** The Procore node's output items (throws if the node failed). */
	out: INodeExecutionData[];
	/** The node's output JSON (empty when it failed). */
	json: IDataObject[];
	/** The node's error, if it stopped with one. */
	nodeError?: IDataObject;
	/** Sandbox calls the run made (control calls excluded). */
	calls: CallRecord[];
	/** Calls that wrote (POST/PUT/PATCH/DELETE) to the API host. */
	writes: CallRecord[];
}

function workflowFor(parameters: IDataObject, continueOnFail: boolean): IWorkflowBase {
	return {
		name: 'Procore node on the sandbox',
		active: false,
		nodes: [
			{
				id: '00000000-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '00000000-0000-4000-8000-000000000002',
				name: NODE,
				type: 'n8n-nodes-procore.procore',
				typeVersion: 1,
				position: [220, 0],
				parameters: parameters as never,
				credentials: { procoreOAuth2Api: { id: 'sandbox', name: 'Procore (sandbox)' } },
				...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		],
		connections: { Start: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	} as unknown as IWorkflowBase;
}

/** Starts one sandbox for the file (beforeAll) and stops it after; `sb()` is the running one. */
export function useSandbox(options: StartOptions = {}): () => Sandbox {
	let sb: Sandbox | undefined;
	beforeAll(async () => {
		// The API host (127.0.0.1) and the storage host it redirects to (localhost), nothing else.
		nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host));
		sb = await startSandbox({ port: 0, ...options });
	});
	afterAll(async () => {
		await sb?.stop();
		// Jest reuses a worker for other test files, and this file's nock stays hooked into its http
		// module: leave it letting everything through, as the other files' afterEach hooks do.
		nock.enableNetConnect();
	});
	return () => {
		if (!sb) throw new Error('sandbox not started');
		return sb;
	};
}

/** Runs the Procore node with these parameters on the sandbox. */
export async function runOnSandbox(sb: Sandbox, parameters: IDataObject, options: SandboxRunOptions = {}): Promise<SandboxRun> {
	const from = sb.calls.length;
	const result = await runWorkflowFixture(workflowFor(parameters, options.continueOnFail ?? false), {
		items: options.items ?? [{ json: {} }],
		credentials: {
			procoreOAuth2Api: {
				...HARNESS_PROCORE_CREDENTIALS,
				customApiUrl: sb.url,
				customLoginUrl: sb.url,
				defaultCompanyId: String(sb.companyId),
				clientId: 'sandbox-client-id',
				clientSecret: 'sandbox-client-secret',
				oauthTokenData: { access_token: sb.issueToken(), token_type: 'Bearer' },
			},
		},
	});
	const nodeError = result.errorOf(NODE);
	const out = nodeError ? [] : result.outputOf(NODE);
	const calls = sb.calls.slice(from).filter((c) => !c.path.startsWith('/_sandbox'));
	return {
		...result,
		out,
		json: out.map((i) => i.json),
		nodeError,
		calls,
		writes: calls.filter((c) => c.method !== 'GET' && c.method !== 'HEAD'),
	};
}

/** The stored records of a collection key (live, deleted ones excluded). */
export function stored(sb: Sandbox, key: string): StoredRec[] {
	return sb.store.list(key).filter((r) => !r.deleted_at);
}

/** The bytes the sandbox's storage holds for a blob (in memory, or its parts on disk in order). */
export function blobBytes(sb: Sandbox, key: string): Buffer {
	const blob = sb.rt.blobs.get(key);
	if (!blob) throw new Error(`no blob ${key}`);
	return blob.data ?? Buffer.concat((blob.paths ?? []).map((p) => readFileSync(p)));
}
