import nock from 'nock';

import { Procore } from '../../../../../nodes/Procore/Procore.node';
import { runProcoreNode } from '../../../../helpers/executeContext';
import { COMPANY, FakeProcore, freshFakeProcore, PROJECT } from './fakeProcore';

const project = { __rl: true, mode: 'id', value: PROJECT };
const company = { __rl: true, mode: 'id', value: COMPANY };

const LINES = [
	{ description: 'Demo crew', costCode: '01-100', category: 'L', rateType: 'labor', quantity: 40, unit: 'HR', unitCost: 95, amount: 3800 },
	{ description: 'Saw rental', costCode: '01-100', category: 'E', rateType: 'equipment', amount: 600 },
	{ description: 'Rebar', costCode: '02-200', category: 'M', rateType: 'material', quantity: 2, unitCost: 2500 },
	{ description: 'Concrete placement', costCode: '02-200', category: 'L', rateType: 'labour', amount: 2500 },
	{ description: 'Fee', costCode: '02-200', category: 'MU', rateType: 'markup', amount: 500 },
];

const BASE = {
	resource: 'changeEvent',
	operation: 'pushCor',
	company,
	project,
	corId: 'cor-8812',
	title: 'Unforeseen slab demolition',
	breakdown: 'lineItem',
	costCode: { __rl: true, mode: 'list', value: '' },
	linesInput: 'json',
	lines: LINES,
	additionalFields: { corNumber: '17', scope: 'out_of_scope' },
	options: {},
	// Raw: the Change Event with every key of the push (Simplified is checked on its own below).
	output: 'raw',
};

/** Push COR with the base parameters; `additionalFields` given here are added to the base ones. */
function push(parameters: Record<string, unknown> = {}, extra: { items?: any[]; continueOnFail?: boolean } = {}) {
	const additionalFields = { ...BASE.additionalFields, ...((parameters.additionalFields as object | undefined) ?? {}) };
	return runProcoreNode({ parameters: { ...BASE, ...parameters, additionalFields }, ...extra });
}

