/**
 * Commitment > Create and Update against the sandbox: what Procore stored (header, schedule of
 * values, grand total), what a re-run does (nothing, or only what is missing), and what Procore
 * refuses (a cost code of another project, a commitment of another project, a taken number).
 */
import type { IDataObject } from 'n8n-workflow';

import type { SandboxEnv } from './sandboxRun';
import { rl, sandboxPerFile } from './sandboxRun';

jest.setTimeout(30_000);

let env: SandboxEnv;
sandboxPerFile((e) => (env = e));

const seed = () => env.sb.seed;

const LINES = [
	{ costCode: '26-000', category: 'L', description: 'Rough-in labor', amount: 12000 },
	{ costCode: '26-000', category: 'Materials', description: 'Conduit and wire', quantity: 400, unit: 'LF', unitCost: 12.5 },
];

function create(parameters: IDataObject = {}) {
	return env.run({
		resource: 'commitment',
		operation: 'create',
		project: rl(seed().projects.tower),
		contractType: 'WorkOrderContract',
		vendor: rl(seed().vendors.electrical),
		title: 'Level 3 Electrical',
		linesInput: 'json',
		lines: LINES,
		additionalFields: { number: 'SC-010', originId: 'erp-po-77', status: 'Draft' },
		output: 'raw',
		...parameters,
	});
}

const woc = () => env.records(seed().projects.tower, 'work_order_contracts');
const linesOf = (id: unknown) => env.records(seed().projects.tower, `work_order_contracts/${String(id)}/line_items`);

