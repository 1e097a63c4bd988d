/**
 * Create From Clock-In (issue #21): the in-progress entries it sends, a retry that writes nothing, a
 * lost answer looked up instead of re-sent, and the clock-out completing what the clock-in opened,
 * with the company list carrying origin_id and the project or not (UNCONFIRMED: both answers).
 */
import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';
import { fakeProcore } from './fakeProcore';

const project = { __rl: true, mode: 'id', value: '101' };
const company = { __rl: true, mode: 'id', value: '4264807' };
const worker = { __rl: true, mode: 'id', value: '501' };
const M1 = 'procore:budget_line:cc:1234:cat:5678';
const M2 = 'procore:budget_line:cc:2000:cat:5678';

function clockIn(extra: Record<string, unknown> = {}) {
	return {
		resource: 'timecardEntry',
		operation: 'createFromClockIn',
		company,
		project,
		worker,
		clockInId: 'ci_9',
		// 07:00 in Los Angeles (the project's zone), sent in UTC.
		clockIn: '2026-11-20T15:00:00Z',
		milestone: { __rl: true, mode: 'id', value: M1 },
		...extra,
		additionalFields: { coworkers: ['600'], ...(extra.additionalFields as object) },
		options: { ...(extra.options as object) },
		output: 'raw',
	};
}

function clockOut(extra: Record<string, unknown> = {}) {
	return {
		resource: 'timecardEntry',
		operation: 'createFromClockOut',
		company,
		project,
		worker,
		clockOutId: 'co_9',
		clockIn: '2026-11-20T15:00:00Z',
		clockOut: '2026-11-20T23:29:00Z',
		allocationSource: 'list',
		allocations: { line: [{ milestone: M2, amount: 60 }, { milestone: M1, amount: 40 }] },
		...extra,
		additionalFields: { clockInId: 'ci_9', coworkers: ['600'], lunchMinutes: 30, ...(extra.additionalFields as object) },
		options: { timeEntryMode: 'hours', allocationUnit: 'percent', onExisting: 'update', ...(extra.options as object) },
		output: 'raw',
	};
}