describe('Change Event: Push COR', () => {
	let procore: FakeProcore;
	freshFakeProcore((p) => (procore = p));

	it('creates a Change Event with every line, codes resolved, and says so', async () => {
		const [out] = await push();
		const posts = procore.writes();
		expect(posts).toHaveLength(1);
		expect(posts[0].method).toBe('POST');
		const sent = posts[0].body.change_event;
		expect(sent).toMatchObject({ title: 'Unforeseen slab demolition', change_event_status_id: 1, event_scope: 'out_of_scope', origin_id: 'cor-8812' });
		expect(sent.origin_data).toMatch(/^n8n:/);
		expect(sent.change_event_line_items_attributes).toEqual([
			{ description: 'Demo crew', cost_code_id: 501, line_item_type_id: 11, uom: 'HR', estimated_cost_quantity: 40, estimated_cost_unit_cost: 95, estimated_cost_amount: '3800.00', estimated_cost_calculation_strategy: 'manual' },
			{ description: 'Saw rental', cost_code_id: 501, line_item_type_id: 13, estimated_cost_amount: '600.00', estimated_cost_calculation_strategy: 'manual' },
			{ description: 'Rebar', cost_code_id: 502, line_item_type_id: 12, estimated_cost_quantity: 2, estimated_cost_unit_cost: 2500, estimated_cost_amount: '5000.00', estimated_cost_calculation_strategy: 'manual' },
			{ description: 'Concrete placement', cost_code_id: 502, line_item_type_id: 11, estimated_cost_amount: '2500.00', estimated_cost_calculation_strategy: 'manual' },
			{ description: 'Fee', cost_code_id: 502, line_item_type_id: 15, estimated_cost_amount: '500.00', estimated_cost_calculation_strategy: 'manual' },
		]);
		expect(out.json).toMatchObject({ action: 'created', previous_total: 0, total: 12400, delta: 12400, line_count: 5, origin_id: 'cor-8812' });
		expect(out.json.summary).toBe(`Change Event ${String(out.json.id)} created from COR 17: total 12,400.00 (5 lines)`);
		expect(out.pairedItem).toEqual({ item: 0 });
		expect(procore.changeEvents).toHaveLength(1);
	});

	it('Lump Sum: one line for the total on the COR\'s cost code and category', async () => {
		await push({ breakdown: 'lumpSum', costCode: '02-200', additionalFields: { category: 'Subcontract' } });
		const lines = procore.changeEvents[0].change_event_line_items;
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({ description: 'COR 17: Unforeseen slab demolition', cost_code_id: 502, line_item_type_id: 14, estimated_cost_amount: '12400.00' });
	});

	it('Lump Sum without lines uses the COR total', async () => {
		const [out] = await push({ breakdown: 'lumpSum', lines: undefined, costCode: '01-100', additionalFields: { corTotal: 980.5 } });
		expect(procore.changeEvents[0].change_event_line_items[0]).toMatchObject({ estimated_cost_amount: '980.50', cost_code_id: 501 });
		expect(out.json.total).toBe(980.5);
	});

	it('Sub-Total: one line per rate type, the category from the rate type', async () => {
		await push({ breakdown: 'subTotal', costCode: '02-200' });
		const lines = procore.changeEvents[0].change_event_line_items.map((l: any) => [l.description, l.line_item_type_id, l.cost_code_id, l.estimated_cost_amount]);
		expect(lines).toEqual([
			['COR 17 – Labor', 11, 502, '6300.00'],
			['COR 17 – Equipment', 13, 502, '600.00'],
			['COR 17 – Material', 12, 502, '5000.00'],
			['COR 17 – Markup', 15, 502, '500.00'],
		]);
	});

	it('Sub-Total refuses lines of one rate type on different cost codes without a COR cost code', async () => {
		await expect(push({ breakdown: 'subTotal' })).rejects.toThrow('Sub-Total puts the Labor lines on one line, but those COR lines use different cost codes: 01-100, 02-200');
		expect(procore.writes()).toEqual([]);
	});

	it('re-pushing the same COR updates it: no second Change Event, lines replaced in place, totals', async () => {
		await push();
		const id = procore.changeEvents[0].id;
		const lineIds = procore.changeEvents[0].change_event_line_items.map((l: any) => l.id);
		procore.calls = [];
		const changed = LINES.map((l) => ({ ...l }));
		changed[1].amount = 750; // +150
		changed[4].amount = 1000; // +500
		const [out] = await push({ lines: changed });
		expect(procore.changeEvents).toHaveLength(1);
		expect(procore.writes().map((c) => `${c.method} ${c.path}`)).toEqual([`PATCH /rest/v1.0/change_events/${id}`]);
		const sent = procore.writes()[0].body.change_event.change_event_line_items_attributes;
		expect(sent.map((l: any) => [l.id, l.estimated_cost_amount])).toEqual([[lineIds[1], '750.00'], [lineIds[4], '1000.00']]);
		expect(procore.changeEvents[0].change_event_line_items.map((l: any) => l.id)).toEqual(lineIds);
		expect(out.json).toMatchObject({ action: 'updated', id, previous_total: 12400, total: 13050, delta: 650 });
		expect(out.json.summary).toBe(`Change Event ${id} updated from COR 17: total 12,400.00 → 13,050.00 (+650.00), 2 lines changed`);
		expect((out.json.line_changes as any).changed).toEqual([
			{ id: String(lineIds[1]), description: 'Saw rental', changes: { amount: { previous: 600, new: 750 } } },
			{ id: String(lineIds[4]), description: 'Fee', changes: { amount: { previous: 500, new: 1000 } } },
		]);
	});

	it('a third identical push writes nothing', async () => {
		await push();
		procore.calls = [];
		const [out] = await push();
		expect(procore.writes()).toEqual([]);
		expect(out.json).toMatchObject({ action: 'unchanged', delta: 0 });
		expect(out.json.summary).toMatch(/already matches COR 17: total 12,400.00, nothing to write/);
	});

	it('removes lines the COR no longer has; a line linked downstream is set to zero instead', async () => {
		await push();
		const ce = procore.changeEvents[0];
		const [, saw, , , fee] = ce.change_event_line_items;
		fee.deletable = false; // e.g. already in a commitment change order
		procore.calls = [];
		const fewer = LINES.filter((l) => !['Saw rental', 'Fee'].includes(l.description));
		const [out] = await push({ lines: [...fewer, { description: 'Cleanup', costCode: '03-300', category: 'L', amount: 200 }] });
		const writes = procore.writes();
		expect(writes.map((c) => `${c.method} ${c.path}`)).toEqual([`PATCH /rest/v1.0/change_events/${ce.id}`, `PATCH /rest/v1.1/change_events/${ce.id}`]);
		expect(writes[0].body.change_event.change_event_line_items_attributes).toEqual([
			{ description: 'Cleanup', cost_code_id: 503, line_item_type_id: 11, estimated_cost_amount: '200.00', estimated_cost_calculation_strategy: 'manual' },
			{ id: fee.id, estimated_cost_amount: '0.00', estimated_cost_calculation_strategy: 'manual' },
		]);
		expect(writes[1].body).toEqual({ change_event: { change_items: [{ id: saw.id, deleted: true }] } });
		expect(ce.change_event_line_items.map((l: any) => l.description)).toEqual(['Demo crew', 'Rebar', 'Concrete placement', 'Fee', 'Cleanup']);
		expect(out.json).toMatchObject({ previous_total: 12400, total: 11500, delta: -900 });
		expect((out.json.line_changes as any).removed).toEqual([
			{ id: String(saw.id), description: 'Saw rental', previousAmount: 600, action: 'deleted' },
			{ id: String(fee.id), description: 'Fee', previousAmount: 500, action: 'zeroed' },
		]);
		expect(out.json.summary).toBe(`Change Event ${ce.id} updated from COR 17: total 12,400.00 → 11,500.00 (-900.00), 1 added, 2 removed`);
	});

	it('a renamed line is still the same line (matched by its code on a Change Event this COR owns)', async () => {
		await push({ lines: [LINES[0]] });
		const lineId = procore.changeEvents[0].change_event_line_items[0].id;
		procore.calls = [];
		await push({ lines: [{ ...LINES[0], description: 'Demolition crew, 2 shifts' }] });
		expect(procore.changeEvents[0].change_event_line_items).toHaveLength(1);
		expect(procore.changeEvents[0].change_event_line_items[0]).toMatchObject({ id: lineId, description: 'Demolition crew, 2 shifts' });
	});

	it('the description, a change type and a prime contract go in one v1.1 PATCH after the create', async () => {
		const [out] = await push({
			additionalFields: {
				description: 'Slab found 8" thick, not 4"',
				contract: { __rl: true, mode: 'list', value: 'prime:8001' },
				changeType: 'Owner Change',
				reason: 'Design Error',
			},
		});
		const writes = procore.writes();
		expect(writes.map((c) => c.method + ' ' + c.path.replace(/\d+$/, ':id'))).toEqual(['POST /rest/v1.0/change_events', 'PATCH /rest/v1.1/change_events/:id']);
		expect(writes[0].body.change_event.change_order_change_reason_id).toBe(42);
		expect(writes[1].body).toEqual({ change_event: { description: 'Slab found 8" thick, not 4"', change_type: { id: 51 }, prime_contract_for_estimates: { id: 8001 } } });
		expect(procore.changeEvents[0].description).toBe('Slab found 8" thick, not 4"');
		expect(out.json.action).toBe('created');
	});

	it('a commitment by number becomes every line\'s contract and vendor', async () => {
		await push({ lines: [LINES[0]], additionalFields: { contract: { __rl: true, mode: 'id', value: 'SC-004' } } });
		expect(procore.changeEvents[0].change_event_line_items[0]).toMatchObject({ proposed_contract_id: 7001, proposed_vendor_id: 3001 });
	});

	it('a status by name, and attachments by upload UUID', async () => {
		await push({ additionalFields: { status: { __rl: true, mode: 'id', value: 'pending' }, attachmentUuids: '01J8ZP3Q, 01J8ZP4R' } });
		const sent = procore.writes()[0].body.change_event;
		expect(sent.change_event_status_id).toBe(2);
		expect(sent.attachments_by_uuid).toEqual([{ upload_uuid: '01J8ZP3Q' }, { upload_uuid: '01J8ZP4R' }]);
	});

	it('names every code it cannot match, with close candidates, and writes nothing', async () => {
		const bad = [
			{ description: 'A', costCode: '01-1OO', category: 'L', amount: 1 },
			{ description: 'B', costCode: '02-200', category: 'Labour Premium', amount: 1 },
			{ description: 'C', costCode: '01-1OO', category: 'L', contract: 'SC-999', amount: 1 },
		];
		const error = await push({ lines: bad }).catch((e) => e);
		expect(error.message).toBe(
			'Could not match 3 values: Cost code "01-1OO" (line 1, line 3); Category "Labour Premium" (line 2); Contract "SC-999" (line 3)',
		);
		expect(error.description).toContain('Closest: 01-100 Demolition (ID 501)');
		expect(error.description).toContain('Contract "SC-999": not found in project 101. Closest: SC-004 Concrete Sub (ID 7001)');
		expect(error.description).toContain('Nothing was written.');
		expect(procore.writes()).toEqual([]);
	});

	it('an unknown COR contract is named', async () => {
		await expect(push({ additionalFields: { contract: { __rl: true, mode: 'id', value: 'Drywall Sub' } } })).rejects.toThrow('Could not match Contract "Drywall Sub" ("Contract")');
		expect(procore.writes()).toEqual([]);
	});

	it('Preview Only reads and diffs but writes nothing', async () => {
		await push();
		procore.calls = [];
		const changed = LINES.map((l) => ({ ...l }));
		changed[0].amount = 4000;
		const [out] = await push({ lines: changed, options: { previewOnly: true } });
		expect(procore.writes()).toEqual([]);
		expect(out.json).toMatchObject({ preview: true, action: 'would be updated', previous_total: 12400, total: 12600, delta: 200 });
		expect(out.json.summary).toMatch(/^Would update Change Event \d+ from COR 17: total 12,400.00 → 12,600.00 \(\+200.00\), 1 line changed$/);
		expect((out.json.requests as any[])[0].body.change_event.change_event_line_items_attributes).toHaveLength(1);
		expect(procore.changeEvents[0].change_event_line_items[0].estimated_cost_amount).toBe('3800.00');
	});

	it('Preview Only on a new COR creates nothing', async () => {
		const [out] = await push({ options: { previewOnly: true }, additionalFields: { description: 'x' } });
		expect(procore.writes()).toEqual([]);
		expect(procore.changeEvents).toEqual([]);
		expect(out.json.summary).toBe('Would create a Change Event from COR 17: total 12,400.00 (5 lines)');
		expect((out.json.requests as any[]).map((r) => r.path)).toEqual(['/rest/v1.0/change_events', '/rest/v1.1/change_events/<new Change Event ID>']);
	});

	it('continues per item when Continue On Fail is on', async () => {
		const items = [{ json: { n: 1 } }, { json: { n: 2 } }];
		const out = await runProcoreNode({
			parameters: {
				resource: 'changeEvent',
				operation: 'pushCor',
				company,
				project,
				breakdown: 'lineItem',
				linesInput: 'json',
				additionalFields: {},
				options: {},
				__perItem: [
					{ corId: 'cor-1', title: 'Bad', lines: [{ description: 'x', costCode: '99-999', amount: 5 }] },
					{ corId: 'cor-2', title: 'Good', lines: [{ description: 'y', costCode: '01-100', amount: 5 }] },
				].map((p) => ({
					resource: 'changeEvent', operation: 'pushCor', company, project, breakdown: 'lineItem', linesInput: 'json', additionalFields: {}, options: {}, output: 'raw', ...p,
				})),
			},
			items,
			continueOnFail: true,
		});
		expect(out).toHaveLength(2);
		expect(out[0].json.error).toBe('Could not match Cost code "99-999" (line 1)');
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[1].json).toMatchObject({ action: 'created', origin_id: 'cor-2' });
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(procore.changeEvents.map((ce) => ce.origin_id)).toEqual(['cor-2']);
	});

	it('a 500-line COR is one create call, and its re-push one update call', async () => {
		const many = Array.from({ length: 500 }, (_, k) => ({
			description: `Item ${k + 1}`,
			costCode: ['01-100', '02-200', '03-300'][k % 3],
			category: ['L', 'M', 'E'][k % 3],
			quantity: 1 + (k % 7),
			unitCost: 12.34,
		}));
		await push({ lines: many });
		const first = procore.calls.map((c) => `${c.method} ${c.path}`);
		// Reads: cost codes and line item types (every code checked before anything else), the project's
		// Change Events (idempotency), statuses (the default one); then one write with all 500 lines.
		expect(first).toEqual([
			'GET /rest/v1.0/cost_codes',
			'GET /rest/v1.0/line_item_types',
			'GET /rest/v1.0/change_events',
			'GET /rest/v1.0/change_event/statuses',
			'POST /rest/v1.0/change_events',
		]);
		expect(procore.changeEvents[0].change_event_line_items).toHaveLength(500);
		const expected = many.reduce((s, l) => s + Math.round(l.quantity * l.unitCost * 100), 0) / 100;
		procore.calls = [];
		const again = many.map((l, k) => (k === 499 ? { ...l, unitCost: 20 } : l));
		const [out] = await push({ lines: again });
		expect(procore.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
			'GET /rest/v1.0/cost_codes',
			'GET /rest/v1.0/line_item_types',
			'GET /rest/v1.0/change_events',
			`PATCH /rest/v1.0/change_events/${procore.changeEvents[0].id}`,
		]);
		expect(procore.changeEvents[0].change_event_line_items).toHaveLength(500);
		expect(out.json.previous_total).toBe(expected);
		expect((out.json.line_changes as any).changed).toHaveLength(1);
	});

	it('a chosen Change Event owned by another origin keeps its other lines and its origin', async () => {
		await push({ corId: 'other-tool-1', lines: [LINES[0]] });
		const ce = procore.changeEvents[0];
		procore.calls = [];
		const [out] = await push({ options: { changeEventId: { __rl: true, mode: 'id', value: String(ce.id) } }, lines: [LINES[1]] });
		expect(ce.change_event_line_items.map((l: any) => l.description)).toEqual(['Demo crew', 'COR 17: Saw rental']);
		expect(ce.origin_id).toBe('other-tool-1');
		expect(out.json.notes).toMatch(/belongs to origin "other-tool-1"/);
		expect(out.json).toMatchObject({ previous_total: 3800, total: 4400 });
	});

	it('CORs added to one Change Event keep their own lines apart (same descriptions), leave its header alone, and a re-push writes nothing', async () => {
		await push({ corId: 'cor-A', title: 'Owner title', lines: [LINES[0], LINES[1]], additionalFields: { corNumber: '1', description: 'Owner text' } });
		const ce = procore.changeEvents[0];
		const into = { options: { changeEventId: { __rl: true, mode: 'id', value: String(ce.id) } } };
		// COR 2 has a "Demo crew" line too: it must not replace COR 1's.
		const corB = { ...into, corId: 'cor-B', title: 'Other title', lines: [{ ...LINES[0], amount: 1000, quantity: undefined, unitCost: undefined }], additionalFields: { corNumber: '2', description: 'Other text' } };
		const corC = { ...into, corId: 'cor-C', title: 'Third title', lines: [LINES[2]], additionalFields: { corNumber: '3' } };
		await push(corB);
		await push(corC);
		const described = () => ce.change_event_line_items.map((l: any) => `${l.description}=${l.estimated_cost_amount}`);
		expect(described()).toEqual(['Demo crew=3800.00', 'Saw rental=600.00', 'COR 2: Demo crew=1000.00', 'COR 3: Rebar=5000.00']);
		expect(ce.title).toBe('Owner title');
		procore.calls = [];
		const [again] = await push(corB);
		await push(corC);
		expect(procore.writes()).toEqual([]);
		expect(again.json).toMatchObject({ action: 'unchanged', total: 10400 });
		// COR 2 edited: only its own line changes; a line it dropped is removed, the others stay.
		const [edited] = await push({ ...corB, lines: [{ ...LINES[1], amount: 700 }] });
		expect(described()).toEqual(['Demo crew=3800.00', 'Saw rental=600.00', 'COR 3: Rebar=5000.00', 'COR 2: Saw rental=700.00']);
		expect(edited.json).toMatchObject({ previous_total: 10400, total: 10100 });
		expect(ce.title).toBe('Owner title');
		expect(ce.origin_id).toBe('cor-A');
	});

	it('Lines Input "Using Fields Below" takes only the lines entered in the panel (a leftover JSON is ignored, not merged)', async () => {
		const [out] = await push({
			linesInput: 'fields',
			costCode: { __rl: true, mode: 'code', value: '02-200' },
			lineItems: {
				line: [
					// The panel fills Amount with 0 when it is left alone: quantity × unit cost counts.
					{ description: 'Crew', costCode: '', category: 'L', quantity: 8, unitCost: 95, amount: 0 },
					// Picked from the project's list: the cost code's ID.
					{ description: 'Saw', costCode: '501', category: '13', quantity: 0, unitCost: 0, amount: 600 },
				],
			},
		});
		expect(procore.changeEvents[0].change_event_line_items.map((l: any) => [l.description, l.cost_code_id, l.estimated_cost_amount])).toEqual([
			['Crew', 502, '760.00'],
			['Saw', 501, '600.00'],
		]);
		expect(procore.changeEvents[0].change_event_line_items[1].line_item_type_id).toBe(13);
		expect(out.json).toMatchObject({ total: 1360, line_count: 2 });
	});

	it('a line\'s Contract and Vendor picked from the project\'s lists (their IDs) become its proposed contract and vendor', async () => {
		nock('https://api.procore.test')
			.get(`/rest/v1.0/projects/${PROJECT}/vendors`)
			.query(true)
			.reply(200, [
				{ id: 3001, name: 'Acme Concrete' },
				{ id: 3002, name: 'Bolt Electric' },
			]);
		await push({
			linesInput: 'fields',
			lineItems: {
				line: [
					// The commitment's ID, as the list gives it: the commitment's vendor comes with it.
					{ description: 'Pour', costCode: '501', category: 'L', contract: '7001', vendor: '', amount: 900 },
					// A vendor picked from the directory list, no commitment.
					{ description: 'Conduit', costCode: '501', category: 'L', contract: '', vendor: '3002', amount: 300 },
					// Left on "The COR's Contract / Vendor": none here.
					{ description: 'Cleanup', costCode: '501', category: 'L', contract: '', vendor: '', amount: 100 },
				],
			},
		});
		const lines = procore.changeEvents[0].change_event_line_items;
		expect(lines[0]).toMatchObject({ description: expect.stringContaining('Pour'), proposed_contract_id: 7001, proposed_vendor_id: 3001 });
		expect(lines[1]).toMatchObject({ proposed_vendor_id: 3002 });
		expect(lines[1].proposed_contract_id ?? null).toBeNull();
		expect(lines[2].proposed_vendor_id ?? null).toBeNull();
	});

	it('a line\'s Contract given by expression as a number that is not a commitment fails naming it, writing nothing', async () => {
		const error = await push({
			linesInput: 'fields',
			lineItems: { line: [{ description: 'Pour', costCode: '501', category: 'L', contract: 'SC-999', vendor: '', amount: 900 }] },
		}).catch((e) => e);
		expect(error.message).toMatch(/SC-999/);
		expect(procore.writes()).toHaveLength(0);
	});

	it('a Cost Code picked from the project\'s list is used by its ID, with no cost code read', async () => {
		await push({ breakdown: 'lumpSum', costCode: { __rl: true, mode: 'list', value: '503' }, additionalFields: { category: 'L' } });
		expect(procore.changeEvents[0].change_event_line_items[0]).toMatchObject({ cost_code_id: 503, estimated_cost_amount: '12400.00' });
		expect(procore.calls.map((c) => `${c.method} ${c.path}`)).not.toContain('GET /rest/v1.0/cost_codes');
	});

	it('no lines names the one input Lines Input chose', async () => {
		const fields = await push({ linesInput: 'fields', lineItems: {} }).catch((e) => e);
		expect(fields.message).toBe('The COR has no lines');
		expect(fields.description).toMatch(/Add the lines under "Lines"/);
		const json = await push({ lines: '[]' }).catch((e) => e);
		expect(json.description).toMatch(/Map the lines into "Lines \(JSON\)"/);
		expect(procore.writes()).toEqual([]);
	});
});

