/**
 * Runs a workflow JSON in-process with n8n-core's WorkflowExecute, the way n8n's own
 * NodeTestHarness does (packages/core/nodes-testing, unpublished), built from n8n-core's public
 * exports. Expressions, pairedItem, `onError` and pinned data behave as in n8n, and HTTP goes
 * through n8n-core's `httpRequestWithAuthentication` → OAuth2 signing → n8n's HTTP client, so nock
 * sees the request n8n would send, Authorization header included.
 */
import { readFileSync } from 'fs';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialsHelper,
	IDataObject,
	INode,
	INodeExecutionData,
	IPinData,
	IRun,
	IRunData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import nock from 'nock';
import path from 'path';

import type { StoredCredentials } from './credentials';
import { HarnessCredentialsHelper } from './credentials';
import { harnessNodeTypes, type HarnessNodeTypes } from './nodeTypes';

/** What a user saves in the Procore credential for the tests' API host (`https://api.procore.test`). */
export const HARNESS_PROCORE_CREDENTIALS = {
	grantType: 'authorizationCode',
	environment: 'custom',
	customApiUrl: 'https://api.procore.test',
	customLoginUrl: 'https://login.procore.test',
	// A signed-in user's optional default company; `companyId` is what a service account (Client
	// Credentials) needs, and n8n drops it for Authorization Code (hidden by the grant).
	defaultCompanyId: '4264807',
	companyId: '4264807',
	clientId: 'harness-client-id',
	clientSecret: 'harness-client-secret',
	oauthTokenData: { access_token: 'harness-access-token', token_type: 'Bearer' },
};

export const HARNESS_API = HARNESS_PROCORE_CREDENTIALS.customApiUrl;

/** Mocks in the shape of n8n's `WorkflowTestData['nock']`. */
export interface HarnessNock {
	baseUrl: string;
	mocks: Array<{
		method: 'get' | 'post' | 'put' | 'patch' | 'delete';
		path: string;
		query?: Record<string, string> | true;
		statusCode: number;
		requestBody?: IDataObject;
		requestHeaders?: Record<string, string>;
		responseBody?: unknown;
		responseHeaders?: Record<string, string>;
	}>;
}

export interface RunWorkflowOptions {
	/** Credentials by type as saved by a user; Procore's defaults to HARNESS_PROCORE_CREDENTIALS. */
	credentials?: StoredCredentials;
	/** Items for the start node (replaces its pinned data): what the trigger "emits". */
	items?: INodeExecutionData[];
	/** nock mocks to install before the run (tests may also install their own). */
	nock?: HarnessNock;
	/** Node parameter overrides by node name, merged over the fixture's. */
	parameters?: Record<string, IDataObject>;
	/** Node setting overrides by node name (e.g. `{ onError: 'continueRegularOutput' }`). */
	nodeSettings?: Record<string, Partial<INode>>;
	mode?: WorkflowExecuteMode;
	nodeTypes?: HarnessNodeTypes;
}

