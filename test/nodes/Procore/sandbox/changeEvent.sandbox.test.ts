/**
 * Change Event > Push COR run by n8n-core against the local Procore sandbox (issue #6): what the
 * sandbox stored afterwards, and the calls it received, not only the node's output.
 */
import { readFileSync } from 'fs';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { SandboxEnv } from './sandboxRun';
import { sandboxPerFile } from './sandboxRun';

// Each test takes well under a second; the margin is for a loaded machine (tests run in parallel).
jest.setTimeout(20_000);

let env: SandboxEnv;
let tower: number;
sandboxPerFile((e) => (env = e));
beforeEach(() => (tower = env.sb.seed.projects.tower));

const COR_ID = 'clearstory-cor-8812';

/** A COR as a COR tool sends it: codes and names, not Procore IDs. Total 13,135.06. */
const LINES = [
	{ description: 'Demo crew', costCode: '03-300', category: 'L', rateType: 'labor', quantity: 40, unit: 'HR', unitCost: 95 },
	{ description: 'Saw rental', costCode: '03-300', category: 'E', rateType: 'equipment', amount: 600 },
	{ description: 'Rebar', costCode: '03-300', category: 'M', rateType: 'material', quantity: 2, unitCost: 2500.25 },
	{ description: 'Concrete placement', costCode: '03-300', category: 'Labor', rateType: 'labour', amount: 2500 },
	{ description: 'Drywall patch', costCode: '09-250', category: 'Subcontract', rateType: 'subcontract', amount: 1234.56, contract: 'SC-003' },
];

/** Push COR with the base parameters; `additionalFields` given here are added to the base ones. */
function push(parameters: IDataObject = {}, items?: INodeExecutionData[]) {
	const additionalFields = { corNumber: '17', scope: 'out_of_scope', ...((parameters.additionalFields as IDataObject | undefined) ?? {}) };
	return env.run(
		{
			resource: 'changeEvent',
			operation: 'pushCor',
			project: { __rl: true, mode: 'id', value: String(tower) },
			corId: COR_ID,
			title: 'Slab demolition',
			breakdown: 'lineItem',
			linesInput: 'json',
			lines: LINES,
			output: 'raw',
			...parameters,
			additionalFields,
		},
		{ items },
	);
}

const changeEvents = () => env.records(tower, 'change_events');
const pushed = () => changeEvents().filter((ce) => ce.origin_id === COR_ID);
function only(): IDataObject {
	const all = pushed();
	expect(all).toHaveLength(1);
	return all[0];
}
const linesOf = (ce: IDataObject) => ce.change_event_line_items as IDataObject[];
const cents = (ce: IDataObject) => linesOf(ce).reduce((sum, l) => sum + Math.round(Number(l.estimated_cost_amount) * 100), 0);
const route = (c: { method: string; path: string }) => `${c.method} ${c.path.replace(/\d{5,}/g, ':id')}`;

