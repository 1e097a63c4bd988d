/** The /_sandbox control API, the seed (determinism, growth, shapes) and v2 shapes from the generic engine. */
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(() => sb.stop());

const control = async (method: string, path: string, body?: unknown) => {
	const res = await fetch(`${sb.url}/_sandbox${path}`, {
		method,
		headers: body ? { 'Content-Type': 'application/json' } : {},
		body: body ? JSON.stringify(body) : undefined,
	});
	return { status: res.status, body: (await res.json()) as any };
};

describe('control API', () => {
	it('edits like a web-app user, shows state, and resets to the seed', async () => {
		const p = sb.seed.projects.tower;
		const edit = await control('POST', '/ui-edit', {
			resource: 'Observation Items',
			action: 'create',
			project_id: p,
			attributes: { name: 'Loose scaffold tie', status: 'initiated' },
		});
		expect(edit.status).toBe(200);
		const listed = await call(sb, 'GET', `/rest/v1.0/observations/items?project_id=${p}`);
		expect(listed.body.map((o: { id: number }) => o.id)).toContain(edit.body.id);
		const state = await control('GET', `/state?collection=projects/${p}/observations/items`);
		expect(state.body.map((o: { name: string }) => o.name)).toContain('Loose scaffold tie');
		expect((await control('POST', '/reset')).status).toBe(200);
		const after = await call(sb, 'GET', `/rest/v1.0/observations/items?project_id=${p}`);
		expect(after.body.map((o: { id: number }) => o.id).sort()).toEqual(
			Object.values(sb.seed.observations).sort(),
		);
	});

	it('changes config (rate-limit preset, faults) over HTTP and logs calls', async () => {
		const cfg = await control('POST', '/config', { rateLimit: 'doc-example', v1DefaultPerPage: 5 });
		expect(cfg.body.rateLimit).toMatchObject({ hourly: 3600, spike: 25 });
		const res = await call(sb, 'GET', `/rest/v1.0/projects/${sb.seed.projects.tower}/rfis`);
		expect(res.headers.get('per-page')).toBe('5');
		expect(res.headers.get('x-rate-limit-limit')).toBe('25');
		await control('POST', '/config', { rateLimit: null, v1DefaultPerPage: 100 });
		const calls = await control('GET', '/calls');
		expect(calls.body[calls.body.length - 1]).toMatchObject({
			method: 'GET',
			path: `/rest/v1.0/projects/${sb.seed.projects.tower}/rfis`,
			status: 200,
			companyHeader: String(sb.companyId),
			authPresent: true,
		});
		expect((await control('POST', '/config', { rateLimit: 'nonsense' })).status).toBe(400);
	});

	it('reseeds with more projects, deterministically', async () => {
		const seeded = await control('POST', '/seed', { projects: 500 });
		expect(seeded.body.projects.extra).toHaveLength(500);
		const first = seeded.body.projects.extra;
		const list = await call(
			sb,
			'GET',
			`/rest/v1.0/projects?company_id=${sb.companyId}&per_page=1000&filters[by_status]=All`,
		);
		expect(Number(list.headers.get('total'))).toBe(506);
		const again = await control('POST', '/seed', { projects: 500 });
		expect(again.body.projects.extra).toEqual(first);
		await control('POST', '/seed', { projects: 0 });
	});
});

