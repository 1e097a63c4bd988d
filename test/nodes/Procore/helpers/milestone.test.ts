import {
	MilestoneError,
	formatMilestone,
	milestoneFields,
	milestonesFor,
	parseMilestone,
	validateMilestone,
} from '../../../../nodes/Procore/helpers/milestone';

const costCodes = [
	{
		id: 1234,
		code: '100',
		full_code: '01-100',
		name: 'General Labor',
		line_item_types: [
			{ id: 5678, name: 'Labor', code: 'L', base_type: 'labor' },
			{ id: 5679, name: 'Materials', code: 'M', base_type: 'materials' },
		],
	},
	{ id: 2000, full_code: '03-300', name: 'Concrete', line_item_types: [{ id: 5678, name: 'Labor', code: 'L', base_type: 'labor' }] },
	{ id: 3000, full_code: '09-900', name: 'Painting' },
];

describe('milestone strings', () => {
	it('parses the workforce app form and formats it back unchanged', () => {
		const text = 'procore:budget_line:cc:1234:cat:5678';
		expect(parseMilestone(text)).toEqual({ kind: 'budgetLine', costCodeId: '1234', lineItemTypeId: '5678' });
		expect(formatMilestone(parseMilestone(text))).toBe(text);
	});

	it('accepts the short form, WBS codes and ID objects', () => {
		expect(parseMilestone(' cc:1:cat:2 ')).toEqual({ kind: 'budgetLine', costCodeId: '1', lineItemTypeId: '2' });
		expect(parseMilestone('procore:wbs_code:99')).toEqual({ kind: 'wbs', wbsCodeId: '99' });
		expect(formatMilestone(parseMilestone('wbs:99'))).toBe('procore:wbs_code:99');
		expect(parseMilestone({ costCodeId: 7, lineItemTypeId: '8' })).toEqual({ kind: 'budgetLine', costCodeId: '7', lineItemTypeId: '8' });
		expect(parseMilestone({ wbs_code_id: '562949953421312999' })).toEqual({ kind: 'wbs', wbsCodeId: '562949953421312999' });
	});

	it('keeps ids longer than 2^53 exact', () => {
		expect(parseMilestone('procore:budget_line:cc:9007199254740993:cat:1').kind === 'budgetLine' && milestoneFields(parseMilestone('procore:budget_line:cc:9007199254740993:cat:1'))).toEqual({
			cost_code_id: '9007199254740993',
			line_item_type_id: '1',
		});
	});

	it.each([
		['', /empty/],
		['procore:budget_line:cc:12', /not a milestone/],
		['procore:budget_line:cc:abc:cat:1', /not a milestone/],
	])('refuses %p', (input, message) => {
		expect(() => parseMilestone(input)).toThrow(MilestoneError);
		expect(() => parseMilestone(input)).toThrow(message);
	});

	it('never gives both a WBS code and a cost code', () => {
		expect(() => parseMilestone({ wbsCodeId: 1, costCodeId: 2, lineItemTypeId: 3 })).toThrow(/never both/);
		expect(() => parseMilestone({ costCodeId: 2 })).toThrow(/no category/);
		expect(milestoneFields({ kind: 'wbs', wbsCodeId: '5' })).toEqual({ wbs_code_id: '5' });
	});

	it('lists cost code × category as milestones, optionally labor only', () => {
		const all = milestonesFor(costCodes);
		expect(all.map((m) => m.milestone)).toEqual([
			'procore:budget_line:cc:1234:cat:5678',
			'procore:budget_line:cc:1234:cat:5679',
			'procore:budget_line:cc:2000:cat:5678',
		]);
		expect(all[0].name).toBe('01-100 General Labor / Labor');
		expect(milestonesFor(costCodes, ['Labor']).map((m) => m.cost_code_id)).toEqual(['1234', '2000']);
	});

	it('validates against the project\'s cost codes', () => {
		expect(validateMilestone(parseMilestone('cc:1234:cat:5678'), costCodes)).toEqual({ ok: true, name: '01-100 General Labor / Labor' });
		expect(validateMilestone(parseMilestone('cc:2000:cat:5679'), costCodes)).toEqual({
			ok: false,
			reason: 'category_not_on_cost_code',
			message: 'Cost code 03-300 Concrete has no category 5679; its categories are: Labor (5678)',
		});
		expect(validateMilestone(parseMilestone('cc:42:cat:5678'), costCodes)).toMatchObject({ ok: false, reason: 'unknown_cost_code' });
		// Listed without categories: Procore decides.
		expect(validateMilestone(parseMilestone('cc:3000:cat:1'), costCodes)).toMatchObject({ ok: true });
		expect(validateMilestone(parseMilestone('wbs:1'), [])).toEqual({ ok: true });
	});
});