describe('breakdowns: what Procore stores', () => {
	it('Line Item: one line per COR line, every code resolved to the project\'s IDs', async () => {
		const run = await push({
			additionalFields: {
				description: 'Found unmapped slab at grid C/4',
				status: { __rl: true, mode: 'id', value: 'Pending' },
				reason: 'Unforeseen Condition',
				changeType: 'Field Condition',
			},
		});
		expect(run.error).toBeUndefined();
		const ce = only();
		const { costCodes, lineItemTypes, commitments, vendors, changeEventStatuses, changeTypes, changeReasons } = env.sb.seed;
		expect(ce).toMatchObject({
			title: 'Slab demolition',
			event_scope: 'out_of_scope',
			description: 'Found unmapped slab at grid C/4',
			change_event_status: { id: changeEventStatuses.pending, mapped_to_status: 'pending' },
			change_order_change_reason: { id: changeReasons.unforeseen },
			change_type: { id: changeTypes.FC },
		});
		expect(String(ce.origin_data)).toMatch(/^n8n:/);
		expect(linesOf(ce).map((l) => [l.description, l.cost_code_id, l.line_item_type_id, l.estimated_cost_amount, l.proposed_contract_id ?? null, l.proposed_vendor_id ?? null])).toEqual([
			['Demo crew', costCodes['03-300'], lineItemTypes.labor, '3800.00', null, null],
			['Saw rental', costCodes['03-300'], lineItemTypes.equipment, '600.00', null, null],
			['Rebar', costCodes['03-300'], lineItemTypes.material, '5000.50', null, null],
			['Concrete placement', costCodes['03-300'], lineItemTypes.labor, '2500.00', null, null],
			['Drywall patch', costCodes['09-250'], lineItemTypes.subcontract, '1234.56', commitments.drywallWoc, vendors.drywall],
		]);
		expect(linesOf(ce)[0]).toMatchObject({ uom: 'HR', estimated_cost_quantity: 40, estimated_cost_unit_cost: 95 });
		expect(cents(ce)).toBe(1313506);
		expect(run.json[0]).toMatchObject({ action: 'created', id: ce.id, previous_total: 0, total: 13135.06, delta: 13135.06, line_count: 5 });
		// One create, then one v1.1 PATCH for what v1.0 cannot carry (description, change type).
		expect(run.writes.map(route)).toEqual(['POST /rest/v1.0/change_events', 'PATCH /rest/v1.1/change_events/:id']);
	});

	it('Sub-Total: one line per rate type on the COR\'s cost code, amounts summed to the cent', async () => {
		const run = await push({ breakdown: 'subTotal', costCode: '03-300' });
		expect(run.error).toBeUndefined();
		const { costCodes, lineItemTypes, commitments } = env.sb.seed;
		const lines = linesOf(only());
		expect(lines.map((l) => [l.description, l.cost_code_id, l.line_item_type_id, l.estimated_cost_amount])).toEqual([
			['COR 17 – Labor', costCodes['03-300'], lineItemTypes.labor, '6300.00'],
			['COR 17 – Equipment', costCodes['03-300'], lineItemTypes.equipment, '600.00'],
			['COR 17 – Material', costCodes['03-300'], lineItemTypes.material, '5000.50'],
			['COR 17 – Subcontract', costCodes['03-300'], lineItemTypes.subcontract, '1234.56'],
		]);
		expect(lines[3].proposed_contract_id).toBe(commitments.drywallWoc);
		expect(run.json[0]).toMatchObject({ total: 13135.06, line_count: 4 });
	});

	it('Lump Sum: one line for the total, with the COR\'s contract and its vendor', async () => {
		const run = await push({
			breakdown: 'lumpSum',
			costCode: { __rl: true, mode: 'code', value: '03-300' },
			lines: LINES.map(({ contract: _c, ...l }) => l),
			additionalFields: { category: 'S', contract: { __rl: true, mode: 'id', value: 'SC-002' } },
		});
		expect(run.error).toBeUndefined();
		const lines = linesOf(only());
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({
			description: 'COR 17: Slab demolition',
			cost_code_id: env.sb.seed.costCodes['03-300'],
			line_item_type_id: env.sb.seed.lineItemTypes.subcontract,
			estimated_cost_amount: '13135.06',
			proposed_contract_id: env.sb.seed.commitments.concreteWoc,
			proposed_vendor_id: env.sb.seed.vendors.concrete,
		});
	});
});

