import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const base = { company: { __rl: true, mode: 'id', value: '4264807' }, project: { __rl: true, mode: 'id', value: '101' } };
const rl = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Punch Item', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('create: Procore\'s names (due, login_information_ids, workflow_status) beside project_id, after looking for the same item', async () => {
		let sent: any;
		nock(API)
			.get('/rest/v1.1/punch_items')
			.query((q) => q.project_id === '101' && q['filters[query]'] === 'Paint door 204')
			.reply(200, [{ id: 5, name: 'Paint door 204', location: { id: 9 } }])
			.post('/rest/v1.1/punch_items', (b) => {
				sent = b;
				return true;
			})
			.reply(201, { id: 7, name: 'Paint door 204' });
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'punchItem',
				operation: 'create',
				...base,
				name: ' Paint door 204 ',
				additionalFields: { dueDate: '2026-10-01T00:00:00', assigneeIds: ['31', '32'], locationId: rl('8'), workflowStatus: 'work_required' },
				options: {},
			},
		});
		// Same name at another location (9 vs 8) is another item.
		expect(sent).toEqual({
			project_id: 101,
			punch_item: { name: 'Paint door 204', due: '2026-10-01', login_information_ids: [31, 32], location_id: 8, workflow_status: 'work_required' },
		});
		expect(out.json.summary).toBe('Created punch item 7 "Paint door 204"');
	});

	it('get many: Procore\'s filters, and the assignee filter applied to the pages', async () => {
		nock(API)
			.get('/rest/v1.1/punch_items')
			.query((q) => q.project_id === '101' && q['filters[status]'] === 'open' && q['filters[trade_id]'] === '4' && q['filters[updated_at]']!.toString().startsWith('2026-09-01T00:00:00.000Z...'))
			.reply(200, [
				{ id: 1, name: 'a', assignees: [{ id: 31, name: 'Ann' }] },
				{ id: 2, name: 'b', assignees: [{ id: 32, name: 'Bo' }] },
				{ id: 3, name: 'c', assignments: [{ login_information: { id: 31 } }] },
			]);
		const out = await runProcoreNode({
			parameters: {
				resource: 'punchItem',
				operation: 'getAll',
				...base,
				returnAll: true,
				filters: { status: 'open', tradeId: rl('4'), updatedSince: '2026-09-01T00:00:00Z', assigneeId: rl('31') },
				output: 'raw',
			},
		});
		expect(out.map((o) => o.json.id)).toEqual([1, 3]);
	});

	it('update with nothing to change: a clear error, nothing sent', async () => {
		await expect(
			runProcoreNode({ parameters: { resource: 'punchItem', operation: 'update', ...base, punchItemId: rl('7'), updateFields: {}, options: {} } }),
		).rejects.toThrow('No fields to update on the Punch Item');
	});
});