describe('seed shapes', () => {
	it('gives every cost code its line item types and a full_code, and budget rows over 90 % committed', async () => {
		const p = sb.seed.projects.tower;
		const codes = await call(sb, 'GET', `/rest/v1.0/cost_codes?project_id=${p}&per_page=100`);
		const concrete = codes.body.find((c: { id: number }) => c.id === sb.seed.costCodes['03-300']);
		expect(concrete).toMatchObject({ full_code: '03-300', name: 'Cast-in-Place Concrete' });
		expect(concrete.line_item_types.map((t: { code: string }) => t.code)).toEqual([
			'L',
			'M',
			'E',
			'S',
		]);
		const types = await call(sb, 'GET', `/rest/v1.0/line_item_types?company_id=${sb.companyId}`);
		expect(
			types.body.map((t: { code: string; base_type: string }) => `${t.code}:${t.base_type}`),
		).toEqual(['L:labor', 'M:materials', 'E:equipment', 'S:commitment', 'O:other', 'MU:markup']);
		const rows = await call(
			sb,
			'GET',
			`/rest/v1.0/budget_views/${sb.seed.budgetViews.standard}/detail_rows?project_id=${p}`,
		);
		const over90 = rows.body.filter(
			(r: { committed_costs: string; original_budget_amount: string }) =>
				Number(r.committed_costs) / Number(r.original_budget_amount) > 0.9,
		);
		expect(over90.length).toBeGreaterThanOrEqual(3);
		const custom = await call(
			sb,
			'GET',
			`/rest/v1.0/budget_views/${sb.seed.budgetViews.costControl}/detail_rows?project_id=${p}`,
		);
		expect(custom.body[0]).toHaveProperty('Committed Costs');
		expect(custom.body[0]).not.toHaveProperty('committed_costs');
	});

	it('seeds workers with party_id, commitments with vendors, insurances in several statuses', async () => {
		const p = sb.seed.projects.tower;
		const people = await call(sb, 'GET', `/rest/v1.0/projects/${p}/people`);
		expect(people.body.every((x: { id: number; party_id: number }) => x.party_id === x.id)).toBe(
			true,
		);
		const wocs = await call(sb, 'GET', `/rest/v1.0/work_order_contracts?project_id=${p}`);
		expect(wocs.body.map((w: { vendor: { id: number } }) => w.vendor.id).sort()).toEqual(
			[sb.seed.vendors.electrical, sb.seed.vendors.concrete, sb.seed.vendors.drywall].sort(),
		);
		const ins = await call(
			sb,
			'GET',
			`/rest/v1.0/companies/${sb.companyId}/vendors/${sb.seed.vendors.electrical}/insurances`,
		);
		expect(ins.body.map((i: { status: string }) => i.status).sort()).toEqual([
			'compliant',
			'expired',
		]);
		const statuses = await call(sb, 'GET', `/rest/v1.0/change_event/statuses?project_id=${p}`);
		expect(statuses.body.map((s: { name: string }) => s.name)).toEqual([
			'Open',
			'Pending',
			'Closed',
		]);
	});

	it('shapes v2 responses with string ids under data', async () => {
		const p = sb.seed.projects.tower;
		const res = await call(
			sb,
			'GET',
			`/rest/v2.0/companies/${sb.companyId}/projects/${p}/webhooks/hooks`,
		);
		expect(res.body).toEqual({ data: [] });
		const path = `/rest/v2.0/companies/${sb.companyId}/projects/${p}/coordination_issues`;
		const created = await call(sb, 'POST', path, { body: { title: 'Duct vs beam at L4' } });
		expect(created.status).toBe(201);
		expect(created.body.data).toMatchObject({
			id: expect.stringMatching(/^\d+$/),
			title: 'Duct vs beam at L4',
		});
		const shown = await call(sb, 'GET', `${path}/${created.body.data.id}`);
		expect(shown.body.data.id).toBe(created.body.data.id);
		const missing = await call(sb, 'POST', path, { body: {} });
		expect(missing.body.error).toMatchObject({
			code: 'UNPROCESSABLE_ENTITY',
			details: [
				{ reason_code: 'INVALID_PROPERTY', message: "title can't be blank", source: 'title' },
			],
		});
	});
});

describe('resources spread over collections', () => {
	it('lists work order and purchase order contracts together as commitments', async () => {
		const p = sb.seed.projects.tower;
		const res = await call(sb, 'GET', `/rest/v1.0/commitments?project_id=${p}`);
		expect(res.body.map((c: { id: number }) => c.id).sort()).toEqual(
			Object.values(sb.seed.commitments).sort(),
		);
		const one = await call(
			sb,
			'GET',
			`/rest/v1.0/commitments/${sb.seed.commitments.plumbingPo}?project_id=${p}`,
		);
		expect(one.body).toMatchObject({ id: sb.seed.commitments.plumbingPo, number: 'PO-001' });
	});

	it('shows the seeded weather log from the v1.0 and v1.1 paths', async () => {
		const p = sb.seed.projects.tower;
		const v10 = await call(sb, 'GET', `/rest/v1.0/projects/${p}/weather_logs`);
		const v11 = await call(sb, 'GET', `/rest/v1.1/projects/${p}/daily_logs/weather_logs`);
		expect(v10.body.map((l: { id: number }) => l.id)).toEqual([sb.seed.dailyLogs.weather]);
		expect(v11.body.map((l: { id: number }) => l.id)).toEqual([sb.seed.dailyLogs.weather]);
	});
});

describe('special handlers', () => {
	it('lets a test register a handler in one line, overriding the generic engine', async () => {
		const { defineHandler } = await import('../../sandbox');
		const custom = await startSandbox({
			port: 0,
			handlers: [
				defineHandler(
					'GET /rest/v1.0/projects/{project_id}/rfis/potential_rfi_managers',
					(ctx) => ({ status: 200, body: [{ id: 7, project: ctx.projectId }] }),
				),
			],
		});
		try {
			const res = await call(
				custom,
				'GET',
				`/rest/v1.0/projects/${custom.seed.projects.tower}/rfis/potential_rfi_managers`,
			);
			expect(res.body).toEqual([{ id: 7, project: custom.seed.projects.tower }]);
			// The rules still run first: an unknown project is a 404 before the handler is reached.
			expect(
				(await call(custom, 'GET', '/rest/v1.0/projects/1/rfis/potential_rfi_managers')).status,
			).toBe(404);
		} finally {
			await custom.stop();
		}
	});
});