describe('update, totals and idempotency', () => {
	it('re-pushing an edited COR updates the same Change Event in place: totals, per-line diff, removed line deleted', async () => {
		await push();
		const before = only();
		const ids = Object.fromEntries(linesOf(before).map((l) => [l.description, l.id]));
		const edited = [
			{ ...LINES[0], quantity: 44 }, // 4,180.00
			LINES[2],
			{ ...LINES[3], amount: 2600 },
			LINES[4],
			// A new code: a line with the removed line's code would be taken as that line renamed.
			{ description: 'Pump truck', costCode: '03-300', category: 'S', amount: 950 },
		];
		const run = await push({ lines: edited, additionalFields: { status: { __rl: true, mode: 'id', value: 'Closed' } } });
		expect(run.error).toBeUndefined();
		const after = only();
		expect(after.id).toBe(before.id);
		expect(after.change_event_status).toMatchObject({ mapped_to_status: 'closed' });
		expect(linesOf(after).map((l) => [l.id, l.description, l.estimated_cost_amount])).toEqual([
			[ids['Demo crew'], 'Demo crew', '4180.00'],
			[ids.Rebar, 'Rebar', '5000.50'],
			[ids['Concrete placement'], 'Concrete placement', '2600.00'],
			[ids['Drywall patch'], 'Drywall patch', '1234.56'],
			[expect.any(Number), 'Pump truck', '950.00'],
		]);
		expect(cents(after)).toBe(1396506);
		const out = run.json[0];
		expect(out).toMatchObject({ action: 'updated', id: before.id, previous_total: 13135.06, total: 13965.06, delta: 830, line_count: 5 });
		const diff = out.line_changes as IDataObject;
		expect(diff.added).toEqual([{ description: 'Pump truck', amount: 950 }]);
		expect(diff.changed).toEqual([
			{ id: String(ids['Demo crew']), description: 'Demo crew', changes: { amount: { previous: 3800, new: 4180 }, quantity: { previous: 40, new: 44 } } },
			{ id: String(ids['Concrete placement']), description: 'Concrete placement', changes: { amount: { previous: 2500, new: 2600 } } },
		]);
		expect(diff.removed).toEqual([{ id: String(ids['Saw rental']), description: 'Saw rental', previousAmount: 600, action: 'deleted' }]);
		expect(diff.unchanged).toBe(2);
		expect(out.summary).toBe(`Change Event ${String(before.id)} updated from COR 17: total 13,135.06 → 13,965.06 (+830.00), 2 lines changed, 1 added, 1 removed`);
		expect(run.writes.map(route)).toEqual(['PATCH /rest/v1.0/change_events/:id', 'PATCH /rest/v1.1/change_events/:id']);
	});

	it('pushing the same COR again writes nothing and leaves one Change Event', async () => {
		const first = await push();
		const countBefore = changeEvents().length;
		const stored = JSON.stringify(only());
		const again = await push();
		expect(again.error).toBeUndefined();
		expect(again.writes).toEqual([]);
		expect(again.json[0]).toMatchObject({ action: 'unchanged', id: first.json[0].id, previous_total: 13135.06, total: 13135.06, delta: 0 });
		expect(changeEvents()).toHaveLength(countBefore);
		expect(JSON.stringify(only())).toBe(stored);
		// The control API's view counts deleted records too: no duplicate was made and removed either.
		const state = await env.state(`projects/${tower}/change_events`);
		expect(state.filter((ce) => ce.origin_id === COR_ID)).toHaveLength(1);
	});
});

describe('the panel\'s choices, as n8n reads them', () => {
	it('Options > Change Event given as its Procore URL: the COR goes into that Change Event, not a new one', async () => {
		const other = await push({ corId: 'other-tool-9', title: 'Owner title', lines: [LINES[0]] });
		const id = String(other.json[0].id);
		const before = changeEvents().length;
		const url = `https://app.procore.com/${String(tower)}/project/change_events/events/${id}`;
		const run = await push({ lines: [LINES[1]], options: { changeEventId: { __rl: true, mode: 'url', value: url } } });
		expect(run.error).toBeUndefined();
		expect(changeEvents()).toHaveLength(before);
		const chosen = changeEvents().find((ce) => String(ce.id) === id)!;
		// The COR's line carries its label among the other COR's lines; the owner's title stays.
		expect(linesOf(chosen).map((l) => l.description)).toEqual(['Demo crew', 'COR 17: Saw rental']);
		expect(chosen.title).toBe('Owner title');
		expect(run.json[0]).toMatchObject({ action: 'updated', id: Number(id) });
		const again = await push({ lines: [LINES[1]], options: { changeEventId: { __rl: true, mode: 'url', value: url } } });
		expect(again.writes).toEqual([]);
		expect(again.json[0]).toMatchObject({ action: 'unchanged' });
	});

	it('Lines Input "Using Fields Below" with a Cost Code from the list: the panel\'s lines on the picked code', async () => {
		const costCode = env.sb.seed.costCodes['03-300'];
		const run = await push({
			linesInput: 'fields',
			costCode: { __rl: true, mode: 'list', value: String(costCode) },
			lineItems: { line: [{ description: 'Crew', costCode: '', category: 'L', quantity: 4, unitCost: 100, amount: 0 }] },
		});
		expect(run.error).toBeUndefined();
		expect(linesOf(only())).toEqual([expect.objectContaining({ description: 'Crew', cost_code_id: costCode, estimated_cost_amount: '400.00' })]);
	});
});

