/**
 * Change Order › Create From Change Event against a nock Procore: the tier setting read where
 * Procore shows it (the contract record) and refused before any write; an unknown setting leaves
 * the decision to Procore and its refusal is explained; a create whose answer is lost is read back
 * by origin ID, never sent twice; a bad item fails alone with Continue On Fail.
 */
import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const COMPANY = '4264807';
const PROJECT = '101';
const CE = {
	id: 900,
	number: 4,
	alphanumeric_number: '004',
	title: 'Extra blocking',
	change_event_line_items: [
		{ id: 1, description: 'Blocking labor', cost_code: { id: 11 }, line_item_type: { id: 21 }, contract: { id: 7001 }, estimated_cost_amount: '1200.00', rom: '1200.00' },
		{ id: 2, description: 'Owner markup', cost_code: { id: 11 }, line_item_type: { id: 22 }, estimated_cost_amount: '300.00', rom: '300.00' },
	],
};
const COMMITMENT = { id: 7001, number: 'SC-004', title: 'Framing', type: 'WorkOrderContract', vendor: { id: 3001 } };

function run(parameters: Record<string, unknown> = {}, continueOnFail = false) {
	return runProcoreNode({
		continueOnFail,
		parameters: {
			resource: 'changeOrder',
			operation: 'createFromChangeEvent',
			company: { __rl: true, mode: 'id', value: COMPANY },
			project: { __rl: true, mode: 'id', value: PROJECT },
			changeOrderType: 'potentialChangeOrder',
			changeEventId: { __rl: true, mode: 'id', value: '900' },
			contract: { __rl: true, mode: 'id', value: '7001' },
			lines: 'contract',
			output: 'raw',
			...parameters,
		},
	});
}

const api = () => nock(API);
const readsChangeEvent = () => api().get('/rest/v1.0/change_events/900').query({ project_id: PROJECT }).reply(200, CE);

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

describe('Procore\'s change order tier setting', () => {
	it('read from the contract record: a 1-tier commitment gets no PCO, and nothing is written', async () => {
		readsChangeEvent();
		api().get('/rest/v1.0/commitments/7001').query({ project_id: PROJECT }).reply(200, { ...COMMITMENT, change_order_tiers: 1 });
		api().get('/rest/v1.0/potential_change_orders').query(true).reply(200, []);
		const post = api().post(/.*/).reply(201, {});
		await expect(run()).rejects.toThrow('Subcontract SC-004 Framing uses 1-tier change orders: it has no potential change orders');
		expect(post.isDone()).toBe(false);
	});

	it('unknown: Procore decides, and its refusal names the setting and the fix', async () => {
		readsChangeEvent();
		api().get('/rest/v1.0/commitments/7001').query({ project_id: PROJECT }).reply(200, COMMITMENT);
		api().get('/rest/v1.0/potential_change_orders').query(true).reply(200, []);
		api().post('/rest/v1.0/potential_change_orders').query(true).reply(422, { errors: { base: ['Potential Change Orders are not enabled'] } });
		const error = (await run().then(
			() => undefined,
			(e: unknown) => e,
		)) as { message: string; description: string };
		expect(error.message).toContain('Potential Change Orders are not enabled');
		expect(error.description).toMatch(/1 tier.*Commitment Change Order.*Number of Change Order Tiers/);
	});

	it('a 2-tier contract: the PCO is written with the commitment\'s line only, tied to the Change Event', async () => {
		readsChangeEvent();
		api().get('/rest/v1.0/commitments/7001').query({ project_id: PROJECT }).reply(200, { ...COMMITMENT, change_order_tiers: 2 });
		api().get('/rest/v1.0/potential_change_orders').query(true).reply(200, []);
		let header: any;
		api()
			.post('/rest/v1.0/potential_change_orders', (b) => ((header = b), true))
			.query(true)
			.reply(201, { id: 55, title: 'Extra blocking', contract_id: 7001 });
		const lines: any[] = [];
		api()
			.post('/rest/v1.0/potential_change_orders/55/line_items', (b) => (lines.push(b), true))
			.reply(201, (_u, b: any) => ({ id: 1, ...b.line_item }));
		const [out] = await run();
		expect(header).toMatchObject({ project_id: 101, contract_id: 7001, change_order: { title: 'Extra blocking', status: 'draft', commitment_change_event_id: 900, origin_id: 'change_event:900:contract:7001' } });
		expect(header.change_order.origin_data).toMatch(/^n8n:/);
		expect(lines).toEqual([{ project_id: 101, line_item: { description: 'Blocking labor', amount: '1200.00', origin_id: 'change_event_line_item:1', cost_code_id: 11, line_item_type_id: 21 } }]);
		expect(out.json.summary).toBe('Potential Change Order 55 created on Subcontract SC-004 Framing from 1 line of Change Event #004 "Extra blocking": total 1,200.00');
	});
});

describe('a create whose answer is lost', () => {
	it.each([['502'], ['reset']])('(%s) is read back by origin ID, not sent again', async (answer) => {
		readsChangeEvent();
		api().get('/rest/v1.0/commitments/7001').query({ project_id: PROJECT }).reply(200, COMMITMENT);
		api().get('/rest/v1.0/potential_change_orders').query(true).reply(200, []);
		const post = api().post('/rest/v1.0/potential_change_orders').query(true).reply((_uri, _body, done) => {
				if (answer === 'reset') done(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), [0, '']);
				else done(null, [502, '<html><body>Bad Gateway</body></html>']);
			});
		api().get('/rest/v1.0/potential_change_orders').query(true).reply(200, [{ id: 56, contract_id: 7001, origin_id: 'change_event:900:contract:7001' }]);
		api().post('/rest/v1.0/potential_change_orders/56/line_items').reply(201, { id: 2 });
		const [out] = await run();
		expect(post.isDone()).toBe(true);
		expect(out.json).toMatchObject({ id: 56, confirmed_by: expect.stringMatching(/re-read by origin ID/) });
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('Continue On Fail', () => {
	it('a contract that is not the project\'s fails the item with a clear error, nothing written', async () => {
		readsChangeEvent();
		api().get('/rest/v1.0/commitments/7001').query({ project_id: PROJECT }).reply(404, { errors: 'Not found' });
		api().get('/rest/v1.0/prime_contracts').query(true).reply(200, [{ id: 8001, title: 'Owner' }]);
		const [out] = await run({}, true);
		expect(out.json.error).toBe('Contract 7001 is not a commitment or prime contract of project 101');
		expect(String(out.json.description)).toMatch(/same project/);
	});
});
