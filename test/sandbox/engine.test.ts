/** The catalog-driven engine: routing, collections, validation, shapes, pagination, filters, sync. */
import { startSandbox, type Sandbox } from '../../sandbox';
import { call, links } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { rfis: 250 } });
});
afterAll(() => sb.stop());

describe('routing', () => {
	it('answers 404 with a Procore-style body for a path outside the catalog', async () => {
		const res = await call(sb, 'GET', '/rest/v1.0/no_such_things');
		expect(res.status).toBe(404);
		expect(res.body.errors).toMatch(/No route matches \[GET\] "\/rest\/v1.0\/no_such_things"/);
	});

	it('prefers a literal segment over a parameter (rfis/potential_rfi_managers is not rfis/{id})', async () => {
		const res = await call(
			sb,
			'GET',
			`/rest/v1.0/projects/${sb.seed.projects.tower}/rfis/potential_rfi_managers`,
		);
		expect(res.status).toBe(200);
		expect(Array.isArray(res.body)).toBe(true);
	});

	it('404s an unknown record id with the record type named', async () => {
		const res = await call(
			sb,
			'GET',
			`/rest/v1.0/projects/${sb.seed.projects.tower}/rfis/999999999`,
		);
		expect(res.status).toBe(404);
		expect(res.body).toEqual({ errors: 'rfi not found' });
	});
});

