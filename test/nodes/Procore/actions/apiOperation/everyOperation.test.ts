/**
 * Every operation of Procore's catalog through the API Operation resource: its fields load (the
 * field mapper's method, as the editor calls it) and a request built from example values has the
 * operation's method and path and only keys its schema declares. The schema is read from the
 * sandbox's vendored extract (sandbox/openapi), not from the node's compact catalog, so a field
 * the compaction loses or misplaces fails here.
 */
import type { IDataObject, ILoadOptionsFunctions, ResourceMapperField } from 'n8n-workflow';

import { readVendored } from '../../../../../scripts/build-api-catalog';
import type { CatalogOperation } from '../../../../../nodes/Procore/actions/apiOperation/catalog';
import { loadCatalog } from '../../../../../nodes/Procore/actions/apiOperation/catalog';
import { buildCatalogRequest } from '../../../../../nodes/Procore/actions/apiOperation/request';
import { getCatalogFields } from '../../../../../nodes/Procore/methods/apiOperation.resourceMapping';

interface Schema {
	type?: string;
	properties?: Record<string, Schema>;
	required?: string[];
	items?: Schema;
	enum?: unknown[];
	truncated?: boolean;
}
interface Detail {
	parameters: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
	requestBody: { contentType: string | null; required: boolean; schema: Schema } | null;
}

const { entries, details } = readVendored() as { entries: Array<{ operationId: string; method: string; path: string }>; details: Record<string, Detail> };
const COMPANY = '4264807';
const PROJECT = '101';

function example(field: ResourceMapperField): unknown {
	if (field.type === 'options') return field.options![0].value;
	switch (field.type) {
		case 'number':
			return 12;
		case 'boolean':
			return true;
		case 'dateTime':
			return '2026-05-04T08:00:00Z';
		case 'array':
			return '[3, 4]';
		case 'object':
			return '{}';
		default:
			return /\(YYYY-MM-DD\)/.test(field.displayName) ? '2026-05-04' : 'text';
	}
}

async function fieldsOf(op: CatalogOperation): Promise<ResourceMapperField[]> {
	const ctx = { getCurrentNodeParameter: (name: string) => (name === 'procoreOperation' ? op.operationId : '') } as unknown as ILoadOptionsFunctions;
	return (await getCatalogFields.call(ctx)).fields;
}

/** Dotted paths of a body, down to the first value that is not a plain object. */
function keyPaths(value: unknown, prefix: string[] = []): string[][] {
	if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
		return Object.entries(value as IDataObject).flatMap(([k, v]) => keyPaths(v, [...prefix, k]));
	}
	return [prefix];
}

/** Whether the schema declares this path (a cut-off or untyped object accepts anything below it). */
function declared(schema: Schema | undefined, keys: string[]): boolean {
	let s = schema;
	for (const key of keys) {
		if (!s || s.truncated || (s.type === 'object' && !s.properties) || s.type === undefined) return true;
		s = s.properties?.[key];
		if (!s) return false;
	}
	return true;
}

describe('API Operation: every operation of Procore\'s catalog', () => {
	let ops: CatalogOperation[] = [];
	beforeAll(async () => {
		ops = (await loadCatalog()).operations;
	});

	it('ships every operation of the vendored catalog, once', () => {
		expect(ops.map((o) => o.operationId).sort()).toEqual(entries.map((e) => e.operationId).sort());
		expect(new Set(ops.map((o) => o.operationId)).size).toBe(2636);
	});

	it.each(entries.map((e) => [e.operationId, e]))('%s: fields load and an example request matches its schema', async (id, entry) => {
		const op = ops.find((o) => o.operationId === id)!;
		const detail = details[id];
		const fields = await fieldsOf(op);
		// Each field once, typed; every enum is a list of options.
		expect(new Set(fields.map((f) => f.id)).size).toBe(fields.length);
		for (const f of fields) {
			expect(f.type).toMatch(/^(string|number|boolean|dateTime|array|object|options)$/);
			if (f.type === 'options') expect(f.options!.length).toBeGreaterThan(0);
		}
		// Every path and query parameter of Procore's schema is a field, or the Company / Project locator, or paging.
		const params = detail.parameters.filter((p) => p.in === 'path' || p.in === 'query');
		const ids = new Set(fields.map((f) => f.id));
		const unmapped = params.filter((p) => !ids.has(p.name) && !['company_id', 'project_id', 'page', 'per_page'].includes(p.name)).map((p) => p.name);
		expect({ id, unmapped }).toEqual({ id, unmapped: [] });

		const values = Object.fromEntries(fields.map((f) => [f.id, example(f)])) as IDataObject;
		const request = buildCatalogRequest(op, values, { companyId: COMPANY, projectId: PROJECT }, (message, hint) => {
			throw new Error(`${message} (${hint})`);
		});

		expect(request.method).toBe(entry.method.toUpperCase());
		const pattern = new RegExp(`^${entry.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`);
		expect(request.path).toMatch(pattern);
		const names = [...entry.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
		const filled = pattern.exec(request.path)!.slice(1);
		const expected = (name: string) => (name === 'company_id' ? COMPANY : name === 'project_id' ? PROJECT : encodeURIComponent(String(values[name])));
		names.forEach((name, n) => expect({ name, value: filled[n] }).toEqual({ name, value: expected(name) }));

		const queryNames = new Set(detail.parameters.filter((p) => p.in === 'query').map((p) => p.name));
		expect(Object.keys(request.qs).filter((k) => !queryNames.has(k))).toEqual([]);
		if (queryNames.has('company_id')) expect(request.qs.company_id).toBe(COMPANY);

		const schema = detail.requestBody?.schema;
		if (entry.method.toUpperCase() === 'GET' || !detail.requestBody) {
			expect(request.body).toBeUndefined();
			return;
		}
		expect(request.body).toBeDefined();
		if (Array.isArray(request.body) || schema?.type !== 'object' || !schema.properties) return;
		const undeclared = keyPaths(request.body).filter((keys) => !declared(schema, keys)).map((k) => k.join('.'));
		expect({ id, undeclared }).toEqual({ id, undeclared: [] });
		// Required keys the schema declares (the extract names a few it never declares: `upload` of a project logo).
		const missing = (schema.required ?? []).filter((k) => schema.properties![k] && (request.body as IDataObject)[k] === undefined);
		expect({ id, missing }).toEqual({ id, missing: [] });
	});
});
