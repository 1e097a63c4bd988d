/**
 * Bulk timecards. UNCONFIRMED choices: over-cap requests answer 413; the company `timesheets` bulk
 * cap defaults to 1000 and is all-or-nothing like the v1.1 bulk_create.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(() => sb.stop());
beforeEach(() => sb.reset());

const entry = (over: Record<string, unknown> = {}) => ({
	project_id: sb.seed.projects.tower,
	party_id: sb.seed.people.carpenter,
	date: '2026-09-02',
	hours: '8',
	cost_code_id: sb.seed.costCodes['09-250'],
	line_item_type_id: sb.seed.lineItemTypes.labor,
	timecard_time_type_id: sb.seed.timeTypes.regular,
	...over,
});
const projectEntries = async () =>
	(
		await call(
			sb,
			'GET',
			`/rest/v1.0/projects/${sb.seed.projects.tower}/timecard_entries?per_page=1000&start_date=2026-01-01&end_date=2026-12-31`,
		)
	).body as Array<{ id: number; party_id: number; hours: string }>;

describe('v1.1 project_timecard_entries/bulk_create', () => {
	const path = () =>
		`/rest/v1.1/projects/${sb.seed.projects.tower}/project_timecard_entries/bulk_create`;

	it('creates up to 25 entries in the project and answers 201 { timecard_entries }', async () => {
		const before = (await projectEntries()).length;
		const res = await call(sb, 'POST', path(), {
			body: {
				timecard_entries: [entry(), entry({ party_id: sb.seed.people.laborer, hours: '6.5' })],
			},
		});
		expect(res.status).toBe(201);
		expect(
			res.body.timecard_entries.map((e: { party_id: number; hours: string }) => [
				e.party_id,
				e.hours,
			]),
		).toEqual([
			[sb.seed.people.carpenter, '8'],
			[sb.seed.people.laborer, '6.5'],
		]);
		expect((await projectEntries()).length).toBe(before + 2);
	});

	it('writes nothing when one entry is invalid (single transaction)', async () => {
		const before = (await projectEntries()).length;
		const res = await call(sb, 'POST', path(), {
			body: {
				timecard_entries: [
					entry(),
					entry({ approval_status: 'maybe' }),
					entry({ project_id: undefined }),
				],
			},
		});
		expect(res.status).toBe(422);
		expect(res.body.errors).toEqual({
			'timecard_entries[1].approval_status': ['is not included in the list'],
			'timecard_entries[2].project_id': ["can't be blank"],
		});
		expect((await projectEntries()).length).toBe(before);
	});

	it('refuses more than 25 entries', async () => {
		const res = await call(sb, 'POST', path(), {
			body: { timecard_entries: Array.from({ length: 26 }, () => entry()) },
		});
		expect(res.status).toBe(413);
	});
});

describe('v1.0 company timesheets bulk create', () => {
	it('creates entries across projects and shows them in the company list', async () => {
		const res = await call(sb, 'POST', `/rest/v1.0/companies/${sb.companyId}/timesheets`, {
			body: {
				timecard_entries: [
					entry(),
					// Cost codes are per project: the hospital's own 09-250.
					entry({
						project_id: sb.seed.projects.hospital,
						hours: 7,
						cost_code_id: sb.store
							.list(`projects/${sb.seed.projects.hospital}/cost_codes`)
							.find((c) => c.full_code === '09-250')!.id,
					}),
				],
			},
		});
		expect(res.status).toBe(200);
		expect(res.body).toHaveLength(2);
		const hospital = await call(
			sb,
			'GET',
			`/rest/v1.0/projects/${sb.seed.projects.hospital}/timecard_entries?log_date=2026-09-02`,
		);
		expect(hospital.body.map((e: { id: number }) => e.id)).toEqual([res.body[1].id]);
		const company = await call(
			sb,
			'GET',
			`/rest/v1.0/companies/${sb.companyId}/timecard_entries?per_page=1000&filters[party_id]=${sb.seed.people.carpenter}`,
		);
		expect(company.body.map((e: { id: number }) => e.id)).toEqual(
			expect.arrayContaining(res.body.map((e: { id: number }) => e.id)),
		);
		expect(
			company.body.every((e: { party_id: number }) => e.party_id === sb.seed.people.carpenter),
		).toBe(true);
	});

	it('honours the configurable cap', async () => {
		sb.config({ timesheetsBulkMax: 3 });
		const res = await call(sb, 'POST', `/rest/v1.0/companies/${sb.companyId}/timesheets`, {
			body: { timecard_entries: Array.from({ length: 4 }, () => entry()) },
		});
		sb.config({ timesheetsBulkMax: 1000 });
		expect(res.status).toBe(413);
	});

	it('fires Timecard Entries webhooks for bulk-created entries', async () => {
		const calls: string[] = [];
		const http = await import('http');
		const server = http.createServer((req, res) => {
			let raw = '';
			req.on('data', (c) => (raw += c));
			req.on('end', () => {
				calls.push(raw);
				res.writeHead(200).end();
			});
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		const url = `http://127.0.0.1:${(server.address() as import('net').AddressInfo).port}/`;
		const p = sb.seed.projects.tower;
		const hook = await call(sb, 'POST', '/rest/v1.0/webhooks/hooks', {
			body: {
				project_id: p,
				hook: { api_version: 'v2', namespace: 'n8n-t', destination_url: url },
			},
		});
		await call(sb, 'POST', `/rest/v1.0/webhooks/hooks/${hook.body.id}/triggers`, {
			body: { project_id: p, trigger: { resource_name: 'Timecard Entries', event_type: 'create' } },
		});
		await call(sb, 'POST', `/rest/v1.1/projects/${p}/project_timecard_entries/bulk_create`, {
			body: { timecard_entries: [entry(), entry()] },
		});
		await sb.dispatcher.idle();
		await new Promise<void>((r) => server.close(() => r()));
		expect(calls.map((c) => JSON.parse(c).resource_name)).toEqual([
			'Timecard Entries',
			'Timecard Entries',
		]);
		expect(JSON.parse(calls[0]).metadata.source_application_id).toBe('sandbox-client-id');
	});
});

describe('timecard lists', () => {
	it('defaults the project list to today (sandbox clock) and honours log_date and start/end ranges', async () => {
		const p = sb.seed.projects.tower;
		const base = `/rest/v1.0/projects/${p}/timecard_entries`;
		expect((await call(sb, 'GET', base)).body).toEqual([]);
		const today = new Date(sb.rt.clock.now()).toISOString().slice(0, 10);
		const rec = sb.uiEdit({
			resource: 'Timecard Entries',
			action: 'create',
			project_id: p,
			attributes: { date: today, hours: '4', party_id: sb.seed.people.operator },
		});
		expect((await call(sb, 'GET', base)).body.map((e: { id: number }) => e.id)).toEqual([rec.id]);
		const range = await call(sb, 'GET', `${base}?start_date=2026-08-01&end_date=2026-08-31`);
		expect(range.body.map((e: { id: number }) => e.id).sort()).toEqual(
			[...sb.seed.timecardEntries].sort(),
		);
		const oneDay = await call(sb, 'GET', `${base}?log_date=${range.body[0].date}`);
		expect(oneDay.body.length).toBe(5);
	});
});
