/**
 * listPage (methods/rows.ts), the one page reader behind the pickers: page size 100, the next
 * token only while pages are full, and the company header (the node's company, or none for the
 * list of companies a user's token can see).
 */
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import nock from 'nock';

import { searchVendors } from '../../../../nodes/Procore/methods/coi.listSearch';
import { searchCompanies } from '../../../../nodes/Procore/methods/listSearch';
import { createExecuteContext } from '../../../helpers/executeContext';

const API = 'https://api.procore.test';

function loadOptionsContext(credentials: IDataObject = {}): ILoadOptionsFunctions {
	const ctx = createExecuteContext({ parameters: { company: { __rl: true, mode: 'id', value: '4264807' } }, credentials });
	return {
		...ctx,
		getNodeParameter: (name: string, fallback: unknown, o: unknown) => ctx.getNodeParameter(name, 0, fallback, o as never),
	} as unknown as ILoadOptionsFunctions;
}

const rows = (n: number, from = 1) => Array.from({ length: n }, (_, k) => ({ id: from + k, name: `Vendor ${from + k}` }));

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

it('a full page of 100 gives the next page token; a short page ends the list', async () => {
	const pages: unknown[] = [];
	nock(API)
		.get('/rest/v1.0/vendors')
		.query((q) => (pages.push([q.page, q.per_page, q['filters[search]']]), true))
		.reply(200, rows(100))
		.get('/rest/v1.0/vendors')
		.query((q) => (pages.push([q.page, q.per_page, q['filters[search]']]), true))
		.reply(200, rows(3, 101));
	const first = await searchVendors.call(loadOptionsContext(), 'Vendor');
	expect(first.results).toHaveLength(100);
	expect(first.paginationToken).toBe('2');
	const second = await searchVendors.call(loadOptionsContext(), 'Vendor', first.paginationToken as string);
	expect(second.results.map((r) => r.value)).toEqual(['101', '102', '103']);
	expect(second.paginationToken).toBeUndefined();
	expect(pages).toEqual([
		['1', '100', 'Vendor'],
		['2', '100', 'Vendor'],
	]);
});

it("the node's company goes in the header of a company list", async () => {
	let header: unknown;
	nock(API)
		.get('/rest/v1.0/vendors')
		.query(true)
		.reply(function () {
			header = this.req.headers['procore-company-id'];
			return [200, rows(1)];
		});
	await searchVendors.call(loadOptionsContext());
	expect(header).toBe('4264807');
});

it("the list of companies: no company header for a user's token, the credential's company for a service account", async () => {
	const headers: unknown[] = [];
	nock(API)
		.get('/rest/v1.0/companies')
		.query(true)
		.times(2)
		.reply(function () {
			headers.push(this.req.headers['procore-company-id']);
			return [200, [{ id: 4264807, name: 'Harbor Builders' }, { id: 5, name: 'Other Co' }]];
		});
	const user = await searchCompanies.call(loadOptionsContext({ grantType: 'authorizationCode' }), 'harbor');
	await searchCompanies.call(loadOptionsContext({ grantType: 'clientCredentials', companyId: '4264807' }));
	expect(user.results.map((r) => r.value)).toEqual(['4264807']);
	expect(headers).toEqual([undefined, '4264807']);
});
