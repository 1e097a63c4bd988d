/** The punch list's and the project directory's pickers: Procore's lists, paged, searched by Procore where it can. */
import type { ILoadOptionsFunctions } from 'n8n-workflow';
import nock from 'nock';

import * as directory from '../../../../../nodes/Procore/methods/projectDirectory.listSearch';
import * as punch from '../../../../../nodes/Procore/methods/punchItem.listSearch';
import { createExecuteContext } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const company = { __rl: true, mode: 'id', value: '4264807' };
const project = { __rl: true, mode: 'id', value: '101' };

function loadOptionsContext(): ILoadOptionsFunctions {
	const ctx = createExecuteContext({ parameters: { company, project } });
	return { ...ctx, getNodeParameter: (name: string, fallback: unknown, o: unknown) => ctx.getNodeParameter(name, 0, fallback, o as never) } as unknown as ILoadOptionsFunctions;
}

describe('punch list and project directory pickers', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('punch items: Procore searches (filters[query]); a full page offers the next', async () => {
		const rows = Array.from({ length: 100 }, (_, k) => ({ id: k + 1, position: k + 1, name: `Item ${k + 1}`, status: 'Open' }));
		nock(API).get('/rest/v1.1/punch_items').query({ project_id: '101', 'filters[query]': 'paint', page: '1', per_page: '100' }).reply(200, rows);
		const out = await punch.searchPunchItems.call(loadOptionsContext(), 'paint');
		expect(out.results[0]).toEqual({ name: '#1 Item 1 (Open)', value: '1' });
		expect(out.paginationToken).toBe('2');
	});

	it('punch item managers: the project\'s allowed managers, filtered by the words typed', async () => {
		nock(API)
			.get('/rest/v1.0/projects/101/available_punch_item_managers')
			.query({ query: 'pri', page: '1', per_page: '100' })
			.reply(200, [{ id: 5, name: 'Priya Natarajan' }, { id: 6, name: 'Marco Reyes' }]);
		const out = await punch.searchPunchItemManagers.call(loadOptionsContext(), 'pri');
		expect(out).toEqual({ results: [{ name: 'Priya Natarajan', value: '5' }], paginationToken: undefined });
	});

	it('permission templates: the assignable ones, sorted, project-only ones marked', async () => {
		nock(API)
			.get('/rest/v1.0/projects/101/permission_templates')
			.query({ 'filters[assignables_only]': 'true' })
			.reply(200, [{ id: 2, name: 'Subcontractor' }, { id: 1, name: 'Owner Rep', project_specific: true }]);
		const out = await directory.searchPermissionTemplates.call(loadOptionsContext());
		expect(out.results).toEqual([{ name: 'Owner Rep (this project only)', value: '1' }, { name: 'Subcontractor', value: '2' }]);
	});
});
