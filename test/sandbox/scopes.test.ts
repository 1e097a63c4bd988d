/** Procore's named list scopes among `filters[…]` that are not record attributes, and nested-id filters. */
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(() => sb.stop());

const names = (body: unknown) => (body as Array<{ name?: string; subject?: string }>).map((r) => r.name ?? r.subject);

describe('list scopes', () => {
	it('filters[by_status] picks active, inactive or all projects', async () => {
		const path = `/rest/v1.0/projects?company_id=${sb.companyId}`;
		const all = await call(sb, 'GET', `${path}&filters[by_status]=All`);
		const active = await call(sb, 'GET', `${path}&filters[by_status]=Active`);
		const inactive = await call(sb, 'GET', `${path}&filters[by_status]=Inactive`);
		const every = await call(sb, 'GET', `${path}&filters[by_status]=All`);
		expect(active.body.length).toBeGreaterThan(0);
		expect(inactive.body.length).toBeGreaterThan(0);
		expect(active.body.every((p: { active: boolean }) => p.active)).toBe(true);
		expect(inactive.body.every((p: { active: boolean }) => !p.active)).toBe(true);
		expect(active.body.length + inactive.body.length).toBe(all.body.length);
		expect(every.body.length).toBe(all.body.length);
	});

	it('filters[search] matches text anywhere in the record, ignoring case', async () => {
		const path = `/rest/v1.0/projects/${sb.seed.projects.tower}/rfis`;
		const all = await call(sb, 'GET', path);
		const hit = await call(sb, 'GET', `${path}?filters[search]=EMBED`);
		expect(all.body.length).toBeGreaterThan(1);
		expect(names(hit.body)).toHaveLength(1);
		expect(String(names(hit.body)[0]).toLowerCase()).toContain('embed');
		const none = await call(sb, 'GET', `${path}?filters[search]=no-such-words-anywhere`);
		expect(none.body).toEqual([]);
	});

	it('an _id filter reads a nested list of records (assignee_id → assignees[].id)', async () => {
		const path = `/rest/v1.0/projects/${sb.seed.projects.tower}/rfis`;
		const all = (await call(sb, 'GET', path)).body as Array<{ assignees?: Array<{ id: number }> }>;
		const withBic = all.find((r) => Array.isArray(r.assignees) && r.assignees.length);
		expect(withBic).toBeDefined();
		const id = withBic!.assignees![0].id;
		const hit = await call(sb, 'GET', `${path}?filters[assignee_id]=${id}`);
		expect(hit.body.length).toBeGreaterThan(0);
		expect(hit.body.every((r: { assignees: Array<{ id: number }> }) => r.assignees.some((b) => b.id === id))).toBe(true);
	});
});
