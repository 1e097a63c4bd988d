/**
 * Issue 23's examples: the generic engine applies each operation's own rules (procore-api.md
 * and the operation schemas), not only its shape. Each test failed on the engine before.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { checkResponse } from '../../sandbox/engine/response-check';
import { call } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(() => sb.stop());
afterEach(() => sb.reset());

const tower = () => sb.seed.projects.tower;
const worker = () => sb.seed.people.carpenter;

describe('GET /rest/v1.0/projects (§7, RestV10ProjectsGet)', () => {
	const list = (extra = '') => call(sb, 'GET', `/rest/v1.0/projects?company_id=${sb.companyId}${extra}`);

	it('lists active projects unless filters[by_status] says otherwise', async () => {
		const ids = (await list()).body.map((p: { id: number }) => p.id);
		expect(ids).toContain(tower());
		expect(ids).not.toContain(sb.seed.projects.inactive);
		expect(ids).not.toContain(sb.seed.projects.archived);
		const all = (await list('&filters[by_status]=All')).body.map((p: { id: number }) => p.id);
		expect(all).toEqual(expect.arrayContaining([sb.seed.projects.inactive, sb.seed.projects.archived]));
	});

	it("keeps the old answer (every project) under projectsListDefault: 'all'", async () => {
		sb.config({ projectsListDefault: 'all' });
		try {
			const ids = (await list()).body.map((p: { id: number }) => p.id);
			expect(ids).toContain(sb.seed.projects.inactive);
		} finally {
			sb.config({ projectsListDefault: 'active' });
		}
	});
});

describe('X-Rate-Limit-* on every response (§8.4)', () => {
	it('sends the three headers by default, on reads, writes and refusals', async () => {
		const responses = [
			await call(sb, 'GET', '/rest/v1.0/me'),
			await call(sb, 'POST', `/rest/v1.0/projects/${tower()}/rfis`, { body: { rfi: {} } }),
			await call(sb, 'GET', `/rest/v1.0/projects/${tower()}/rfis/999999999`),
		];
		expect(responses.map((r) => r.status)).toEqual([200, 422, 404]);
		for (const r of responses) {
			expect(Number(r.headers.get('x-rate-limit-limit'))).toBeGreaterThan(0);
			expect(r.headers.get('x-rate-limit-remaining')).toMatch(/^\d+$/);
			expect(Number(r.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
		}
	});

	it('sends none only when limiting is switched off', async () => {
		const before = sb.rt.config.rateLimit;
		sb.config({ rateLimit: null });
		try {
			expect((await call(sb, 'GET', '/rest/v1.0/me')).headers.get('x-rate-limit-limit')).toBeNull();
		} finally {
			sb.config({ rateLimit: before });
		}
	});
});

describe('documented success status (RestV10WebhooksHooksIdDelete, RestV10WebhooksHooksHookIdTriggersIdDelete: 200)', () => {
	it('answers 200 to deleting a v1.0 trigger and a v1.0 hook, 204 to the v2.0 ones', async () => {
		const scope = { project_id: tower() };
		const hook = await call(sb, 'POST', '/rest/v1.0/webhooks/hooks', {
			body: { ...scope, hook: { api_version: 'v2', namespace: 'strict-test', destination_url: 'https://example.com/h' } },
		});
		const trigger = await call(sb, 'POST', `/rest/v1.0/webhooks/hooks/${hook.body.id}/triggers`, {
			body: { ...scope, api_version: 'v2', trigger: { resource_name: 'RFIs', event_type: 'create' } },
		});
		expect([hook.status, trigger.status]).toEqual([201, 201]);
		const q = `?project_id=${tower()}`;
		const delTrigger = await call(sb, 'DELETE', `/rest/v1.0/webhooks/hooks/${hook.body.id}/triggers/${trigger.body.id}${q}`);
		const delHook = await call(sb, 'DELETE', `/rest/v1.0/webhooks/hooks/${hook.body.id}${q}`);
		expect([delTrigger.status, delHook.status]).toEqual([200, 200]);

		const v2 = `/rest/v2.0/companies/${sb.companyId}/webhooks/hooks`;
		const h2 = await call(sb, 'POST', v2, {
			body: { payload_version: 'v4.0', namespace: 'strict-test', destination_url: 'https://example.com/h' },
		});
		expect((await call(sb, 'DELETE', `${v2}/${h2.body.data.id}`)).status).toBe(204);
	});
});

describe('timecard entry modes (§4.1, RestV10ProjectsProjectIdTimecardEntriesPost)', () => {
	const create = (entry: Record<string, unknown>) =>
		call(sb, 'POST', `/rest/v1.0/projects/${tower()}/timecard_entries`, {
			body: { timecard_entry: { party_id: worker(), date: '2026-08-31', ...entry } },
		});

	it('takes total hours alone', async () => {
		const r = await create({ hours: '8' });
		expect(r.status).toBe(201);
		expect(r.body).toMatchObject({ hours: '8', billable: false });
	});

	it('takes time_in and time_out without hours (lunch_time optional)', async () => {
		const r = await create({ time_in: '2026-08-31T07:00:00Z', time_out: '2026-08-31T15:30:00Z' });
		expect(r.status).toBe(201);
	});

	it('refuses an entry in neither mode, naming both', async () => {
		const r = await create({ description: 'no time' });
		expect(r.status).toBe(422);
		expect(JSON.stringify(r.body)).toMatch(/hours.*time_in and time_out/);
	});
});

describe('formats (§8.5: malformed fields are refused)', () => {
	// Every field the old schema-required list named, so only the format can be refused.
	const times = { hours: '8', time_in: '2026-08-31T07:00:00Z', time_out: '2026-08-31T15:30:00Z', lunch_time: '30' };
	it.each(['2026-02-30', 'not-a-date', '31/08/2026'])('refuses date %s with 422 naming the field', async (date) => {
		const r = await call(sb, 'POST', `/rest/v1.0/projects/${tower()}/timecard_entries`, {
			body: { timecard_entry: { party_id: worker(), ...times, date } },
		});
		expect(r.status).toBe(422);
		expect(r.body.errors).toHaveProperty('date');
		expect(sb.calls.at(-1)?.status).toBe(422);
	});

	it('refuses a malformed date-time and a malformed date filter', async () => {
		const r = await call(sb, 'POST', `/rest/v1.0/projects/${tower()}/timecard_entries`, {
			body: { timecard_entry: { party_id: worker(), ...times, datetime: '2026-08-31T25:00:00Z' } },
		});
		expect(r.status).toBe(422);
		expect(r.body.errors).toHaveProperty('datetime');
		const bad = await call(sb, 'GET', `/rest/v1.0/projects?company_id=${sb.companyId}&filters[updated_at]=yesterday`);
		expect(bad.status).toBe(400);
		const range = await call(
			sb,
			'GET',
			`/rest/v1.0/projects?company_id=${sb.companyId}&filters[updated_at]=2026-01-01T00:00:00Z...2026-12-31`,
		);
		expect(range.status).toBe(200);
	});

	it('refuses a value outside the enum', async () => {
		const r = await call(sb, 'POST', `/rest/v1.0/companies/${sb.companyId}/vendors/${sb.seed.vendors.electrical}/insurances`, {
			body: { insurance: { insurance_type: 'GL', status: 'maybe' } },
		});
		expect(r.status).toBe(422);
		expect(r.body.errors).toHaveProperty('status');
	});
});

describe('insurance create (§5.1, RestV10CompaniesCompanyIdVendorsVendorIdInsurancesPost)', () => {
	it('reads `name` back as insurance_provider, sets vendor_id from the path and applies the schema defaults', async () => {
		const vendor = sb.seed.vendors.electrical;
		const r = await call(sb, 'POST', `/rest/v1.0/companies/${sb.companyId}/vendors/${vendor}/insurances`, {
			body: { insurance: { insurance_type: 'Umbrella', name: 'Acme Mutual', expiration_date: '2027-01-31' } },
		});
		expect(r.status).toBe(201);
		expect(r.body).toMatchObject({
			insurance_provider: 'Acme Mutual',
			vendor_id: vendor,
			enable_expired_insurance_notifications: true,
		});
		expect(r.body).not.toHaveProperty('name');
		const read = await call(sb, 'GET', `/rest/v1.0/companies/${sb.companyId}/vendors/${vendor}/insurances/${r.body.id}`);
		expect(read.body).toMatchObject({ insurance_provider: 'Acme Mutual', vendor_id: vendor });
	});
});

describe('response check (what test/sandboxChecks.ts applies to every test)', () => {
	const op = () => sb.rt.catalog.byId('RestV10ProjectsGet')!;

	it('passes a list the schema describes and names each mismatch otherwise', () => {
		expect(checkResponse(op(), { status: 200, body: [{ id: 1, name: 'A', active: true }] })).toEqual([]);
		const problems = checkResponse(op(), { status: 200, body: [{ id: 'x', name: 3, created_at: '2026-02-30T00:00:00Z' }] });
		expect(problems.join('\n')).toMatch(/body\[0\]\.id: expected an integer/);
		expect(problems.join('\n')).toMatch(/body\[0\]\.name: expected a string/);
		expect(checkResponse(op(), { status: 201, body: [] })[0]).toMatch(/status 201, the operation declares 200/);
	});

	it('records what a sandbox sends that does not match, when asked', async () => {
		const own = await startSandbox({
			port: 0,
			checkResponses: ['RestV10MeGet'],
			handlers: [
				{ routes: ['GET /rest/v1.0/me'], handle: () => ({ status: 200, body: { id: 'not a number', login: 7 } }) },
			],
		});
		try {
			await call(own, 'GET', '/rest/v1.0/me');
			expect(own.responseProblems.splice(0).join('\n')).toMatch(/RestV10MeGet .* body\.id: expected an integer/);
		} finally {
			await own.stop();
		}
	});
});
