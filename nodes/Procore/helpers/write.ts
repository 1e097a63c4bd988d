import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ProcoreRequest } from '../transport';
import { procoreApiRequest } from '../transport';
import { sendOnce } from './writeOnce';

/**
 * Options every write operation adds to its "Options" collection. They are read by procoreWrite,
 * so a new write operation gets preview and audit tagging without code of its own.
 */
export const writeOptions: INodeProperties[] = [
	{
		displayName: 'Preview Only',
		name: 'previewOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether to do every read and check the write needs and return what would be sent and what would change, without writing to Procore. Use it before an approval step.',
	},
	{
		displayName: 'Audit Tag',
		name: 'auditTag',
		type: 'boolean',
		default: true,
		description:
			'Whether to record which n8n workflow, execution and node wrote the record (in Procore\'s origin data where the record has it), so every automated edit can be traced',
	},
	{
		displayName: 'Requested by an AI Agent',
		name: 'agentRequest',
		type: 'boolean',
		default: false,
		description:
			'Whether an AI agent asked for this write and a person approved it (e.g. an MCP client through an approval step): the audit tag then marks it as an agent write, as it does when this node is itself an AI tool',
	},
];

/** The "Options" collection of a write operation that has no options of its own. */
export const writeOptionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: writeOptions,
};

/**
 * The "Options" collection of a create that finds the record first (re-runs never duplicate):
 * "Create Even If It Exists" to skip that search, then the write options. `description` says what
 * counts as the same record and what an existing one returns.
 */
export function createOptionsCollection(description: string): INodeProperties {
	return {
		...writeOptionsCollection,
		options: [{ displayName: 'Create Even If It Exists', name: 'allowDuplicate', type: 'boolean', default: false, description }, ...writeOptions],
	};
}

export type WriteAction = 'create' | 'update' | 'delete' | 'upsert' | 'push' | 'upload';

export interface FieldChange {
	field: string;
	previous: unknown;
	new: unknown;
}

export interface WriteSpec {
	itemIndex: number;
	action: WriteAction;
	/** Procore's name for the record, e.g. "Change Event". */
	recordLabel: string;
	request: ProcoreRequest;
	/** Key of the record inside the body, e.g. `change_event` for `{ change_event: {...} }`. */
	wrapperKey?: string;
	/** Field in which Procore keeps free-form integration data for this record; null if none. */
	auditField?: string | null;
	/** The record as it is now (updates): enables the previous → new diff. */
	previous?: IDataObject;
	/** One sentence for people; receives the written (or previewed) record and the field changes. */
	summarize?: (record: IDataObject, changes: FieldChange[], preview: boolean) => string;
}

export interface AuditTag {
	source: 'n8n';
	instanceId: string;
	workflowId: string;
	executionId: string;
	node: string;
	agent: boolean;
}

/**
 * Which n8n instance, workflow, execution and node is writing, and whether an AI agent asked for it:
 * the node runs as an AI tool, or it carries out an agent's request after an approval step (Options ›
 * Requested by an AI Agent), where the node that writes is a plain one.
 */
export function auditTagFor(ctx: IExecuteFunctions, itemIndex = 0): AuditTag {
	const node = ctx.getNode();
	return {
		source: 'n8n',
		instanceId: String(ctx.getInstanceId?.() ?? ''),
		workflowId: String(ctx.getWorkflow().id ?? ''),
		executionId: String(ctx.getExecutionId?.() ?? ''),
		node: node.name,
		// n8n runs a node used by an AI Agent as the `<type>Tool` variant of its type.
		agent: /Tool$/.test(node.type) || ctx.getNodeParameter('options.agentRequest', itemIndex, false) === true,
	};
}

/** The compact string stored in Procore; parseAuditTag reads it back (the trigger's loop guard). */
export function formatAuditTag(tag: AuditTag): string {
	return `n8n:${tag.instanceId}:${tag.workflowId}:${tag.executionId}:${tag.node}${tag.agent ? ':agent' : ''}`;
}

export function parseAuditTag(value: unknown): Partial<AuditTag> | undefined {
	if (typeof value !== 'string' || !value.startsWith('n8n:')) return undefined;
	const [, instanceId, workflowId, executionId, ...rest] = value.split(':');
	const agent = rest[rest.length - 1] === 'agent';
	return {
		source: 'n8n',
		instanceId,
		workflowId,
		executionId,
		node: (agent ? rest.slice(0, -1) : rest).join(':'),
		agent,
	};
}

function recordFields(body: unknown, wrapperKey?: string): IDataObject {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
	const data = body as IDataObject;
	const inner = wrapperKey ? data[wrapperKey] : data;
	return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as IDataObject) : {};
}

