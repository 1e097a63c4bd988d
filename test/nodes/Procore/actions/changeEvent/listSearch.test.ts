import type { ILoadOptionsFunctions } from 'n8n-workflow';
import nock from 'nock';

import * as options from '../../../../../nodes/Procore/methods/changeEvent.loadOptions';
import * as search from '../../../../../nodes/Procore/methods/changeEvent.listSearch';
import { createExecuteContext } from '../../../../helpers/executeContext';
import { COMPANY, FakeProcore, freshFakeProcore, PROJECT } from './fakeProcore';

function loadOptionsContext(): ILoadOptionsFunctions {
	const ctx = createExecuteContext({
		parameters: { company: { __rl: true, mode: 'id', value: COMPANY }, project: { __rl: true, mode: 'id', value: PROJECT } },
	});
	// List search reads parameters without an item index.
	return { ...ctx, getNodeParameter: (name: string, _i: unknown, fallback: unknown, o: unknown) => ctx.getNodeParameter(name, 0, fallback, o as never) } as unknown as ILoadOptionsFunctions;
}

describe('Change Event list search', () => {
	let procore: FakeProcore;
	freshFakeProcore((p) => (procore = p));
	beforeEach(() => {
		procore.changeEvents.push({ id: 9, number: 4, title: 'Slab demo', change_event_status: { name: 'Open' }, change_event_line_items: [] });
	});

	it('lists Change Events, statuses, change types, reasons and contracts', async () => {
		const ctx = loadOptionsContext();
		expect((await search.searchChangeEvents.call(ctx, 'slab')).results).toEqual([{ name: '#4 Slab demo (Open)', value: '9' }]);
		expect((await search.searchChangeEventStatuses.call(ctx)).results.map((r) => r.name)).toEqual(['Open (default)', 'Pending', 'Closed']);
		expect((await search.searchChangeTypes.call(ctx)).results).toEqual([{ name: 'Owner Change (OC)', value: '51' }]);
		expect((await search.searchChangeReasons.call(ctx, 'design')).results).toEqual([{ name: 'Design Error', value: '42' }]);
		expect((await search.searchChangeEventContracts.call(ctx)).results).toEqual([
			{ name: 'Commitment: SC-004 Concrete Sub (Acme Concrete)', value: 'commitment:7001' },
			{ name: 'Prime Contract: PC-1 Owner Contract', value: 'prime:8001' },
		]);
	});
});

describe('Push COR line options', () => {
	beforeEach(() => {
		nock.disableNetConnect();
		new FakeProcore();
	});
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('a line\'s Cost Code Override and Category list the project\'s codes, the COR\'s own first', async () => {
		const ctx = loadOptionsContext();
		const codes = await options.getCostCodes.call(ctx);
		expect(codes[0]).toEqual({ name: 'The COR\'s Cost Code', value: '' });
		expect(codes.slice(1).map((c) => c.value)).toEqual(['501', '502', '503']);
		expect(codes[1].name).toMatch(/^01-100 /);
		const types = await options.getLineItemTypes.call(ctx);
		expect(types[0]).toEqual({ name: 'The COR\'s Category', value: '' });
		expect(types.map((t) => t.name)).toContain('Labor (L)');
	});

	it('a line\'s Contract lists the project\'s commitments and its Vendor the project directory, the COR\'s own first', async () => {
		nock('https://api.procore.test')
			.get(`/rest/v1.0/projects/${PROJECT}/vendors`)
			.query(true)
			.reply(200, [
				{ id: 3002, name: 'Bolt Electric' },
				{ id: 3001, name: 'Acme Concrete' },
			]);
		const ctx = loadOptionsContext();
		expect(await options.getCommitments.call(ctx)).toEqual([
			{ name: 'The COR\'s Contract', value: '' },
			{ name: 'SC-004 Concrete Sub (Acme Concrete)', value: '7001' },
		]);
		expect(await options.getProjectVendors.call(ctx)).toEqual([
			{ name: 'The COR\'s Vendor', value: '' },
			{ name: 'Acme Concrete', value: '3001' },
			{ name: 'Bolt Electric', value: '3002' },
		]);
	});
});

describe('Push COR vendor list', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('offers the vendors of the chosen project\'s directory', async () => {
		nock('https://api.procore.test')
			.get(`/rest/v1.0/projects/${PROJECT}/vendors`)
			.query(true)
			.reply(200, [
				{ id: 3001, name: 'Acme Concrete', abbreviated_name: 'ACME' },
				{ id: 3002, name: 'Bolt Electric' },
			]);
		expect((await search.searchProjectVendors.call(loadOptionsContext(), 'acme')).results).toEqual([{ name: 'Acme Concrete', value: '3001' }]);
	});
});