export interface WorkflowRunResult {
	run: IRun;
	runData: IRunData;
	/** Nodes in the order n8n finished them. */
	executionOrder: string[];
	/** Items of a node's output (first run unless told), pairedItem kept. */
	outputOf(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	/** The error a node stopped with (message, description, httpCode, context…), undefined if it succeeded. */
	errorOf(nodeName: string, runIndex?: number): IDataObject | undefined;
	/** The error that stopped the workflow, if any. */
	error: IRun['data']['resultData']['error'];
	credentialsHelper: HarnessCredentialsHelper;
}

export function readWorkflowFixture(fixturePath: string): IWorkflowBase {
	return JSON.parse(readFileSync(path.resolve(fixturePath), 'utf-8')) as IWorkflowBase;
}

function installNock({ baseUrl, mocks }: HarnessNock) {
	const scope = nock(baseUrl);
	for (const m of mocks) {
		let interceptor = scope[m.method](m.path, m.requestBody as nock.RequestBodyMatcher | undefined);
		if (m.query !== undefined) interceptor = interceptor.query(m.query);
		for (const [key, value] of Object.entries(m.requestHeaders ?? {})) {
			interceptor = interceptor.matchHeader(key, value);
		}
		interceptor.reply(m.statusCode, m.responseBody as nock.Body, m.responseHeaders);
	}
}

/** The node WorkflowExecute starts from: the trigger, or the first node without inputs. */
function startNodeOf(workflow: Workflow, nodes: INode[]): INode {
	const start = workflow.getStartNode() ?? nodes.find((n) => !workflow.connectionsByDestinationNode[n.name]);
	if (!start) throw new Error('The workflow has no start node (add a Manual Trigger)');
	return start;
}

/** The `IWorkflowExecuteAdditionalData` n8n-core needs for an in-process run. */
export function createAdditionalData(
	credentialsHelper: ICredentialsHelper,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	const base = 'http://localhost:5678';
	return {
		credentialsHelper,
		executionId: 'harness-execution',
		userId: 'harness-user',
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not supported by the workflow harness');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

let runs = 0;

/**
 * Runs `fixture` (a path to a workflow JSON, or the workflow itself) from its trigger and returns
 * n8n's run data. Pinned data in the fixture is honoured as n8n does (the pinned node is not run
 * and outputs its pinned items); `options.items` pins the start node's output.
 */
export async function runWorkflowFixture(
	fixture: string | IWorkflowBase,
	options: RunWorkflowOptions = {},
): Promise<WorkflowRunResult> {
	const workflowData = structuredClone(typeof fixture === 'string' ? readWorkflowFixture(fixture) : fixture);
	const nodes: INode[] = workflowData.nodes.map((node) => ({
		...node,
		...options.nodeSettings?.[node.name],
		parameters: { ...node.parameters, ...options.parameters?.[node.name] } as INode['parameters'],
	}));
	const nodeTypes = options.nodeTypes ?? harnessNodeTypes;
	const workflow = new Workflow({
		id: workflowData.id ?? 'harness',
		name: workflowData.name,
		nodes,
		connections: workflowData.connections,
		nodeTypes,
		settings: { executionOrder: 'v1', ...workflowData.settings },
		staticData: workflowData.staticData as IDataObject | undefined,
		active: false,
	});
	const startNode = startNodeOf(workflow, nodes);
	const pinData: IPinData = { ...(workflowData.pinData ?? {}) };
	if (options.items) pinData[startNode.name] = options.items;

	if (options.nock) installNock(options.nock);

	const credentialsHelper = new HarnessCredentialsHelper({
		procoreOAuth2Api: HARNESS_PROCORE_CREDENTIALS,
		...options.credentials,
	});
	const mode = options.mode ?? 'manual';
	// Each run its own execution ID, as in n8n (the Procore node sends a write once per execution, node, run and item).
	const executionId = `harness-execution-${++runs}`;
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName: string) => {
		executionOrder.push(nodeName);
	});
	let resolveFinished: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData: IRun) => resolveFinished(fullRunData));

	const additionalData = createAdditionalData(credentialsHelper, { hooks, workflowId: workflow.id, executionId });

	const workflowExecute = new WorkflowExecute(additionalData, mode);
	const run = await workflowExecute.run({ workflow, startNode, pinData });
	await finished;

	const runData = run.data.resultData.runData;
	return {
		run,
		runData,
		executionOrder,
		error: run.data.resultData.error,
		credentialsHelper,
		outputOf(nodeName, outputIndex = 0, runIndex = 0) {
			const task = runData[nodeName]?.[runIndex];
			if (!task) {
				const ran = Object.keys(runData).join(', ') || 'none';
				const why = run.data.resultData.error?.message;
				throw new Error(`Node "${nodeName}" did not run (ran: ${ran})${why ? `; workflow error: ${why}` : ''}`);
			}
			if (task.error) throw new Error(`Node "${nodeName}" failed: ${task.error.message}`);
			return task.data?.main?.[outputIndex] ?? [];
		},
		errorOf(nodeName, runIndex = 0) {
			return runData[nodeName]?.[runIndex]?.error as unknown as IDataObject | undefined;
		},
	};
}
