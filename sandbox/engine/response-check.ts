/**
 * Checks a reply against its operation's 2xx response: the status is one the operation declares,
 * and the body fits the declared schema (types, enums, date formats, nested objects and arrays).
 * `null` is accepted everywhere (Procore's schemas mark nothing nullable, yet its records hold
 * nulls); fields the schema does not declare are allowed (`responseFields: 'schema+stored'`); a
 * branch the extract cut off (`truncated`) is not checked. Used by the tests (config
 * `checkResponses`), never to change a reply.
 */
import type { Operation, Reply, Schema } from '../types';
import { formatError } from './validate';

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_PROBLEMS = 5;

/**
 * Enum values the guides use where the schema lists others (config `responseCheckWaivers`):
 * operation id pattern, field name, values accepted besides the schema's.
 */
const WAIVERS: Array<{ op: RegExp; field: string; accepts: (value: unknown) => boolean; source: string }> = [
	{
		// Line item types, and the type embedded in schedule-of-values and direct cost lines.
		op: /^RestV10(LineItemTypes|(WorkOrder|PurchaseOrder)Contracts\w*LineItems|PrimeContracts\w*LineItems|ProjectsProjectIdDirectCosts)/,
		field: 'base_type',
		accepts: (v) => ['labor', 'material', 'subcontract', 'overhead', 'markup'].includes(v as string),
		source: '§4.4: the docs rely on `labor`; the real enum is UNCONFIRMED',
	},
	{
		op: /^RestV10WebhooksHooksHookIdTriggers/,
		field: 'event_type',
		accepts: (v) => ['create', 'update', 'delete'].includes(v as string),
		source: '§2.1/§2.2: triggers are `create`/`update`/`delete` in the guides, upper case in the schema',
	},
	{
		op: /^RestV10Commitments/,
		field: 'status',
		accepts: (v) => ['Processing', 'Submitted', 'Partially Received', 'Received'].includes(v as string),
		source: '§5.3: purchase orders have statuses of their own (list UNCONFIRMED); the schema lists the subcontract ones',
	},
	{
		op: /^RestV10ChangeEvents/,
		field: 'rom',
		accepts: (v) => typeof v === 'number',
		source: 'a money amount the request schema takes as a number; the response schema says integer',
	},
	{
		op: /^RestV10(PurchaseOrder|WorkOrder)Contracts/,
		field: 'attachments',
		accepts: (v) => Array.isArray(v),
		source: '§6.4: a record has a list of attachments; the extract declares one object',
	},
];

function typeProblem(value: unknown, schema: Schema): string | null {
	switch (schema.type) {
		case 'integer':
			return typeof value === 'number' && Number.isInteger(value) ? null : 'an integer';
		case 'number':
			return typeof value === 'number' ? null : 'a number';
		case 'string':
			return typeof value === 'string' ? null : 'a string';
		case 'boolean':
			return typeof value === 'boolean' ? null : 'true or false';
		case 'array':
			return Array.isArray(value) ? null : 'an array';
		case 'object':
			return isObject(value) ? null : 'an object';
		default:
			return null;
	}
}

function walk(
	value: unknown,
	schema: Schema | undefined,
	at: string,
	out: string[],
	waived: (field: string, value: unknown) => boolean,
): void {
	if (out.length >= MAX_PROBLEMS || !schema || schema.truncated || value === null || value === undefined)
		return;
	const field = /\.([^.[\]]+)$/.exec(at)?.[1] ?? '';
	const t = typeProblem(value, schema);
	if (t && !waived(field, value)) {
		out.push(`${at}: expected ${t}, got ${JSON.stringify(value)?.slice(0, 60)}`);
		return;
	}
	if (t) return;
	if (schema.enum?.length && !schema.enum.some((e) => e === value) && !waived(field, value)) {
		out.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
		return;
	}
	if (typeof value === 'string' && (schema.format === 'date' || schema.format === 'date-time')) {
		const f = formatError(value, schema.format);
		if (f) out.push(`${at}: ${JSON.stringify(value)} ${f}`);
	}
	if (Array.isArray(value)) value.forEach((v, i) => walk(v, schema.items, `${at}[${i}]`, out, waived));
	else if (isObject(value) && schema.properties)
		for (const [k, s] of Object.entries(schema.properties)) walk(value[k], s, `${at}.${k}`, out, waived);
}

/** Problems of one reply (empty when it matches); only 2xx replies are checked. */
export function checkResponse(op: Operation, reply: Reply, useWaivers = true): string[] {
	const waivers = useWaivers ? WAIVERS.filter((w) => w.op.test(op.operationId)) : [];
	const waived = (field: string, value: unknown) =>
		waivers.some((w) => w.field === field && w.accepts(value));
	if (reply.status < 200 || reply.status >= 300) return [];
	const declared = Object.keys(op.responses);
	const name = `${op.operationId} (${op.method} ${op.path}) ${reply.status}`;
	if (declared.length && !declared.includes(String(reply.status)))
		return [`${name}: status ${reply.status}, the operation declares ${declared.join(' / ')}`];
	const schema = op.responses[String(reply.status)]?.schema;
	let body = reply.body;
	if (body === undefined && reply.raw !== undefined) {
		if ((reply.contentType ?? 'application/json').includes('json'))
			try {
				body = JSON.parse(reply.raw.toString());
			} catch {
				return [`${name}: the body is not JSON`];
			}
		else return [];
	}
	const out: string[] = [];
	walk(body, schema, 'body', out, waived);
	return out.map((p) => `${name}: ${p}`);
}
