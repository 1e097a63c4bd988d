/**
 * Conformance of the sandbox with Procore's documentation, for every catalog operation on a path
 * the nodes call (test/helpers/nodeOperations.ts). Derived only from procore-api.md (cited §) and
 * the operation schemas (cited by operation id), never from the sandbox's code:
 *
 * - every operation: no bearer token → 401 (§8.5); no `Procore-Company-Id` → 400 (§1.4; `GET
 *   /rest/v1.0/me` and `GET /rest/v1.0/companies` excepted for a user token); a project that does
 *   not exist → 404 (§8.5);
 * - every read whose ids can be named from the seed: the status the operation declares, the body
 *   its 2xx schema describes (types, enums, date formats), v2 bodies under `data` (§8.6); lists that
 *   declare `page`/`per_page`: `Total`, `Per-Page` and a `Link` with first/last, no `rel="next"` on
 *   the last page (§8.1); a record id that does not exist → 404 (§8.5);
 * - every create whose request schema requires fields: an empty body → 422 (§8.5), in v2's standard
 *   error body (§8.5) on v2.
 *
 * Where the docs are silent or UNCONFIRMED the sandbox's answer and the config key for the other
 * are in sandbox/README.md ("Choices on UNCONFIRMED points"); the ones this suite meets: v1 default
 * `per_page` (`v1DefaultPerPage`), the status for a missing company header (400), enum conflicts
 * between guides and schema (`responseCheckWaivers`), 19-digit delivery ids (`v1DeliveryEventIds`).
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { checkResponse } from '../../sandbox/engine/response-check';
import type { Operation } from '../../sandbox/types';
import { nodeOperations } from '../helpers/nodeOperations';
import { call, links } from './helpers';

let sb: Sandbox;
/** Operations whose success answer (reads) or refusal of an empty body (creates) was checked, not only the generic refusals. */
const checked = { reads: new Set<string>(), creates: new Set<string>() };
const hooks: Record<string, string> = {};
beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
	const tower = sb.seed.projects.tower;
	const v1 = await call(sb, 'POST', '/rest/v1.0/webhooks/hooks', {
		body: { project_id: tower, hook: { api_version: 'v2', namespace: 'conformance', destination_url: 'https://example.com/c' } },
	});
	const body = { payload_version: 'v4.0', namespace: 'conformance', destination_url: 'https://example.com/c' };
	const v2c = await call(sb, 'POST', `/rest/v2.0/companies/${sb.companyId}/webhooks/hooks`, { body });
	const v2p = await call(sb, 'POST', `/rest/v2.0/companies/${sb.companyId}/projects/${tower}/webhooks/hooks`, { body });
	hooks.v1 = String(v1.body.id);
	hooks.v2c = String(v2c.body.data.id);
	hooks.v2p = String(v2p.body.data.id);
});
afterAll(() => sb.stop());

const isV2 = (o: Operation) => /^\/rest\/v2\./.test(o.path);
const operations = nodeOperations().map((e) => e.operationId);
const op = (id: string): Operation => sb.rt.catalog.byId(id)!;

/** Path ids from the seed; `null` when the path names something the seed cannot (then only refusals are checked). */
function pathFor(o: Operation, id?: string): string | null {
	const s = sb.seed;
	const hook = o.path.startsWith('/rest/v1.0/') ? hooks.v1 : o.path.includes('/projects/{project_id}/') ? hooks.v2p : hooks.v2c;
	const values: Record<string, string> = {
		company_id: String(sb.companyId),
		project_id: String(s.projects.tower),
		vendor_id: String(s.vendors.electrical),
		budget_view_id: String(s.budgetViews.standard),
		contract_id: String(s.commitments.electricalWoc),
		rfi_id: String(s.rfis.embedPlates),
		hook_id: hook,
	};
	if (id !== undefined) values.id = id;
	let missing = false;
	const path = o.path.replace(/\{([a-z_]+)\}/g, (_m, name: string) => values[name] ?? ((missing = true), ''));
	return missing ? null : path;
}

/** Required query parameters the scope fills (`project_id`, `company_id`), and the first value of a required enum. */
function queryFor(o: Operation): string {
	const q = new URLSearchParams();
	for (const p of o.parameters.filter((x) => x.in === 'query' && x.required)) {
		if (p.name === 'project_id') q.set(p.name, String(sb.seed.projects.tower));
		else if (p.name === 'company_id') q.set(p.name, String(sb.companyId));
		// §2.3: webhook resources are listed per payload version (v2.0 / v3.0 / v4.0).
		else if (p.name === 'payload_version') q.set(p.name, 'v4.0');
		else if (p.schema.enum?.length) q.set(p.name, String(p.schema.enum[0]));
	}
	if (o.path.startsWith('/rest/v1.0/webhooks/') && !q.has('project_id') && !q.has('company_id'))
		q.set('project_id', String(sb.seed.projects.tower));
	return q.toString();
}
const url = (path: string, query: string, extra = '') => `${path}${[query, extra].filter(Boolean).join('&').replace(/^/, query || extra ? '?' : '')}`;

