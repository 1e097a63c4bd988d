import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';

describe('Specification Section', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('lists a project\'s sections with the project in the query', async () => {
		nock(API)
			.get('/rest/v1.0/specification_sections')
			.query({ project_id: '101', page: '1', per_page: '2' })
			.reply(200, [{ id: 77, number: '08 44 13', description: 'Glazed Curtain Walls', label: '08 44 13 - Glazed Curtain Walls' }, { id: 78, number: '09 29 00', description: 'Gypsum Board' }], { Total: '9' });
		const out = await runProcoreNode({
			parameters: { resource: 'specificationSection', operation: 'getAll', company: { __rl: true, mode: 'id', value: '1' }, project: { __rl: true, mode: 'id', value: '101' }, returnAll: false, limit: 2, output: 'simplified' },
		});
		expect(out.map((o) => o.json.number)).toEqual(['08 44 13', '09 29 00']);
	});
});
