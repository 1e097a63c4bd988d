/**
 * Timecard Entry run by n8n-core against the local Procore sandbox (issue #7): the entries the
 * sandbox stored, their hours to the minute, and the calls it received.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { SandboxEnv } from './sandboxRun';
import { sandboxEnv } from './sandboxRun';

const CREW = 59;
// Each test takes well under a second; the margin is for a loaded machine (tests run in parallel).
jest.setTimeout(20_000);

let env: SandboxEnv;
let tower: number;
beforeAll(async () => {
	env = await sandboxEnv({ seed: { workers: CREW } });
});
beforeEach(() => {
	env.sb.reset();
	tower = env.sb.seed.projects.tower;
});
afterAll(async () => await env.stop());

const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const milestone = (code: string, category: keyof typeof env.sb.seed.lineItemTypes) =>
	`procore:budget_line:cc:${env.sb.seed.costCodes[code]}:cat:${env.sb.seed.lineItemTypes[category]}`;
const DAY = '2026-11-20';
const entries = () => env.records(tower, 'timecard_entries').filter((e) => e.date === DAY);
const hundredths = (list: IDataObject[]) => list.reduce((sum, e) => sum + Math.round(Number(e.hours) * 100), 0);
const minutes = (e: IDataObject) => (Date.parse(String(e.time_out)) - Date.parse(String(e.time_in))) / 60000 - Number(e.lunch_time ?? 0);
const route = (c: { method: string; path: string }) => `${c.method} ${c.path.replace(/\d{5,}/g, ':id')}`;

function create(parameters: IDataObject) {
	return env.run({
		resource: 'timecardEntry',
		operation: 'create',
		project: rl(tower),
		worker: rl(env.sb.seed.people.carpenter),
		date: DAY,
		timeEntryMode: 'hours',
		hours: 7.5,
		costCoding: 'milestone',
		milestone: rl(milestone('03-300', 'labor')),
		...parameters,
	});
}

/** 07:00 to 15:29 with a 30-minute lunch: 7 h 59 min worked. */
function clockOut(parameters: IDataObject = {}, items?: INodeExecutionData[]) {
	return env.run(
		{
			resource: 'timecardEntry',
			operation: 'createFromClockOut',
			project: rl(tower),
			worker: rl(env.sb.seed.people.carpenter),
			clockOutId: 'co_81234',
			clockIn: `${DAY}T07:00:00-08:00`,
			clockOut: `${DAY}T15:29:00-08:00`,
			allocationSource: 'json',
			allocationsJson: [
				{ milestone: milestone('03-300', 'labor'), percent: 40 },
				{ milestone: milestone('09-250', 'labor'), percent: 35 },
				{ milestone: milestone('26-000', 'labor'), percent: 25 },
			],
			...parameters,
			additionalFields: { lunchMinutes: 30, ...(parameters.additionalFields as IDataObject) },
			options: { timeEntryMode: 'hours', allocationUnit: 'percent', ...(parameters.options as IDataObject) },
		},
		{ items },
	);
}

describe('Create: the two timesheet modes', () => {
	it('hours mode: one entry with the hours, worker, cost code and category', async () => {
		const run = await create({ additionalFields: { originId: 'app-entry-77', description: 'Formwork' } });
		expect(run.error).toBeUndefined();
		const [entry] = entries();
		expect(entries()).toHaveLength(1);
		expect(entry).toMatchObject({
			party_id: env.sb.seed.people.carpenter,
			hours: '7.50',
			cost_code_id: env.sb.seed.costCodes['03-300'],
			line_item_type_id: env.sb.seed.lineItemTypes.labor,
			origin_id: 'app-entry-77',
			description: 'Formwork',
		});
		expect(run.json[0]).toMatchObject({ id: expect.anything(), summary: `Created timecard entry for Luis Ortega on ${DAY} (7.50 h)` });
		// A text origin ID is sent through bulk_create, the endpoint whose schema takes it as a string.
		expect(run.writes.map(route)).toEqual(['POST /rest/v1.1/projects/:id/project_timecard_entries/bulk_create']);
		// Re-running the same entry (same origin ID) writes nothing.
		const again = await create({ additionalFields: { originId: 'app-entry-77', description: 'Formwork' } });
		expect(again.writes).toEqual([]);
		expect(again.json[0].summary).toMatch(/^Already in Procore/);
		expect(entries()).toHaveLength(1);
	});

	it('time in/out mode: time in, time out and lunch as sent', async () => {
		const run = await create({ timeEntryMode: 'startStop', timeIn: `${DAY}T06:30:00-08:00`, timeOut: `${DAY}T15:00:00-08:00`, lunchMinutes: 45 });
		expect(run.error).toBeUndefined();
		const [entry] = entries();
		expect(entry).toMatchObject({ time_in: `${DAY}T06:30:00-08:00`, time_out: `${DAY}T15:00:00-08:00`, lunch_time: '45' });
		expect(entry.hours ?? null).toBeNull();
		expect(minutes(entry)).toBe(465);
	});
});

