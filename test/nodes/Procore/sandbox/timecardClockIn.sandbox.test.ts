/**
 * Export at clock-in (issue #21, seed 001: "Time gets exported to Procore as a timecard entry" when
 * the worker taps Clock In; the allocation at clock-out pushes the rest). Run by n8n-core against
 * the sandbox: what it STORED (one entry per worker + milestone per shift, hours summed exactly)
 * and what it REFUSES, under both answers to the UNCONFIRMED question whether the company
 * timecard list carries origin_id and the project (sandbox config companyTimecardFields).
 */
import type { IDataObject } from 'n8n-workflow';

import type { SandboxEnv } from './sandboxRun';
import { sandboxEnv } from './sandboxRun';

jest.setTimeout(30_000);

let env: SandboxEnv;
let tower: number;
beforeAll(async () => {
	env = await sandboxEnv();
});
beforeEach(() => {
	env.sb.reset();
	env.sb.config({ companyTimecardFields: 'full', inProgressCompletion: 'patch' });
	tower = env.sb.seed.projects.tower;
});
afterAll(async () => await env.stop());

const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const milestone = (code: string) => `procore:budget_line:cc:${env.sb.seed.costCodes[code]}:cat:${env.sb.seed.lineItemTypes.labor}`;
const DAY = '2026-11-20';
/** 07:00 PST at the tower (America/Los_Angeles), as the app sends it: UTC. */
const CLOCK_IN = '2026-11-20T15:00:00Z';
const CLOCK_OUT = '2026-11-20T23:29:00Z';
const route = (c: { method: string; path: string }) => `${c.method} ${c.path.replace(/\d{5,}/g, ':id')}`;
const shift = (projectId = tower) => env.records(projectId, 'timecard_entries').filter((e) => /^(ci_|co_)/.test(String(e.origin_id ?? '')));
const hundredths = (list: IDataObject[]) => list.reduce((sum, e) => sum + Math.round(Number(e.hours) * 100), 0);
const minutes = (e: IDataObject) => (Date.parse(String(e.time_out)) - Date.parse(String(e.time_in))) / 60000 - Number(e.lunch_time ?? 0);

function clockIn(parameters: IDataObject = {}) {
	return env.run({
		resource: 'timecardEntry',
		operation: 'createFromClockIn',
		project: rl(tower),
		worker: rl(env.sb.seed.people.carpenter),
		clockInId: 'ci_77',
		clockIn: CLOCK_IN,
		milestone: rl(milestone('03-300')),
		...parameters,
		additionalFields: { coworkers: [String(env.sb.seed.people.laborer)], ...(parameters.additionalFields as IDataObject) },
		options: { ...(parameters.options as IDataObject) },
		output: 'raw',
	});
}

/** 07:00 to 15:29 PST with 30 min lunch (7 h 59 min), split 40/35/25 over three milestones. */
function clockOut(parameters: IDataObject = {}) {
	return env.run({
		resource: 'timecardEntry',
		operation: 'createFromClockOut',
		project: rl(tower),
		worker: rl(env.sb.seed.people.carpenter),
		clockOutId: 'co_77',
		clockIn: CLOCK_IN,
		clockOut: CLOCK_OUT,
		allocationSource: 'json',
		allocationsJson: [
			{ milestone: milestone('09-250'), percent: 40 },
			{ milestone: milestone('03-300'), percent: 35 },
			{ milestone: milestone('26-000'), percent: 25 },
		],
		...parameters,
		additionalFields: { clockInId: 'ci_77', lunchMinutes: 30, coworkers: [String(env.sb.seed.people.laborer)], ...(parameters.additionalFields as IDataObject) },
		options: { timeEntryMode: 'hours', onExisting: 'update', ...(parameters.options as IDataObject) },
		output: 'raw',
	});
}

