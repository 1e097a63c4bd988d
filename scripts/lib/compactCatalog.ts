/**
 * Reduces Procore's vendored catalog (sandbox/openapi) to the compact form the Procore node ships
 * (the format is described in nodes/Procore/actions/apiOperation/catalog.ts). Pure: the generator
 * script writes its result and the freshness test compares it with the shipped file.
 */
import type { CompactCatalog, CompactField, CompactOperation } from '../../nodes/Procore/actions/apiOperation/catalog';

interface Schema {
	type?: string;
	format?: string;
	properties?: Record<string, Schema>;
	items?: Schema;
	required?: string[];
	enum?: unknown[];
	truncated?: boolean;
}
interface Entry {
	operationId: string;
	method: string;
	path: string;
	summary?: string;
	category?: string;
	module?: string;
}
interface Detail {
	parameters: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
	requestBody: { contentType: string | null; required: boolean; schema: Schema } | null;
	responses: Record<string, { schema?: Schema }>;
}

/** Below this depth a nested body object is one JSON field (Procore's bodies are one wrapper deep, then a few objects). */
const MAX_BODY_DEPTH = 3;

function typeCode(schema: Schema | undefined): string {
	const s = schema ?? {};
	switch (s.type) {
		case 'integer':
			return 'i';
		case 'number':
			return 'n';
		case 'boolean':
			return 'b';
		case 'array':
			return `a${s.items ? typeCode(s.items).slice(0, 1) : 's'}`;
		case 'object':
			return 'o';
		case 'string':
			return s.format === 'date' ? 'd' : s.format === 'date-time' ? 't' : 's';
		default:
			// No type in the extract: free JSON.
			return s.properties ? 'o' : 'j';
	}
}

function field(name: string, where: 'p' | 'q' | 'b', schema: Schema | undefined, required: boolean): CompactField {
	const f: CompactField = [name, where, typeCode(schema), required ? 1 : 0];
	const values = schema?.enum?.filter((v) => v !== null && v !== '');
	if (values?.length) f.push(values.map(String));
	return f;
}

function bodyFields(schema: Schema, prefix: string[], required: boolean, depth: number, out: Array<[string[], Schema, boolean]>): void {
	const props = schema.properties;
	if (schema.type === 'object' && props && Object.keys(props).length && !schema.truncated && depth < MAX_BODY_DEPTH) {
		const req = new Set(schema.required ?? []);
		for (const [key, value] of Object.entries(props)) bodyFields(value, [...prefix, key], required && req.has(key), depth + 1, out);
		return;
	}
	out.push([prefix, schema, required]);
}

/**
 * How a GET with a `page` parameter answers: '' a list (the body, or `data` on v2), 'D' a v1 list
 * under `data`, null no list at all (a record that merely documents `page`, e.g. Show Vendor).
 */
function listShape(detail: Detail, version: string): string | null {
	const ok = Object.entries(detail.responses).sort(([a], [b]) => a.localeCompare(b))[0]?.[1]?.schema ?? {};
	const data = ok.type === 'object' && ok.properties?.data?.type === 'array';
	if (ok.type === 'object' && !data && ok.properties) return null;
	// v2 lists carry their records under `data` (the pagination loop's default there).
	return data && !version.startsWith('v2') ? 'D' : '';
}

export function compactCatalog(entries: Entry[], details: Record<string, Detail>): CompactCatalog {
	const tools = [...new Set(entries.map((e) => `${e.category ?? ''}/${e.module ?? ''}`))].sort((a, b) => a.localeCompare(b));
	const operations = entries.map((e): CompactOperation => {
		const detail = details[e.operationId] ?? { parameters: [], requestBody: null, responses: {} };
		const version = /\/rest\/(v\d+\.\d+)\//.exec(e.path)?.[1] ?? '';
		const query = new Set(detail.parameters.filter((p) => p.in === 'query').map((p) => p.name));
		const shape = e.method.toUpperCase() === 'GET' && query.has('page') ? listShape(detail, version) : null;
		const paged = shape !== null;
		let flags = paged ? `L${shape}` : '';
		const fields: CompactField[] = [];
		for (const p of detail.parameters) {
			if (p.in !== 'path' && p.in !== 'query') continue;
			// Paging is the node's (Return All / Limit through the one pagination loop).
			if (paged && (p.name === 'page' || p.name === 'per_page')) continue;
			fields.push(field(p.name, p.in === 'path' ? 'p' : 'q', p.schema, p.in === 'path' || Boolean(p.required)));
		}
		const body = detail.requestBody;
		if (body) {
			if (body.required) flags += 'R';
			const schema = body.schema ?? {};
			if (schema.type === 'object' && schema.properties && Object.keys(schema.properties).length) {
				const leaves: Array<[string[], Schema, boolean]> = [];
				bodyFields(schema, [], body.required, 0, leaves);
				const names = new Set(fields.map((f) => f[0]));
				for (const [keys, s, req] of leaves) {
					const id = keys.join('.');
					fields.push(field(names.has(id) ? `body.${id}` : id, 'b', s, req));
				}
			} else {
				// An array or untyped body: one JSON field holding the whole body.
				flags += 'A';
				fields.push(field('body', 'b', schema, body.required));
			}
		}
		return [e.operationId, tools.indexOf(`${e.category ?? ''}/${e.module ?? ''}`), e.method.toUpperCase(), e.path, e.summary ?? e.operationId, flags, fields];
	});
	return { tools, operations };
}