describe('Create From Clock-Out: allocation that sums exactly', () => {
	it('hours mode: 7 h 59 min over three milestones is 7.98 h in total, none lost to rounding', async () => {
		const run = await clockOut({ output: 'raw' });
		expect(run.error).toBeUndefined();
		const stored = entries();
		expect(stored.map((e) => [e.cost_code_id, e.line_item_type_id, e.hours])).toEqual([
			[env.sb.seed.costCodes['03-300'], env.sb.seed.lineItemTypes.labor, '3.19'],
			[env.sb.seed.costCodes['09-250'], env.sb.seed.lineItemTypes.labor, '2.79'],
			[env.sb.seed.costCodes['26-000'], env.sb.seed.lineItemTypes.labor, '2.00'],
		]);
		expect(hundredths(stored)).toBe(Math.round((479 * 100) / 60));
		expect(run.json[0]).toMatchObject({ worked_minutes: 479, hours: '7.98' });
		expect(run.writes.map(route)).toEqual(['POST /rest/v1.1/projects/:id/project_timecard_entries/bulk_create']);
	});

	it('time in/out mode: consecutive windows from clock-in to clock-out, 479 minutes to the minute', async () => {
		const run = await clockOut({ options: { timeEntryMode: 'startStop' } });
		expect(run.error).toBeUndefined();
		const stored = entries();
		expect(stored.map(minutes)).toEqual([191, 168, 120]);
		expect(stored.reduce((sum, e) => sum + minutes(e), 0)).toBe(479);
		expect(stored[0].time_in).toBe(`${DAY}T07:00:00-08:00`);
		expect(stored[2].time_out).toBe(`${DAY}T15:29:00-08:00`);
		for (let k = 1; k < stored.length; k++) expect(stored[k].time_in).toBe(stored[k - 1].time_out);
	});

	it('hours allocation: 4 h + 3.9833 h covers 7 h 59 min exactly', async () => {
		const run = await clockOut({
			options: { allocationUnit: 'hours' },
			allocationsJson: [
				{ milestone: milestone('03-300', 'labor'), hours: 4 },
				{ milestone: milestone('09-250', 'labor'), hours: 3.9833 },
			],
		});
		expect(run.error).toBeUndefined();
		expect(entries().map((e) => e.hours)).toEqual(['4.00', '3.98']);
	});
});