/** A direct call to the sandbox, as Procore would be called. */
async function procore(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
	const res = await fetch(`${env.sb.url}${path}`, {
		method,
		headers: { Authorization: `Bearer ${env.sb.issueToken()}`, 'Procore-Company-Id': String(env.sb.companyId), 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe('Create From Clock-In: one in-progress entry per worker, at once', () => {
	it('stores the time in (the project\'s zone, sent in UTC), the local date and the milestone, no hours and no time out', async () => {
		const ok = await clockIn();
		expect(ok.error).toBeUndefined();
		const stored = shift();
		expect(stored.map((e) => [e.party_id, e.origin_id])).toEqual([
			[env.sb.seed.people.carpenter, `ci_77:${env.sb.seed.people.carpenter}`],
			[env.sb.seed.people.laborer, `ci_77:${env.sb.seed.people.laborer}`],
		]);
		for (const e of stored) {
			expect(e).toMatchObject({ in_progress: true, date: DAY, time_in: `${DAY}T07:00:00-08:00`, cost_code_id: env.sb.seed.costCodes['03-300'], line_item_type_id: env.sb.seed.lineItemTypes.labor });
			expect(e.hours ?? null).toBeNull();
			expect(e.time_out ?? null).toBeNull();
		}
		expect(ok.writes.map(route)).toEqual(['POST /rest/v1.1/projects/:id/project_timecard_entries/bulk_create']);
		expect(ok.json[0]).toMatchObject({ clock_in_id: 'ci_77', date: DAY, time_in: `${DAY}T07:00:00-08:00`, time_zone: 'America/Los_Angeles', milestone: milestone('03-300') });
		expect(ok.json[0].summary).toBe(`Clock-in exported: 2 timecard entries in progress for Luis Ortega and 1 coworker on ${DAY} from 07:00 (America/Los_Angeles)`);
	});

	it('a clock-in sent again (app retry) writes nothing', async () => {
		await clockIn();
		const again = await clockIn();
		expect(again.error).toBeUndefined();
		expect(again.writes).toEqual([]);
		expect(shift()).toHaveLength(2);
		expect(again.json[0].summary).toMatch(/^Already in Procore: the clock-in of/);
		// It read the open entries where Procore lists them: the company list, in-progress only.
		expect(again.calls.some((c) => route(c) === 'GET /rest/v1.0/companies/:id/timecard_entries' && c.query['filters[in_progress_only]'] === 'true')).toBe(true);
	});

	it.each(['full', 'mytime'] as const)('a worker\'s other open clock-in (another time in) is not this one: both workers get entries (company list fields: %s)', async (fields) => {
		env.sb.config({ companyTimecardFields: fields });
		// An earlier clock-out of the day never came: the carpenter still has an open entry, clocked in at another time.
		const old = await clockIn({ clockInId: 'ci_76', clockIn: '2026-11-20T13:00:00Z', additionalFields: { coworkers: [] } });
		expect(old.error).toBeUndefined();
		const run = await clockIn();
		expect(run.error).toBeUndefined();
		expect((run.json[0].entries as IDataObject[]).map((e: IDataObject) => e.status)).toEqual(['created', 'created']);
		expect(shift().filter((e) => String(e.origin_id).startsWith('ci_77:')).map((e) => e.party_id)).toEqual([env.sb.seed.people.carpenter, env.sb.seed.people.laborer]);
		expect(shift().filter((e) => e.origin_id === `ci_76:${env.sb.seed.people.carpenter}`)).toHaveLength(1);
	});

	it('an open clock-in of the same ID in another project is not taken for this project\'s: Procore\'s refusal (one open clock-in per worker) names it, nothing is written here', async () => {
		const { hospital } = env.sb.seed.projects;
		const res = await procore('POST', `/rest/v1.1/projects/${hospital}/project_timecard_entries/bulk_create`, {
			timecard_entries: [{ project_id: hospital, party_id: env.sb.seed.people.carpenter, date: DAY, time_in: `${DAY}T07:00:00-08:00`, in_progress: true, origin_id: `ci_77:${env.sb.seed.people.carpenter}` }],
		});
		expect(res.status).toBe(201);
		const run = await clockIn({ additionalFields: { coworkers: [] } });
		expect(run.error?.message).toMatch(/party_id: already has an in-progress timecard entry clocked in at 2026-11-20T07:00:00-08:00 \(id \d+\)/);
		expect(shift(tower)).toEqual([]);
	});

	it('the crew and sub job picked at clock-in are stored on every worker\'s entry', async () => {
		const crew = env.sb.store.list(`projects/${tower}/crews`)[0];
		const subJob = env.sb.store.list(`projects/${tower}/sub_jobs`)[0];
		const run = await clockIn({ additionalFields: { crew: rl(String(crew.id)), subJob: rl(String(subJob.id)) } });
		expect(run.error).toBeUndefined();
		expect(shift().map((e) => [e.crew_id, e.sub_job_id])).toEqual([
			[crew.id, subJob.id],
			[crew.id, subJob.id],
		]);
	});
});

describe('time zones: the clock-in\'s day is the project\'s, and its clock-out completes it there', () => {
	const setZone = (tzName: string) => env.sb.store.update(`companies/${env.sb.companyId}/projects`, tower, { tz_name: tzName });

	it('17:00Z at a Tokyo project is 02:00 the next day there: the entry is on the Tokyo date, and the clock-out completes it on that date', async () => {
		setZone('Asia/Tokyo');
		const run = await clockIn({ clockIn: `${DAY}T17:00:00Z`, additionalFields: { coworkers: [] } });
		expect(run.error).toBeUndefined();
		expect(shift().map((e) => [e.date, e.time_in])).toEqual([['2026-11-21', '2026-11-21T02:00:00+09:00']]);
		const out = await clockOut({ clockIn: `${DAY}T17:00:00Z`, clockOut: '2026-11-21T01:29:00Z', additionalFields: { coworkers: [] } });
		expect(out.error).toBeUndefined();
		expect(shift().map((e) => e.date)).toEqual(['2026-11-21', '2026-11-21', '2026-11-21']);
		expect(hundredths(shift())).toBe(798);
	});

	it('a night across the end of daylight saving time (Nov 1, 2026, Los Angeles): opened on Oct 31 at 22:00 PDT, completed at 06:00 PST with 9 real hours', async () => {
		const run = await clockIn({ clockIn: '2026-11-01T05:00:00Z', additionalFields: { coworkers: [] } });
		expect(run.error).toBeUndefined();
		expect(shift().map((e) => [e.date, e.time_in])).toEqual([['2026-10-31', '2026-10-31T22:00:00-07:00']]);
		const out = await clockOut({ clockIn: '2026-11-01T05:00:00Z', clockOut: '2026-11-01T14:00:00Z', additionalFields: { coworkers: [] }, options: { timeEntryMode: 'startStop', onExisting: 'update' } });
		expect(out.error).toBeUndefined();
		const stored = shift();
		expect(stored.every((e) => e.date === '2026-10-31' && e.in_progress !== true)).toBe(true);
		// 9 real hours less 30 minutes of lunch.
		expect(stored.reduce((sum, e) => sum + minutes(e), 0)).toBe(510);
		expect(stored.find((e) => String(e.origin_id).startsWith('ci_77:'))!.time_in).toBe('2026-10-31T22:00:00-07:00');
	});
});

describe('Get Many, Scope Company: who is clocked in now', () => {
	const getMany = (inProgress?: string) =>
		env.run({ resource: 'timecardEntry', operation: 'getAll', scope: 'company', startDate: DAY, returnAll: true, filters: inProgress ? { inProgress } : {}, output: 'raw' });

	it('Only lists the open clock-ins, Include adds them to the finished entries, the default leaves them out', async () => {
		await clockIn();
		await clockOut({ clockOutId: 'co_other', additionalFields: { clockInId: '', coworkers: [] } });
		const only = await getMany('only');
		expect(only.error).toBeUndefined();
		expect(only.json.map((e) => e.origin_id).sort()).toEqual([`ci_77:${env.sb.seed.people.carpenter}`, `ci_77:${env.sb.seed.people.laborer}`]);
		const all = await getMany('include');
		expect(all.json.filter((e) => String(e.origin_id).startsWith('co_other:'))).toHaveLength(3);
		expect(all.json.filter((e) => e.in_progress === true)).toHaveLength(2);
		const finished = await getMany();
		expect(finished.json.filter((e) => e.in_progress === true)).toEqual([]);
		expect(finished.json.filter((e) => String(e.origin_id).startsWith('co_other:'))).toHaveLength(3);
	});
});

describe.each(['full', 'mytime'] as const)('clock-in then clock-out (company list fields: %s)', (fields) => {
	beforeEach(() => env.sb.config({ companyTimecardFields: fields }));

	it('hours mode: the clock-in entries are completed with the first milestone, the others created; each worker\'s hours sum exactly', async () => {
		await clockIn();
		const opened = shift().map((e) => e.id);
		const out = await clockOut();
		expect(out.error).toBeUndefined();
		const stored = shift();
		// 2 workers x 3 milestones = 6 entries, not 8: the 2 clock-in entries became the first milestone's.
		expect(stored).toHaveLength(6);
		expect(stored.filter((e) => opened.includes(e.id)).map((e) => [e.in_progress, e.cost_code_id, e.hours])).toEqual([
			[false, env.sb.seed.costCodes['09-250'], '3.19'],
			[false, env.sb.seed.costCodes['09-250'], '3.19'],
		]);
		expect(stored.every((e) => e.in_progress !== true)).toBe(true);
		for (const worker of [env.sb.seed.people.carpenter, env.sb.seed.people.laborer]) {
			const own = stored.filter((e) => e.party_id === worker);
			expect(own.map((e) => e.cost_code_id)).toEqual(expect.arrayContaining([env.sb.seed.costCodes['09-250'], env.sb.seed.costCodes['03-300'], env.sb.seed.costCodes['26-000']]));
			expect(hundredths(own)).toBe(798);
		}
		expect(out.writes.map(route).sort()).toEqual([
			'PATCH /rest/v1.1/projects/:id/project_timecard_entries/:id',
			'PATCH /rest/v1.1/projects/:id/project_timecard_entries/:id',
			'POST /rest/v1.1/projects/:id/project_timecard_entries/bulk_create',
		]);
		expect((out.json[0].entries as IDataObject[]).map((e) => e.status)).toEqual(['completed', 'created', 'created', 'completed', 'created', 'created']);
		// Sent again, the clock-out and then the clock-in write nothing.
		const again = await clockOut();
		expect(again.writes).toEqual([]);
		const late = await clockIn();
		expect(late.writes).toEqual([]);
		expect(shift()).toHaveLength(6);
		expect(hundredths(shift())).toBe(2 * 798);
	});

	it('start/stop mode: the clock-in entry keeps its time in and gets the first window\'s time out; 479 minutes per worker', async () => {
		await clockIn();
		const out = await clockOut({ options: { timeEntryMode: 'startStop', onExisting: 'update' } });
		expect(out.error).toBeUndefined();
		const carpenter = shift().filter((e) => e.party_id === env.sb.seed.people.carpenter);
		expect(carpenter).toHaveLength(3);
		expect(carpenter.reduce((sum, e) => sum + minutes(e), 0)).toBe(479);
		const first = carpenter.find((e) => e.origin_id === `ci_77:${env.sb.seed.people.carpenter}`)!;
		expect(first).toMatchObject({ in_progress: false, time_in: `${DAY}T07:00:00-08:00`, cost_code_id: env.sb.seed.costCodes['09-250'] });
	});

	it('with If Already in Procore: Skip the clock-out still completes the clock-in (that is the export, not an edit)', async () => {
		await clockIn({ additionalFields: { coworkers: [] } });
		const out = await clockOut({ additionalFields: { coworkers: [] }, options: { onExisting: 'skip' } });
		expect(out.error).toBeUndefined();
		expect(shift()).toHaveLength(3);
		expect(hundredths(shift())).toBe(798);
		expect(shift().every((e) => e.in_progress !== true)).toBe(true);
	});
});

// The catalog's PATCH body has no in_progress: whether a time out or hours completes an open entry is
// UNCONFIRMED. When Procore refuses it, the clock-out's entry is created and the open one deleted.
describe.each([
	['full', 'refused'],
	['mytime', 'refused'],
	['full', 'ignored'],
	['mytime', 'ignored'],
] as const)('clock-in then clock-out where Procore does not complete an open entry by PATCH (company list fields: %s, the PATCH %s)', (fields, answer) => {
	beforeEach(() => env.sb.config({ companyTimecardFields: fields, inProgressCompletion: answer }));

	it('the clock-out\'s first milestone is created with the clock-in\'s origin ID and the open entries deleted: none left open, hours once', async () => {
		await clockIn();
		const opened = shift().map((e) => e.id);
		const out = await clockOut();
		expect(out.error).toBeUndefined();
		const stored = shift();
		expect(stored).toHaveLength(6);
		expect(stored.filter((e) => opened.includes(e.id))).toEqual([]);
		expect(stored.every((e) => e.in_progress !== true)).toBe(true);
		for (const worker of [env.sb.seed.people.carpenter, env.sb.seed.people.laborer]) {
			const own = stored.filter((e) => e.party_id === worker);
			expect(own.find((e) => e.origin_id === `ci_77:${worker}`)).toMatchObject({ cost_code_id: env.sb.seed.costCodes['09-250'], hours: '3.19' });
			expect(hundredths(own)).toBe(798);
		}
		// Both completing PATCHes refused (422) or left open (200), then the entries created, then the open ones deleted.
		expect(out.calls.filter((c) => c.method === 'PATCH').map((c) => c.status)).toEqual(answer === 'refused' ? [422, 422] : [200, 200]);
		expect(out.writes.filter((c) => c.method === 'DELETE').map((c) => c.path).sort()).toEqual(opened.map((id) => `/rest/v1.0/projects/${tower}/timecard_entries/${String(id)}`).sort());
		expect((out.json[0].entries as IDataObject[]).map((e) => e.status)).toEqual(['completed', 'created', 'created', 'completed', 'created', 'created']);
		// Sent again, the clock-out and then the clock-in write nothing.
		expect((await clockOut()).writes).toEqual([]);
		expect((await clockIn()).writes).toEqual([]);
		expect(hundredths(shift())).toBe(2 * 798);
	});

	it('a clock-out Procore refuses for its own values leaves the clock-in open and says why', async () => {
		await clockIn({ additionalFields: { coworkers: [] } });
		const out = await clockOut({ additionalFields: { coworkers: [] }, allocationsJson: [{ milestone: `procore:budget_line:cc:${env.sb.seed.costCodes['09-250']}:cat:999`, percent: 100 }], options: { onExisting: 'update', checkBeforeWrite: false } });
		expect(out.error?.message).toMatch(/line_item_type_id/);
		expect(shift().map((e) => [e.origin_id, e.in_progress])).toEqual([[`ci_77:${env.sb.seed.people.carpenter}`, true]]);
		expect(out.writes.filter((c) => c.method === 'DELETE')).toEqual([]);
	});
});

describe('clock-in then an edited clock-out (company list fields: full)', () => {
	it('a coworker dropped at clock-out loses the open clock-in entry: no clock-in is left open, no hour counts twice', async () => {
		await clockIn();
		const out = await clockOut({ additionalFields: { coworkers: [] } });
		expect(out.error).toBeUndefined();
		expect(shift().map((e) => e.party_id)).toEqual(Array(3).fill(env.sb.seed.people.carpenter));
		expect(hundredths(shift())).toBe(798);
		expect((out.json[0].removed as IDataObject[]).map((e) => [e.origin_id, e.status])).toEqual([[`ci_77:${env.sb.seed.people.laborer}`, 'deleted']]);
	});

	it('a clock-out without the clock-in (its export failed): the clock-in arriving late writes nothing', async () => {
		const out = await clockOut({ additionalFields: { coworkers: [] } });
		expect(out.error).toBeUndefined();
		expect(shift()).toHaveLength(3);
		const late = await clockIn({ additionalFields: { coworkers: [] } });
		expect(late.writes).toEqual([]);
		expect(shift()).toHaveLength(3);
		expect(hundredths(shift())).toBe(798);
	});
});

describe('what the sandbox refuses and hides (Procore\'s in-progress entries)', () => {
	const path = () => `/rest/v1.1/projects/${tower}/project_timecard_entries/bulk_create`;
	const entry = (over: IDataObject = {}) => ({
		project_id: tower,
		party_id: env.sb.seed.people.carpenter,
		date: DAY,
		time_in: `${DAY}T07:00:00-08:00`,
		in_progress: true,
		cost_code_id: env.sb.seed.costCodes['03-300'],
		line_item_type_id: env.sb.seed.lineItemTypes.labor,
		...over,
	});

	it('refuses an in-progress entry without a time in, or with hours or a time out, and stores nothing', async () => {
		for (const [over, field] of [
			[{ time_in: undefined }, 'time_in'],
			[{ hours: '8' }, 'hours'],
			[{ time_out: `${DAY}T15:00:00-08:00` }, 'time_out'],
		] as const) {
			const res = await procore('POST', path(), { timecard_entries: [entry(over as IDataObject)] });
			expect(res.status).toBe(422);
			expect(JSON.stringify(res.body)).toContain(field);
		}
		expect(shift()).toEqual([]);
		expect(env.records(tower, 'timecard_entries').filter((e) => e.in_progress === true)).toEqual([]);
	});

	it('refuses a second open clock-in of the same worker at the same time (one request or two)', async () => {
		const twice = await procore('POST', path(), { timecard_entries: [entry(), entry()] });
		expect(twice.status).toBe(422);
		expect(env.records(tower, 'timecard_entries').filter((e) => e.in_progress === true)).toEqual([]);
		expect((await procore('POST', path(), { timecard_entries: [entry()] })).status).toBe(201);
		const again = await procore('POST', path(), { timecard_entries: [entry()] });
		expect(again.status).toBe(422);
		expect(JSON.stringify(again.body)).toMatch(/already has an in-progress timecard entry/);
		expect(env.records(tower, 'timecard_entries').filter((e) => e.in_progress === true)).toHaveLength(1);
	});

	it('lists an open entry only on the company list asked for in-progress ones; with "mytime" fields, without origin ID and project', async () => {
		await procore('POST', path(), { timecard_entries: [entry({ origin_id: 'ci_x:1' })] });
		const project = await procore('GET', `/rest/v1.0/projects/${tower}/timecard_entries?start_date=${DAY}&end_date=${DAY}`);
		expect(project.body.filter((e: IDataObject) => e.in_progress === true)).toEqual([]);
		const company = `/rest/v1.0/companies/${env.sb.companyId}/timecard_entries?start_date=${DAY}&end_date=${DAY}`;
		expect((await procore('GET', company)).body.filter((e: IDataObject) => e.in_progress === true)).toEqual([]);
		const open = (await procore('GET', `${company}&filters[in_progress_only]=true`)).body as IDataObject[];
		expect(open.map((e) => [e.origin_id, e.project_id])).toEqual([['ci_x:1', tower]]);
		expect((await procore('GET', `${company}&filters[include_in_progress]=true`)).body.some((e: IDataObject) => e.in_progress === true)).toBe(true);
		env.sb.config({ companyTimecardFields: 'mytime' });
		const bare = (await procore('GET', `${company}&filters[in_progress_only]=true`)).body as IDataObject[];
		expect(bare).toHaveLength(1);
		expect(Object.keys(bare[0]).filter((k) => ['origin_id', 'origin_data', 'project_id', 'project'].includes(k))).toEqual([]);
	});

	it('with inProgressCompletion refused: a PATCH giving an open entry hours or a time out is refused, the entry stays open', async () => {
		env.sb.config({ inProgressCompletion: 'refused' });
		const created = await procore('POST', path(), { timecard_entries: [entry()] });
		const id = created.body.timecard_entries[0].id;
		for (const body of [{ time_out: `${DAY}T15:00:00-08:00` }, { hours: '8' }]) {
			const res = await procore('PATCH', `/rest/v1.1/projects/${tower}/project_timecard_entries/${id}`, body);
			expect(res.status).toBe(422);
		}
		expect(env.records(tower, 'timecard_entries').find((e) => e.id === id)).toMatchObject({ in_progress: true });
		expect(env.records(tower, 'timecard_entries').find((e) => e.id === id)?.hours ?? null).toBeNull();
	});

	it('a time out completes an open entry; its hours are then counted', async () => {
		const created = await procore('POST', path(), { timecard_entries: [entry()] });
		const id = created.body.timecard_entries[0].id;
		const done = await procore('PATCH', `/rest/v1.1/projects/${tower}/project_timecard_entries/${id}`, { time_out: `${DAY}T15:00:00-08:00`, lunch_time: '30' });
		expect(done.status).toBe(200);
		expect(env.records(tower, 'timecard_entries').find((e) => e.id === id)).toMatchObject({ in_progress: false, time_out: `${DAY}T15:00:00-08:00` });
	});
});

describe.each(['full', 'mytime'] as const)('a clock-out moved to another project (company list fields: %s)', (fields) => {
	beforeEach(() => env.sb.config({ companyTimecardFields: fields }));

	it.each([
		['the synced projects', true],
		['the company\'s active projects', false],
	])('finds its entries in the project it left (searching %s when the list lacks the fields)', async (_label, synced) => {
		const { hospital } = env.sb.seed.projects;
		const ofClockOut = (projectId: number) => env.records(projectId, 'timecard_entries').filter((e) => String(e.origin_id).startsWith('co_77:'));
		const base = { additionalFields: { clockInId: '', coworkers: [] }, options: { onExisting: 'update', ...(synced ? { syncedProjectIds: `${tower},${hospital}` } : {}) } };
		await clockOut(base);
		expect(ofClockOut(tower)).toHaveLength(3);
		const code = (full: string) => env.sb.store.findAll('cost_codes', (r) => r.project_id === hospital && r.full_code === full)[0].rec.id as number;
		const there = (full: string) => `procore:budget_line:cc:${code(full)}:cat:${env.sb.seed.lineItemTypes.labor}`;
		const moved = await clockOut({
			...base,
			project: rl(hospital),
			allocationsJson: [
				{ milestone: there('09-250'), percent: 40 },
				{ milestone: there('03-300'), percent: 35 },
				{ milestone: there('26-000'), percent: 25 },
			],
		});
		expect(moved.error).toBeUndefined();
		expect(ofClockOut(tower)).toEqual([]);
		expect(hundredths(ofClockOut(hospital))).toBe(798);
		const reads = moved.calls.filter((c) => c.method === 'GET').map(route);
		if (fields === 'mytime') {
			// The company list could not say where the entries were: the projects' own lists did.
			expect(reads).toContain(`GET /rest/v1.0/projects/:id/timecard_entries`);
			expect(moved.calls.some((c) => c.method === 'GET' && c.path === `/rest/v1.0/projects/${tower}/timecard_entries`)).toBe(true);
			expect(reads.includes('GET /rest/v1.0/projects')).toBe(!synced);
		} else {
			expect(reads.includes('GET /rest/v1.0/projects')).toBe(false);
		}
	});
});
