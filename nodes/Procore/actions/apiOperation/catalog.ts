/**
 * Procore's REST catalog as the node ships it (generated into catalog.data.ts by
 * scripts/build-api-catalog.ts from the catalog the sandbox vendors, so both read one source).
 *
 * Compact form, one array per operation:
 *   [operationId, tool index, METHOD, path, summary, flags, fields]
 * flags: L a paged list (Return All / Limit), D its records sit under `data` on a v1 path,
 *        R body required, A the body is one JSON field (an array or untyped).
 *   Bodies are sent as JSON, also where the catalog declares multipart/form-data: that form is for
 *   file parts (the Document resource sends files), and the hand-built RFI and punch item writes
 *   send JSON to the same endpoints.
 * field: [name, where (p path, q query, b body), type, required (1/0), enum values?]
 *   type: s string, d date, t date-time, i integer, n number, b boolean, o object, j any JSON,
 *         a + item type (ai: array of integers).
 *   Body fields are named by their path in the body (`rfi.subject`); a body field named like a
 *   parameter is prefixed `body.`.
 *
 * The data is loaded on first use (a dynamic import), so n8n does not parse it when it loads the
 * node's description at start-up.
 */
export type CompactField = [name: string, where: 'p' | 'q' | 'b', type: string, required: 0 | 1, values?: string[]];
export type CompactOperation = [
	operationId: string,
	tool: number,
	method: string,
	path: string,
	summary: string,
	flags: string,
	fields: CompactField[],
];
export interface CompactCatalog {
	/** "Category/Module", sorted. */
	tools: string[];
	operations: CompactOperation[];
}

export interface CatalogField {
	name: string;
	in: 'path' | 'query' | 'body';
	type: string;
	required: boolean;
	values?: string[];
}

export interface CatalogOperation {
	operationId: string;
	/** "Category/Module" (Procore's tool). */
	tool: string;
	method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
	path: string;
	summary: string;
	pagedList: boolean;
	/** Where a paged list's records sit when it is not the body itself (v2: `data`, by the pagination loop's default). */
	dataKey?: string;
	bodyRequired: boolean;
	/** The whole body is one JSON field named `body`. */
	wholeBody: boolean;
	fields: CatalogField[];
}

export interface Catalog {
	tools: string[];
	operations: CatalogOperation[];
	byId: Map<string, CatalogOperation>;
}

const WHERE = { p: 'path', q: 'query', b: 'body' } as const;

export function expandCatalog(compact: CompactCatalog): Catalog {
	const operations = compact.operations.map(([operationId, tool, method, path, summary, flags, fields]): CatalogOperation => ({
		operationId,
		tool: compact.tools[tool],
		method: method as CatalogOperation['method'],
		path,
		summary,
		pagedList: flags.includes('L'),
		dataKey: flags.includes('D') ? 'data' : undefined,
		bodyRequired: flags.includes('R'),
		wholeBody: flags.includes('A'),
		fields: fields.map(([name, where, type, required, values]) => ({ name, in: WHERE[where], type, required: required === 1, ...(values ? { values } : {}) })),
	}));
	return { tools: compact.tools, operations, byId: new Map(operations.map((o) => [o.operationId, o])) };
}

let loaded: Promise<Catalog> | undefined;

/** The catalog, parsed once per process on first use. */
export async function loadCatalog(): Promise<Catalog> {
	loaded ??= import('./catalog.data').then(({ CATALOG_JSON }) => expandCatalog(JSON.parse(CATALOG_JSON) as CompactCatalog));
	return await loaded;
}

/** "Project Management/Punch List" → "Project Management › Punch List". */
export function toolName(tool: string): string {
	return tool.replace('/', ' › ');
}
