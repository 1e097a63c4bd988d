/**
 * Plain-object IHookFunctions / IWebhookFunctions for the Procore Trigger, with HTTP through n8n's
 * own request implementation (as in executeContext.ts) so nock and the sandbox see what n8n sends.
 * Static data is a plain object the test keeps, exactly as n8n hands the node its `node` static data.
 */
import 'reflect-metadata';
import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestOptions,
	INode,
	IWebhookFunctions,
} from 'n8n-workflow';

import { SANDBOX_CREDENTIALS, parameterValue } from './executeContext';

export const WEBHOOK_URL = 'https://n8n.example.com/webhook/9f1c-procore/webhook';
let contexts = 0;

export interface TriggerContextOptions {
	parameters: Record<string, unknown>;
	staticData?: IDataObject;
	credentials?: IDataObject;
	webhookUrl?: string;
	/** Every request the node sends (after auth is added). */
	requests?: IHttpRequestOptions[];
	logs?: string[];
	/** The same id for contexts that stand for one workflow in one n8n process (in-process memories). */
	workflowId?: string;
}

async function httpRequest(request: IHttpRequestOptions): Promise<unknown> {
	return await Container.get(OutboundHttp).requests().request(request as never);
}

function base(options: TriggerContextOptions) {
	const credentials = { ...SANDBOX_CREDENTIALS, ...options.credentials };
	const staticData = options.staticData ?? {};
	const node: INode = {
		id: 'procore-trigger',
		name: 'Procore Trigger',
		type: 'n8n-nodes-procore.procoreTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		webhookId: '9f1c-procore',
	};
	const logs = options.logs ?? [];
	// A workflow id per context: the trigger's in-process dedupe memory is per workflow, and each
	// test is its own workflow (tests that share one pass the same static data).
	const workflowId = options.workflowId ?? `wf-trigger-${++contexts}`;
	return {
		getNode: () => node,
		getWorkflow: () => ({ id: workflowId, name: 'trigger', active: true }),
		getMode: () => 'trigger',
		getActivationMode: () => 'activate',
		getInstanceId: () => 'instance-unit',
		getWorkflowStaticData: () => staticData,
		getCredentials: async () => credentials,
		getNodeParameter: (name: string, fallback?: unknown, opts?: { extractValue?: boolean }) => parameterValue(options.parameters, name, fallback, opts),
		logger: {
			debug() {},
			info() {},
			warn: (message: string) => logs.push(`warn: ${message}`),
			error: (message: string) => logs.push(`error: ${message}`),
		},
		helpers: {
			async httpRequestWithAuthentication(_type: string, request: IHttpRequestOptions) {
				const token = (credentials.oauthTokenData as IDataObject | undefined)?.access_token;
				const withAuth = { ...request, headers: { ...request.headers, Authorization: `Bearer ${String(token)}` } };
				options.requests?.push(withAuth);
				return await httpRequest(withAuth);
			},
			async httpRequest(request: IHttpRequestOptions) {
				options.requests?.push(request);
				return await httpRequest(request);
			},
			returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		},
		staticData,
	};
}

export function createHookContext(options: TriggerContextOptions): IHookFunctions {
	const url = options.webhookUrl ?? WEBHOOK_URL;
	return {
		...base(options),
		getNodeWebhookUrl: () => url,
		getWebhookName: () => 'default',
		getWebhookDescription: () => ({ name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived' }),
	} as unknown as IHookFunctions;
}

export interface RecordedResponse {
	statusCode?: number;
	body?: unknown;
	/** How many times the node answered through the response object. */
	sends: number;
}

export interface WebhookRequest {
	headers?: Record<string, string>;
	/** The body text as Procore sends it (kept raw so 19-digit ids can be checked exactly). */
	rawBody?: string;
	/** The body as n8n's JSON parser would give it, used when rawBody is absent. */
	body?: IDataObject;
}

export function createWebhookContext(
	options: TriggerContextOptions & { request: WebhookRequest },
): { ctx: IWebhookFunctions; response: RecordedResponse } {
	const response: RecordedResponse = { sends: 0 };
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			response.sends++;
			return res;
		},
		send(body: unknown) {
			response.body = body;
			response.sends++;
			return res;
		},
		end() {
			return res;
		},
	};
	const { request } = options;
	const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
	const req = {
		headers,
		body: request.body ?? (request.rawBody ? JSON.parse(request.rawBody) : {}),
		rawBody: request.rawBody === undefined ? undefined : Buffer.from(request.rawBody),
	};
	const ctx = {
		...base(options),
		getHeaderData: () => headers,
		getBodyData: () => req.body,
		getRequestObject: () => req,
		getResponseObject: () => res,
		getQueryData: () => ({}),
		getWebhookName: () => 'default',
		getNodeWebhookUrl: () => options.webhookUrl ?? WEBHOOK_URL,
	} as unknown as IWebhookFunctions;
	return { ctx, response };
}

/** "METHOD /path" of every recorded request, for counting calls. */
export function calls(requests: IHttpRequestOptions[]): string[] {
	return requests.map((r) => `${String(r.method)} ${new URL(String(r.url)).pathname}`);
}