describe('unmatched codes', () => {
	it('names every value it could not match, with candidates, and writes nothing', async () => {
		const before = JSON.stringify(changeEvents());
		const run = await push({
			lines: [
				{ ...LINES[0], costCode: '03-3OO' },
				{ ...LINES[1], category: 'Labour Premium' },
				{ ...LINES[2], contract: 'SC-999' },
			],
		});
		expect(run.error?.message).toBe('Could not match 3 values: Cost code "03-3OO" (line 1); Category "Labour Premium" (line 2); Contract "SC-999" (line 3)');
		const description = String(run.error?.description);
		expect(description).toContain(`Cost code "03-3OO": not found in project ${tower}. Closest: 03-300 Cast-in-Place Concrete (ID ${env.sb.seed.costCodes['03-300']})`);
		expect(description).toContain('Nothing was written.');
		expect(run.writes).toEqual([]);
		expect(JSON.stringify(changeEvents())).toBe(before);
	});

	it('an unknown COR-level contract is named as the Contract parameter', async () => {
		const run = await push({ additionalFields: { contract: { __rl: true, mode: 'id', value: 'PC-404' } } });
		expect(run.error?.message).toBe('Could not match Contract "PC-404" ("Contract")');
		expect(run.writes).toEqual([]);
		expect(pushed()).toEqual([]);
	});
});

describe('a COR with 500 lines', () => {
	const CODES = ['03-300', '09-250', '26-000', '01-000'];
	const big = Array.from({ length: 500 }, (_, k) => ({
		description: `Item ${k + 1}`,
		costCode: CODES[k % 4],
		category: 'Labor',
		quantity: (k % 7) + 1,
		unitCost: 10.25 + k,
	}));
	const bigCents = big.reduce((sum, l) => sum + Math.round(l.quantity * l.unitCost * 100), 0);

	it('is created with one POST after four reads, and changed with one PATCH of the changed line', async () => {
		const created = await push({ lines: big });
		expect(created.error).toBeUndefined();
		expect(created.calls.map(route)).toEqual([
			'GET /rest/v1.0/cost_codes',
			'GET /rest/v1.0/line_item_types',
			'GET /rest/v1.0/change_events',
			'GET /rest/v1.0/change_event/statuses',
			'POST /rest/v1.0/change_events',
		]);
		let ce = only();
		expect(linesOf(ce)).toHaveLength(500);
		expect(cents(ce)).toBe(bigCents);
		const line250 = linesOf(ce)[249];

		const edited = big.map((l, k) => (k === 249 ? { ...l, unitCost: l.unitCost + 1 } : l));
		const updated = await push({ lines: edited });
		expect(updated.calls.map(route)).toEqual([
			'GET /rest/v1.0/cost_codes',
			'GET /rest/v1.0/line_item_types',
			'GET /rest/v1.0/change_events',
			'PATCH /rest/v1.0/change_events/:id',
		]);
		ce = only();
		expect(linesOf(ce)).toHaveLength(500);
		expect(linesOf(ce)[249]).toMatchObject({ id: line250.id, estimated_cost_unit_cost: 260.25 });
		expect(cents(ce)).toBe(bigCents + big[249].quantity * 100);
		expect(updated.json[0]).toMatchObject({ delta: big[249].quantity, line_changes: { unchanged: 499 } });
	});
});

