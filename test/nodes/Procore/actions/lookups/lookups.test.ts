import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';
import { API, fakeProcore } from '../timecardEntry/fakeProcore';

const project = { __rl: true, mode: 'id', value: '101' };
const company = { __rl: true, mode: 'id', value: '4264807' };
const list = (resource: string, extra: Record<string, unknown> = {}) => ({
	resource,
	operation: 'getAll',
	company,
	project,
	returnAll: true,
	filters: {},
	output: 'simplified',
	...extra,
});

describe('timecard lookups', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('Milestone: Get Many lists cost code × category as milestone strings, labor only on request', async () => {
		fakeProcore();
		const all = await runProcoreNode({ parameters: list('milestone') });
		expect(all.map((o) => o.json.milestone)).toEqual([
			'procore:budget_line:cc:1234:cat:5678',
			'procore:budget_line:cc:1234:cat:5679',
			'procore:budget_line:cc:2000:cat:5678',
			'procore:budget_line:cc:3000:cat:5678',
		]);
		const labor = await runProcoreNode({ parameters: list('milestone', { filters: { baseTypes: 'labor' } }) });
		expect(labor).toHaveLength(3);
		expect(labor[0].json).toMatchObject({ name: '01-100 General Labor / Labor', cost_code_id: '1234', line_item_type_id: '5678', base_type: 'labor' });
	});

	it('Cost Code: Get Many resolves an exact code to its ID', async () => {
		fakeProcore();
		const out = await runProcoreNode({ parameters: list('costCode', { filters: { code: '03-300' } }) });
		expect(out.map((o) => o.json.id)).toEqual([2000]);
	});

	it('Person: Get Many searches on Procore and here, employees only', async () => {
		const scope = nock(API)
			.get('/rest/v1.0/projects/101/people')
			.query((q) => q['filters[search]'] === 'ruiz' && q['filters[is_employee]'] === 'true')
			.reply(200, [{ id: 501, name: 'Ana Ruiz', is_employee: true }, { id: 502, name: 'Someone Else' }]);
		const out = await runProcoreNode({ parameters: list('person', { scope: 'project', filters: { search: 'ruiz', employeesOnly: true } }) });
		expect(scope.isDone()).toBe(true);
		expect(out.map((o) => o.json.id)).toEqual([501]);
	});

	it('Timecard Time Type and Line Item Type read at company scope', async () => {
		const scope = nock(API)
			.get('/rest/v1.0/companies/4264807/timecard_time_types')
			.query(true)
			.reply(200, [{ id: 1, time_type: 'Regular Time' }, { id: 2, time_type: 'Overtime' }])
			.get('/rest/v1.0/line_item_types')
			.query((q) => q.company_id === '4264807')
			.reply(200, [{ id: 5678, code: 'L', name: 'Labor', base_type: 'labor' }]);
		const types = await runProcoreNode({ parameters: list('timecardTimeType', { scope: 'company', filters: { search: 'over' } }) });
		const cats = await runProcoreNode({ parameters: list('lineItemType', { scope: 'company', filters: { code: 'l' } }) });
		expect(scope.isDone()).toBe(true);
		expect(types.map((o) => o.json.id)).toEqual([2]);
		expect(cats.map((o) => o.json.id)).toEqual([5678]);
	});

	it.each([
		['wbsCode', '/rest/v1.0/projects/101/work_breakdown_structure/wbs_codes'],
		['subJob', '/rest/v1.0/sub_jobs'],
		['crew', '/rest/v1.0/projects/101/crews'],
	])('%s: Get Many reads %s with the limit', async (resource, path) => {
		const scope = nock(API).get(path).query(true).reply(200, [{ id: 1, name: 'A', flat_code: 'A' }, { id: 2, name: 'B', flat_code: 'B' }]);
		const out = await runProcoreNode({ parameters: list(resource, { returnAll: false, limit: 1 }) });
		expect(scope.isDone()).toBe(true);
		expect(out).toHaveLength(1);
	});
});
