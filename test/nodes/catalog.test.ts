import fs from 'fs';
import path from 'path';

/**
 * Every Procore path the shipped nodes call must be an operation in Procore's own catalog (or one
 * Procore's guides document as newer than the catalog snapshot). The nodes' sources are scanned
 * for `/rest/v…` literals; `${…}` and `{…}` segments are compared as parameters.
 */
const ROOT = path.resolve(__dirname, '../..');

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

function catalogPath(): string {
	const vendored = path.join(ROOT, 'sandbox/openapi/catalog.json');
	if (fs.existsSync(vendored)) return vendored;
	return path.resolve(ROOT, '../shared/reference/procore-openapi/catalog.json');
}

function normalize(p: string): string {
	return p
		// A segment built from a variable (e.g. `${kind}_contracts`) stands for any segment.
		.replace(/[^/]*\$\{[^}]*\}[^/]*/g, '{}')
		.replace(/\{[^}]*\}/g, '{}')
		.replace(/\?.*$/, '')
		.replace(/\/+$/, '');
}

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return sources(full);
		return e.name.endsWith('.ts') ? [full] : [];
	});
}

describe('Procore operations the nodes call', () => {
	const catalog = JSON.parse(fs.readFileSync(catalogPath(), 'utf8')) as Array<{ method: string; path: string }>;
	const known = new Set([...catalog.map((o) => normalize(o.path)), ...DOCUMENTED_NEWER]);
	const used = new Map<string, string>();
	for (const file of sources(path.join(ROOT, 'nodes'))) {
		const text = fs.readFileSync(file, 'utf8');
		for (const m of text.matchAll(/[`'](\/rest\/v\d\.\d\/[^`'\s]*)[`']/g)) {
			used.set(normalize(m[1]), path.relative(ROOT, file));
		}
	}

	it('finds the paths it checks (the scan works)', () => {
		expect(used.size).toBeGreaterThan(20);
		expect([...used.keys()]).toContain('/rest/v1.0/projects/{}/rfis');
	});

	it.each([...used.entries()])('%s (%s) is a Procore operation', (p) => {
		// `{}` matches any one segment; a base path the code extends must prefix a known operation.
		const pattern = new RegExp(`^${p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\}/g, '[^/]+')}(/.*)?$`);
		const ok = [...known].some((k) => pattern.test(k));
		expect({ path: p, known: ok }).toEqual({ path: p, known: true });
	});
});
