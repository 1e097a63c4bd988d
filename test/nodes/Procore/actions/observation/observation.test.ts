import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const base = { company: { __rl: true, mode: 'id', value: '4264807' }, project: { __rl: true, mode: 'id', value: '101' } };

describe('Observation', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('creates with project_id beside the observation', async () => {
		let sent: any;
		nock(API)
			.post('/rest/v1.0/observations/items', (b) => {
				sent = b;
				return true;
			})
			.reply(201, { id: 7 });
		const [out] = await runProcoreNode({
			parameters: { resource: 'observation', operation: 'create', ...base, name: 'Missing guardrail', type: { __rl: true, mode: 'id', value: '12' }, additionalFields: { priority: 'High' }, options: {} },
		});
		expect(sent).toEqual({ project_id: 101, observation: { name: 'Missing guardrail', type_id: 12, priority: 'High' } });
		expect(out.json.summary).toBe('Created observation 7: "Missing guardrail" (High)');
	});

	it('filters status by Procore\'s numeric code', async () => {
		nock(API)
			.get('/rest/v1.0/observations/items')
			.query((q) => q.project_id === '101' && q['filters[status][]'] === '3')
			.reply(200, [], { Total: '0' });
		const out = await runProcoreNode({
			parameters: { resource: 'observation', operation: 'getAll', ...base, returnAll: true, filters: { status: 'closed' }, output: 'raw' },
		});
		expect(out).toEqual([]);
	});

	it('carries the name and type Procore requires on update, and diffs only the change', async () => {
		let sent: any;
		nock(API)
			.get('/rest/v1.0/observations/items/7')
			.query({ project_id: '101' })
			.reply(200, { id: 7, name: 'Missing guardrail', type: { id: 12, name: 'Safety' }, status: 'initiated' })
			.patch('/rest/v1.0/observations/items/7', (b) => {
				sent = b;
				return true;
			})
			.query({ project_id: '101' })
			.reply(200, { id: 7, status: 'closed' });
		const [out] = await runProcoreNode({
			parameters: { resource: 'observation', operation: 'update', ...base, observationId: { __rl: true, mode: 'id', value: '7' }, updateFields: { status: 'closed' }, options: {}, output: 'raw' },
		});
		expect(sent).toEqual({ project_id: 101, observation: { name: 'Missing guardrail', type_id: 12, status: 'closed' } });
		expect(out.json.changes).toEqual([{ field: 'status', previous: 'initiated', new: 'closed' }]);
	});
});