describe('preview', () => {
	it('create: returns the request and writes nothing', async () => {
		const before = JSON.stringify(changeEvents());
		const run = await push({ options: { previewOnly: true } });
		expect(run.error).toBeUndefined();
		expect(run.writes).toEqual([]);
		expect(JSON.stringify(changeEvents())).toBe(before);
		const out = run.json[0];
		expect(out).toMatchObject({ preview: true, action: 'would be created', total: 13135.06 });
		const [request] = out.requests as IDataObject[];
		expect(request).toMatchObject({ method: 'POST', path: '/rest/v1.0/change_events' });
		expect(((request.body as IDataObject).change_event as IDataObject).change_event_line_items_attributes).toHaveLength(5);
	});

	it('update: shows previous → new totals and writes nothing', async () => {
		await push();
		const stored = JSON.stringify(only());
		const run = await push({ lines: [{ ...LINES[0], amount: 5000 }], options: { previewOnly: true } });
		expect(run.writes).toEqual([]);
		expect(JSON.stringify(only())).toBe(stored);
		expect(run.json[0]).toMatchObject({ preview: true, action: 'would be updated', previous_total: 13135.06, total: 5000, delta: -8135.06 });
	});
});

describe('attachments from binary data', () => {
	const pdf = Buffer.from('%PDF-1.7\nCOR 17 signed by the subcontractor\n%%EOF');
	const item = (files: Record<string, [Buffer, string]>): INodeExecutionData[] => [
		{
			json: {},
			binary: Object.fromEntries(
				Object.entries(files).map(([name, [data, fileName]]) => [name, { data: data.toString('base64'), fileName, mimeType: 'application/pdf', fileSize: String(data.length) }]),
			),
		},
	];
	function storedBytes(attachment: IDataObject): Buffer {
		const blob = env.sb.rt.blobs.get(String(attachment.blob_key))!;
		return blob.data ?? Buffer.concat((blob.paths ?? []).map((p) => readFileSync(p)));
	}

	it('uploads the COR PDF and attaches it to the new Change Event; a re-push does not attach it twice', async () => {
		const run = await push({ additionalFields: { binaryProperties: 'data' } }, item({ data: [pdf, 'COR-17.pdf'] }));
		expect(run.error).toBeUndefined();
		expect(run.writes.map(route)).toEqual([
			`POST /rest/v1.1/projects/${tower}/uploads`.replace(/\d{5,}/, ':id'),
			expect.stringMatching(/^POST \/_storage\/uploads\//),
			'POST /rest/v1.0/change_events',
		]);
		const [attachment] = only().attachments as IDataObject[];
		expect(attachment).toMatchObject({ filename: 'COR-17.pdf', size: pdf.length });
		expect(storedBytes(attachment).equals(pdf)).toBe(true);
		expect(run.json[0].files).toEqual([{ fileName: 'COR-17.pdf', status: 'uploaded', uuid: attachment.upload_uuid }]);

		const again = await push({ additionalFields: { binaryProperties: 'data' } }, item({ data: [pdf, 'COR-17.pdf'] }));
		expect(again.writes).toEqual([]);
		expect(again.json[0]).toMatchObject({ action: 'unchanged', files: [{ fileName: 'COR-17.pdf', status: 'already attached' }] });

		const revised = Buffer.from('%PDF-1.7\nCOR 17 rev 1\n%%EOF');
		const third = await push(
			{ additionalFields: { binaryProperties: 'data, backup' } },
			item({ data: [pdf, 'COR-17.pdf'], backup: [revised, 'COR-17 rev1.pdf'] }),
		);
		expect(third.error).toBeUndefined();
		expect(third.writes.map(route).slice(-1)).toEqual(['PATCH /rest/v1.0/change_events/:id']);
		const attachments = only().attachments as IDataObject[];
		expect(attachments.map((a) => a.filename)).toEqual(['COR-17.pdf', 'COR-17 rev1.pdf']);
		expect(storedBytes(attachments[1]).equals(revised)).toBe(true);
	});

	it('a missing binary property fails before any call', async () => {
		const run = await push({ additionalFields: { binaryProperties: 'data, scan' } }, item({ data: [pdf, 'COR-17.pdf'] }));
		expect(run.error?.message).toBe('No binary property "scan" on item 0');
		expect(run.calls).toEqual([]);
	});

	it('preview uploads nothing', async () => {
		const run = await push({ additionalFields: { binaryProperties: 'data' }, options: { previewOnly: true } }, item({ data: [pdf, 'COR-17.pdf'] }));
		expect(run.writes).toEqual([]);
		expect(run.json[0].files).toEqual([{ fileName: 'COR-17.pdf', status: 'would upload' }]);
		expect(env.sb.store.list('uploads')).toEqual([]);
	});
});
