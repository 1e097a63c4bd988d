/**
 * Issue 25 (part 2) on the sandbox: Inspection, Meeting, Drawing and the daily log's entry writes,
 * run through n8n-core's workflow harness. Each test reads what the sandbox stored (or did not
 * store) and the write calls it counted, not only the node's output.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../../../sandbox';
import { byId, runOnSandbox, stored, useSandbox } from './nodeOnSandbox';

// Two rows a page: every list here is read to its end across pages.
const sb = useSandbox({ v1MaxPerPage: 2 });

const base = (s: Sandbox) => ({ project: byId(s.seed.projects.tower) });
const listKey = (s: Sandbox) => `projects/${s.seed.projects.tower}/checklist/lists`;
const itemKey = (s: Sandbox) => `projects/${s.seed.projects.tower}/checklist/list_items`;
const topicKey = (s: Sandbox) => `projects/${s.seed.projects.tower}/meeting_topics`;

describe('Inspection', () => {
	it('Get returns the inspection with its items, responses and failed items', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'inspection', operation: 'get', ...base(s), inspectionId: byId(s.seed.inspections.level8PrePour), includeItems: true, output: 'raw' });
		expect(run.nodeError).toBeUndefined();
		const [json] = run.json;
		expect(json).toMatchObject({ id: s.seed.inspections.level8PrePour, status: 'Open', deficient_item_count: 1 });
		expect((json.items as IDataObject[]).map((i) => i.status)).toEqual(['yes', 'no', 'yes']);
		expect((json.failed_items as IDataObject[]).map((i) => i.id)).toEqual([s.seed.inspectionItems.level8Embeds]);
		expect((json.failed_items as IDataObject[])[0]).toMatchObject({ item_response: { responder: { name: 'Priya Natarajan' } } });
	});

	it('Get Failed Items gives one item per deficient item, none for a passed inspection', async () => {
		const s = sb();
		const failed = await runOnSandbox(s, { resource: 'inspection', operation: 'getFailedItems', ...base(s), inspectionId: byId(s.seed.inspections.level8PrePour) });
		expect(failed.json).toEqual([
			expect.objectContaining({ id: s.seed.inspectionItems.level8Embeds, status: 'no', details: expect.stringContaining('S-201'), item_response_responder_name: 'Priya Natarajan' }),
		]);
		const passed = await runOnSandbox(s, { resource: 'inspection', operation: 'getFailedItems', ...base(s), inspectionId: byId(s.seed.inspections.level7PrePour) });
		expect(passed.nodeError).toBeUndefined();
		expect(passed.json).toEqual([]);
	});

	it('Get Many keeps the status asked for across every page', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'inspection', operation: 'getAll', ...base(s), returnAll: true, filters: { status: 'Closed' } });
		expect(run.json.map((j) => j.id)).toEqual([s.seed.inspections.level7PrePour]);
		const all = await runOnSandbox(s, { resource: 'inspection', operation: 'getAll', ...base(s), returnAll: false, limit: 1, filters: { templateId: byId(s.seed.inspectionTemplates.prePour) } });
		expect(all.json).toHaveLength(1);
	});

	it('Create copies the template\'s items, and a re-run finds the inspection instead of adding one', async () => {
		const s = sb();
		const before = stored(s, listKey(s)).length;
		const params = {
			resource: 'inspection',
			operation: 'create',
			...base(s),
			templateId: byId(s.seed.inspectionTemplates.guardrail),
			additionalFields: { inspectionDate: '2026-09-02', locationId: byId(s.seed.locations.room204), description: 'Stair 2 edge protection before drywall' },
			options: {},
			output: 'raw',
		};
		const first = await runOnSandbox(s, params);
		expect(first.nodeError).toBeUndefined();
		expect(first.writes).toHaveLength(1);
		const created = stored(s, listKey(s)).find((l) => l.id === first.json[0].id)!;
		expect(stored(s, listKey(s))).toHaveLength(before + 1);
		expect(created).toMatchObject({ name: 'Guardrail and Edge Protection', list_template_id: s.seed.inspectionTemplates.guardrail, inspection_date: '2026-09-02', location: { id: s.seed.locations.room204 }, status: 'Open' });
		expect(stored(s, itemKey(s)).filter((i) => i.list_id === created.id).map((i) => [i.name, i.status])).toEqual([
			['Top rail at 42 in. ± 3 in.', 'none'],
			['Toe boards installed', 'none'],
		]);
		expect(first.json[0].summary).toMatch(/^Created inspection #3 "Guardrail and Edge Protection" with 2 items/);

		const again = await runOnSandbox(s, params);
		expect(again.writes).toHaveLength(0);
		expect(again.json[0]).toMatchObject({ id: created.id, skipped: true });
		expect(stored(s, listKey(s))).toHaveLength(before + 1);
	});

	it('Preview writes nothing; a template of another project and a taken number are refused with Procore\'s words', async () => {
		const s = sb();
		const before = stored(s, listKey(s)).length;
		const preview = await runOnSandbox(s, { resource: 'inspection', operation: 'create', ...base(s), templateId: byId(s.seed.inspectionTemplates.prePour), additionalFields: { number: 99 }, options: { previewOnly: true } });
		expect(preview.writes).toHaveLength(0);
		expect(preview.json[0]).toMatchObject({ preview: true, request: { body: { list_template_id: s.seed.inspectionTemplates.prePour, list: { number: 99 } } } });

		const wrongTemplate = await runOnSandbox(s, { resource: 'inspection', operation: 'create', ...base(s), templateId: byId(s.seed.inspections.level8PrePour), additionalFields: {}, options: {} }, { continueOnFail: true });
		expect(String(wrongTemplate.json[0].error)).toMatch(/list_template_id:? is not a checklist template of this project/);
		// The node's own idempotency check would find #1 (same template and number): ask for the other template's number.
		const taken = await runOnSandbox(s, { resource: 'inspection', operation: 'create', ...base(s), templateId: byId(s.seed.inspectionTemplates.guardrail), additionalFields: { number: 1 }, options: {} }, { continueOnFail: true });
		expect(String(taken.json[0].error)).toMatch(/number:? has already been taken/i);
		expect(stored(s, listKey(s))).toHaveLength(before);
	});
});

describe('Meeting', () => {
	it('Get Many flattens Procore\'s meeting groups; Get lists every topic with its category', async () => {
		const s = sb();
		const list = await runOnSandbox(s, { resource: 'meeting', operation: 'getAll', ...base(s), returnAll: true });
		expect(list.json).toEqual([expect.objectContaining({ id: s.seed.meetings.oac14, title: 'OAC Meeting #14', meeting_topics_count: 2 })]);
		const get = await runOnSandbox(s, { resource: 'meeting', operation: 'get', ...base(s), meetingId: byId(s.seed.meetings.oac14) });
		expect(get.json[0]).toMatchObject({ id: s.seed.meetings.oac14, title: 'OAC Meeting #14' });
		expect(get.json[0].topics).toEqual([
			expect.objectContaining({ title: 'Three-week lookahead', status: 'Closed', meeting_category_title: 'General Business' }),
			expect.objectContaining({ title: 'Curtain wall embed conflict at grid C/4', status: 'Open', meeting_category_title: 'Design and Coordination', assignments: ['Priya Natarajan'] }),
		]);
	});

	it('Create or Update Topic adds a topic, updates it by title, and a re-run writes nothing', async () => {
		const s = sb();
		const meeting = s.seed.meetings.oac14;
		const before = stored(s, topicKey(s)).length;
		const add = { resource: 'meeting', operation: 'upsertTopic', ...base(s), meetingId: byId(meeting), title: 'Level 9 pour sequence', additionalFields: { minutes: 'Pour in two placements.', dueDate: '2026-09-10' }, options: {}, output: 'raw' };
		const first = await runOnSandbox(s, add);
		expect(first.nodeError).toBeUndefined();
		expect(first.writes.map((w) => w.method)).toEqual(['POST']);
		const topic = stored(s, topicKey(s)).find((t) => t.title === 'Level 9 pour sequence')!;
		expect(topic).toMatchObject({ meeting_id: meeting, minutes: 'Pour in two placements.', due_date: '2026-09-10', status: 'Open' });
		expect(stored(s, topicKey(s))).toHaveLength(before + 1);

		const same = await runOnSandbox(s, { ...add, title: '  level 9 POUR sequence ' });
		expect(same.writes).toHaveLength(0);
		expect(same.json[0]).toMatchObject({ id: topic.id, skipped: true });

		const close = await runOnSandbox(s, { ...add, additionalFields: { ...add.additionalFields, status: 'Closed' } });
		expect(close.writes.map((w) => w.method)).toEqual(['PATCH']);
		expect(close.json[0].changes).toEqual([{ field: 'status', previous: 'Open', new: 'Closed' }]);
		expect(stored(s, topicKey(s)).find((t) => t.id === topic.id)).toMatchObject({ status: 'Closed', minutes: 'Pour in two placements.' });
		expect(stored(s, topicKey(s))).toHaveLength(before + 1);
	});

	it('a category of another meeting is refused with Procore\'s words and nothing is stored', async () => {
		const s = sb();
		const before = stored(s, topicKey(s)).length;
		const run = await runOnSandbox(
			s,
			{ resource: 'meeting', operation: 'upsertTopic', ...base(s), meetingId: byId(s.seed.meetings.oac14), title: 'Wrong category', additionalFields: { categoryId: byId(123) }, options: {} },
			{ continueOnFail: true },
		);
		expect(String(run.json[0].error)).toMatch(/meeting_category_id:? is not a category of this meeting/);
		expect(stored(s, topicKey(s))).toHaveLength(before);
	});
});

describe('Drawing', () => {
	it('Get Many: the current set by default, every revision on request, grouped by drawing', async () => {
		const s = sb();
		const { a101r1, a101r2, s201r0 } = s.seed.drawingRevisions;
		const current = await runOnSandbox(s, { resource: 'drawing', operation: 'getAll', ...base(s), revisions: 'current', returnAll: true });
		expect(current.json.map((j) => j.id).sort()).toEqual([a101r2, s201r0].sort());
		expect(current.calls.find((c) => c.path.includes('drawing_revisions'))?.query).not.toHaveProperty('with_obsolete');
		const all = await runOnSandbox(s, { resource: 'drawing', operation: 'getAll', ...base(s), revisions: 'all', returnAll: true });
		expect(all.json.map((j) => j.id).sort()).toEqual([a101r1, a101r2, s201r0].sort());
		const permit = await runOnSandbox(s, { resource: 'drawing', operation: 'getAll', ...base(s), revisions: 'set', drawingSetId: byId(s.seed.drawingSets.permit), returnAll: true });
		expect(permit.json.map((j) => j.id)).toEqual([a101r1]);
		const grouped = await runOnSandbox(s, { resource: 'drawing', operation: 'getAll', ...base(s), revisions: 'all', returnAll: true, options: { groupByDrawing: true } });
		const a101 = grouped.json.find((j) => j.number === 'A-101')!;
		expect(grouped.json).toHaveLength(2);
		expect(a101).toMatchObject({ id: a101r2, revision_number: '2', current: true, drawing_set_name: 'Issued for Construction' });
		expect((a101.revisions as IDataObject[]).map((r) => [r.revision_number, r.drawing_set_name])).toEqual([
			['1', 'Permit Set'],
			['2', 'Issued for Construction'],
		]);
	});

	it('Get Many Sets lists the project\'s drawing sets', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'drawing', operation: 'getSets', ...base(s), returnAll: true });
		expect(run.json.map((j) => j.name)).toEqual(['Permit Set', 'Issued for Construction']);
	});
});

describe('Daily log entries', () => {
	const day = '2026-09-03';
	const key = (s: Sandbox, log: string) => `projects/${s.seed.projects.tower}/${log}`;

	it('Create Manpower Entry stores the vendor, workers and hours; a re-run writes nothing', async () => {
		const s = sb();
		const params = { resource: 'dailyLog', operation: 'createManpower', ...base(s), date: day, vendor: byId(s.seed.vendors.electrical), numWorkers: 6, numHours: 8.5, additionalFields: { notes: 'Level 8 rough-in', locationId: byId(s.seed.locations.level2) }, options: {}, output: 'raw' };
		const first = await runOnSandbox(s, params);
		expect(first.nodeError).toBeUndefined();
		const entry = stored(s, key(s, 'manpower_logs')).find((e) => e.id === first.json[0].id)!;
		expect(entry).toMatchObject({ date: day, num_workers: 6, num_hours: '8.5', man_hours: '51.0', notes: 'Level 8 rough-in', vendor: { id: s.seed.vendors.electrical }, location: { id: s.seed.locations.level2 } });
		const count = stored(s, key(s, 'manpower_logs')).length;
		const again = await runOnSandbox(s, params);
		expect(again.writes).toHaveLength(0);
		expect(again.json[0]).toMatchObject({ id: entry.id, skipped: true });
		expect(stored(s, key(s, 'manpower_logs'))).toHaveLength(count);
		// Another crew size the same day is another entry.
		const more = await runOnSandbox(s, { ...params, numWorkers: 7 });
		expect(more.writes).toHaveLength(1);
		expect(stored(s, key(s, 'manpower_logs'))).toHaveLength(count + 1);
	});

	it('Create Notes Entry and Create Weather Entry store what was sent, once', async () => {
		const s = sb();
		const notes = { resource: 'dailyLog', operation: 'createNotes', ...base(s), date: day, comment: 'Crane down for inspection until 10:00.', additionalFields: { isIssueDay: true }, options: {} };
		const n1 = await runOnSandbox(s, notes);
		const n2 = await runOnSandbox(s, notes);
		expect(n1.writes).toHaveLength(1);
		expect(n2.writes).toHaveLength(0);
		expect(stored(s, key(s, 'notes_logs')).filter((e) => e.comment === 'Crane down for inspection until 10:00.')).toEqual([
			expect.objectContaining({ date: day, is_issue_day: true }),
		]);

		const weather = { resource: 'dailyLog', operation: 'createWeather', ...base(s), date: day, additionalFields: { sky: 'Rain', temperature: 'Cold', wind: 'High Wind', isWeatherDelay: true, comments: 'Work stopped at 13:00' }, options: {} };
		const w1 = await runOnSandbox(s, weather);
		const w2 = await runOnSandbox(s, weather);
		expect(w1.writes).toHaveLength(1);
		expect(w2.writes).toHaveLength(0);
		expect(stored(s, key(s, 'daily_logs/weather_logs')).filter((e) => e.date === day)).toEqual([
			expect.objectContaining({ sky: 'Rain', temperature: 'Cold', wind: 'High Wind', is_weather_delay: 'true', comments: 'Work stopped at 13:00' }),
		]);
	});

	it('a value outside Procore\'s list and a vendor that does not exist are refused, nothing stored', async () => {
		const s = sb();
		const before = stored(s, key(s, 'manpower_logs')).length;
		const run = await runOnSandbox(
			s,
			{ resource: 'dailyLog', operation: 'createManpower', ...base(s), date: day, vendor: byId(424242), numWorkers: 2, numHours: 8, additionalFields: {}, options: {} },
			{ continueOnFail: true },
		);
		expect(String(run.json[0].error)).toMatch(/contact_id:? is not a vendor of this company/);
		expect(stored(s, key(s, 'manpower_logs'))).toHaveLength(before);
		const badDay = await runOnSandbox(s, { resource: 'dailyLog', operation: 'createNotes', ...base(s), date: 'next tuesday', comment: 'x', additionalFields: {}, options: {} }, { continueOnFail: true });
		expect(String(badDay.json[0].error)).toMatch(/Date "next tuesday" is not a date/);
	});
});