function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (a === null || b === null || a === undefined || b === undefined) return a == b;
	if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
	return String(a) === String(b);
}

/** Field-by-field previous → new for the fields the write sends. */
export function diffFields(previous: IDataObject | undefined, next: IDataObject): FieldChange[] {
	if (!previous) return [];
	return Object.entries(next)
		.filter(([field, value]) => !same(previous[field], value))
		.map(([field, value]) => ({ field, previous: previous[field], new: value }));
}

const VERBS: Record<WriteAction, [string, string]> = {
	create: ['create', 'created'],
	update: ['update', 'updated'],
	delete: ['delete', 'deleted'],
	upsert: ['create or update', 'created or updated'],
	push: ['push', 'pushed'],
	upload: ['upload', 'uploaded'],
};

function defaultSummary(spec: WriteSpec, record: IDataObject, changes: FieldChange[], preview: boolean): string {
	const id = record.id ?? spec.previous?.id;
	const name = `${spec.recordLabel}${id !== undefined ? ` ${String(id)}` : ''}`;
	const [infinitive, past] = VERBS[spec.action];
	const detail = changes.length
		? `: ${changes.length} field${changes.length === 1 ? '' : 's'} changed (${changes.map((c) => c.field).join(', ')})`
		: '';
	return preview ? `Would ${infinitive} ${name}${detail}` : `${name} ${past}${detail}`;
}

/**
 * The one write path of the Procore node: audit tag, preview, previous → new diff and the summary
 * sentence. Operations build the request; this decides whether and how it is sent.
 */
export async function procoreWrite(this: IExecuteFunctions, spec: WriteSpec): Promise<IDataObject> {
	const i = spec.itemIndex;
	const previewOnly = this.getNodeParameter('options.previewOnly', i, false) as boolean;
	const tagEnabled = this.getNodeParameter('options.auditTag', i, true) as boolean;
	const request: ProcoreRequest = { ...spec.request, itemIndex: i };
	const tag = auditTagFor(this, i);
	let auditTag: string | undefined;
	if (tagEnabled && spec.auditField && request.body && !Array.isArray(request.body)) {
		const fields = recordFields(request.body, spec.wrapperKey);
		if (fields[spec.auditField] === undefined || fields[spec.auditField] === '') {
			auditTag = formatAuditTag(tag);
			const body = { ...request.body } as IDataObject;
			if (spec.wrapperKey) body[spec.wrapperKey] = { ...fields, [spec.auditField]: auditTag };
			else body[spec.auditField] = auditTag;
			request.body = body;
		}
	}
	// The tag added here is bookkeeping, not a change the user asked for: it stays out of the diff and
	// the summary (an approver reads "1 field changed (title)", not "(title, origin_data)").
	const sent = recordFields(request.body, spec.wrapperKey);
	const asked = auditTag && spec.auditField ? Object.fromEntries(Object.entries(sent).filter(([field]) => field !== spec.auditField)) : sent;
	const changes = diffFields(spec.previous, asked as IDataObject);
	// The package's own keys (helpers/output.ts WRITE_KEYS): snake_case like Procore's fields.
	const extra: IDataObject = {};
	if (spec.previous) extra.changes = changes as unknown as IDataObject[];
	if (auditTag) extra.audit_tag = auditTag;
	if (previewOnly) {
		const wouldBe = { ...spec.previous, ...recordFields(request.body, spec.wrapperKey) };
		return {
			preview: true,
			summary: spec.summarize?.(wouldBe, changes, true) ?? defaultSummary(spec, wouldBe, changes, true),
			request: {
				method: request.method,
				path: request.path,
				qs: request.qs ?? {},
				body: (request.body ?? null) as IDataObject,
			},
			...extra,
		};
	}
	// Sent once even when n8n runs this node twice for the same execution and item (helpers/writeOnce.ts): the
	// repeat gets the first run's output, whose changes were diffed against the record before the write.
	return await sendOnce(this, i, request, async () => {
		const result = await procoreApiRequest.call(this, request);
		const record =
			result && typeof result === 'object' && !Array.isArray(result)
				? ((result as IDataObject).data && typeof (result as IDataObject).data === 'object' && !Array.isArray((result as IDataObject).data)
						? ((result as IDataObject).data as IDataObject)
						: (result as IDataObject))
				: { result: result as IDataObject[] };
		const written = spec.action === 'delete' ? { id: spec.previous?.id, deleted: true } : record;
		return {
			...written,
			summary: spec.summarize?.(written, changes, false) ?? defaultSummary(spec, written, changes, false),
			...extra,
		};
	});
}
