import type { IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import nock from 'nock';

import { Procore } from '../../../../../nodes/Procore/Procore.node';
import { runProcoreNode } from '../../../../helpers/executeContext';
import { API, fakeProcore } from './fakeProcore';

const project = { __rl: true, mode: 'id', value: '101' };
const company = { __rl: true, mode: 'id', value: '4264807' };
const id = (value: string) => ({ __rl: true, mode: 'id', value });

function entry(extra: Record<string, unknown> = {}) {
	return {
		resource: 'timecardEntry',
		operation: 'create',
		company,
		project,
		worker: id('501'),
		date: '2026-11-20',
		timeEntryMode: 'hours',
		hours: 7.5,
		costCoding: 'milestone',
		milestone: id('procore:budget_line:cc:1234:cat:5678'),
		additionalFields: {},
		options: {},
		...extra,
	};
}

describe('Timecard Entry', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	describe('Create', () => {
		it('hours mode: one entry with cost code + category and the audit tag in origin_data', async () => {
			const procore = fakeProcore();
			const [out] = await runProcoreNode({ parameters: entry({ additionalFields: { billable: true, originId: 'shift-1' } }) });
			// A text origin ID goes through bulk_create (a bulk of one): only its schema types origin_id as a string.
			expect(procore.singleCalls).toBe(0);
			expect(procore.bulkCalls.map((c) => c.length)).toEqual([1]);
			expect(procore.entries[0]).toMatchObject({
				party_id: 501,
				date: '2026-11-20',
				hours: '7.50',
				cost_code_id: 1234,
				line_item_type_id: 5678,
				billable: true,
				origin_id: 'shift-1',
				origin_data: 'n8n:instance-unit:wf-unit:exec-unit:Procore',
			});
			expect(out.json).toMatchObject({ id: expect.anything(), summary: 'Created timecard entry for Ana Ruiz on 2026-11-20 (7.50 h)' });
		});

		it('a numeric origin ID (or none) uses the single create', async () => {
			const procore = fakeProcore();
			await runProcoreNode({ parameters: entry({ additionalFields: { originId: '4711' } }) });
			await runProcoreNode({ parameters: entry() });
			expect(procore.singleCalls).toBe(2);
			expect(procore.bulkCalls).toHaveLength(0);
			expect(procore.entries[0]).toMatchObject({ origin_id: '4711' });
		});

		it('start/stop mode sends time in, time out and lunch, no hours', async () => {
			const procore = fakeProcore();
			await runProcoreNode({
				parameters: entry({ timeEntryMode: 'startStop', timeIn: '2026-11-20T07:00:00Z', timeOut: '2026-11-20T15:30:00Z', lunchMinutes: 30 }),
			});
			expect(procore.entries[0]).toMatchObject({ time_in: '2026-11-20T07:00:00Z', time_out: '2026-11-20T15:30:00Z', lunch_time: '30' });
			expect(procore.entries[0].hours).toBeUndefined();
		});

		it('with an origin ID already in Procore, nothing is written again', async () => {
			const procore = fakeProcore();
			await runProcoreNode({ parameters: entry({ additionalFields: { originId: 'shift-1' } }) });
			const [again] = await runProcoreNode({ parameters: entry({ additionalFields: { originId: 'shift-1' }, output: 'raw' }) });
			expect(procore.entries).toHaveLength(1);
			expect(again.json).toMatchObject({ origin_id: 'shift-1', skipped: true });
			expect(again.json.summary).toMatch(/^Already in Procore/);
		});

		it('a WBS code goes through bulk create (the endpoint that takes it), without cost code', async () => {
			const procore = fakeProcore();
			const [out] = await runProcoreNode({ parameters: entry({ costCoding: 'wbsCode', wbsCode: id('77'), output: 'raw' }) });
			expect(procore.bulkCalls).toEqual([[expect.objectContaining({ wbs_code_id: 77, project_id: 101 })]]);
			expect(procore.bulkCalls[0][0].cost_code_id).toBeUndefined();
			expect(out.json).toMatchObject({ wbs_code_id: 77, summary: 'Created timecard entry for Ana Ruiz on 2026-11-20 (7.50 h)' });
		});

		it.each([
			[{ hours: 0 }, 'Hours 0 is not between 0 and 24'],
			[{ hours: 25 }, 'Hours 25 is not between 0 and 24'],
			[{ milestone: id('cc:12') }, 'Milestone: "cc:12" is not a milestone'],
			[{ timeEntryMode: 'startStop', timeIn: '7am', timeOut: '2026-11-20T15:00:00Z' }, 'Time In "7am" is not a date and time'],
			[{ timeEntryMode: 'startStop', timeIn: '2026-11-20T15:00:00Z', timeOut: '2026-11-20T07:00:00Z' }, 'Time Out is not after Time In'],
		])('bad input %p is refused before any request', async (params, message) => {
			const requests: IHttpRequestOptions[] = [];
			await expect(runProcoreNode({ parameters: entry(params), requests })).rejects.toThrow(message);
			expect(requests).toHaveLength(0);
		});
	});

	describe('Create Many', () => {
		/** What happened to an item, read as a person reads it: the error, or the summary sentence. */
		const outcome = (o: { json: Record<string, unknown> }) =>
			o.json.error ? 'error' : /^Created /.test(String(o.json.summary)) ? 'created' : /^Already in Procore/.test(String(o.json.summary)) ? 'existing' : String(o.json.summary);
		const items = (workers: string[], extra: Record<string, unknown> = {}, origin = (k: number) => `row-${k}`) => {
			const perItem = workers.map((w, k) => entry({ operation: 'createMany', worker: id(w), additionalFields: { originId: origin(k) }, ...extra }));
			return { parameters: { ...perItem[0], __perItem: perItem }, items: perItem.map(() => ({ json: {} })) };
		};

		it('a crew of 60 in ceil(60/25) = 3 calls, one result per item', async () => {
			const procore = fakeProcore();
			const out = await runProcoreNode(items(Array.from({ length: 60 }, (_, k) => String(600 + k))));
			expect(procore.bulkCalls.map((c) => c.length)).toEqual([25, 25, 10]);
			expect(out).toHaveLength(60);
			expect(out.every((o, k) => outcome(o) === 'created' && (o.pairedItem as any).item === k)).toBe(true);
			expect(out[1].json.summary).toBe('Created timecard entry for Crew 1 on 2026-11-20 (7.50 h)');
		});

		it('continueOnFail: a bad item found by the checks fails alone; the others go in one call', async () => {
			const procore = fakeProcore();
			const out = await runProcoreNode({ ...items(['600', '999', '601']), continueOnFail: true });
			expect(out.map(outcome)).toEqual(['created', 'error', 'created']);
			expect(out[1].json.error).toBe('Worker 999 is not in the directory of project 101');
			expect(procore.bulkCalls.map((c) => c.length)).toEqual([2]);
		});

		it('continueOnFail: when Procore refuses a bulk transaction, its entries are retried one by one and only the bad one fails', async () => {
			const procore = fakeProcore();
			const out = await runProcoreNode({ ...items(['600', '999', '601'], { options: { checkBeforeWrite: false } }), continueOnFail: true });
			expect(procore.bulkCalls.map((c) => c.length)).toEqual([3, 1, 1, 1]);
			expect(procore.entries.map((e) => e.party_id)).toEqual([600, 601]);
			expect(out.map(outcome)).toEqual(['created', 'error', 'created']);
			expect(out[1].json.error).toMatch(/the worker is not in the project directory/);
			expect(out[1].pairedItem).toEqual({ item: 1 });
		});

		it('without continueOnFail a failed check stops the run before anything is written', async () => {
			const procore = fakeProcore();
			await expect(runProcoreNode(items(['600', '999']))).rejects.toThrow('Worker 999 is not in the directory');
			expect(procore.bulkCalls).toHaveLength(0);
		});

		it('re-running skips the rows already exported (by origin ID)', async () => {
			const procore = fakeProcore();
			await runProcoreNode(items(['600', '601']));
			const out = await runProcoreNode(items(['600', '601', '602']));
			expect(procore.bulkCalls.map((c) => c.length)).toEqual([2, 1]);
			expect(out.map(outcome)).toEqual(['existing', 'existing', 'created']);
		});

		it('the company endpoint uses the Batch Size option and refuses a category before writing', async () => {
			fakeProcore();
			const calls: number[] = [];
			nock(API)
				.post('/rest/v1.0/companies/4264807/timesheets')
				.times(3)
				.reply((_uri, body: any) => {
					calls.push(body.timecard_entries.length);
					return [200, body.timecard_entries.map((e: any, k: number) => ({ id: 7000 + k, ...e }))];
				});
			const workers = Array.from({ length: 7 }, (_, k) => String(600 + k));
			const out = await runProcoreNode(
				items(workers, { costCoding: 'costCode', costCode: id('1234'), lineItemType: id('5678'), options: { endpoint: 'company', batchSize: 3 } }),
			).then(() => 'written', (e: Error) => e.message);
			expect(out).toBe('The company Timesheets endpoint takes no category or WBS code');
			expect(calls).toEqual([]);
			// Its schema types origin_id as an integer: a text origin ID is refused before writing.
			const textOrigin = await runProcoreNode(items(workers, { costCoding: 'none', options: { endpoint: 'company', batchSize: 3 } })).then(
				() => 'written',
				(e: Error) => e.message,
			);
			expect(textOrigin).toBe('The company Timesheets endpoint takes only numeric origin IDs, not "row-0"');
			expect(calls).toEqual([]);
			const written = await runProcoreNode(items(workers, { costCoding: 'none', options: { endpoint: 'company', batchSize: 3 } }, (k) => String(9000 + k)));
			expect(calls).toEqual([3, 3, 1]);
			expect(written.every((o) => outcome(o) === 'created')).toBe(true);
		});
	});

	describe('Get Many', () => {
		it('always sends a date range and filters by worker and origin prefix', async () => {
			const procore = fakeProcore();
			procore.entries.push(
				{ id: 1, date: '2026-11-18', party_id: 501, hours: '8', origin_id: 'co_1:501:x' },
				{ id: 2, date: '2026-11-19', party_id: 600, hours: '8', origin_id: 'co_2:600:x' },
				{ id: 3, date: '2026-11-25', party_id: 501, hours: '8', origin_id: 'co_3:501:x' },
			);
			const out = await runProcoreNode({
				parameters: {
					resource: 'timecardEntry',
					operation: 'getAll',
					company,
					scope: 'project',
					project,
					startDate: '2026-11-16',
					endDate: '2026-11-22',
					returnAll: true,
					filters: { workerId: '501', originPrefix: 'co_1:' },
					output: 'simplified',
				},
			});
			expect(procore.listQueries[0]).toMatchObject({ start_date: '2026-11-16', end_date: '2026-11-22' });
			expect(out.map((o) => o.json.id)).toEqual([1]);
		});

		it('a Milestone picked from the list keeps only the entries on that cost code + category; an untouched picker filters nothing', async () => {
			const procore = fakeProcore();
			procore.entries.push(
				{ id: 1, date: '2026-11-18', party_id: 501, hours: '8', cost_code_id: 1234, line_item_type_id: 5678 },
				{ id: 2, date: '2026-11-18', party_id: 501, hours: '8', cost_code_id: 1234, line_item_type_id: 9999 },
				{ id: 3, date: '2026-11-19', party_id: 600, hours: '8', cost_code_id: 4321, line_item_type_id: 5678 },
			);
			const run = (milestone: unknown) =>
				runProcoreNode({
					parameters: {
						resource: 'timecardEntry',
						operation: 'getAll',
						company,
						scope: 'project',
						project,
						startDate: '2026-11-16',
						endDate: '2026-11-22',
						returnAll: true,
						filters: { milestone },
						output: 'raw',
					},
				});
			const picked = await run({ __rl: true, mode: 'list', value: 'procore:budget_line:cc:1234:cat:5678' });
			expect(picked.map((o) => o.json.id)).toEqual([1]);
			const untouched = await run({ __rl: true, mode: 'list', value: '' });
			expect(untouched.map((o) => o.json.id)).toEqual([1, 2, 3]);
		});

		it('the Worker filter lists people for the chosen scope; the Milestone filter shows only with a project', () => {
			const filters = new Procore().description.properties.find((p) => p.name === 'filters' && p.displayOptions?.show?.resource?.includes('timecardEntry') && p.displayOptions?.show?.operation?.includes('getAll'))!;
			const options = filters.options as INodeProperties[];
			const worker = options.find((o) => o.name === 'workerId')!;
			expect(worker.type).toBe('resourceLocator');
			expect(worker.modes?.[0].typeOptions?.searchListMethod).toBe('searchTimecardWorkers');
			const milestone = options.find((o) => o.name === 'milestone')!;
			expect(milestone.type).toBe('resourceLocator');
			expect(milestone.modes?.[0].typeOptions?.searchListMethod).toBe('searchMilestones');
			expect(milestone.displayOptions).toEqual({ show: { '/scope': ['project'] } });
		});

		it('company scope passes the worker and updated-since filters to Procore', async () => {
			const scope = nock(API)
				.get('/rest/v1.0/companies/4264807/timecard_entries')
				.query((q) => q.start_date === '2026-11-20' && q.end_date === '2026-11-20' && q['filters[party_id]'] === '501' && String(q['filters[updated_at]']).startsWith('2026-11-01T00:00:00.000Z...'))
				.reply(200, [{ id: 5, party_id: 501, updated_at: '2026-11-20T10:00:00Z', date: '2026-11-20' }]);
			const out = await runProcoreNode({
				parameters: {
					resource: 'timecardEntry',
					operation: 'getAll',
					company,
					scope: 'company',
					startDate: '2026-11-20',
					endDate: '',
					returnAll: false,
					limit: 10,
					filters: { workerId: '501', updatedSince: '2026-11-01T00:00:00Z' },
					output: 'simplified',
				},
			});
			expect(scope.isDone()).toBe(true);
			expect(out.map((o) => o.json.id)).toEqual([5]);
		});
	});

	describe('Update and Delete', () => {
		it('updates only the fields given and reports previous → new', async () => {
			let sent: any;
			nock(API)
				.get('/rest/v1.0/projects/101/timecard_entries/88')
				.reply(200, { id: 88, hours: '8.00', date: '2026-11-20', cost_code_id: 1234 })
				.patch('/rest/v1.0/projects/101/timecard_entries/88', (body) => {
					sent = body;
					return true;
				})
				.reply(200, { id: 88, hours: '7.50' });
			const [out] = await runProcoreNode({
				parameters: { resource: 'timecardEntry', operation: 'update', company, project, timecardEntryId: id('88'), updateFields: { hours: 7.5 }, options: {} },
			});
			expect(sent).toEqual({ timecard_entry: { hours: '7.50' } });
			expect(out.json.summary).toBe('Updated timecard entry 88: hours 8.00 → 7.50');
		});

		it('worker, time type and milestone picked from lists (or by ID) are sent as Procore IDs', async () => {
			let sent: any;
			nock(API)
				.get('/rest/v1.0/projects/101/timecard_entries/88')
				.reply(200, { id: 88, hours: '8.00', party_id: 501, cost_code_id: 1234, line_item_type_id: 5678 })
				.patch('/rest/v1.0/projects/101/timecard_entries/88', (body) => {
					sent = body;
					return true;
				})
				.reply(200, { id: 88 });
			await runProcoreNode({
				parameters: {
					resource: 'timecardEntry',
					operation: 'update',
					company,
					project,
					timecardEntryId: id('88'),
					updateFields: {
						worker: { __rl: true, mode: 'id', value: '502' },
						timeType: { __rl: true, mode: 'list', value: '3' },
						milestone: { __rl: true, mode: 'list', value: 'procore:budget_line:cc:2000:cat:5678' },
					},
					options: {},
				},
			});
			expect(sent).toEqual({ timecard_entry: { party_id: 502, timecard_time_type_id: 3, cost_code_id: 2000, line_item_type_id: 5678 } });
		});

		it('refuses to move an entry to a WBS code (Procore\'s update takes none)', async () => {
			await expect(
				runProcoreNode({
					parameters: { resource: 'timecardEntry', operation: 'update', company, project, timecardEntryId: id('88'), updateFields: { milestone: 'wbs:5' }, options: {} },
				}),
			).rejects.toThrow('Procore cannot move an existing entry to a WBS code');
		});

		it('deletes with a summary naming the worker, day and hours', async () => {
			const scope = nock(API)
				.get('/rest/v1.0/projects/101/timecard_entries/88')
				.reply(200, { id: 88, hours: '8.00', date: '2026-11-20', party: { id: 501, name: 'Ana Ruiz' } })
				.delete('/rest/v1.0/projects/101/timecard_entries/88')
				.reply(204);
			const [out] = await runProcoreNode({
				parameters: { resource: 'timecardEntry', operation: 'delete', company, project, timecardEntryId: id('88'), options: {} },
			});
			expect(scope.isDone()).toBe(true);
			expect(out.json.summary).toBe('Deleted timecard entry 88 (Ana Ruiz, 2026-11-20, 8.00 h)');
		});
	});
});
