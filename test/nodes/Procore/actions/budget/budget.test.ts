import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const base = {
	company: { __rl: true, mode: 'id', value: '4264807' },
	project: { __rl: true, mode: 'id', value: '101' },
	budgetView: { __rl: true, mode: 'id', value: '5' },
};

describe('Budget: Find Over-Committed Cost Codes', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('reads the view\'s own columns and returns lines above the threshold, worst first', async () => {
		nock(API)
			.get('/rest/v1.0/budget_views/5/budget_detail_columns')
			.query({ project_id: '101' })
			.reply(200, [
				{ id: 'original_budget_amount', name: 'Original Budget' },
				{ id: 'src_1', name: 'Revised Budget' },
				{ id: 'src_7', name: 'Committed Costs' },
			])
			.get('/rest/v1.0/budget_views/5/detail_rows')
			.query((q) => q.project_id === '101')
			.reply(200, [
				{ cost_code_id: 1, cost_code: '03-300 Concrete', category: 'Subcontract', src_1: '100000.00', src_7: '95000.00' },
				{ cost_code_id: 2, cost_code: '09-200 Drywall', category: 'Subcontract', src_1: 50000, src_7: 20000 },
				{ cost_code_id: 3, cost_code: '26-000 Electrical', category: 'Subcontract', src_1: 80000, src_7: 88000 },
			], { Total: '3' });
		const out = await runProcoreNode({ parameters: { resource: 'budget', operation: 'findOverCommitted', ...base, threshold: 90, options: {} } });
		expect(out.map((o) => [o.json.cost_code, o.json.percent_committed, o.json.over_by])).toEqual([
			['26-000 Electrical', 110, 8000],
			['03-300 Concrete', 95, -5000],
		]);
	});

	it('names the view\'s columns when the committed column cannot be found', async () => {
		nock(API)
			.get('/rest/v1.0/budget_views/5/budget_detail_columns')
			.query(true)
			.reply(200, [{ id: 'src_1', name: 'Revised Budget' }, { id: 'src_9', name: 'Commitments' }]);
		await expect(
			runProcoreNode({ parameters: { resource: 'budget', operation: 'findOverCommitted', ...base, threshold: 90, options: {} } }),
		).rejects.toMatchObject({
			message: 'The budget view has no "Committed Costs" column',
			description: expect.stringContaining('src_9 (Commitments)'),
		});
	});
});
