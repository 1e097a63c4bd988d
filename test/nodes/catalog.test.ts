import { loadCatalog } from '../../nodes/Procore/actions/apiOperation/catalog';
import { catalogEntries, nodePaths, normalizePath, pathPattern } from '../helpers/nodeOperations';

/** Documented by Procore after the April 2026 catalog (procore-api.md §6.3 and §10, last list). */
const DOCUMENTED_NEWER = [
	'/rest/v2.1/companies/{}/projects/{}/uploads',
	'/rest/v2.1/companies/{}/projects/{}/uploads/{}',
	'/rest/v2.1/companies/{}/uploads',
	'/rest/v2.1/companies/{}/uploads/{}',
	'/rest/v1.0/companies/{}/uoms',
	'/rest/v1.0/companies/{}/people',
	'/rest/v1.0/projects/{}/people',
];

/**
 * Every Procore path the shipped nodes call must be an operation in Procore's own catalog (or one
 * Procore's guides document as newer than the catalog snapshot). The nodes' sources are scanned
 * for `/rest/v…` literals; `${…}` and `{…}` segments are compared as parameters.
 */
describe('Procore operations the nodes call', () => {
	const known = new Set([...catalogEntries().map((o) => normalizePath(o.path)), ...DOCUMENTED_NEWER]);
	const used = nodePaths();

	it('finds the paths it checks (the scan works)', () => {
		expect(used.size).toBeGreaterThan(20);
		expect([...used.keys()]).toContain('/rest/v1.0/projects/{}/rfis');
	});

	it.each([...used.entries()])('%s (%s) is a Procore operation', (p) => {
		// `{}` matches any one segment; a base path the code extends must prefix a known operation.
		const pattern = pathPattern(p);
		const ok = [...known].some((k) => pattern.test(k));
		expect({ path: p, known: ok }).toEqual({ path: p, known: true });
	});
});

/**
 * The API Operation resource builds its paths at run time from the catalog it ships (generated from
 * the same vendored catalog): no literal to scan, so the shipped list itself is compared, operation
 * by operation, with Procore's (everyOperation.test.ts then builds a request for each).
 */
describe('Procore operations the API Operation resource offers', () => {
	it('are exactly the catalog\'s, with the same method and path', async () => {
		const shipped = (await loadCatalog()).operations.map((o) => `${o.operationId} ${o.method} ${o.path}`).sort();
		expect(shipped).toEqual(catalogEntries().map((o) => `${o.operationId} ${o.method.toUpperCase()} ${o.path}`).sort());
	});
});