describe('collections', () => {
	it('shares one collection between the path-scoped and query-scoped spellings of a resource', async () => {
		const p = sb.seed.projects.tower;
		const v10 = await call(sb, 'GET', `/rest/v1.0/change_events?project_id=${p}`);
		const v11 = await call(sb, 'GET', `/rest/v1.1/change_events?project_id=${p}`);
		expect(v10.status).toBe(200);
		expect(v10.body.map((c: { id: number }) => c.id).sort()).toEqual(
			Object.values(sb.seed.changeEvents).sort(),
		);
		expect(v11.body.map((c: { id: number }) => c.id).sort()).toEqual(
			v10.body.map((c: { id: number }) => c.id).sort(),
		);
	});

	it('creates from a wrapped body, shows, updates (merge) and deletes', async () => {
		const p = sb.seed.projects.hospital;
		// Statuses are per project (the seed's ids are the tower's).
		const statuses = await call(sb, 'GET', `/rest/v1.0/change_event/statuses?project_id=${p}`);
		const open = statuses.body.find((s: { mapped_to_status: string }) => s.mapped_to_status === 'open');
		const created = await call(sb, 'POST', `/rest/v1.0/change_events?project_id=${p}`, {
			body: {
				change_event: {
					change_event_status_id: open.id,
					title: 'Added fire dampers',
					event_scope: 'out_of_scope',
					event_type: 'owner_change',
					description: 'Per fire marshal',
				},
			},
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			title: 'Added fire dampers',
			event_scope: 'out_of_scope',
			project_id: p,
		});
		expect(typeof created.body.id).toBe('number');
		// Fields the 2xx schema declares appear even when nothing was stored for them.
		expect(created.body).toHaveProperty('rfi', null);
		expect(created.body).toHaveProperty('alphanumeric_number', '001');
		const id = created.body.id;
		const updated = await call(sb, 'PATCH', `/rest/v1.0/change_events/${id}?project_id=${p}`, {
			body: { change_event: { status: 'closed' } },
		});
		expect(updated.status).toBe(200);
		expect(updated.body).toMatchObject({ id, title: 'Added fire dampers', status: 'closed' });
		const shown = await call(sb, 'GET', `/rest/v1.0/change_events/${id}?project_id=${p}`);
		expect(shown.body.status).toBe('closed');
		// v1.0 has no DELETE for change events; v1.1 does (the catalog decides).
		expect(
			(await call(sb, 'DELETE', `/rest/v1.0/change_events/${id}?project_id=${p}`)).status,
		).toBe(404);
		const deleted = await call(sb, 'DELETE', `/rest/v1.1/change_events/${id}?project_id=${p}`);
		expect([200, 204]).toContain(deleted.status);
		expect((await call(sb, 'GET', `/rest/v1.0/change_events/${id}?project_id=${p}`)).status).toBe(
			404,
		);
		const withDeleted = await call(
			sb,
			'GET',
			`/rest/v1.0/change_events?project_id=${p}&filters[include_deleted]=only`,
		);
		expect(withDeleted.body.map((c: { id: number }) => c.id)).toEqual([id]);
	});

	it('unwraps multipart form bodies by the schema and coerces their strings (RFI create is declared multipart)', async () => {
		const p = sb.seed.projects.school;
		const form = new FormData();
		form.append('rfi[subject]', 'Door hardware set 4');
		form.append('rfi[question][body]', 'Which lever trim?');
		form.append('rfi[rfi_manager_id]', String(sb.seed.users.pm));
		form.append('rfi[private]', 'true');
		const res = await fetch(`${sb.url}/rest/v1.0/projects/${p}/rfis`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${sb.issueToken()}`,
				'Procore-Company-Id': String(sb.companyId),
			},
			body: form,
		});
		const body = await res.json();
		expect(res.status).toBe(201);
		expect(body).toMatchObject({
			subject: 'Door hardware set 4',
			rfi_manager_id: sb.seed.users.pm,
			private: true,
		});
	});
});

describe('validation', () => {
	it('answers v1 422 with Rails-style field errors for missing required fields', async () => {
		const res = await call(sb, 'POST', `/rest/v1.0/projects/${sb.seed.projects.tower}/rfis`, {
			body: { rfi: { question: { body: 'x' } } },
		});
		expect(res.status).toBe(422);
		expect(res.body.errors).toEqual({
			subject: ["can't be blank"],
			rfi_manager_id: ["can't be blank"],
		});
	});

	it('rejects wrong types and enum values', async () => {
		const res = await call(
			sb,
			'POST',
			`/rest/v1.0/change_events?project_id=${sb.seed.projects.tower}`,
			{ body: { change_event: { title: 'x', event_scope: 'sideways', change_reason_id: 'abc' } } },
		);
		expect(res.status).toBe(422);
		expect(res.body.errors.event_scope).toEqual(['is not included in the list']);
	});

	it('answers v2 validation failures with the standard error body', async () => {
		const res = await call(sb, 'POST', `/rest/v2.0/companies/${sb.companyId}/webhooks/hooks`, {
			body: { namespace: 'n8n' },
		});
		expect(res.status).toBe(422);
		expect(res.body.error.code).toBe('UNPROCESSABLE_ENTITY');
		expect(res.body.error.details).toEqual(
			expect.arrayContaining([
				{
					reason_code: 'INVALID_PROPERTY',
					message: "destination_url can't be blank",
					source: 'destination_url',
				},
			]),
		);
	});

	it('400s a missing required query parameter and a non-integer path parameter', async () => {
		expect((await call(sb, 'GET', '/rest/v1.0/change_events')).status).toBe(400);
		const bad = await call(sb, 'GET', '/rest/v1.0/projects/abc/rfis');
		expect(bad.status).toBe(400);
		expect(bad.body.errors).toEqual({ project_id: ['is not a number'] });
	});
});

describe('pagination', () => {
	const rfis = () => `/rest/v1.0/projects/${sb.seed.projects.tower}/rfis`;

	it('walks exactly ceil(N / per_page) pages with Total, Per-Page and Link headers', async () => {
		const first = await call(sb, 'GET', `${rfis()}?per_page=40`);
		const total = Number(first.headers.get('total'));
		expect(total).toBe(252);
		expect(first.headers.get('per-page')).toBe('40');
		const seen = new Set<number>();
		let next: string | undefined = `${rfis()}?per_page=40`;
		let pages = 0;
		while (next) {
			const res = await call(sb, 'GET', next);
			pages++;
			for (const r of res.body) seen.add(r.id);
			const l = links(res.headers.get('link'));
			expect(l.first).toContain('page=1');
			expect(l.last).toContain('page=7');
			if (pages > 1) expect(l.prev).toContain(`page=${pages - 1}`);
			next = l.next;
		}
		expect(pages).toBe(Math.ceil(252 / 40));
		expect(seen.size).toBe(252);
	});

	it('defaults v1 to 100 per page and clamps to the configured maximum', async () => {
		const res = await call(sb, 'GET', rfis());
		expect(res.body).toHaveLength(100);
		sb.config({ v1MaxPerPage: 50 });
		const clamped = await call(sb, 'GET', `${rfis()}?per_page=1000`);
		sb.config({ v1MaxPerPage: 1000 });
		expect(clamped.headers.get('per-page')).toBe('50');
		expect(clamped.body).toHaveLength(50);
	});

	it('has no next link on the last page', async () => {
		const res = await call(sb, 'GET', `${rfis()}?per_page=100&page=3`);
		expect(res.body).toHaveLength(52);
		expect(links(res.headers.get('link')).next).toBeUndefined();
	});

	it('pages v2 lists 10 by default and at most 100, under data', async () => {
		const res = await call(
			sb,
			'GET',
			`/rest/v2.0/companies/${sb.companyId}/projects/${sb.seed.projects.tower}/submittals?per_page=500`,
		);
		expect(res.status).toBe(200);
		expect(res.headers.get('per-page')).toBe('100');
		expect(Array.isArray(res.body.data)).toBe(true);
	});
});

describe('filters and sort', () => {
	const p = () => sb.seed.projects.tower;
	it('filters exact values, arrays and nested ids', async () => {
		const closed = await call(
			sb,
			'GET',
			`/rest/v1.0/projects/${p()}/rfis?filters[status]=closed&per_page=1000`,
		);
		expect(closed.body.length).toBeGreaterThan(0);
		expect(closed.body.every((r: { status: string }) => r.status === 'closed')).toBe(true);
		const ids = Object.values(sb.seed.changeEvents).slice(0, 2);
		const arr = await call(
			sb,
			'GET',
			`/rest/v1.0/change_events?project_id=${p()}&filters[id][]=${ids[0]}&filters[id][]=${ids[1]}`,
		);
		expect(arr.body.map((c: { id: number }) => c.id).sort()).toEqual([...ids].sort());
	});

	it('filters updated_at by an ISO range', async () => {
		const all = await call(sb, 'GET', `/rest/v1.0/change_events?project_id=${p()}`);
		const newest = [...all.body].sort((a: { updated_at: string }, b: { updated_at: string }) =>
			b.updated_at.localeCompare(a.updated_at),
		)[0];
		const res = await call(
			sb,
			'GET',
			`/rest/v1.0/change_events?project_id=${p()}&filters[updated_at]=${newest.updated_at}...2030-01-01T00:00:00Z`,
		);
		expect(res.body.map((c: { id: number }) => c.id)).toContain(newest.id);
		expect(res.body.length).toBeLessThan(all.body.length);
	});

	it('sorts ascending and descending', async () => {
		const asc = await call(sb, 'GET', `/rest/v1.0/change_events?project_id=${p()}&sort=title`);
		const desc = await call(sb, 'GET', `/rest/v1.0/change_events?project_id=${p()}&sort=-title`);
		const titles = asc.body.map((c: { title: string }) => c.title);
		expect(titles).toEqual([...titles].sort());
		expect(desc.body.map((c: { title: string }) => c.title)).toEqual([...titles].reverse());
	});
});

describe('sync', () => {
	it('always answers 200 with entities and per-item errors, matching by id or origin_id', async () => {
		const c = sb.companyId;
		const vendorId = sb.seed.vendors.roofing;
		const res = await call(sb, 'PATCH', `/rest/v1.0/vendors/sync?company_id=${c}`, {
			body: {
				updates: [
					{ id: vendorId, name: 'TopCover Roofing Company' },
					{ origin_id: 'erp-77', name: 'New Glazing Co' },
					{ id: 987654321, name: 'Ghost' },
					{ origin_id: 'erp-77', name: 'New Glazing Co (renamed)' },
				],
			},
		});
		expect(res.status).toBe(200);
		expect(res.body.entities.map((e: { name: string }) => e.name)).toEqual([
			'TopCover Roofing Company',
			'New Glazing Co',
			'New Glazing Co (renamed)',
		]);
		expect(res.body.entities[1].id).toBe(res.body.entities[2].id);
		expect(res.body.errors).toEqual([
			{ id: 987654321, name: 'Ghost', errors: { id: ['not found'] } },
		]);
	});

	it('refuses more than 1,000 updates with 413', async () => {
		const updates = Array.from({ length: 1001 }, (_, i) => ({ origin_id: `x${i}`, name: `V${i}` }));
		const res = await call(sb, 'PATCH', `/rest/v1.0/vendors/sync?company_id=${sb.companyId}`, {
			body: { updates },
		});
		expect(res.status).toBe(413);
	});
});
