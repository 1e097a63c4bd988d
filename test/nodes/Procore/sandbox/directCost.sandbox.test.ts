/**
 * Direct Cost > Create, Get Many and Get Line Items against the sandbox: what Procore stored (the
 * header, its lines on cost codes, the grand total), what a re-run does, and what Procore refuses.
 */
import type { IDataObject } from 'n8n-workflow';

import type { SandboxEnv } from './sandboxRun';
import { rl, sandboxPerFile } from './sandboxRun';

jest.setTimeout(30_000);

let env: SandboxEnv;
sandboxPerFile((e) => (env = e));

const seed = () => env.sb.seed;
const tower = () => seed().projects.tower;

function create(parameters: IDataObject = {}) {
	return env.run({
		resource: 'directCost',
		operation: 'create',
		project: rl(tower()),
		directCostType: 'invoice',
		vendor: rl(seed().vendors.concrete),
		date: '2026-09-03',
		invoiceNumber: 'INV-5531',
		linesInput: 'json',
		lines: [
			{ costCode: '03-300', category: 'M', description: 'Ready-mix, 40 CY', quantity: 40, unit: 'CY', unitCost: 182.5 },
			{ costCode: '03-300', category: 'E', description: 'Pump truck', amount: 1450 },
		],
		output: 'raw',
		...parameters,
	});
}
const stored = () => env.records(tower(), 'direct_costs');
const linesOf = (id: unknown) => env.records(tower(), `direct_costs/${String(id)}/line_items`);

describe('Direct Cost on the sandbox', () => {
	it('Create stores the invoice with its lines on the cost codes; the grand total is their sum', async () => {
		const run = await create();
		expect(run.error).toBeUndefined();
		const dc = stored().find((d) => d.invoice_number === 'INV-5531')!;
		expect(dc).toMatchObject({ direct_cost_type: 'invoice', direct_cost_date: '2026-09-03', vendor_id: seed().vendors.concrete, grand_total: '8750.00', status: 'draft' });
		expect(String(dc.origin_data)).toMatch(/^n8n:/);
		expect(linesOf(dc.id).map((l) => [(l.cost_code as IDataObject).full_code, (l.line_item_type as IDataObject).code, l.amount])).toEqual([
			['03-300', 'M', '7300.00'],
			['03-300', 'E', '1450.00'],
		]);
		expect(run.json[0].summary).toBe(`Created Invoice ${String(dc.id)} (INV-5531) with 2 lines, total 8,750.00`);
	});

	it('a re-run finds the vendor\'s invoice by its number and writes nothing', async () => {
		await create();
		const again = await create();
		expect(again.writes).toEqual([]);
		expect(again.json[0]).toMatchObject({ skipped: true });
		expect(stored().filter((d) => d.invoice_number === 'INV-5531')).toHaveLength(1);
	});

	it('an expense needs no invoice number; an invoice without one is refused naming the field', async () => {
		const expense = await create({ directCostType: 'expense', invoiceNumber: '', additionalFields: { originId: 'card-991' } });
		expect(expense.error).toBeUndefined();
		expect(stored().find((d) => d.origin_id === 'card-991')).toMatchObject({ direct_cost_type: 'expense' });
		const res = await fetch(`${env.sb.url}/rest/v1.0/projects/${tower()}/direct_costs`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${env.sb.issueToken()}`, 'Procore-Company-Id': String(env.sb.companyId), 'Content-Type': 'application/json' },
			body: JSON.stringify({ item: { direct_cost_type: 'invoice', vendor_id: seed().vendors.concrete } }),
		});
		expect(res.status).toBe(422);
		expect(await res.json()).toEqual({ errors: { invoice_number: ["can't be blank"] } });
	});

	it('Procore refuses a line on a cost code of another project (422 naming the field) and the run says what was written', async () => {
		const hospitalCode = env.sb.store.list(`projects/${seed().projects.hospital}/cost_codes`).find((c) => c.full_code === '03-300')!.id;
		const dc = (await create()).json[0];
		const res = await fetch(`${env.sb.url}/rest/v1.0/projects/${tower()}/direct_costs/${String(dc.id)}/line_items`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${env.sb.issueToken()}`, 'Procore-Company-Id': String(env.sb.companyId), 'Content-Type': 'application/json' },
			body: JSON.stringify({ line_item: { cost_code_id: hospitalCode, amount: 5 } }),
		});
		expect(res.status).toBe(422);
		expect(await res.json()).toEqual({ errors: { cost_code_id: ['is not a cost code of this project'] } });
		expect(linesOf(dc.id)).toHaveLength(2);
	});

	it('a direct cost of another project is not found there', async () => {
		const dc = (await create()).json[0];
		const run = await env.run({
			resource: 'directCost',
			operation: 'getLineItems',
			project: rl(seed().projects.hospital),
			returnAll: true,
			filters: { directCost: rl(String(dc.id)) },
		});
		expect(run.error?.message).toMatch(/Direct Cost not found/);
	});

	it('Get Many filters by type and vendor; Get Line Items lists the project\'s lines by cost code', async () => {
		await create();
		await create({ directCostType: 'expense', invoiceNumber: '', vendor: rl(seed().vendors.steel), additionalFields: { originId: 'card-1' }, lines: [{ costCode: '05-100', category: 'M', amount: 99 }] });
		const invoices = await env.run({ resource: 'directCost', operation: 'getAll', project: rl(tower()), returnAll: true, filters: { type: 'invoice' }, output: 'simplified' });
		expect(invoices.json.map((d) => d.invoice_number)).toEqual(['INV-5531']);
		const steel = await env.run({ resource: 'directCost', operation: 'getAll', project: rl(tower()), returnAll: true, filters: { vendor: rl(seed().vendors.steel) } });
		expect(steel.json.map((d) => d.origin_id)).toEqual(['card-1']);
		const lines = await env.run({
			resource: 'directCost',
			operation: 'getLineItems',
			project: rl(tower()),
			returnAll: true,
			filters: { costCode: rl(seed().costCodes['05-100']) },
			output: 'simplified',
		});
		expect(lines.json).toEqual([expect.objectContaining({ cost_code_full_code: '05-100', amount: '99.00' })]);
	});
});
