/**
 * A light IExecuteFunctions for unit tests of single operations. HTTP goes through n8n's own
 * request implementation (@n8n/backend-network's OutboundHttp, what n8n-core's helpers call), with
 * the bearer token added the way n8n's OAuth2 helper does, so nock sees what n8n would send.
 * Whole-workflow behaviour (expressions, pairing, continueOnFail across nodes) is covered by the
 * n8n-core workflow harness and by the real-n8n end-to-end suite.
 */
import 'reflect-metadata';
import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { Readable } from 'stream';

export interface ContextOptions {
	parameters: Record<string, unknown>;
	items?: INodeExecutionData[];
	credentials?: IDataObject;
	continueOnFail?: boolean;
	node?: Partial<INode>;
	staticData?: IDataObject;
	/** Records every request the node sends (after auth is added). */
	requests?: IHttpRequestOptions[];
}

/** What n8n-core's httpRequest helper calls: n8n's outbound HTTP service. */
async function httpRequest(request: IHttpRequestOptions): Promise<unknown> {
	// n8n-core pins its own n8n-workflow copy; the request shape is the same.
	return await Container.get(OutboundHttp).requests().request(request as never);
}

export const SANDBOX_CREDENTIALS: IDataObject = {
	grantType: 'authorizationCode',
	environment: 'custom',
	apiBaseUrl: 'https://api.procore.test',
	defaultCompanyId: '4264807',
	clientId: 'sandbox-client-id',
	clientSecret: 'sandbox-client-secret',
	oauthTokenData: { access_token: 'unit-test-access' },
};

function getPath(source: Record<string, unknown>, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => {
		return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
	}, source);
}

/** A parameter as n8n's getNodeParameter answers it: dotted paths, the fallback, extractValue, else an error. */
export function parameterValue(parameters: Record<string, unknown>, name: string, fallback?: unknown, opts?: { extractValue?: boolean }): unknown {
	let value = getPath(parameters, name);
	if (value === undefined) {
		if (fallback !== undefined) return fallback;
		throw new Error(`Could not get parameter "${name}"`);
	}
	if (opts?.extractValue && value && typeof value === 'object' && 'value' in (value as object)) {
		value = (value as { value: unknown }).value;
	}
	return value;
}

export function createExecuteContext(options: ContextOptions): IExecuteFunctions {
	const items: INodeExecutionData[] = options.items ?? [{ json: {} }];
	const credentials = { ...SANDBOX_CREDENTIALS, ...options.credentials };
	const node: INode = {
		id: 'procore-node',
		name: 'Procore',
		type: 'n8n-nodes-procore.procore',
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		...options.node,
	};
	const staticData = options.staticData ?? {};
	const binaryStore = new Map<string, Buffer>();

	const ctx = {
		getNode: () => node,
		getInputData: () => items,
		getWorkflow: () => ({ id: 'wf-unit', name: 'unit', active: false }),
		getExecutionId: () => 'exec-unit',
		getInstanceId: () => 'instance-unit',
		getMode: () => 'manual',
		continueOnFail: () => options.continueOnFail ?? false,
		getWorkflowStaticData: () => staticData,
		getCredentials: async () => credentials,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, opts?: { extractValue?: boolean }) => {
			const params = (typeof itemIndex === 'number' && Array.isArray((options.parameters as any).__perItem)
				? (options.parameters as any).__perItem[itemIndex]
				: undefined) ?? options.parameters;
			return parameterValue(params as Record<string, unknown>, name, fallback, opts);
		},
		logger: { debug() {}, info() {}, warn() {}, error() {} },
		helpers: {
			async httpRequestWithAuthentication(_type: string, request: IHttpRequestOptions) {
				const token = (credentials.oauthTokenData as IDataObject | undefined)?.access_token;
				const withAuth: IHttpRequestOptions = {
					...request,
					headers: { ...request.headers, Authorization: `Bearer ${String(token)}` },
				};
				options.requests?.push(withAuth);
				return await httpRequest(withAuth);
			},
			async httpRequest(request: IHttpRequestOptions) {
				options.requests?.push(request);
				return await httpRequest(request);
			},
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			constructExecutionMetaData: (data: INodeExecutionData[], meta: { itemData: { item: number } }) =>
				data.map((d) => ({ ...d, pairedItem: meta.itemData })),
			assertBinaryData(itemIndex: number, property: string): IBinaryData {
				const binary = items[itemIndex]?.binary?.[property];
				if (!binary) throw new Error(`No binary data property "${property}" exists on item!`);
				return binary;
			},
			async getBinaryDataBuffer(itemIndex: number, property: string): Promise<Buffer> {
				const binary = items[itemIndex]?.binary?.[property];
				if (!binary) throw new Error(`No binary data property "${property}" exists on item!`);
				return binary.id ? binaryStore.get(binary.id)! : Buffer.from(binary.data, 'base64');
			},
			async getBinaryStream(id: string, chunkSize?: number): Promise<Readable> {
				const data = binaryStore.get(id) ?? Buffer.alloc(0);
				const size = chunkSize ?? 64 * 1024;
				return Readable.from((function* () {
					for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
				})());
			},
			async getBinaryMetadata(id: string) {
				return { fileSize: binaryStore.get(id)?.length ?? 0 };
			},
			async prepareBinaryData(data: Buffer | Readable, fileName?: string, mimeType?: string): Promise<IBinaryData> {
				let buffer: Buffer;
				if (Buffer.isBuffer(data)) buffer = data;
				else {
					const chunks: Buffer[] = [];
					for await (const chunk of data) chunks.push(Buffer.from(chunk));
					buffer = Buffer.concat(chunks);
				}
				return {
					data: buffer.toString('base64'),
					fileName,
					mimeType: mimeType ?? 'application/octet-stream',
					fileSize: String(buffer.length),
				};
			},
		},
		/** Test-only: register a binary stored "on disk" (filesystem mode), addressed by id. */
		__storeBinary(id: string, data: Buffer) {
			binaryStore.set(id, data);
		},
	};
	return ctx as unknown as IExecuteFunctions;
}

/** Runs the Procore node's execute() as n8n would for the given parameters and items. */
export async function runProcoreNode(options: ContextOptions): Promise<INodeExecutionData[]> {
	const { Procore } = await import('../../nodes/Procore/Procore.node');
	const ctx = createExecuteContext(options);
	const [output] = await new Procore().execute.call(ctx);
	return output;
}
