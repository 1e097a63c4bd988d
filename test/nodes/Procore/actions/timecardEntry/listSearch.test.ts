/**
 * The lists behind Create From Clock-Out's and Create's ID fields (issue #20: a user never runs a
 * Get Many to find an ID): each reads the chosen project's records, in words a foreman knows.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';
import nock from 'nock';

import { getProjectPeople } from '../../../../../nodes/Procore/methods/loadOptions';
import {
	searchCrews,
	searchLocations,
	searchSubJobs,
	searchTimecardTimeTypes,
	searchTimecardWorkers,
	searchTimesheets,
	searchWorkClassifications,
} from '../../../../../nodes/Procore/methods/timecard.listSearch';
import { createExecuteContext } from '../../../../helpers/executeContext';
import { API } from './fakeProcore';

function loadOptionsContext(extra: Record<string, unknown> = {}): ILoadOptionsFunctions {
	const ctx = createExecuteContext({
		parameters: { company: { __rl: true, mode: 'id', value: '4264807' }, project: { __rl: true, mode: 'id', value: '101' }, ...extra },
	});
	return { ...ctx, getNodeParameter: (name: string, fallback: unknown, o: unknown) => ctx.getNodeParameter(name, 0, fallback, o as never) } as unknown as ILoadOptionsFunctions;
}

describe('timecard entry lists', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it.each([
		['Crew', searchCrews, '/rest/v1.0/projects/101/crews', {}, [{ id: 7, name: 'Concrete crew' }, { id: 8, name: 'Framing crew' }], 'framing', [{ name: 'Framing crew', value: '8' }]],
		['Sub Job', searchSubJobs, '/rest/v1.0/sub_jobs', { project_id: '101' }, [{ id: 3, code: '01', name: 'Tower A' }], '', [{ name: '01 Tower A', value: '3' }]],
		[
			'Time Type',
			searchTimecardTimeTypes,
			'/rest/v1.0/timecard_time_types',
			{ project_id: '101' },
			[{ id: 1, time_type: 'Regular Time', abbreviated_time_type: 'RT' }, { id: 2, time_type: 'Overtime', abbreviated_time_type: 'OT' }],
			'over',
			[{ name: 'Overtime (OT)', value: '2' }],
		],
		['Location', searchLocations, '/rest/v1.0/projects/101/locations', {}, [{ id: 9, node_name: 'Tower A > Level 2', name: 'Level 2' }], '', [{ name: 'Tower A > Level 2', value: '9' }]],
		['Timesheet', searchTimesheets, '/rest/v1.0/projects/101/timesheets', {}, [{ id: 4, date: '2026-11-20', name: 'Timesheet #12' }], '', [{ name: '2026-11-20 Timesheet #12', value: '4' }]],
		['Work Classification', searchWorkClassifications, '/rest/v1.0/projects/101/work_classifications', {}, [{ id: 5, name: 'Journeyman' }], '', [{ name: 'Journeyman', value: '5' }]],
	])('%s: the project\'s records by name, filtered as typed', async (_label, method, path, query, rows, filter, expected) => {
		nock(API)
			.get(path)
			.query((q) => Object.entries(query).every(([k, v]) => q[k] === v))
			.reply(200, rows);
		const out = await (method as (this: ILoadOptionsFunctions, f?: string) => Promise<{ results: unknown[] }>).call(loadOptionsContext(), filter);
		expect(out.results).toEqual(expected);
		expect(nock.isDone()).toBe(true);
	});

	it('Get Many\'s Worker filter: the project\'s people, or the company\'s with Scope Company (no project then)', async () => {
		nock(API)
			.get('/rest/v1.0/projects/101/people')
			.query(true)
			.reply(200, [{ id: 501, name: 'Ana Ruiz', employee_id: 'E7' }]);
		expect((await searchTimecardWorkers.call(loadOptionsContext({ scope: 'project' }))).results).toEqual([{ name: 'Ana Ruiz (#E7)', value: '501' }]);
		nock(API)
			.get('/rest/v1.0/companies/4264807/people')
			.query((q) => q['filters[search]'] === 'bo')
			.reply(200, [{ id: 600, first_name: 'Bo', last_name: 'Lind' }]);
		expect((await searchTimecardWorkers.call(loadOptionsContext({ scope: 'company', project: { __rl: true, mode: 'list', value: '' } }), 'bo')).results).toEqual([
			{ name: 'Bo Lind', value: '600' },
		]);
		expect(nock.isDone()).toBe(true);
	});

	it('Coworker Names or IDs: every person of the project, sorted by name', async () => {
		nock(API)
			.get('/rest/v1.0/projects/101/people')
			.query(true)
			.reply(200, [
				{ id: 12, name: 'Luis Ortega', employee_id: 'E-7' },
				{ id: 11, first_name: 'Ana', last_name: 'Ruiz' },
			]);
		expect(await getProjectPeople.call(loadOptionsContext())).toEqual([
			{ name: 'Ana Ruiz', value: '11' },
			{ name: 'Luis Ortega (#E-7)', value: '12' },
		]);
	});
});
