/** A server that serves fewer records per page than asked (its own cap) is still read to the end. */
import nock from 'nock';

import { procoreApiRequestAllItems } from '../../../../nodes/Procore/transport';
import { createExecuteContext } from '../../../helpers/executeContext';

const API = 'https://api.procore.test';

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

function capped(total: number, cap: number, headers: (page: number, last: number) => Record<string, string>) {
	const pages: number[] = [];
	nock(API)
		.get('/rest/v1.0/vendors')
		.query(true)
		.times(20)
		.reply(function (uri) {
			const url = new URL(uri, API);
			const page = Number(url.searchParams.get('page'));
			pages.push(page);
			const start = (page - 1) * cap;
			const rows = Array.from({ length: Math.max(0, Math.min(cap, total - start)) }, (_, k) => ({ id: start + k + 1 }));
			return [200, rows, headers(page, Math.ceil(total / cap))];
		});
	return pages;
}

const read = async () =>
	await procoreApiRequestAllItems.call(createExecuteContext({ parameters: {} }), { method: 'GET', path: '/rest/v1.0/vendors', companyId: '4264807' });

it('Per-Page smaller than asked: a full served page is not the end', async () => {
	const pages = capped(7, 3, () => ({ 'Per-Page': '3' }));
	expect((await read()).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	expect(pages).toEqual([1, 2, 3]);
});

it('a Link header naming a next page is followed even when the page is short of what was asked', async () => {
	const pages = capped(5, 2, (page, last) => ({ Link: page < last ? `<${API}/rest/v1.0/vendors?page=${page + 1}>; rel="next"` : '' }));
	expect(await read()).toHaveLength(5);
	expect(pages).toEqual([1, 2, 3]);
});

it('without Per-Page or Link, a short page still ends the list (one call)', async () => {
	const pages = capped(5, 2, () => ({}));
	expect(await read()).toHaveLength(2);
	expect(pages).toEqual([1]);
});