describe('a crew of 60', () => {
	it('Create From Clock-Out with 59 coworkers: 60 entries in 3 bulk calls of at most 25', async () => {
		const run = await clockOut({
			output: 'raw',
			additionalFields: { coworkers: env.sb.seed.extraWorkers.map(String) },
			allocationsJson: [{ milestone: milestone('03-300', 'labor'), percent: 100 }],
		});
		expect(run.error).toBeUndefined();
		expect(run.calls.map(route)).toEqual([
			'GET /rest/v1.0/projects/:id',
			'GET /rest/v1.0/projects/:id/people',
			'GET /rest/v1.0/cost_codes',
			'GET /rest/v1.0/projects/:id/timecard_entries',
			'POST /rest/v1.1/projects/:id/project_timecard_entries/bulk_create',
			'POST /rest/v1.1/projects/:id/project_timecard_entries/bulk_create',
			'POST /rest/v1.1/projects/:id/project_timecard_entries/bulk_create',
		]);
		const stored = entries();
		expect(stored).toHaveLength(60);
		expect(new Set(stored.map((e) => e.party_id)).size).toBe(60);
		expect(stored.every((e) => e.hours === '7.98')).toBe(true);
		expect(run.json[0].write_calls).toBe(3);
	});

	it('Create Many through the company endpoint: 60 items in one call', async () => {
		const crew = [env.sb.seed.people.carpenter, ...env.sb.seed.extraWorkers];
		const run = await env.run(
			{
				resource: 'timecardEntry',
				operation: 'createMany',
				project: rl(tower),
				worker: rl('={{ $json.partyId }}'),
				date: DAY,
				timeEntryMode: 'hours',
				hours: 8,
				costCoding: 'none',
				options: { endpoint: 'company', batchSize: 100 },
			},
			{ items: crew.map((partyId) => ({ json: { partyId } })) },
		);
		expect(run.error).toBeUndefined();
		expect(run.writes.map(route)).toEqual(['POST /rest/v1.0/companies/:id/timesheets']);
		expect(run.calls).toHaveLength(3); // project, people, the write
		expect(run.json).toHaveLength(60);
		expect(entries()).toHaveLength(60);
		expect(hundredths(entries())).toBe(60 * 800);
	});
});

describe('re-export', () => {
	it('the same clock-out again writes nothing and doubles no hours', async () => {
		await clockOut();
		const first = JSON.stringify(entries());
		const again = await clockOut();
		expect(again.error).toBeUndefined();
		expect(again.writes).toEqual([]);
		expect((again.json[0].entries as IDataObject[]).map((e) => e.status)).toEqual(['existing', 'existing', 'existing']);
		expect(JSON.stringify(entries())).toBe(first);
		expect(hundredths(entries())).toBe(798);
	});

	it('an edited clock-out with "If Already in Procore: Update" changes the same entries', async () => {
		await clockOut();
		const ids = entries().map((e) => e.id);
		const run = await clockOut({ clockOut: `${DAY}T15:59:00-08:00`, options: { onExisting: 'update' } });
		expect(run.error).toBeUndefined();
		expect(run.writes.map(route)).toEqual(Array(3).fill('PATCH /rest/v1.1/projects/:id/project_timecard_entries/:id'));
		expect(entries().map((e) => e.id)).toEqual(ids);
		expect(hundredths(entries())).toBe(Math.round((509 * 100) / 60));
	});
});

