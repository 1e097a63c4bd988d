/**
 * Several projects at once (Project › Get Many's filter, timecards' Synced Projects, the All
 * Projects trigger's limit) are picked from the company's project list, not typed as IDs; IDs
 * mapped as comma-separated text by expression still work.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';
import nock from 'nock';

import { getCompanyProjects } from '../../../../nodes/Procore/methods/loadOptions';
import { createExecuteContext, runProcoreNode } from '../../../helpers/executeContext';

const API = 'https://api.procore.test';
const company = { __rl: true, mode: 'id', value: '4264807' };

describe('several projects from the company\'s list', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('lists every project of the company, active ones first, by number and name', async () => {
		nock(API)
			.get('/rest/v1.0/projects')
			.query((q) => q.company_id === '4264807' && q['filters[by_status]'] === 'All')
			.reply(200, [
				{ id: 3, name: 'Old Depot', project_number: '2019-004', active: false },
				{ id: 2, name: 'Tower', project_number: '2026-002', active: true },
				{ id: 1, name: 'Harbor View', project_number: '2026-001', active: true },
			]);
		const ctx = createExecuteContext({ parameters: { company } });
		const load = { ...ctx, getNodeParameter: (name: string, fallback: unknown, o: unknown) => ctx.getNodeParameter(name, 0, fallback, o as never) } as unknown as ILoadOptionsFunctions;
		expect(await getCompanyProjects.call(load)).toEqual([
			{ name: '2026-001 – Harbor View', value: '1' },
			{ name: '2026-002 – Tower', value: '2' },
			{ name: '2019-004 – Old Depot (inactive)', value: '3' },
		]);
	});

	it.each([
		['picked from the list', ['101', '102']],
		['mapped as text', '101, 102'],
	])('Project › Get Many asks Procore for the projects %s', async (_how, ids) => {
		let asked = '';
		nock(API)
			.get('/rest/v1.0/projects')
			.query(true)
			.reply((uri) => {
				asked = decodeURIComponent(uri);
				return [200, [{ id: 101 }, { id: 102 }]];
			});
		const out = await runProcoreNode({ parameters: { resource: 'project', operation: 'getAll', company, returnAll: true, filters: { ids }, output: 'raw' } });
		expect(asked).toContain('filters[id][]=101&filters[id][]=102');
		expect(out.map((o) => o.json.id)).toEqual([101, 102]);
	});
});
