/**
 * Every operation in the catalog, called once with plausible ids: the engine must answer each with
 * a Procore-shaped status (never a 500), so no endpoint the nodes might call can crash the sandbox.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(() => sb.stop());

it('answers all 2,636 operations without a server error', async () => {
	const statuses = new Map<number, number>();
	const failures: string[] = [];
	for (const op of sb.rt.catalog.operations) {
		const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
			name === 'project_id'
				? String(sb.seed.projects.tower)
				: name === 'company_id'
					? String(sb.companyId)
					: '1',
		);
		const query = op.parameters
			.filter((p) => p.in === 'query' && p.required)
			.map(
				(p) =>
					`${encodeURIComponent(p.name)}=${p.name === 'project_id' ? sb.seed.projects.tower : p.name === 'company_id' ? sb.companyId : (p.schema.enum?.[0] ?? 1)}`,
			)
			.join('&');
		const res = await call(sb, op.method, query ? `${path}?${query}` : path, {
			body: op.method === 'GET' || op.method === 'DELETE' ? undefined : {},
		});
		statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
		if (res.status >= 500 || (res.status === 401 && !op.path.startsWith('/oauth/')))
			failures.push(`${op.method} ${op.path}: ${res.status} ${res.text.slice(0, 200)}`);
	}
	expect(failures).toEqual([]);
	expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(sb.rt.catalog.operations.length);
	// Unknown ids (1) are 404s and empty bodies 422s; the rest must be plain successes or 400s.
	expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 404, 422]));
	expect(
		// 207: the status three bulk operations declare as their only success.
		[...statuses.keys()].every((s) => [200, 201, 202, 204, 207, 400, 401, 404, 422].includes(s)),
	).toBe(true);
	expect(statuses.get(200)).toBeGreaterThan(500);
}, 60_000);
