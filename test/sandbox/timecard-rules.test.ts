/** Timecard entries: the checks Procore makes beyond the schema, on every write endpoint. */
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

let sb: Sandbox;
let p: number;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { workers: 3 } });
	p = sb.seed.projects.tower;
});
afterAll(() => sb.stop());

const entry = (over: Record<string, unknown> = {}) => ({
	party_id: sb.seed.people.carpenter,
	date: '2026-09-02',
	hours: '8',
	cost_code_id: sb.seed.costCodes['09-250'],
	line_item_type_id: sb.seed.lineItemTypes.labor,
	...over,
});
const stored = () => sb.store.list(`projects/${p}/timecard_entries`).length;
const single = (body: Record<string, unknown>) =>
	call(sb, 'POST', `/rest/v1.1/projects/${p}/project_timecard_entries`, { body });
const bulk = (entries: Array<Record<string, unknown>>) =>
	call(sb, 'POST', `/rest/v1.1/projects/${p}/project_timecard_entries/bulk_create`, {
		body: { timecard_entries: entries.map((e) => ({ project_id: p, ...e })) },
	});

it.each([
	['a worker outside the project directory', { party_id: 999001 }, { party_id: ['is not in the project directory'] }],
	['negative hours', { hours: '-2' }, { hours: ['must be between 0 and 24'] }],
	['more than 24 hours', { hours: '24.5' }, { hours: ['must be between 0 and 24'] }],
	[
		'a time out before the time in',
		{ hours: undefined, time_in: '2026-09-02T15:00:00-07:00', time_out: '2026-09-02T07:00:00-07:00' },
		{ time_out: ['must be after time_in'] },
	],
	[
		'a lunch as long as the shift',
		{ hours: undefined, time_in: '2026-09-02T07:00:00-07:00', time_out: '2026-09-02T08:00:00-07:00', lunch_time: '60' },
		{ lunch_time: ['must be shorter than the time between time_in and time_out'] },
	],
	['a cost code of another project', { cost_code_id: 999002 }, { cost_code_id: ['is not a cost code of this project'] }],
	['a category the cost code does not have', { line_item_type_id: 0 }, null],
	['a WBS code with a cost code', { wbs_code_id: 0 }, null],
])('refuses %s (single and bulk), storing nothing', async (_what, over, expected) => {
	const fill: Record<string, unknown> = { ...over };
	// 09-250 has labor, material, subcontract; equipment is not one of its categories.
	if ('line_item_type_id' in fill) fill.line_item_type_id = sb.seed.lineItemTypes.equipment;
	if ('wbs_code_id' in fill) fill.wbs_code_id = sb.seed.wbsCodes['09-250.L'];
	const want = expected ?? ('line_item_type_id' in fill
		? { line_item_type_id: ['is not a category of cost code 09-250'] }
		: { wbs_code_id: ['cannot be combined with cost_code_id or line_item_type_id'] });
	const before = stored();
	const one = await single(entry(fill));
	expect(one.status).toBe(422);
	expect(one.body.errors).toEqual(want);
	const many = await bulk([entry(), entry(fill)]);
	expect(many.status).toBe(422);
	expect(many.body.errors).toEqual(Object.fromEntries(Object.entries(want).map(([f, m]) => [`timecard_entries[1].${f}`, m])));
	expect(stored()).toBe(before);
});

it('refuses time on an inactive project', async () => {
	const inactive = sb.seed.projects.inactive;
	const res = await call(sb, 'POST', `/rest/v1.1/projects/${inactive}/project_timecard_entries/bulk_create`, {
		body: { timecard_entries: [{ project_id: inactive, party_id: sb.seed.people.carpenter, date: '2026-09-02', hours: '8' }] },
	});
	expect(res.status).toBe(422);
	expect(res.body.errors).toEqual({ 'timecard_entries[0].project_id': ['project is inactive: time cannot be added'] });
});

it('accepts a valid entry, a WBS-only entry and a generated crew member; an update must still pass', async () => {
	const ok = await single(entry({ party_id: sb.seed.extraWorkers[2] }));
	expect(ok.status).toBe(200);
	const wbs = await bulk([{ party_id: sb.seed.people.laborer, date: '2026-09-02', hours: '4', wbs_code_id: sb.seed.wbsCodes['03-300.L'] }]);
	expect(wbs.status).toBe(201);
	const path = `/rest/v1.1/projects/${p}/project_timecard_entries/${ok.body.id}`;
	const bad = await call(sb, 'PATCH', path, { body: { hours: '-1' } });
	expect(bad.status).toBe(422);
	expect(sb.store.get(`projects/${p}/timecard_entries`, ok.body.id)!.hours).toBe('8');
	const good = await call(sb, 'PATCH', path, { body: { hours: '7.5' } });
	expect(good.status).toBe(200);
	expect(sb.store.get(`projects/${p}/timecard_entries`, ok.body.id)!.hours).toBe('7.5');
});
