/**
 * The Procore paths the shipped nodes call, found by scanning their sources for `/rest/v…`
 * literals (`${…}` and `{…}` segments stand for any one segment; a base path the code extends
 * covers the operations below it), and the catalog operations on those paths. catalog.test.ts
 * proves each path is Procore's; the sandbox's response check (test/sandboxChecks.ts) and the
 * conformance suite (test/sandbox/conformance) cover these operations.
 */
import fs from 'fs';
import path from 'path';

export const ROOT = path.resolve(__dirname, '../..');

export interface CatalogEntry {
	operationId: string;
	method: string;
	path: string;
}

export function catalogEntries(): CatalogEntry[] {
	return JSON.parse(fs.readFileSync(path.join(ROOT, 'sandbox/openapi/catalog.json'), 'utf8')) as CatalogEntry[];
}

export function normalizePath(p: string): string {
	return (
		p
			// A segment built from a variable (e.g. `${kind}_contracts`) stands for any segment.
			.replace(/[^/]*\$\{[^}]*\}[^/]*/g, '{}')
			.replace(/\{[^}]*\}/g, '{}')
			.replace(/\?.*$/, '')
			.replace(/\/+$/, '')
	);
}

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return sources(full);
		return e.name.endsWith('.ts') ? [full] : [];
	});
}

/**
 * The API Operation resource's catalog (generated from sandbox/openapi): its 2,636 paths are the
 * catalog itself, checked as a whole in catalog.test.ts, not operations the hand-built code calls.
 */
export const GENERATED_CATALOG = 'nodes/Procore/actions/apiOperation/catalog.data.ts';

/** Normalized path → the first file that calls it. */
export function nodePaths(): Map<string, string> {
	const used = new Map<string, string>();
	for (const file of sources(path.join(ROOT, 'nodes'))) {
		if (path.relative(ROOT, file) === GENERATED_CATALOG) continue;
		const text = fs.readFileSync(file, 'utf8');
		for (const m of text.matchAll(/[`'](\/rest\/v\d\.\d\/[^`'\s]*)[`']/g))
			if (!used.has(normalizePath(m[1]))) used.set(normalizePath(m[1]), path.relative(ROOT, file));
	}
	return used;
}

/** `{}` matches any one segment; a base path the code extends matches what lies below it. */
const body = (p: string) => p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\}/g, '[^/]+');
export function pathPattern(p: string): RegExp {
	return new RegExp(`^${body(p)}(/.*)?$`);
}

/**
 * Catalog operations (any method) on a path the nodes call: the path itself, or, for a base path
 * that is no operation of its own (`…/webhooks`, extended in code), the operations below it.
 */
export function nodeOperations(catalog: CatalogEntry[] = catalogEntries()): CatalogEntry[] {
	const paths = catalog.map((o) => normalizePath(o.path));
	const exact = (p: string) => new RegExp(`^${body(p)}$`);
	// A path with an operation of its own names exactly that path (`rfis/{}` is not `rfis/export`).
	const tests = [...nodePaths().keys()].map((p) =>
		paths.includes(p)
			? (c: string) => c === p
			: paths.some((c) => exact(p).test(c))
				? (c: string) => exact(p).test(c)
				: (c: string) => pathPattern(p).test(c),
	);
	return catalog.filter((o) => tests.some((t) => t(normalizePath(o.path))));
}
