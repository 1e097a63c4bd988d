/**
 * Push COR's lines as the COR tool sends them, checked by one zod schema (changeEvent/corInput.ts):
 * every problem of every line named in one error (line number, field, value), before anything is
 * read from or written to Procore; figures written the way COR tools write them are accepted.
 */

import { runProcoreNode } from '../../../../helpers/executeContext';
import { COMPANY, FakeProcore, freshFakeProcore, PROJECT } from './fakeProcore';

const BASE = {
	resource: 'changeEvent',
	operation: 'pushCor',
	company: { __rl: true, mode: 'id', value: COMPANY },
	project: { __rl: true, mode: 'id', value: PROJECT },
	corId: 'cor-lines-1',
	title: 'Lines as COR tools send them',
	breakdown: 'lineItem',
	costCode: { __rl: true, mode: 'list', value: '' },
	linesInput: 'json',
	additionalFields: {},
	options: {},
};

const push = (lines: unknown) => runProcoreNode({ parameters: { ...BASE, lines } });

describe("Push COR: the COR's lines checked with zod", () => {
	let procore: FakeProcore;
	freshFakeProcore((p) => (procore = p));

	it('names every problem of every line in one error, and calls Procore for nothing', async () => {
		const error = await push([
			{ description: 'Demo crew', costCode: '01-100', amount: '12,00x' },
			{ description: 'Haul-off', costCode: '01-100' },
			'Saw rental 600',
			{ description: 'Rebar', costCode: '02-200', qty: 'two', unit_cost: 5 },
			{ description: 'Fee', costCode: '02-200', amount: '$1,250.50' },
		]).then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error?.message).toBe(
			'4 problems in the COR\'s lines: Line 1: amount "12,00x" is not a number; Line 2 has no amount: give "amount", or "quantity" and "unitCost"; Line 3 is not an object; Line 4: quantity "two" is not a number',
		);
		expect(error?.description).toMatch(/^Each line is an object like \{ "description", "costCode".*Nothing was written\.$/);
		expect(procore.calls).toEqual([]);
	});

	it('one problem is the whole message', async () => {
		const error = await push([{ description: 'Demo crew', costCode: '01-100', amount: 100 }, { description: 'Haul-off', quantity: 3 }]).then(
			() => undefined,
			(e: Error) => e,
		);
		expect(error?.message).toBe('Line 2 has no amount: give "amount", or "quantity" and "unitCost"');
	});

	it('takes figures as COR tools write them: currency signs, thousands separators, numbers as text, under their aliases', async () => {
		const [out] = await push([
			{ description: 'Demo crew', costCode: '01-100', category: 'L', qty: '40', rate: '95.50' },
			{ description: 'Fee', costCode: '02-200', category: 'MU', total: '$1,250.50' },
		]);
		const sent = procore.writes()[0].body.change_event.change_event_line_items_attributes as Array<{ estimated_cost_amount: string }>;
		expect(sent.map((l) => l.estimated_cost_amount)).toEqual(['3820.00', '1250.50']);
		expect(out.json).toMatchObject({ total: 5070.5 });
	});
});
