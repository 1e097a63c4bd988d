/**
 * Create From Clock-Out, the parts issues #20 and #21 fixed: the project's time zone, per-item
 * Company and Options, and edited clock-outs whose dropped entries are deleted and read back.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';
import { API, fakeProcore } from './fakeProcore';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const TWO = [
	{ milestone: 'cc:1234:cat:5678', amount: 50 },
	{ milestone: 'cc:2000:cat:5678', amount: 50 },
];

function clockOut(extra: Record<string, unknown> = {}) {
	return {
		resource: 'timecardEntry',
		operation: 'createFromClockOut',
		company: rl('4264807'),
		project: rl('101'),
		worker: rl('501'),
		clockOutId: 'co_1',
		clockIn: '2026-11-20T15:00:00Z',
		clockOut: '2026-11-20T23:30:00Z',
		allocationSource: 'list',
		allocations: { line: TWO },
		...extra,
		additionalFields: { lunchMinutes: 30, ...(extra.additionalFields as object) },
		options: { ...(extra.options as object) },
	};
}

const sum = (entries: Array<Record<string, any>>) => entries.reduce((s, e) => s + Math.round(Number(e.hours) * 100), 0);

describe('Create From Clock-Out: time zones', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('a UTC evening shift at a Los Angeles project counts on the local day (Nov 20), not the UTC one', async () => {
		const procore = fakeProcore();
		const [out] = await runProcoreNode({ parameters: clockOut({ clockIn: '2026-11-21T01:00:00Z', clockOut: '2026-11-21T09:00:00Z', output: 'raw' }) });
		expect(procore.entries.map((e) => e.date)).toEqual(['2026-11-20', '2026-11-20']);
		expect(out.json).toMatchObject({ date: '2026-11-20', time_zone: 'America/Los_Angeles', worked_minutes: 450 });
	});

	it('local wall times across the end of DST count the real 9 hours (8.50 h after lunch), written with each instant\'s offset', async () => {
		const procore = fakeProcore();
		await runProcoreNode({ parameters: clockOut({ clockIn: '2026-10-31T22:00:00', clockOut: '2026-11-01T06:00:00' }) });
		expect(sum(procore.entries)).toBe(850);
		expect(procore.entries.map((e) => e.date)).toEqual(['2026-10-31', '2026-10-31']);
		nock.cleanAll();
		const again = fakeProcore();
		await runProcoreNode({
			parameters: clockOut({ clockOutId: 'co_2', clockIn: '2026-10-31T22:00:00', clockOut: '2026-11-01T06:00:00', options: { timeEntryMode: 'startStop' } }),
		});
		expect(again.entries.map((e) => [e.time_in, e.time_out])).toEqual([
			// 255 min each, lunch on the first: 22:00 PDT + 4 h 45 min of real time is 01:45 PST.
			['2026-10-31T22:00:00-07:00', '2026-11-01T01:45:00-08:00'],
			['2026-11-01T01:45:00-08:00', '2026-11-01T06:00:00-08:00'],
		]);
	});

	it('Options > Time Zone overrides the project\'s (and the project is then not read for it)', async () => {
		const procore = fakeProcore();
		const requests: IHttpRequestOptions[] = [];
		const [out] = await runProcoreNode({
			parameters: clockOut({ clockIn: '2026-11-20T15:00:00Z', clockOut: '2026-11-20T23:30:00Z', options: { timeZone: 'Asia/Tokyo', checkBeforeWrite: false } }),
			requests,
		});
		expect(procore.entries.map((e) => e.date)).toEqual(['2026-11-21', '2026-11-21']);
		expect(out.json.time_zone).toBe('Asia/Tokyo');
		expect(requests.some((r) => /\/projects\/101$/.test(String(r.url)))).toBe(false);
	});

	it('a time zone that does not exist, and a wall time in the spring-forward gap: clear errors, nothing sent', async () => {
		fakeProcore();
		const requests: IHttpRequestOptions[] = [];
		await expect(runProcoreNode({ parameters: clockOut({ options: { timeZone: 'Mars/Olympus' } }), requests })).rejects.toThrow(
			'Time Zone "Mars/Olympus" is not a time zone',
		);
		await expect(
			runProcoreNode({ parameters: clockOut({ clockIn: '2026-03-08T02:30:00', clockOut: '2026-03-08T10:00:00', options: { timeZone: 'America/Los_Angeles' } }), requests }),
		).rejects.toThrow('Clock In "2026-03-08T02:30:00" does not exist in America/Los_Angeles');
		expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
	});
});

describe('Create From Clock-Out: per-item Company and Options', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('items for two companies are written with each item\'s own company, in calls of their own', async () => {
		const procore = fakeProcore();
		const requests: IHttpRequestOptions[] = [];
		const perItem = [clockOut({ clockOutId: 'co_a', company: rl('11') }), clockOut({ clockOutId: 'co_b', company: rl('22') })];
		const out = await runProcoreNode({ parameters: { ...perItem[0], __perItem: perItem }, items: [{ json: {} }, { json: {} }], requests });
		const bulk = requests.filter((r) => String(r.url).endsWith('/bulk_create'));
		expect(bulk.map((r) => (r.headers as Record<string, string>)['Procore-Company-Id'])).toEqual(['11', '22']);
		expect(procore.bulkCalls.map((c) => c.map((e) => String(e.origin_id).split(':')[0]))).toEqual([['co_a', 'co_a'], ['co_b', 'co_b']]);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('an item\'s "If Already in Procore" is its own: Skip for one item, Update for the next', async () => {
		const procore = fakeProcore();
		await runProcoreNode({ parameters: clockOut({ clockOutId: 'co_a' }) });
		await runProcoreNode({ parameters: clockOut({ clockOutId: 'co_b' }) });
		const edited = { clockOut: '2026-11-21T00:30:00Z' };
		const perItem = [clockOut({ ...edited, clockOutId: 'co_a', options: { onExisting: 'skip' } }), clockOut({ ...edited, clockOutId: 'co_b', options: { onExisting: 'update' } })];
		const out = await runProcoreNode({ parameters: { ...perItem[0], __perItem: perItem }, items: [{ json: {} }, { json: {} }] });
		expect((out[0].json.entries as any[]).map((e) => e.status)).toEqual(['existing', 'existing']);
		expect((out[1].json.entries as any[]).map((e) => e.status)).toEqual(['updated', 'updated']);
		expect(sum(procore.entries.filter((e) => e.origin_id.startsWith('co_a:')))).toBe(800);
		expect(sum(procore.entries.filter((e) => e.origin_id.startsWith('co_b:')))).toBe(900);
	});
});

describe('Create From Clock-Out: edited clock-outs in Update mode', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('entries of a dropped milestone and a dropped coworker are deleted; the hours of the clock-out are counted once', async () => {
		const procore = fakeProcore();
		await runProcoreNode({ parameters: clockOut({ additionalFields: { coworkers: ['600'] } }) });
		expect(procore.entries).toHaveLength(4);
		const [out] = await runProcoreNode({
			parameters: clockOut({ allocations: { line: [{ milestone: 'cc:1234:cat:5678', amount: 100 }] }, options: { onExisting: 'update' } }),
		});
		expect(procore.entries.map((e) => [e.party_id, e.cost_code_id, e.hours])).toEqual([[501, 1234, '8.00']]);
		expect(procore.deleteCalls).toBe(3);
		expect((out.json.removed as any[]).map((e) => e.status)).toEqual(['deleted', 'deleted', 'deleted']);
	});

	it('preview shows the deletes and sends none', async () => {
		const procore = fakeProcore();
		await runProcoreNode({ parameters: clockOut() });
		const [out] = await runProcoreNode({
			parameters: clockOut({ allocations: { line: [{ milestone: 'cc:1234:cat:5678', amount: 100 }] }, options: { onExisting: 'update', previewOnly: true } }),
		});
		expect(procore.deleteCalls).toBe(0);
		expect(procore.entries).toHaveLength(2);
		expect((out.json.requests as any[]).map((r) => r.method)).toEqual(['PATCH', 'DELETE']);
	});

	it('a delete whose answer is lost is settled by reading the entries back, not by sending it again', async () => {
		const first = fakeProcore();
		await runProcoreNode({ parameters: clockOut() });
		nock.cleanAll();
		const gone = first.entries[1];
		let deletes = 0;
		// Procore deletes the entry, then the connection drops before the answer.
		const scope = nock(API)
			.delete(`/rest/v1.0/projects/101/timecard_entries/${gone.id}`)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		scope.on('request', () => {
			deletes++;
			first.entries.splice(first.entries.indexOf(gone), 1);
		});
		const state = fakeProcore({ entries: first.entries });
		const [out] = await runProcoreNode({
			parameters: clockOut({ allocations: { line: [{ milestone: 'cc:1234:cat:5678', amount: 100 }] }, options: { onExisting: 'update' } }),
		});
		expect(deletes).toBe(1);
		expect(state.deleteCalls).toBe(0);
		expect((out.json.removed as any[]).map((e) => e.status)).toEqual(['deleted']);
		expect(state.entries.map((e) => e.hours)).toEqual(['8.00']);
	});

	it('an update whose answer is lost but that Procore applied counts as updated (read back, not re-sent)', async () => {
		const first = fakeProcore();
		await runProcoreNode({ parameters: clockOut() });
		nock.cleanAll();
		const target = first.entries[0];
		let patches = 0;
		const scope = nock(API)
			.patch(`/rest/v1.1/projects/101/project_timecard_entries/${target.id}`)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		scope.on('request', (_req: unknown, _interceptor: unknown, body: string) => {
			patches++;
			Object.assign(target, JSON.parse(body));
		});
		const state = fakeProcore({ entries: first.entries });
		const [out] = await runProcoreNode({
			parameters: clockOut({ allocations: { line: [{ milestone: 'cc:1234:cat:5678', amount: 75 }, { milestone: 'cc:2000:cat:5678', amount: 25 }] }, options: { onExisting: 'update' } }),
		});
		expect(patches).toBe(1);
		expect(state.patchCalls).toBe(1); // the other entry's PATCH; the lost one was not sent again
		expect((out.json.entries as any[]).map((e) => e.status)).toEqual(['updated', 'updated']);
		expect(state.entries.map((e) => e.hours)).toEqual(['6.00', '2.00']);
	});

	it('an entry still in Procore after its delete is reported on the item, with what to do', async () => {
		const procore = fakeProcore();
		await runProcoreNode({ parameters: clockOut() });
		nock.cleanAll();
		// Procore answers the delete but keeps the entry.
		nock(API).delete(/\/rest\/v1\.0\/projects\/101\/timecard_entries\/\d+$/).reply(204, '');
		const state = fakeProcore({ entries: procore.entries });
		const error: any = await runProcoreNode({
			parameters: clockOut({ allocations: { line: [{ milestone: 'cc:1234:cat:5678', amount: 100 }] }, options: { onExisting: 'update' } }),
		}).then(() => undefined, (e: Error) => e);
		expect(error?.message).toMatch(/^Timecard entry \d+ \(origin ID co_1:501:procore:budget_line:cc:2000:cat:5678\) is still in Procore after it was deleted$/);
		expect(error.description).toMatch(/count twice/);
		expect(state.entries).toHaveLength(2);
	});
});

describe('Create From Clock-Out: the allocation JSON the app sends (checked with zod)', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	const json = (lines: unknown, options: Record<string, unknown> = {}) =>
		clockOut({ allocationSource: 'json', allocationsJson: typeof lines === 'string' ? lines : JSON.stringify(lines), options });

	it('every problem of every line is named at once, and nothing is sent', async () => {
		fakeProcore();
		const requests: IHttpRequestOptions[] = [];
		const error: any = await runProcoreNode({
			parameters: json([
				{ milestone: 'cc:1234:cat:5678', percent: 'sixty' },
				{ milestone: 'cc:12x4', percent: 20 },
				{ costCodeId: 2000, percent: -5 },
				{ milestone: 'cc:3000:cat:5678' },
			]),
			requests,
		}).then(() => undefined, (e: Error) => e);
		expect(error.message).toBe(
			'Allocations (JSON) has 5 problems: line 1 "percent" is not a number; line 2: "cc:12x4" is not a milestone. Write it as procore:budget_line:cc:<cost code ID>:cat:<category ID> or procore:wbs_code:<WBS code ID>; line 3 "percent" must be a number of 0 or more; line 3: Cost code 2000 has no category (line item type ID); line 4 "percent" is missing',
		);
		expect(error.description).toMatch(/"percent" as a number/);
		expect(requests).toHaveLength(0);
	});

	it('not an array, an empty array, a line that is not an object', async () => {
		fakeProcore();
		for (const [lines, message] of [
			[{ milestone: 'cc:1:cat:2', percent: 100 }, 'Allocations (JSON): the allocation must be an array'],
			[[], 'Allocations (JSON): the allocation is empty: give at least one milestone with its share'],
			[['cc:1:cat:2'], 'Allocations (JSON): line 1 is not an object'],
		] as const) {
			await expect(runProcoreNode({ parameters: json(lines) })).rejects.toThrow(message);
		}
	});

	it('shares sent as text, and lines that say "hours" without Allocate By, are read as meant', async () => {
		const procore = fakeProcore();
		await runProcoreNode({ parameters: json([{ milestone: 'cc:1234:cat:5678', hours: '5' }, { wbsCodeId: 77, hours: 3 }]) });
		expect(procore.entries.map((e) => e.hours)).toEqual(['5.00', '3.00']);
		await expect(runProcoreNode({ parameters: json([{ milestone: 'cc:1234:cat:5678', hours: 4 }, { milestone: 'cc:2000:cat:5678', percent: 50 }]) })).rejects.toThrow(
			'Allocations (JSON) mixes "percent" and "hours" lines',
		);
	});
});

describe('Create From Clock-Out: Output', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('Simplified: who, when, how long and each entry\'s IDs and status; Raw: Procore\'s entry records whole', async () => {
		fakeProcore();
		const [simplified] = await runProcoreNode({ parameters: clockOut() });
		expect(Object.keys(simplified.json).sort()).toEqual(['clock_out_id', 'coworker_ids', 'date', 'entries', 'hours', 'project_id', 'summary', 'time_zone', 'worker_id', 'worker_name']);
		expect((simplified.json.entries as any[])[0]).toEqual({
			id: expect.any(Number),
			status: 'created',
			date: '2026-11-20',
			party_id: 501,
			cost_code_id: 1234,
			line_item_type_id: 5678,
			hours: '4.00',
			origin_id: 'co_1:501:procore:budget_line:cc:1234:cat:5678',
		});
		nock.cleanAll();
		fakeProcore();
		const [raw] = await runProcoreNode({ parameters: clockOut({ clockOutId: 'co_2', output: 'raw' }) });
		expect(raw.json).toMatchObject({ worked_minutes: 480, milestones: ['procore:budget_line:cc:1234:cat:5678', 'procore:budget_line:cc:2000:cat:5678'], write_calls: 1 });
		expect((raw.json.entries as any[])[0]).toMatchObject({ status: 'created', party: { id: 501, name: 'Ana Ruiz' }, origin_data: expect.stringMatching(/^n8n:/) });
	});
});

