/**
 * Request shapes of Inspection, Meeting, Drawing and the daily log's entry writes (nock): what the
 * node asks Procore for and sends. What the sandbox stores is in sandbox/fieldTools.sandbox.test.ts.
 */
import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const id = (value: string) => ({ __rl: true, mode: 'id', value });
const base = { company: id('4264807'), project: id('101') };

describe('Inspection, Meeting, Drawing, daily log entries (requests)', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('Inspection › Create sends list_template_id beside the list, after looking for the same inspection', async () => {
		let sent: unknown;
		nock(API)
			.get('/rest/v1.0/projects/101/checklist/lists')
			.query((q) => q['filters[template_id][]'] === '55')
			.reply(200, [{ id: 9, number: 4, list_template_id: 55, inspection_date: '2026-09-01', location: { id: 7 }, description: null }])
			.post('/rest/v1.0/projects/101/checklist/lists', (b) => {
				sent = b;
				return true;
			})
			.reply(201, { id: 10, number: 5, name: 'Pre-Pour', item_count: 3 });
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'inspection',
				operation: 'create',
				...base,
				templateId: id('55'),
				additionalFields: { inspectionDate: '2026-09-02', locationId: id('7'), inspectorIds: ['31', '32'], status: 'open' },
				options: {},
			},
		});
		expect(sent).toEqual({ list_template_id: 55, list: { inspection_date: '2026-09-02', location_id: 7, inspector_ids: [31, 32], status: 'open' } });
		expect(out.json.summary).toBe('Created inspection #5 "Pre-Pour" with 3 items from its template');
	});

	it('Inspection › Get Failed Items reads every page of the inspection\'s items and keeps the deficient ones', async () => {
		nock(API)
			.get('/rest/v1.1/projects/101/checklist/list_items')
			.query((q) => q['filters[list_id][]'] === '9' && q.page === '1')
			.reply(200, [{ id: 1, status: 'yes' }, { id: 2, status: 'no', name: 'Embeds' }], { Link: '<https://api.procore.test/rest/v1.1/projects/101/checklist/list_items?page=2>; rel="next"' })
			.get('/rest/v1.1/projects/101/checklist/list_items')
			.query((q) => q.page === '2')
			.reply(200, [{ id: 3, status: 'n/a' }, { id: 4, status: 'none', item_response: { status: 'no' } }]);
		const out = await runProcoreNode({ parameters: { resource: 'inspection', operation: 'getFailedItems', ...base, inspectionId: id('9'), output: 'raw' } });
		expect(out.map((o) => o.json.id)).toEqual([2]);
	});

	it('Meeting › Create or Update Topic patches only what changed and keeps the title Procore has', async () => {
		let sent: unknown;
		nock(API)
			.get('/rest/v1.1/projects/101/meetings/14')
			.reply(200, {
				id: 14,
				title: 'OAC #14',
				meeting_categories: [{ id: 3, title: 'Design', meeting_topic: [{ id: 77, number: '14.2', title: 'Curtain wall embeds', status: 'Open', minutes: 'Pending', assignments: [{ id: 31 }] }] }],
			})
			.patch('/rest/v1.1/projects/101/meeting_topics/77', (b) => {
				sent = b;
				return true;
			})
			.reply(200, { id: 77, status: 'Closed' });
		const [out] = await runProcoreNode({
			parameters: { resource: 'meeting', operation: 'upsertTopic', ...base, meetingId: id('14'), title: 'curtain wall EMBEDS', additionalFields: { status: 'Closed', minutes: 'Pending', assigneeIds: ['31'] }, options: {}, output: 'raw' },
		});
		expect(sent).toEqual({ meeting_id: 14, meeting_topic: { status: 'Closed', minutes: 'Pending', assignment_ids: [31] } });
		expect(out.json.changes).toEqual([{ field: 'status', previous: 'Open', new: 'Closed' }]);
	});

	it('Meeting › Get Many turns Procore\'s groups into one item per meeting and keeps the limit', async () => {
		nock(API)
			.get('/rest/v1.0/meetings')
			.query((q) => q.project_id === '101')
			.reply(200, [
				{ group_title: 'OAC', meetings: [{ id: 1, title: 'OAC #1' }, { id: 2, title: 'OAC #2' }] },
				{ group_title: 'Safety', meetings: [{ id: 3, title: 'Toolbox talk' }] },
			]);
		const out = await runProcoreNode({ parameters: { resource: 'meeting', operation: 'getAll', ...base, returnAll: false, limit: 2, output: 'raw' } });
		expect(out.map((o) => [o.json.id, o.json.group_title])).toEqual([
			[1, 'OAC'],
			[2, 'OAC'],
		]);
	});

	it('Drawing › Get Many asks for superseded revisions only when they are wanted', async () => {
		nock(API)
			.get('/rest/v1.0/projects/101/drawing_revisions')
			.query((q) => q.with_obsolete === undefined && q.drawing_area_id === '5')
			.reply(200, [{ id: 1, current: true }, { id: 2, current: false, obsolete: true }]);
		const current = await runProcoreNode({ parameters: { resource: 'drawing', operation: 'getAll', ...base, revisions: 'current', returnAll: true, options: { drawingAreaId: id('5') }, output: 'raw' } });
		expect(current.map((o) => o.json.id)).toEqual([1]);
		nock(API)
			.get('/rest/v1.0/projects/101/drawing_revisions')
			.query((q) => q.with_obsolete === 'true' && q.drawing_set_id === '8')
			.reply(200, [{ id: 2 }]);
		const set = await runProcoreNode({ parameters: { resource: 'drawing', operation: 'getAll', ...base, revisions: 'set', drawingSetId: id('8'), returnAll: true, output: 'raw' } });
		expect(set.map((o) => o.json.id)).toEqual([2]);
	});

	it('Daily Log › Create Weather Entry writes the delay as 1 and finds "true" on a re-run', async () => {
		nock(API)
			.get('/rest/v1.1/projects/101/daily_logs/weather_logs')
			.query((q) => q.log_date === '2026-09-03')
			.reply(200, [{ id: 5, date: '2026-09-03', sky: 'Rain', is_weather_delay: 'true', location: { id: 7 } }]);
		const [skip] = await runProcoreNode({
			parameters: { resource: 'dailyLog', operation: 'createWeather', ...base, date: '2026-09-03', additionalFields: { sky: 'Rain', isWeatherDelay: true, locationId: id('7') }, options: {}, output: 'raw' },
		});
		expect(skip.json).toMatchObject({ id: 5, skipped: true });
		let sent: unknown;
		nock(API)
			.get('/rest/v1.1/projects/101/daily_logs/weather_logs')
			.query(true)
			.reply(200, [{ id: 5, date: '2026-09-03', sky: 'Rain', is_weather_delay: 'true' }])
			.post('/rest/v1.1/projects/101/daily_logs/weather_logs', (b) => {
				sent = b;
				return true;
			})
			.reply(200, { id: 6 });
		await runProcoreNode({ parameters: { resource: 'dailyLog', operation: 'createWeather', ...base, date: '2026-09-03', additionalFields: { sky: 'Rain', isWeatherDelay: false }, options: {} } });
		expect(sent).toEqual({ weather_log: { date: '2026-09-03', sky: 'Rain', is_weather_delay: 0 } });
	});
});
