/** The Project list: "number – name" once, and only active projects for an operation that writes. */
import type { ILoadOptionsFunctions } from 'n8n-workflow';
import nock from 'nock';

import { searchProjects } from '../../../../nodes/Procore/methods/listSearch';
import { createExecuteContext } from '../../../helpers/executeContext';

const API = 'https://api.procore.test';

function loadOptionsContext(parameters: Record<string, unknown>): ILoadOptionsFunctions {
	const ctx = createExecuteContext({ parameters: { company: { __rl: true, mode: 'id', value: '4264807' }, ...parameters } });
	return {
		...ctx,
		getNodeParameter: (name: string, fallback: unknown, o: unknown) => ctx.getNodeParameter(name, 0, fallback, o as never),
	} as unknown as ILoadOptionsFunctions;
}

const projects = [
	{ id: 101, project_number: '2026-001', name: 'Harbor View Tower', display_name: '2026-001 - Harbor View Tower', active: true },
	{ id: 102, project_number: '', name: 'Yard', display_name: 'Yard', active: true },
	{ id: 103, project_number: '2019-004', name: 'Old School', display_name: '2019-004 - Old School', active: false },
];

describe('Project list search', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('a write operation lists active projects, each named "number – name" once', async () => {
		let status: unknown;
		nock(API)
			.get('/rest/v1.0/projects')
			.query((q) => ((status = q['filters[by_status]']), true))
			.reply(200, projects.filter((p) => p.active));
		const { results } = await searchProjects.call(loadOptionsContext({ resource: 'rfi', operation: 'create' }));
		expect(status).toBe('Active');
		expect(results).toEqual([
			{ name: '2026-001 – Harbor View Tower', value: '101' },
			{ name: 'Yard', value: '102' },
		]);
	});

	it('a read lists every project and marks the inactive ones', async () => {
		let status: unknown;
		nock(API)
			.get('/rest/v1.0/projects')
			.query((q) => ((status = q['filters[by_status]']), true))
			.reply(200, projects);
		const { results } = await searchProjects.call(loadOptionsContext({ resource: 'rfi', operation: 'getAll' }));
		expect(status).toBe('All');
		expect(results.map((r) => r.name)).toEqual(['2026-001 – Harbor View Tower', 'Yard', '2019-004 – Old School (inactive)']);
	});
});

describe('Directory list searches', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('users of the project, trades and submittal statuses of the company', async () => {
		const { searchProjectUsers, searchSubmittalStatuses, searchTrades } = await import('../../../../nodes/Procore/methods/directory.listSearch');
		nock(API)
			.get('/rest/v1.0/projects/101/users')
			.query(true)
			.reply(200, [{ id: 5, name: 'Ana Ruiz', vendor: { name: 'Acme' } }, { id: 6, login: 'sam@bolt.test' }])
			.get('/rest/v1.0/companies/4264807/trades')
			.query(true)
			.reply(200, [{ id: 12, name: 'Electrical' }, { id: 13, name: 'Concrete' }])
			.get('/rest/v1.0/companies/4264807/submittal_statuses')
			.query(true)
			.reply(200, [{ id: 1, name: 'Open' }]);
		const ctx = loadOptionsContext({ project: { __rl: true, mode: 'id', value: '101' } });
		expect((await searchProjectUsers.call(ctx)).results).toEqual([
			{ name: 'Ana Ruiz (Acme)', value: '5' },
			{ name: 'sam@bolt.test', value: '6' },
		]);
		expect((await searchTrades.call(ctx, 'elec')).results).toEqual([{ name: 'Electrical', value: '12' }]);
		expect((await searchSubmittalStatuses.call(ctx)).results).toEqual([{ name: 'Open', value: '1' }]);
	});
});
