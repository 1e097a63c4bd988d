import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { searchCatalogOperations, searchCatalogTools } from '../../../../nodes/Procore/methods/apiOperation.listSearch';

const ctx = (tool: string) => ({ getCurrentNodeParameter: (name: string) => (name === 'tool' ? tool : '') }) as unknown as ILoadOptionsFunctions;

describe('API Operation list searches', () => {
	it('Tool: Procore\'s tools as "Category › Module" with their operation counts, found by any words', async () => {
		const { results } = await searchCatalogTools.call(ctx(''), 'punch');
		expect(results).toEqual([{ name: 'Project Management › Punch List (46)', value: 'Project Management/Punch List' }]);
		const all = await searchCatalogTools.call(ctx(''));
		expect(all.results).toHaveLength(56);
		expect(all.paginationToken).toBeUndefined();
	});

	it('Procore Operation: the tool\'s operations by words of the summary or path in any order, the tool given as listed or as stored', async () => {
		for (const tool of ['Project Management/Punch List', 'Project Management › Punch List']) {
			const { results } = await searchCatalogOperations.call(ctx(tool), 'item create');
			expect(results.map((r) => r.name)).toEqual(expect.arrayContaining(['Create Punch Item — POST /rest/v1.1/punch_items']));
			expect(results.every((r) => /create/i.test(String(r.name)) && /item/i.test(String(r.name)))).toBe(true);
		}
		const byPath = await searchCatalogOperations.call(ctx('Project Management/Punch List'), 'delete /rest/v1.1/punch_items/{id}');
		expect(byPath.results.map((r) => r.value)).toEqual(['RestV11PunchItemsIdDelete']);
	});

	it('Procore Operation without a tool: every operation, 100 per page, to the end', async () => {
		const seen: string[] = [];
		let token: string | undefined;
		do {
			const page = await searchCatalogOperations.call(ctx(''), undefined, token);
			expect(page.results.length).toBeLessThanOrEqual(100);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken;
		} while (token);
		expect(new Set(seen).size).toBe(2636);
	});
});