describe('rejections, each with its message and nothing written', () => {
	async function rejected(run: Promise<Awaited<ReturnType<typeof create>>>, message: string | RegExp) {
		const before = JSON.stringify(env.records(tower, 'timecard_entries'));
		const result = await run;
		if (typeof message === 'string') expect(result.error?.message).toBe(message);
		else expect(String(result.error?.message)).toMatch(message);
		expect(JSON.stringify(env.records(tower, 'timecard_entries'))).toBe(before);
		return result;
	}

	it('negative hours', async () => {
		const run = await rejected(create({ hours: -2 }), 'Hours -2 is not between 0 and 24');
		expect(run.calls).toEqual([]);
	});

	it('out-of-order times', async () => {
		await rejected(create({ timeEntryMode: 'startStop', timeIn: `${DAY}T15:00:00-08:00`, timeOut: `${DAY}T07:00:00-08:00` }), 'Time Out is not after Time In');
		const run = await rejected(clockOut({ clockOut: `${DAY}T06:00:00-08:00` }), 'Clock-out is not after clock-in');
		expect(run.calls).toEqual([]);
	});

	it('allocations not summing to 100 %', async () => {
		const run = await rejected(
			clockOut({
				allocationsJson: [
					{ milestone: milestone('03-300', 'labor'), percent: 40 },
					{ milestone: milestone('09-250', 'labor'), percent: 35 },
					{ milestone: milestone('26-000', 'labor'), percent: 20 },
				],
			}),
			'The percentages add up to 95, not 100. Adjust them so they total exactly 100, or allocate in hours.',
		);
		expect(run.calls).toEqual([]);
	});

	it('a worker outside the project directory: checked before writing, or refused by Procore', async () => {
		const checked = await rejected(create({ worker: rl(999001) }), `Worker 999001 is not in the directory of project ${tower}`);
		expect(checked.writes).toEqual([]);
		// The error names the operation that fixes it.
		expect(String(checked.error?.description)).toContain('Project Directory › Add Person');
		const unchecked = await rejected(
			create({ worker: rl(999001), options: { checkBeforeWrite: false } }),
			'Procore refused the timecard entry: the worker is not in the project directory (Procore said: party_id: is not in the project directory)',
		);
		expect(unchecked.writes.map((c) => c.status)).toEqual([422]);
		expect(String(unchecked.error?.description)).toContain('Project Directory › Add Person');
	});

	it('an unknown milestone: a cost code of no project, a category the cost code lacks', async () => {
		await rejected(create({ milestone: rl(`procore:budget_line:cc:999002:cat:${env.sb.seed.lineItemTypes.labor}`) }), 'Cost code 999002 is not a cost code of this project');
		await rejected(create({ milestone: rl(milestone('23-000', 'labor')) }), /^Cost code 23-000 .*has no category/);
		const unchecked = await rejected(
			clockOut({ allocationsJson: [{ milestone: milestone('23-000', 'labor'), percent: 100 }], options: { checkBeforeWrite: false } }),
			/^Procore refused the timecard entry: the cost code does not have that category \(Procore said: .*line_item_type_id: is not a category of cost code 23-000/,
		);
		expect(unchecked.writes.every((c) => c.status === 422)).toBe(true);
	});
});

/**
 * Issue #21: workforce apps send UTC. The work date and the times written follow the project's
 * time zone (its tz_name in Procore), not the server's and not UTC; a night shift and a night
 * across the autumn DST change sum to exactly the real worked time.
 */
describe('time zones: the project\'s, not the server\'s or UTC', () => {
	const serverZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	const setZone = (tzName: string) => env.sb.store.update(`companies/${env.sb.companyId}/projects`, tower, { tz_name: tzName });
	/** The entries this clock-out wrote, on any day (the seed has entries of its own). */
	const allEntries = () => env.records(tower, 'timecard_entries').filter((e) => String(e.origin_id ?? '').startsWith('co_81234:'));
	const onDay = (day: string) => allEntries().filter((e) => e.date === day);

	it('an evening shift 17:00-01:00 at a Los Angeles project, sent in UTC, lands on the local day it was worked', async () => {
		expect(serverZone).not.toBe('America/Los_Angeles');
		// 17:00-01:00 PST on Nov 20 is 01:00Z-09:00Z on Nov 21 (the UTC date is the next day).
		const run = await clockOut({ clockIn: '2026-11-21T01:00:00Z', clockOut: '2026-11-21T09:00:00Z', options: { timeEntryMode: 'startStop' } });
		expect(run.error).toBeUndefined();
		expect(allEntries().map((e) => e.date)).toEqual([DAY, DAY, DAY]);
		expect(allEntries()[0].time_in).toBe(`${DAY}T17:00:00-08:00`);
		expect(allEntries()[2].time_out).toBe('2026-11-21T01:00:00-08:00');
		expect(allEntries().reduce((sum, e) => sum + minutes(e), 0)).toBe(450);
		expect(run.json[0]).toMatchObject({ date: DAY, time_zone: 'America/Los_Angeles' });
	});

	it('the shift 17:00Z-01:00Z at a Tokyo project lands on the Tokyo date (the next day), not the UTC one', async () => {
		setZone('Asia/Tokyo');
		expect(serverZone).not.toBe('Asia/Tokyo');
		const run = await clockOut({ clockIn: `${DAY}T17:00:00Z`, clockOut: '2026-11-21T01:00:00Z' });
		expect(run.error).toBeUndefined();
		expect(allEntries().map((e) => e.date)).toEqual(['2026-11-21', '2026-11-21', '2026-11-21']);
		expect(hundredths(allEntries())).toBe(750);
	});

	it('a night shift across midnight is one entry per milestone on the day it started; the hours sum exactly', async () => {
		// 22:00 Nov 20 to 06:29 Nov 21 in Los Angeles, 30 min lunch: 7 h 59 min.
		const run = await clockOut({ clockIn: '2026-11-21T06:00:00Z', clockOut: '2026-11-21T14:29:00Z' });
		expect(run.error).toBeUndefined();
		expect(onDay(DAY)).toHaveLength(3);
		expect(onDay('2026-11-21')).toHaveLength(0);
		expect(hundredths(onDay(DAY))).toBe(798);
		env.sb.reset();
		const startStop = await clockOut({ clockIn: '2026-11-21T06:00:00Z', clockOut: '2026-11-21T14:29:00Z', options: { timeEntryMode: 'startStop' } });
		expect(startStop.error).toBeUndefined();
		const stored = onDay(DAY);
		expect(stored.reduce((sum, e) => sum + minutes(e), 0)).toBe(479);
		expect(stored[0].time_in).toBe(`${DAY}T22:00:00-08:00`);
		expect(stored[2].time_out).toBe('2026-11-21T06:29:00-08:00');
	});

	it('a night across the end of daylight saving time (Nov 1, 2026) counts the extra hour, in UTC or in local wall time', async () => {
		// 22:00 PDT Oct 31 to 06:00 PST Nov 1 is 9 real hours; less 30 min lunch: 8.50 h.
		const run = await clockOut({ clockIn: '2026-11-01T05:00:00Z', clockOut: '2026-11-01T14:00:00Z' });
		expect(run.error).toBeUndefined();
		expect(onDay('2026-10-31').map((e) => e.hours)).toEqual(['3.40', '2.98', '2.12']);
		expect(hundredths(onDay('2026-10-31'))).toBe(850);
		env.sb.reset();
		const wall = await clockOut({ clockIn: '2026-10-31T22:00:00', clockOut: '2026-11-01T06:00:00', options: { timeEntryMode: 'startStop' } });
		expect(wall.error).toBeUndefined();
		const stored = onDay('2026-10-31');
		expect(stored.reduce((sum, e) => sum + minutes(e), 0)).toBe(510);
		expect(stored[0].time_in).toBe('2026-10-31T22:00:00-07:00');
		expect(stored[2].time_out).toBe('2026-11-01T06:00:00-08:00');
	});
});

describe('edited clock-outs (issue #21): Update replaces what the first export wrote', () => {
	it('a milestone and a coworker dropped by the edit are deleted from Procore; no hour counts twice', async () => {
		const { laborer } = env.sb.seed.people;
		await clockOut({ additionalFields: { coworkers: [String(laborer)] } });
		expect(entries()).toHaveLength(6);
		const run = await clockOut({
			allocationsJson: [
				{ milestone: milestone('03-300', 'labor'), percent: 50 },
				{ milestone: milestone('09-250', 'labor'), percent: 50 },
			],
			options: { onExisting: 'update' },
		});
		expect(run.error).toBeUndefined();
		const stored = entries();
		expect(stored.map((e) => [e.party_id, e.cost_code_id, e.hours])).toEqual([
			[env.sb.seed.people.carpenter, env.sb.seed.costCodes['03-300'], '3.99'],
			[env.sb.seed.people.carpenter, env.sb.seed.costCodes['09-250'], '3.99'],
		]);
		expect(hundredths(stored)).toBe(798);
		const deletes = run.writes.filter((c) => c.method === 'DELETE');
		expect(deletes).toHaveLength(4);
		expect(deletes.every((c) => c.status === 204 || c.status === 200)).toBe(true);
		// The deletes are read back: the last call lists the project's entries.
		expect(route(run.calls.at(-1)!)).toBe('GET /rest/v1.0/projects/:id/timecard_entries');
		expect((run.json[0].removed as IDataObject[]).map((e) => e.status)).toEqual(['deleted', 'deleted', 'deleted', 'deleted']);
		expect(run.json[0].summary).toMatch(/4 no longer in the clock-out deleted$/);
	});

	it('a clock-out edited into another project: its entries leave the old project and are written in the new one; the hours count once', async () => {
		const { hospital } = env.sb.seed.projects;
		const ofClockOut = (projectId: number) => env.records(projectId, 'timecard_entries').filter((e) => String(e.origin_id).startsWith('co_81234:'));
		await clockOut({ clockOutId: 'co_other' });
		await clockOut();
		expect(ofClockOut(tower)).toHaveLength(3);
		// The same shift and allocation, on the hospital's own cost codes.
		const code = (full: string) => env.sb.store.findAll('cost_codes', (r) => r.project_id === hospital && r.full_code === full)[0].rec.id as number;
		const there = (full: string) => `procore:budget_line:cc:${code(full)}:cat:${env.sb.seed.lineItemTypes.labor}`;
		const edit = {
			project: rl(hospital),
			allocationsJson: [
				{ milestone: there('03-300'), percent: 40 },
				{ milestone: there('09-250'), percent: 35 },
				{ milestone: there('26-000'), percent: 25 },
			],
			options: { onExisting: 'update' },
		};
		const moved = await clockOut(edit);
		expect(moved.error).toBeUndefined();
		expect(ofClockOut(tower)).toEqual([]);
		expect(ofClockOut(hospital)).toHaveLength(3);
		expect(hundredths(ofClockOut(hospital))).toBe(798);
		// Another clock-out of the same worker and day stays where it is.
		expect(env.records(tower, 'timecard_entries').filter((e) => String(e.origin_id).startsWith('co_other:'))).toHaveLength(3);
		const deletes = moved.writes.filter((c) => c.method === 'DELETE');
		expect(deletes.map((c) => route(c))).toEqual(Array(3).fill('DELETE /rest/v1.0/projects/:id/timecard_entries/:id'));
		expect(deletes.every((c) => c.path.includes(`/projects/${tower}/`))).toBe(true);
		expect((moved.json[0].removed as IDataObject[]).map((e) => e.status)).toEqual(['deleted', 'deleted', 'deleted']);
		// Sent again: nothing to write, nothing to delete.
		const again = await clockOut(edit);
		expect(again.writes).toEqual([]);
		expect(hundredths([...ofClockOut(tower), ...ofClockOut(hospital)])).toBe(798);
	});

	it('with Skip (the default) an edit changes nothing, and entries of other clock-outs are never touched', async () => {
		await clockOut({ clockOutId: 'co_other' });
		await clockOut();
		const before = JSON.stringify(env.records(tower, 'timecard_entries'));
		const skipped = await clockOut({ allocationsJson: [{ milestone: milestone('03-300', 'labor'), percent: 100 }] });
		expect(skipped.writes).toEqual([]);
		expect(JSON.stringify(env.records(tower, 'timecard_entries'))).toBe(before);
		const updated = await clockOut({ allocationsJson: [{ milestone: milestone('03-300', 'labor'), percent: 100 }], options: { onExisting: 'update' } });
		expect(updated.error).toBeUndefined();
		expect(entries().filter((e) => String(e.origin_id).startsWith('co_other:'))).toHaveLength(3);
		expect(entries().filter((e) => String(e.origin_id).startsWith('co_81234:')).map((e) => e.hours)).toEqual(['7.98']);
	});
});

describe('per-item Company and Options (issue #20)', () => {
	it('an item with Preview Only is previewed while the next item, without it, is written', async () => {
		const items = [{ json: { preview: true, id: 'co_a' } }, { json: { preview: false, id: 'co_b' } }];
		const run = await clockOut({ clockOutId: '={{ $json.id }}', options: { previewOnly: '={{ $json.preview }}' } }, items);
		expect(run.error).toBeUndefined();
		expect(run.json.map((j) => j.preview ?? false)).toEqual([true, false]);
		expect(entries().map((e) => String(e.origin_id).split(':')[0])).toEqual(['co_b', 'co_b', 'co_b']);
	});
});

describe('IDs picked from the project\'s lists (issue #20)', () => {
	it('crew (pasted as its URL), sub job and time type chosen in Additional Fields are stored on every entry of the clock-out', async () => {
		const { crews, subJobs, timeTypes } = env.sb.seed;
		const run = await clockOut({
			additionalFields: { crew: { __rl: true, mode: 'url', value: `https://app.procore.com/${tower}/project/crews/${crews.concrete}` }, subJob: { __rl: true, mode: 'list', value: String(subJobs.towerA) }, timeType: rl(timeTypes.overtime) },
		});
		expect(run.error).toBeUndefined();
		expect(entries().map((e) => [e.crew_id, e.sub_job_id, e.timecard_time_type_id])).toEqual(
			Array(3).fill([crews.concrete, subJobs.towerA, timeTypes.overtime]),
		);
	});
});
