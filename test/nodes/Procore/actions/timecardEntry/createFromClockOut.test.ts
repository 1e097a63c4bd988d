import type { IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';
import { fakeProcore } from './fakeProcore';

const project = { __rl: true, mode: 'id', value: '101' };
const company = { __rl: true, mode: 'id', value: '4264807' };
const worker = { __rl: true, mode: 'id', value: '501' };

const THREE = [
	{ milestone: 'procore:budget_line:cc:1234:cat:5678', amount: 33.33 },
	{ milestone: 'procore:budget_line:cc:2000:cat:5678', amount: 33.33 },
	{ milestone: 'procore:budget_line:cc:3000:cat:5678', amount: 33.34 },
];

function clockOut(extra: Record<string, unknown> = {}) {
	return {
		resource: 'timecardEntry',
		operation: 'createFromClockOut',
		company,
		project,
		worker,
		clockOutId: 'co_81234',
		// 07:00 → 15:29 less 30 min lunch = 7 h 59 min
		clockIn: '2026-11-20T07:00:00-08:00',
		clockOut: '2026-11-20T15:29:00-08:00',
		allocationSource: 'list',
		allocations: { line: THREE },
		...extra,
		additionalFields: { lunchMinutes: 30, ...(extra.additionalFields as object) },
		options: { timeEntryMode: 'hours', allocationUnit: 'percent', ...(extra.options as object) },
	};
}

describe('Timecard Entry: Create From Clock-Out', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('hours mode: 7 h 59 min over three milestones adds up to exactly 7.98 h, in one bulk call', async () => {
		const procore = fakeProcore();
		const [out] = await runProcoreNode({ parameters: clockOut() });
		expect(out.json.summary).toBe('3 timecard entries created for Ana Ruiz on 2026-11-20: 7.98 h over 3 cost codes');
		expect(procore.bulkCalls).toHaveLength(1);
		expect(procore.entries.map((e) => e.hours)).toEqual(['2.66', '2.66', '2.66']);
		expect(procore.entries.reduce((sum, e) => sum + Math.round(Number(e.hours) * 100), 0)).toBe(798);
		expect(procore.entries[0]).toMatchObject({
			project_id: 101,
			party_id: 501,
			date: '2026-11-20',
			cost_code_id: 1234,
			line_item_type_id: 5678,
			origin_id: 'co_81234:501:procore:budget_line:cc:1234:cat:5678',
			origin_data: 'n8n:instance-unit:wf-unit:exec-unit:Procore',
		});
		expect(procore.entries.every((e) => e.wbs_code_id === undefined)).toBe(true);
		expect(out.pairedItem).toEqual({ item: 0 });
		expect(out.json.entries).toHaveLength(3);
	});

	it('start/stop mode: consecutive windows from clock-in, lunch on the largest, the last ends at clock-out', async () => {
		const procore = fakeProcore();
		await runProcoreNode({
			parameters: clockOut({
				options: { timeEntryMode: 'startStop' },
				allocations: { line: [{ milestone: 'cc:1234:cat:5678', amount: 25 }, { milestone: 'cc:2000:cat:5678', amount: 75 }] },
			}),
		});
		expect(procore.entries.map((e) => [e.time_in, e.time_out, e.lunch_time])).toEqual([
			['2026-11-20T07:00:00-08:00', '2026-11-20T09:00:00-08:00', '0'],
			['2026-11-20T09:00:00-08:00', '2026-11-20T15:29:00-08:00', '30'],
		]);
		expect(procore.entries.every((e) => e.hours === undefined)).toBe(true);
	});

	it('allocations in hours from JSON, WBS codes never with a cost code', async () => {
		const procore = fakeProcore();
		await runProcoreNode({
			parameters: clockOut({
				options: { allocationUnit: 'hours' },
				allocationSource: 'json',
				allocationsJson: JSON.stringify([
					{ costCodeId: 1234, lineItemTypeId: 5678, hours: 4 },
					{ wbsCodeId: 77, hours: 3.98 },
				]),
			}),
		});
		expect(procore.entries.map((e) => [e.hours, e.cost_code_id, e.line_item_type_id, e.wbs_code_id])).toEqual([
			['4.00', 1234, 5678, undefined],
			['3.98', undefined, undefined, 77],
		]);
	});

	it('percentages that do not add up to 100: a clear error, and nothing is sent', async () => {
		fakeProcore();
		const requests: IHttpRequestOptions[] = [];
		await expect(
			runProcoreNode({
				parameters: clockOut({ allocations: { line: [{ milestone: 'cc:1234:cat:5678', amount: 50 }, { milestone: 'cc:2000:cat:5678', amount: 40 }] } }),
				requests,
			}),
		).rejects.toThrow('The percentages add up to 90, not 100');
		expect(requests).toHaveLength(0);
	});

	it('a crew of 60 goes in ceil(60/25) = 3 calls, one entry per worker', async () => {
		const procore = fakeProcore();
		const coworkers = Array.from({ length: 59 }, (_, k) => String(600 + k));
		const [out] = await runProcoreNode({
			parameters: clockOut({ additionalFields: { coworkers }, allocations: { line: [{ milestone: 'cc:1234:cat:5678', amount: 100 }] } }),
		});
		expect(procore.bulkCalls.map((c) => c.length)).toEqual([25, 25, 10]);
		expect(new Set(procore.entries.map((e) => e.party_id)).size).toBe(60);
		expect(out.json.summary).toBe('60 timecard entries created for Ana Ruiz and 59 coworkers on 2026-11-20: 7.98 h each over 1 cost code');
	});

	it('60 clock-outs as 60 items are packed into the same 3 calls, each item answered', async () => {
		const procore = fakeProcore();
		const perItem = Array.from({ length: 60 }, (_, k) => ({
			...clockOut({ clockOutId: `co_${k}`, allocations: { line: [{ milestone: 'cc:1234:cat:5678', amount: 100 }] } }),
			worker: { __rl: true, mode: 'id', value: String(600 + k) },
		}));
		const out = await runProcoreNode({
			parameters: { ...perItem[0], __perItem: perItem },
			items: perItem.map(() => ({ json: {} })),
		});
		expect(procore.bulkCalls.map((c) => c.length)).toEqual([25, 25, 10]);
		expect(out).toHaveLength(60);
		expect(out.map((o) => o.pairedItem)).toEqual(perItem.map((_, k) => ({ item: k })));
		expect(out[59].json.summary).toBe('1 timecard entry created for Crew 59 on 2026-11-20: 7.98 h over 1 cost code');
	});

	it('re-exporting the same clock-out does not double the hours; with Update, an edited clock-out is corrected', async () => {
		const procore = fakeProcore();
		await runProcoreNode({ parameters: clockOut() });
		const [again] = await runProcoreNode({ parameters: clockOut() });
		expect(procore.entries).toHaveLength(3);
		expect(procore.bulkCalls).toHaveLength(1);
		expect(again.json.summary).toBe('Timecard entries: 3 already in Procore for Ana Ruiz on 2026-11-20: 7.98 h over 3 cost codes');
		// The lookup always sends a range (Procore's list defaults to today only).
		expect(procore.listQueries.at(-1)).toMatchObject({ start_date: '2026-11-20', end_date: '2026-11-20' });

		const [edited] = await runProcoreNode({
			parameters: clockOut({
				options: { onExisting: 'update' },
				allocations: { line: [{ milestone: 'cc:1234:cat:5678', amount: 50 }, { milestone: 'cc:2000:cat:5678', amount: 25 }, { milestone: 'cc:3000:cat:5678', amount: 25 }] },
			}),
		});
		expect(procore.entries.map((e) => e.hours)).toEqual(['3.99', '2.00', '1.99']);
		expect(procore.entries).toHaveLength(3);
		expect(procore.patchCalls).toBe(3);
		expect(edited.json.summary).toMatch(/^Timecard entries: 3 updated for Ana Ruiz/);
	});

	it('preview writes nothing and shows the bulk request', async () => {
		const procore = fakeProcore();
		const [out] = await runProcoreNode({ parameters: clockOut({ options: { previewOnly: true } }) });
		expect(procore.entries).toHaveLength(0);
		expect(out.json.preview).toBe(true);
		expect(out.json.summary).toBe('Would write 3 timecard entries for Ana Ruiz on 2026-11-20: 7.98 h over 3 cost codes');
		expect((out.json.requests as any[])[0]).toMatchObject({ method: 'POST', path: '/rest/v1.1/projects/101/project_timecard_entries/bulk_create' });
	});

	describe('rejections a foreman can act on, before anything is written', () => {
		it.each([
			['an inactive project', { project: { id: 101, name: 'Riverside Medical', active: false } }, {}, 'Project "Riverside Medical" is inactive in Procore'],
			['a project not switched on for the sync', {}, { options: { syncedProjectIds: '102, 103' } }, 'Project 101 is not switched on for the sync'],
			['a worker not in the project directory', {}, { worker: { __rl: true, mode: 'id', value: '999' } }, 'Worker 999 is not in the directory of project 101'],
			['a coworker not in the project directory', {}, { additionalFields: { coworkers: ['600', '998'] } }, 'Worker 998 is not in the directory of project 101'],
			[
				'a cost code without that category',
				{},
				{ allocations: { line: [{ milestone: 'cc:2000:cat:5679', amount: 100 }] } },
				'Cost code 03-300 Concrete has no category 5679; its categories are: Labor (5678)',
			],
		])('%s', async (_name, state, params, message) => {
			const procore = fakeProcore(state as any);
			const error = await runProcoreNode({ parameters: clockOut(params) }).then(() => undefined, (e: Error) => e);
			expect(error?.message).toBe(message);
			expect(procore.bulkCalls).toHaveLength(0);
		});

		it('the timecard tool disabled or no Admin on it (Procore\'s 403)', async () => {
			fakeProcore({ toolDisabled: true });
			const error: any = await runProcoreNode({ parameters: clockOut() }).then(() => undefined, (e: Error) => e);
			expect(error.message).toBe(
				'Procore refused the timecard entry: the Timesheets tool is disabled, or the connected user lacks Admin on the company Timecard tool (Procore said: You do not have permission to access this tool)',
			);
			expect(error.description).toMatch(/Admin on it/);
		});

		it('Procore\'s own 422 text is mapped when the checks are off', async () => {
			const procore = fakeProcore();
			const error: any = await runProcoreNode({
				parameters: clockOut({ worker: { __rl: true, mode: 'id', value: '999' }, options: { checkBeforeWrite: false } }),
			}).then(() => undefined, (e: Error) => e);
			expect(error.message).toBe(
				'Procore refused the timecard entry: the worker is not in the project directory (Procore said: Party must exist in the project directory)',
			);
			expect(error.description).toMatch(/Directory/);
			expect(procore.entries).toHaveLength(0);
		});
	});
});
