import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const base = { company: { __rl: true, mode: 'id', value: '4264807' }, project: { __rl: true, mode: 'id', value: '101' } };

describe('Daily Log', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('always sends a date range, because Procore returns today only without one', async () => {
		nock(API)
			.get('/rest/v1.0/projects/101/manpower_logs')
			.query((q) => q.start_date === '2026-11-20' && q.end_date === '2026-11-21')
			.reply(200, [{ id: 1, num_workers: 4 }], { Total: '1' });
		const out = await runProcoreNode({
			parameters: { resource: 'dailyLog', operation: 'getAll', ...base, logType: 'manpower', startDate: '2026-11-20', endDate: '2026-11-21', returnAll: true },
		});
		expect(out).toHaveLength(1);
	});

	it('rejects dates out of order before calling Procore', async () => {
		await expect(
			runProcoreNode({
				parameters: { resource: 'dailyLog', operation: 'getAll', ...base, logType: 'notes', startDate: '2026-11-21', endDate: '2026-11-20', returnAll: true },
			}),
		).rejects.toThrow('End Date 2026-11-20 is before Start Date 2026-11-21');
	});

	it('gathers a day into one summary item with totals', async () => {
		nock(API)
			.get('/rest/v1.0/projects/101/manpower_logs')
			.query({ log_date: '2026-11-20', page: '1', per_page: '1000' })
			.reply(200, [
				{ num_workers: 4, num_hours: '8', man_hours: '32', vendor: { name: 'Acme Electric' } },
				{ num_workers: 2, num_hours: '6.5', man_hours: '13', vendor: { name: 'Pipes Inc' } },
			])
			.get('/rest/v1.0/projects/101/notes_logs')
			.query(true)
			.reply(200, [{ comment: 'Crane down 2 h', is_issue_day: true }])
			.get('/rest/v1.0/projects/101/timecard_entries')
			.query(true)
			.reply(200, [{ hours: '7.5' }, { hours: '8' }]);
		const [out] = await runProcoreNode({
			parameters: { resource: 'dailyLog', operation: 'getDaySummary', ...base, date: '2026-11-20T15:00:00Z', logTypes: ['manpower', 'notes', 'timecard'] },
		});
		expect(out.json).toMatchObject({
			date: '2026-11-20',
			total_workers: 6,
			total_man_hours: 45,
			total_timecard_hours: 15.5,
			counts: { manpower: 2, notes: 1, timecard: 2 },
			notes: [{ comment: 'Crane down 2 h', is_issue_day: true }],
			overview: 'Manpower: 6 workers, 45 man-hours across 2 entries. Notes: 1 entry. Timecards: 2 entries, 15.5 hours.',
		});
	});
});
