import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import { getCompanyId } from '../../helpers/context';
import { readLimit } from '../../helpers/limit';
import { procoreApiRequestAllItems, procoreRequest } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';

export const description: INodeProperties[] = forOperation('customApiCall', 'request', [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].map((m) => ({ name: m, value: m })),
		default: 'GET',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. /rest/v1.0/projects/{project_id}/rfis',
		description:
			'Path of any Procore REST endpoint, starting with /rest/. The credential, company header, back-off and error messages are applied for you.',
	},
	{
		displayName: 'Query Parameters',
		name: 'query',
		type: 'json',
		default: '{}',
		description: 'Query string as JSON, e.g. {"project_id": 123, "filters[status]": "open"}',
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { method: ['POST', 'PATCH', 'PUT', 'DELETE'] } },
		description: 'JSON body, e.g. {"rfi": {"subject": "…"}}',
	},
	{
		displayName: 'Paginate',
		name: 'paginate',
		type: 'boolean',
		default: false,
		displayOptions: { show: { method: ['GET'] } },
		description: 'Whether to follow Procore\'s pages and return one item per record',
	},
	...returnAllOrLimit({ method: ['GET'], paginate: [true] }),
]);

function parseJsonParameter(ctx: IExecuteFunctions, name: string, label: string, i: number): IDataObject {
	const raw = ctx.getNodeParameter(name, i, '{}') as string | IDataObject;
	if (typeof raw === 'object') return raw;
	try {
		const value = jsonParse<IDataObject>(raw || '{}');
		if (value === null || typeof value !== 'object') throw new Error('not an object');
		return value;
	} catch {
		throw new NodeOperationError(ctx.getNode(), `${label} is not valid JSON`, {
			description: `Enter ${label} as a JSON object, e.g. {"project_id": 123}.`,
			itemIndex: i,
		});
	}
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject | IDataObject[]> {
	const method = this.getNodeParameter('method', i) as IHttpRequestMethods;
	const path = (this.getNodeParameter('path', i) as string).trim();
	if (!/^\/rest\/v\d+\.\d+\//.test(path)) {
		throw new NodeOperationError(this.getNode(), `Path "${path}" is not a Procore REST path`, {
			description: 'Start the path with /rest/v<version>/, e.g. /rest/v1.0/projects. The host comes from the credential.',
			itemIndex: i,
		});
	}
	const companyId = await getCompanyId(this, i);
	const qs = parseJsonParameter(this, 'query', 'Query Parameters', i);
	const body = method === 'GET' ? undefined : parseJsonParameter(this, 'body', 'Body', i);
	const request = { method, path, qs, body, companyId, itemIndex: i };
	if (method === 'GET' && (this.getNodeParameter('paginate', i, false) as boolean)) {
		const limit = readLimit(this, i);
		return await procoreApiRequestAllItems.call(this, request, { limit });
	}
	const response = await procoreRequest.call(this, request);
	const result = response.body;
	if (Array.isArray(result)) return result as IDataObject[];
	if (result && typeof result === 'object') return result as IDataObject;
	return { statusCode: response.statusCode, body: (result ?? null) as IDataObject };
}
