/**
 * The Change Order lists: the contracts a change order of the chosen type can be on (commitments
 * for a CCO, the prime contract for a PCCO, both for a PCO), the project's change orders of that
 * type, and the lines of the chosen Change Event.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';
import nock from 'nock';

import { getChangeEventLines } from '../../../../nodes/Procore/methods/changeOrder.loadOptions';
import { searchChangeOrderContracts, searchChangeOrders } from '../../../../nodes/Procore/methods/changeOrder.listSearch';
import { createExecuteContext } from '../../../helpers/executeContext';

const API = 'https://api.procore.test';

function loadOptionsContext(parameters: Record<string, unknown>): ILoadOptionsFunctions {
	const all = { company: { __rl: true, mode: 'id', value: '4264807' }, project: { __rl: true, mode: 'id', value: '101' }, ...parameters };
	const ctx = createExecuteContext({ parameters: all });
	return {
		...ctx,
		getNodeParameter: (name: string, fallback: unknown, o: unknown) => ctx.getNodeParameter(name, 0, fallback, o as never),
		getCurrentNodeParameter: (name: string) => (all as Record<string, unknown>)[name],
	} as unknown as ILoadOptionsFunctions;
}

const COMMITMENTS = [
	{ id: 7001, number: 'SC-004', title: 'Framing', type: 'WorkOrderContract', vendor: { name: 'Acme Framing' } },
	{ id: 7002, number: 'PO-001', title: 'Lumber', type: 'PurchaseOrderContract', vendor: { name: 'Mill Supply' } },
];
const PRIMES = [{ id: 8001, number: 'PC-1', title: 'Owner Contract' }];

describe('Change Order list searches', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('a commitment change order lists the commitments only, named by type, number, title and vendor', async () => {
		nock(API).get('/rest/v1.0/commitments').query(true).reply(200, COMMITMENTS);
		const prime = nock(API).get('/rest/v1.0/prime_contracts').query(true).reply(200, PRIMES);
		const { results } = await searchChangeOrderContracts.call(loadOptionsContext({ changeOrderType: 'commitmentChangeOrder' }));
		expect(results).toEqual([
			{ name: 'Subcontract: SC-004 Framing (Acme Framing)', value: '7001' },
			{ name: 'Purchase Order: PO-001 Lumber (Mill Supply)', value: '7002' },
		]);
		expect(prime.isDone()).toBe(false);
	});

	it('a prime contract change order lists the prime contract only; a PCO both, filtered by the search text', async () => {
		nock(API).get('/rest/v1.0/prime_contracts').query(true).reply(200, PRIMES);
		const pcco = await searchChangeOrderContracts.call(loadOptionsContext({ changeOrderType: 'primeChangeOrder' }));
		expect(pcco.results).toEqual([{ name: 'Prime Contract: PC-1 Owner Contract', value: '8001' }]);
		nock(API).get('/rest/v1.0/commitments').query(true).reply(200, COMMITMENTS);
		nock(API).get('/rest/v1.0/prime_contracts').query(true).reply(200, PRIMES);
		const pco = await searchChangeOrderContracts.call(loadOptionsContext({ changeOrderType: 'potentialChangeOrder' }), 'mill');
		expect(pco.results).toEqual([{ name: 'Purchase Order: PO-001 Lumber (Mill Supply)', value: '7002' }]);
	});

	it('change orders of the chosen type, from that type\'s endpoint', async () => {
		nock(API).get('/rest/v1.0/projects/101/commitment_change_orders').query(true).reply(200, [{ id: 55, number: '3', title: 'Extra blocking', status: 'pending' }]);
		const { results } = await searchChangeOrders.call(loadOptionsContext({ changeOrderType: 'commitmentChangeOrder' }));
		expect(results).toEqual([{ name: 'CCO #3 Extra blocking (pending)', value: '55' }]);
	});

	it('the lines of the chosen Change Event, with their amounts', async () => {
		nock(API)
			.get('/rest/v1.0/change_events/900')
			.query({ project_id: '101' })
			.reply(200, { id: 900, change_event_line_items: [{ id: 2, description: 'Owner markup', estimated_cost_amount: '300.00' }, { id: 1, description: 'Blocking labor', estimated_cost_amount: '1200.00' }] });
		const options = await getChangeEventLines.call(loadOptionsContext({ changeEventId: { __rl: true, mode: 'id', value: '900' } }));
		expect(options).toEqual([
			{ name: 'Blocking labor: 1200.00', value: '1' },
			{ name: 'Owner markup: 300.00', value: '2' },
		]);
	});
});
