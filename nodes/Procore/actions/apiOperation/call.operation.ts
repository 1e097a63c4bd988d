import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, jsonParse } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../../helpers/context';
import { asNodeError } from '../../helpers/errorItem';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procoreWrite, writeOptions, writeOptionsCollection } from '../../helpers/write';
import { procoreApiRequest, procoreApiRequestAllItems } from '../../transport';
import { projectLocator, returnAllOrLimit, sortedOptions } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import type { CatalogOperation } from './catalog';
import { loadCatalog, toolName } from './catalog';
import { existingRecord, previousRecord, unwrap } from './reads';
import { buildCatalogRequest, wrapperKey } from './request';

const OPERATION_ID = '^[A-Za-z][A-Za-z0-9]*$';

export const description: INodeProperties[] = forOperation('apiOperation', 'call', [
	{
		displayName: 'Tool',
		name: 'tool',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'Procore tool whose operations the next list shows (Category › Module, as Procore groups its API)',
		hint: 'Empty: the Procore Operation list searches every tool',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Every tool',
				typeOptions: { searchListMethod: 'searchCatalogTools', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. Project Management › Punch List',
			},
		],
	},
	{
		displayName: 'Procore Operation',
		name: 'procoreOperation',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The Procore REST operation to run: search by words of its summary or path',
		typeOptions: { loadOptionsDependsOn: ['tool.value'] },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCatalogOperations', searchable: true },
			},
			{
				displayName: 'By Operation ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. RestV10ProjectsProjectIdRfisGet',
				validation: [{ type: 'regex', properties: { regex: OPERATION_ID, errorMessage: 'Enter an operation ID from Procore\'s catalog' } }],
			},
		],
	},
	{
		...projectLocator,
		required: false,
		description: 'The Procore project, for operations whose path or query has project_id',
		hint: 'Fills project_id; operations without one ignore it',
	},
	{
		displayName: 'Specify Fields',
		name: 'specifyFields',
		type: 'options',
		options: [
			{ name: 'Using Field Mapper', value: 'mapper', description: 'The operation\'s path, query and body fields, typed, one per row' },
			{ name: 'Using JSON', value: 'json', description: 'One JSON object: parameter names and body keys (what an AI agent fills)' },
		],
		default: 'mapper',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		displayOptions: { show: { specifyFields: ['mapper'] } },
		typeOptions: {
			loadOptionsDependsOn: ['procoreOperation.value'],
			resourceMapper: {
				resourceMapperMethod: 'getCatalogFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: false,
				noFieldsError: 'This operation takes no fields besides the company and project',
			},
		},
	},
	{
		displayName: 'Fields (JSON)',
		name: 'fieldsJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { specifyFields: ['json'] } },
		description: 'Path and query parameters by name, and the body as Procore takes it, e.g. {"rfi": {"subject": "Anchor spacing"}}',
	},
	// Shown for every operation (the panel cannot know which are lists): others ignore them.
	...returnAllOrLimit({}).map((p) => (p.name === 'returnAll' ? { ...p, hint: 'Lists only: other operations ignore it' } : p)),
	{
		...writeOptionsCollection,
		options: sortedOptions(writeOptions, [
			{
				displayName: 'Skip If Exists By',
				name: 'skipIfExistsBy',
				type: 'string',
				default: '',
				placeholder: 'e.g. punch_item.name',
				description:
					'Creates only: the body field that identifies the record (a name, number or origin ID). The records on the same path are read first, and one that already has this value is returned instead of creating another, so a re-run creates nothing twice.',
			},
		]),
	},
]);

function operationId(ctx: IExecuteFunctions, i: number): string {
	return normalizeId(ctx.getNodeParameter('procoreOperation', i, '', { extractValue: true }));
}

function fieldValues(ctx: IExecuteFunctions, i: number): IDataObject {
	if (ctx.getNodeParameter('specifyFields', i, 'mapper') === 'json') {
		const raw = ctx.getNodeParameter('fieldsJson', i, '{}') as string | IDataObject;
		if (typeof raw === 'object' && raw !== null) return raw;
		try {
			const value = jsonParse<IDataObject>(raw || '{}');
			if (value && typeof value === 'object' && !Array.isArray(value)) return value;
		} catch {
			// reported below
		}
		throw new NodeOperationError(ctx.getNode(), 'Fields (JSON) is not a JSON object', {
			description: 'Enter one JSON object, e.g. {"id": 12, "rfi": {"subject": "Anchor spacing"}}.',
			itemIndex: i,
		});
	}
	return (ctx.getNodeParameter('fields.value', i, {}) as IDataObject | null) ?? {};
}