describe('Push COR output', () => {
	beforeEach(() => {
		nock.disableNetConnect();
		new FakeProcore();
	});
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('Simplified (the default) is the Change Event, what the push did and its totals: 10 fields and the summary', async () => {
		const [out] = await push({ output: 'simplified' });
		expect(Object.keys(out.json).sort()).toEqual(
			['action', 'change_event_status_name', 'delta', 'id', 'line_count', 'number', 'origin_id', 'previous_total', 'summary', 'title', 'total'].sort(),
		);
		expect(out.json).toMatchObject({ action: 'created', origin_id: 'cor-8812', total: 12400, previous_total: 0, delta: 12400, line_count: 5 });
	});

	it('Selected Fields returns the ID and the fields listed, in the package\'s one casing', async () => {
		const [out] = await push({ output: 'selected', outputFields: 'line_changes, cor_id' });
		expect(Object.keys(out.json).sort()).toEqual(['cor_id', 'id', 'line_changes', 'summary']);
		expect(out.json.cor_id).toBe('cor-8812');
	});
});

describe('Push COR panel', () => {
	const { NodeHelpers } = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
	const description = new Procore().description;
	const shown = (parameters: Record<string, unknown>) => {
		const node = { id: '1', name: 'Push COR', type: 'n8n-nodes-procore.procore', typeVersion: 1, position: [0, 0] as [number, number], parameters: { resource: 'changeEvent', operation: 'pushCor', ...parameters } };
		const values = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node as never, description)!;
		return description.properties.filter((p) => !['resource', 'operation'].includes(p.name) && NodeHelpers.displayParameter(values, p, node as never, description));
	};

	it('shows required fields first and at most 8 fields before the collections, with one way to give lines', () => {
		for (const linesInput of ['fields', 'json']) {
			const names = shown({ linesInput }).map((p) => p.name);
			expect(names).toEqual(['company', 'project', 'corId', 'title', 'breakdown', 'costCode', 'linesInput', linesInput === 'json' ? 'lines' : 'lineItems', 'additionalFields', 'options', 'output']);
		}
	});

	it('has one field labelled "Change Event", a Cost Code listed from the project, a per-line override named as such', () => {
		const fields = description.properties.filter((p) => p.displayOptions?.show?.operation?.includes('pushCor'));
		const all = fields.flatMap((p) => [p, ...((p.options ?? []) as any[]).flatMap((o) => [o, ...(o.values ?? [])])]);
		expect(all.filter((p) => p.displayName === 'Change Event')).toHaveLength(1);
		const costCode = fields.find((p) => p.name === 'costCode')!;
		expect(costCode.type).toBe('resourceLocator');
		expect(costCode.modes?.[0].typeOptions?.searchListMethod).toBe('searchCostCodes');
		expect(JSON.stringify(costCode)).not.toMatch(/\d\d-\d\d\d/);
		expect(all.filter((p) => String(p.displayName ?? '').startsWith('Cost Code Override'))).toEqual([expect.objectContaining({ name: 'costCode', typeOptions: expect.objectContaining({ loadOptionsMethod: 'getCostCodes' }) })]);
		// Per line, Contract and Vendor are picked from the project's lists too (typed text before).
		const line = (fields.find((p) => p.name === 'lineItems')!.options as any[])[0].values as any[];
		expect(line.find((p) => p.name === 'contract')).toMatchObject({ type: 'options', typeOptions: { loadOptionsMethod: 'getCommitments', loadOptionsDependsOn: ['project.value'] } });
		expect(line.find((p) => p.name === 'vendor')).toMatchObject({ type: 'options', typeOptions: { loadOptionsMethod: 'getProjectVendors', loadOptionsDependsOn: ['project.value'] } });
	});

	it('Lines (JSON) defaults to no expression, so a run without lines shows no red "undefined"', () => {
		const lines = description.properties.find((p) => p.name === 'lines' && p.displayOptions?.show?.operation?.includes('pushCor'))!;
		expect(String(lines.default).startsWith('=')).toBe(false);
		expect(JSON.parse(String(lines.default))).toEqual([]);
	});
});