describe('Timecard Entry: Create From Clock-In', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('sends one in-progress entry per worker: time in in the project\'s zone, local date, milestone, no hours', async () => {
		const procore = fakeProcore();
		const [out] = await runProcoreNode({ parameters: clockIn() });
		expect(procore.bulkCalls).toHaveLength(1);
		expect(procore.bulkCalls[0]).toEqual([
			expect.objectContaining({ project_id: 101, party_id: 501, date: '2026-11-20', time_in: '2026-11-20T07:00:00-08:00', in_progress: true, cost_code_id: 1234, line_item_type_id: 5678, origin_id: 'ci_9:501' }),
			expect.objectContaining({ party_id: 600, in_progress: true, origin_id: 'ci_9:600' }),
		]);
		expect(procore.bulkCalls[0].every((e) => e.hours === undefined && e.time_out === undefined)).toBe(true);
		expect(out.json).toMatchObject({ clock_in_id: 'ci_9', time_in: '2026-11-20T07:00:00-08:00', time_zone: 'America/Los_Angeles', write_calls: 1 });
		expect(out.pairedItem).toEqual({ item: 0 });
	});

	it.each(['full', 'mytime'] as const)('a clock-in sent again writes nothing (company list fields: %s)', async (fields) => {
		const procore = fakeProcore({ companyFields: fields });
		await runProcoreNode({ parameters: clockIn() });
		const [again] = await runProcoreNode({ parameters: clockIn() });
		expect(procore.bulkCalls).toHaveLength(1);
		expect(procore.entries).toHaveLength(2);
		expect(String(again.json.summary)).toMatch(/^Already in Procore/);
		expect(procore.companyQueries.at(-1)).toMatchObject({ 'filters[in_progress_only]': 'true', start_date: '2026-11-20', end_date: '2026-11-20' });
	});

	it.each(['full', 'mytime'] as const)('an answer lost after Procore stored the entries: looked up, not sent again (company list fields: %s)', async (fields) => {
		const procore = fakeProcore({ companyFields: fields, lostBulkAnswers: 1 });
		const [out] = await runProcoreNode({ parameters: clockIn() });
		expect(procore.bulkCalls).toHaveLength(1);
		expect(procore.entries).toHaveLength(2);
		expect((out.json.entries as Array<{ status: string }>).map((e) => e.status)).toEqual(['created', 'created']);
		const [retry] = await runProcoreNode({ parameters: clockIn() });
		expect(procore.bulkCalls).toHaveLength(1);
		expect(String(retry.json.summary)).toMatch(/^Already in Procore/);
	});

	it('a bad clock-in time is refused naming the field, before any call', async () => {
		const procore = fakeProcore();
		const [out] = await runProcoreNode({ parameters: clockIn({ clockIn: 'yesterday' }), continueOnFail: true });
		expect(String(out.json.error)).toMatch(/Clock In "yesterday" is not a date and time/);
		expect(procore.bulkCalls).toHaveLength(0);
		expect(procore.listQueries).toHaveLength(0);
	});

	it.each(['full', 'mytime'] as const)('the clock-out completes the clock-in entries with the first milestone and adds the rest: hours once (company list fields: %s)', async (fields) => {
		const procore = fakeProcore({ companyFields: fields });
		await runProcoreNode({ parameters: clockIn() });
		const opened = procore.entries.map((e) => e.id);
		const [out] = await runProcoreNode({ parameters: clockOut() });
		expect(procore.patchCalls).toBe(2);
		expect(procore.bulkCalls).toHaveLength(2);
		expect(procore.entries).toHaveLength(4);
		const completed = procore.entries.filter((e) => opened.includes(e.id));
		expect(completed.map((e) => [e.in_progress, e.cost_code_id, e.hours])).toEqual([
			[false, 2000, '4.79'],
			[false, 2000, '4.79'],
		]);
		for (const party of [501, 600]) {
			expect(procore.entries.filter((e) => Number(e.party_id) === party).reduce((s, e) => s + Math.round(Number(e.hours) * 100), 0)).toBe(798);
		}
		expect((out.json.entries as Array<{ status: string }>).map((e) => e.status)).toEqual(['completed', 'created', 'completed', 'created']);
		expect(out.json.clock_in_id).toBe('ci_9');
		expect(out.json.summary).toBe('Timecard entries: 2 timecard entries created, 2 clock-in entries completed for Ana Ruiz and 1 coworker on 2026-11-20: 7.98 h each over 2 cost codes');
		const [again] = await runProcoreNode({ parameters: clockOut() });
		expect(procore.patchCalls).toBe(2);
		expect(procore.bulkCalls).toHaveLength(2);
		expect((again.json.entries as Array<{ status: string }>).every((e) => e.status === 'existing')).toBe(true);
	});

	it('carries the audit tag in origin_data; Preview Only shows the bulk request and writes nothing', async () => {
		const procore = fakeProcore();
		const [preview] = await runProcoreNode({ parameters: clockIn({ options: { previewOnly: true } }) });
		expect(procore.bulkCalls).toHaveLength(0);
		expect(preview.json).toMatchObject({ preview: true, summary: 'Would open 2 in-progress timecard entries for Ana Ruiz and 1 coworker on 2026-11-20 from 07:00 (America/Los_Angeles)' });
		expect(preview.json.requests).toEqual([
			expect.objectContaining({ method: 'POST', path: '/rest/v1.1/projects/101/project_timecard_entries/bulk_create' }),
		]);
		await runProcoreNode({ parameters: clockIn() });
		expect(procore.entries.map((e) => e.origin_data)).toEqual(Array(2).fill('n8n:instance-unit:wf-unit:exec-unit:Procore'));
	});

	it('Continue On Fail: a clock-in Procore refuses is its own failed item; the next one is written, each paired', async () => {
		const procore = fakeProcore();
		const perItem = [
			clockIn({ clockInId: 'ci_bad', worker: { __rl: true, mode: 'id', value: '999' }, additionalFields: { coworkers: [] } }),
			clockIn({ clockInId: 'ci_ok', additionalFields: { coworkers: [] } }),
		];
		const out = await runProcoreNode({ parameters: { ...perItem[0], __perItem: perItem }, items: perItem.map(() => ({ json: {} })), continueOnFail: true });
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(String(out[0].json.error)).toMatch(/Worker 999 is not in the directory of project 101/);
		expect(String(out[0].json.description)).toMatch(/Add Person/);
		expect(out[1].json).toMatchObject({ clock_in_id: 'ci_ok' });
		expect(procore.entries.map((e) => e.origin_id)).toEqual(['ci_ok:501']);
	});
});