describe('Commitment > Create on the sandbox', () => {
	it('stores the subcontract with its vendor, audit tag and schedule of values; the grand total is the lines\' sum', async () => {
		const run = await create();
		expect(run.error).toBeUndefined();
		const stored = woc().find((c) => c.origin_id === 'erp-po-77')!;
		expect(stored).toMatchObject({ number: 'SC-010', title: 'Level 3 Electrical', status: 'Draft', vendor: { id: seed().vendors.electrical }, grand_total: '17000.00' });
		expect(String(stored.origin_data)).toMatch(/^n8n:/);
		const lines = linesOf(stored.id);
		expect(lines.map((l) => [l.description, (l.cost_code as IDataObject).full_code, (l.line_item_type as IDataObject).code, l.amount])).toEqual([
			['Rough-in labor', '26-000', 'L', '12000.00'],
			['Conduit and wire', '26-000', 'M', '5000.00'],
		]);
		expect(run.json[0]).toMatchObject({ id: stored.id, grand_total: '17000.00' });
		expect(run.json[0].summary).toBe(`Created Subcontract ${String(stored.id)} (SC-010 Level 3 Electrical) with 2 lines, total 17,000.00`);
	});

	it('a re-run finds it by origin ID and writes nothing; a run after a lost line adds only that line', async () => {
		await create();
		const again = await create();
		expect(again.writes).toEqual([]);
		expect(again.json[0]).toMatchObject({ skipped: true });
		expect(again.json[0].summary).toMatch(/already in Procore \(found by origin ID erp-po-77\): no line missing/);
		const id = woc().find((c) => c.origin_id === 'erp-po-77')!.id;
		const lost = linesOf(id)[1];
		env.sb.store.remove(`projects/${seed().projects.tower}/work_order_contracts/${String(id)}/line_items`, String(lost.id), new Date().toISOString());
		const repair = await create();
		expect(repair.writes.map((w) => `${w.method} ${w.path}`)).toEqual([`POST /rest/v1.0/work_order_contracts/${String(id)}/line_items`]);
		expect(linesOf(id)).toHaveLength(2);
		expect(woc().filter((c) => c.origin_id === 'erp-po-77')).toHaveLength(1);
	});

	it('without an origin ID the number finds it (no second SC-010)', async () => {
		await create({ additionalFields: { number: 'SC-010' } });
		const again = await create({ additionalFields: { number: 'sc-010' } });
		expect(again.writes).toEqual([]);
		expect(woc().filter((c) => c.number === 'SC-010')).toHaveLength(1);
	});

	it('a cost code of another project is refused before anything is written, naming the closest codes', async () => {
		const hospitalCode = env.sb.store
			.list(`projects/${seed().projects.hospital}/cost_codes`)
			.find((c) => c.full_code === '26-000')!.id;
		const run = await create({ lines: [{ costCodeId: hospitalCode, category: 'L', description: 'x', amount: 1 }] });
		expect(run.error?.message).toMatch(/Could not match Cost code/);
		expect(run.writes).toEqual([]);
	});

	it('Procore refuses a line on a cost code not in the project (sent by ID): the error names the field and what was written', async () => {
		const hospitalCode = env.sb.store
			.list(`projects/${seed().projects.hospital}/cost_codes`)
			.find((c) => c.full_code === '26-000')!.id;
		const res = await fetch(`${env.sb.url}/rest/v1.0/work_order_contracts/${seed().commitments.electricalWoc}/line_items`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${env.sb.issueToken()}`, 'Procore-Company-Id': String(env.sb.companyId), 'Content-Type': 'application/json' },
			body: JSON.stringify({ project_id: seed().projects.tower, line_item: { cost_code_id: hospitalCode, amount: '1.00' } }),
		});
		expect(res.status).toBe(422);
		expect(await res.json()).toEqual({ errors: { cost_code_id: ['is not a cost code of this project'] } });
		expect(linesOf(seed().commitments.electricalWoc)).toEqual([]);
	});

	it('a line Procore refuses (a unit not in the company list) stops with Procore\'s text and the progress; the fixed re-run adds only that line', async () => {
		const bad = [LINES[0], { ...LINES[1], unit: 'FURLONG' }];
		const run = await create({ lines: bad });
		expect(run.error?.message).toBe('Procore: uom: is not included in the list');
		expect(String(run.error?.description)).toMatch(/1 of 2 line item calls were written before Procore refused POST .*\/line_items\.\nFix that line and run again/);
		const id = woc().find((c) => c.origin_id === 'erp-po-77')!.id;
		expect(linesOf(id)).toHaveLength(1);
		const fixed = await create();
		expect(fixed.writes.map((w) => w.method)).toEqual(['POST']);
		expect(linesOf(id).map((l) => l.description)).toEqual(['Rough-in labor', 'Conduit and wire']);
		expect(woc().find((c) => c.id === id)!.grand_total).toBe('17000.00');
	});

	it('a status of the other kind is refused with the valid ones listed', async () => {
		const run = await create({ additionalFields: { status: 'Received' } });
		expect(run.error?.message).toBe('Status "Received" is not a status of a subcontract');
		expect(run.writes).toEqual([]);
	});

	it('a purchase order is written under purchase_order_contracts', async () => {
		const run = await create({ contractType: 'PurchaseOrderContract', vendor: rl(seed().vendors.plumbing), additionalFields: { number: 'PO-010', status: 'Processing' } });
		expect(run.error).toBeUndefined();
		const po = env.records(seed().projects.tower, 'purchase_order_contracts').find((c) => c.number === 'PO-010')!;
		expect(po).toMatchObject({ status: 'Processing', grand_total: '17000.00' });
	});
});

describe('Commitment > Update on the sandbox', () => {
	async function created() {
		await create();
		return woc().find((c) => c.origin_id === 'erp-po-77')!;
	}

	it('changes a field and a line, adds one, keeps the rest; previous → new for each', async () => {
		const c = await created();
		const run = await env.run({
			resource: 'commitment',
			operation: 'update',
			project: rl(seed().projects.tower),
			commitment: rl(String(c.id)),
			commitmentType: 'auto',
			updateFields: { status: 'Approved', executed: true },
			lineItemsMode: 'merge',
			linesInput: 'json',
			lines: [
				{ costCode: '26-000', category: 'L', description: 'Rough-in labor', amount: 13500 },
				{ costCode: '26-000', category: 'E', description: 'Lift rental', amount: 800 },
			],
			output: 'raw',
		});
		expect(run.error).toBeUndefined();
		expect(woc().find((x) => x.id === c.id)).toMatchObject({ status: 'Approved', executed: true, grand_total: '19300.00' });
		expect(linesOf(c.id).map((l) => [l.description, l.amount])).toEqual([
			['Rough-in labor', '13500.00'],
			['Conduit and wire', '5000.00'],
			['Lift rental', '800.00'],
		]);
		expect(run.json[0].changes).toEqual(
			expect.arrayContaining([
				{ field: 'status', previous: 'Draft', new: 'Approved' },
				{ field: 'line "26-000 Equipment Lift rental"', previous: null, new: '800.00' },
				{ field: 'line "26-000 Labor Rough-in labor" amount', previous: '12000.00', new: '13500.00' },
			]),
		);
		expect(run.json[0].summary).toMatch(/updated: status, executed changed; lines 1 added, 1 changed; total 17,000.00 → 19,300.00$/);
	});

	it('Replace deletes lines not listed; a re-run with the same values writes nothing', async () => {
		const c = await created();
		const params = {
			resource: 'commitment',
			operation: 'update',
			project: rl(seed().projects.tower),
			commitment: rl(String(c.id)),
			lineItemsMode: 'replace',
			linesInput: 'json',
			lines: [{ costCode: '26-000', category: 'L', description: 'Rough-in labor', amount: 12000 }],
			output: 'raw',
		};
		const first = await env.run(params);
		expect(first.writes.map((w) => w.method)).toEqual(['DELETE']);
		expect(linesOf(c.id)).toHaveLength(1);
		expect(woc().find((x) => x.id === c.id)!.grand_total).toBe('12000.00');
		const second = await env.run(params);
		expect(second.writes).toEqual([]);
		expect(second.json[0]).toMatchObject({ skipped: true });
	});

	it('Preview Only writes nothing and lists the calls', async () => {
		const c = await created();
		const run = await env.run({
			resource: 'commitment',
			operation: 'update',
			project: rl(seed().projects.tower),
			commitment: rl(String(c.id)),
			updateFields: { title: 'Level 3 Electrical (rev)' },
			options: { previewOnly: true },
		});
		expect(run.writes).toEqual([]);
		expect(run.json[0]).toMatchObject({ preview: true, summary: expect.stringMatching(/^Would update Subcontract .*: title changed$/) });
	});

	it('a commitment of another project is refused with Procore\'s 404 and nothing is written', async () => {
		const run = await env.run({
			resource: 'commitment',
			operation: 'update',
			project: rl(seed().projects.hospital),
			commitment: rl(seed().commitments.electricalWoc),
			updateFields: { title: 'Moved' },
		});
		expect(run.error?.message).toMatch(/404|not found/i);
		expect(run.writes).toEqual([]);
	});

	it('a number another commitment uses is refused by Procore (422 naming the field)', async () => {
		const c = await created();
		const run = await env.run({
			resource: 'commitment',
			operation: 'update',
			project: rl(seed().projects.tower),
			commitment: rl(String(c.id)),
			updateFields: { number: 'SC-001' },
		});
		expect(`${String(run.error?.message)} ${String(run.error?.description)}`).toMatch(/Procore: number: has already been taken/);
		expect(woc().find((x) => x.id === c.id)!.number).toBe('SC-010');
	});
});