async function findOperation(ctx: IExecuteFunctions, i: number): Promise<CatalogOperation> {
	const id = operationId(ctx, i);
	const op = (await loadCatalog()).byId.get(id);
	if (!op) {
		throw new NodeOperationError(ctx.getNode(), id ? `Procore's catalog has no operation "${id}"` : 'No Procore operation chosen', {
			description: 'Choose the Procore Operation from the list (pick a Tool first to narrow it), or enter an operation ID from Procore\'s catalog, e.g. RestV10ProjectsProjectIdRfisGet.',
			itemIndex: i,
		});
	}
	return op;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject | IDataObject[]> {
	const op = await findOperation(this, i);
	const companyId = await getCompanyId(this, i);
	const projectGiven = normalizeId(this.getNodeParameter('project', i, '', { extractValue: true }));
	const projectId = projectGiven ? getProjectId(this, i) : undefined;
	const values = fieldValues(this, i);
	const request = buildCatalogRequest(op, values, { companyId, projectId }, (message, hint) => {
		throw new NodeOperationError(this.getNode(), message, { description: hint, itemIndex: i });
	});
	const sent = { ...request, companyId, itemIndex: i };

	if (op.method === 'GET') {
		if (op.pagedList) {
			const limit = readLimit(this, i);
			return await procoreApiRequestAllItems.call(this, sent, { limit, dataKey: op.dataKey });
		}
		return unwrap(await procoreApiRequest.call(this, sent));
	}

	const action = op.method === 'DELETE' ? 'delete' : op.method === 'POST' ? 'create' : 'update';
	const skipIfExistsBy = String(this.getNodeParameter('options.skipIfExistsBy', i, '') ?? '').trim();
	if (action === 'create' && skipIfExistsBy) {
		const found = await existingRecord(this, i, op, request.body as IDataObject | undefined, values, { companyId, projectId }, skipIfExistsBy);
		if (found) return { ...found, skipped: true, summary: `Already in Procore, not created again: ${op.summary} (${toolName(op.tool)}), id ${String(found.id)}` };
	}
	const wrapper = wrapperKey(op);
	const auditPath = wrapper ? `${wrapper}.origin_data` : 'origin_data';
	const previous = action === 'update' ? await previousRecord(this, op, values, { companyId, projectId }) : undefined;
	const lastSegment = request.path.split('/').pop() ?? '';
	const label = `${op.summary} (${toolName(op.tool)})`;
	try {
		return await procoreWrite.call(this, {
			itemIndex: i,
			action,
			recordLabel: op.summary,
			request: sent,
			wrapperKey: wrapper,
			auditField: op.fields.some((f) => f.in === 'body' && f.name === auditPath) ? 'origin_data' : null,
			previous: previous ?? (action === 'delete' && /^\d+$/.test(lastSegment) ? { id: lastSegment } : undefined),
			summarize: (record, changes, preview) => {
				const id = record.id !== undefined ? ` (id ${String(record.id)})` : '';
				const changed = changes.length ? `; changed: ${changes.map((c) => c.field).join(', ')}` : '';
				return preview ? `Would run ${label}: ${op.method} ${request.path}${changed}` : `Ran ${label}: ${op.method} ${request.path}${id}${changed}`;
			},
		});
	} catch (error) {
		// A delete re-run finds the record already gone: the outcome the workflow asked for.
		if (action === 'delete' && error instanceof NodeApiError && String(error.httpCode) === '404') {
			return { id: lastSegment, deleted: true, skipped: true, summary: `Already gone: ${label}: ${op.method} ${request.path}` };
		}
		throw asNodeError(this, error as Error, i);
	}
}

/** The fields most Procore records share (and a delete's `deleted`); Raw and Selected Fields give the rest. */
export const output: OutputSpec = { fields: ['id', 'name', 'title', 'subject', 'number', 'status', 'description', 'created_at', 'updated_at', 'deleted'] };