describe('refusals every operation documents (§8.5, §1.4)', () => {
	it.each(operations)('%s: 401 without a token; 400 without Procore-Company-Id; 404 for a project that does not exist', async (id) => {
		const o = op(id);
		const path = pathFor(o, '1') ?? o.path.replace(/\{[a-z_]+\}/g, '1');
		const query = queryFor(o);
		const noToken = await call(sb, o.method, url(path, query), { token: null });
		expect(noToken.status).toBe(401); // §8.5: token missing → 401
		const headerless = ['RestV10MeGet', 'RestV10CompaniesGet'].includes(id);
		if (!headerless) expect((await call(sb, o.method, url(path, query), { company: null })).status).toBe(400); // §1.4
		if (o.path.includes('{project_id}')) {
			// A path naming ids the seed lacks (a change order's line items) keeps the real company: company 1 is refused with 403 before the project is looked up.
			const gone = o.path
				.replace('{project_id}', '999999999')
				.replace(/\{([a-z_]+)\}/g, (m, name: string) => (pathFor(o, '1') ? m : name === 'company_id' ? String(sb.companyId) : '1'));
			const unknown = pathFor({ ...o, path: gone }, '1') ?? gone.replace(/\{[a-z_]+\}/g, '1');
			expect((await call(sb, o.method, url(unknown, query))).status).toBe(404); // §8.5: does not exist → 404
		}
	});
});

const reads = () => operations.map(op).filter((o) => o.method === 'GET');
const isList = (o: Operation) => !/\{(id|[a-z_]+_id)\}$/.test(o.path);

describe('reads: declared status, 2xx schema, v2 envelope, paging (operation schemas, §8.1, §8.6)', () => {
	it('covers the reads on the nodes’ paths', () => {
		expect(reads().length).toBeGreaterThan(50);
	});

	it.each(operations.filter((id) => id.endsWith('Get')))('%s', async (id) => {
		const o = op(id);
		const query = queryFor(o);
		let path: string | null;
		if (isList(o)) path = pathFor(o);
		else {
			// A record id from the list of the same collection.
			const listOp = sb.rt.catalog.operations.find((x) => x.method === 'GET' && x.path === o.path.replace(/\/\{[a-z_]+\}$/, ''));
			const listPath = listOp && pathFor(listOp);
			const listed = listPath ? await call(sb, 'GET', url(listPath, queryFor(listOp!))) : null;
			const rows = listed?.body?.data ?? listed?.body;
			const first = Array.isArray(rows) ? rows[0]?.id : undefined;
			if (first === undefined) return; // nothing to read: refusals above still apply
			path = pathFor(o, String(first));
			const missing = await call(sb, 'GET', url(pathFor(o, '999999999')!, query));
			expect(missing.status).toBe(404); // §8.5
		}
		if (!path) return;
		const r = await call(sb, 'GET', url(path, query));
		const declared = Object.keys(o.responses);
		expect({ id, status: r.status }).toEqual({ id, status: Number(declared[0] ?? 200) });
		expect(checkResponse(o, { status: r.status, body: r.body })).toEqual([]);
		checked.reads.add(id);
		if (isV2(o)) expect(r.body).toHaveProperty('data'); // §8.6
		const paged = o.parameters.some((p) => p.name === 'per_page');
		if (paged && isList(o)) {
			const first = await call(sb, 'GET', url(path, query, 'per_page=1'));
			const total = Number(first.headers.get('total'));
			expect(first.headers.get('per-page')).toBe('1'); // §8.1
			const rel = links(first.headers.get('link'));
			expect(Object.keys(rel)).toEqual(expect.arrayContaining(['first', 'last']));
			if (total > 0) {
				const last = await call(sb, 'GET', url(path, query, `per_page=1&page=${total}`));
				expect(links(last.headers.get('link')).next).toBeUndefined(); // §8.1: no next on the last page
				expect((last.body?.data ?? last.body).length).toBe(1);
			}
		}
	});
});

const creates = () =>
	operations.map(op).filter((o) => {
		const schema = o.requestBody?.schema;
		const wrapped = Object.values(schema?.properties ?? {}).some((s) => s.type === 'object' && (s.required?.length ?? 0) > 0);
		return o.method === 'POST' && isList(o) && ((schema?.required?.length ?? 0) > 0 || wrapped);
	});

describe('creates refuse a body without the required fields (§8.5: 422)', () => {
	it('covers the creates on the nodes’ paths that require fields', () => {
		expect(creates().length).toBeGreaterThan(5);
	});

	it.each(operations.filter((id) => id.endsWith('Post')))('%s', async (id) => {
		const o = op(id);
		if (!creates().includes(o)) return;
		const path = pathFor(o);
		if (!path) return;
		const r = await call(sb, 'POST', url(path, queryFor(o)), { body: {} });
		expect({ id, status: r.status }).toEqual({ id, status: 422 });
		if (isV2(o)) expect(r.body.error).toMatchObject({ code: 'UNPROCESSABLE_ENTITY' }); // §8.5 v2 body
		else expect(r.body).toHaveProperty('errors'); // §8.5 v1 `errors`
		checked.creates.add(id);
	});
});

describe('coverage', () => {
	it('checked the success answer of most reads and the refusal of every create that requires fields', () => {
		const reads = operations.filter((id) => id.endsWith('Get')).length;
		console.log(
			`conformance: ${operations.length} operations refused as documented; success answers of ${checked.reads.size}/${reads} reads; ${checked.creates.size}/${creates().length} creates refuse an empty body`,
		);
		expect(checked.reads.size).toBeGreaterThan(reads * 0.7);
		expect(checked.creates.size).toBe(creates().filter((o) => pathFor(o)).length);
	});
});
