/**
 * Prime Contract reads against the sandbox: the list search, the schedule of values paged to the
 * end, the summary's figures traced to Procore's fields, and a contract of another project refused.
 */
import type { SandboxEnv } from './sandboxRun';
import { rl, sandboxPerFile } from './sandboxRun';

jest.setTimeout(20_000);

let env: SandboxEnv;
sandboxPerFile((e) => (env = e));

describe('Prime Contract on the sandbox', () => {
	it('Get Many lists the project\'s prime contracts with the owner flattened', async () => {
		const tower = env.sb.seed.projects.tower;
		const run = await env.run({ resource: 'primeContract', operation: 'getAll', project: rl(tower), returnAll: true, output: 'simplified' });
		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([
			expect.objectContaining({ id: env.sb.seed.primeContracts.tower, number: 'PC-001', status: 'Approved', vendor_name: 'Harbor View Development LLC' }),
		]);
	});

	it('Get Line Items pages to the end (2 lines a page) and the lines add up to the grand total', async () => {
		env.sb.config({ v1DefaultPerPage: 2, v1MaxPerPage: 2 });
		const tower = env.sb.seed.projects.tower;
		const run = await env.run({
			resource: 'primeContract',
			operation: 'getLineItems',
			project: rl(tower),
			primeContract: rl(env.sb.seed.primeContracts.tower),
			returnAll: true,
			output: 'simplified',
		});
		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(8);
		expect(run.calls.filter((c) => c.path.includes('/line_items'))).toHaveLength(4);
		const total = run.json.reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0);
		expect(total).toBe(8_450_000_000);
		expect(run.json[1]).toMatchObject({ cost_code_full_code: '03-300', cost_code_name: 'Cast-in-Place Concrete', line_item_type_name: 'Subcontract' });
	});

	it('Get Line Items filters by cost code on Procore\'s side', async () => {
		const tower = env.sb.seed.projects.tower;
		const run = await env.run({
			resource: 'primeContract',
			operation: 'getLineItems',
			project: rl(tower),
			primeContract: rl(env.sb.seed.primeContracts.tower),
			returnAll: true,
			filters: { costCode: rl(env.sb.seed.costCodes['01-000']) },
			output: 'raw',
		});
		expect(run.json.map((l) => l.description)).toEqual(['General Requirements', 'Building shell, general conditions and fee']);
	});

	it('Get Summary: original + approved = revised, pending on top, each figure naming its Procore field', async () => {
		const tower = env.sb.seed.projects.tower;
		const run = await env.run({
			resource: 'primeContract',
			operation: 'getSummary',
			project: rl(tower),
			primeContract: rl(env.sb.seed.primeContracts.tower),
			output: 'raw',
		});
		expect(run.error).toBeUndefined();
		expect(run.json[0]).toMatchObject({
			original_contract_amount: '84500000.00',
			approved_change_orders: '312500.00',
			pending_change_orders: '86400.00',
			revised_contract_amount: '84812500.00',
			pending_revised_contract_amount: '84898900.00',
			payments_received: '21000000.00',
			outstanding_balance: '63812500.00',
			sources: { original_contract_amount: 'grand_total', approved_change_orders: 'approved_change_orders', pending_change_orders: 'pending_change_orders_amount' },
		});
		expect(run.json[0].summary).toBe(
			'Prime contract ' + String(env.sb.seed.primeContracts.tower) +
				' (PC-001 Harbor View Tower Prime Contract): original 84,500,000.00 + approved changes 312,500.00 = revised 84,812,500.00; 86,400.00 pending (84,898,900.00 if approved)',
		);
	});

	it('Get Summary follows the contract\'s change orders: an approved one raises approved and revised, a pending one only pending', async () => {
		const tower = env.sb.seed.projects.tower;
		const contract = env.sb.seed.primeContracts.tower;
		env.sb.store.insert(`projects/${tower}/prime_change_orders`, { contract_id: contract, status: 'approved', grand_total: '10000.00', project_id: tower });
		env.sb.store.insert(`projects/${tower}/prime_change_orders`, { contract_id: contract, status: 'pending', grand_total: '2500.50', project_id: tower });
		const run = await env.run({ resource: 'primeContract', operation: 'getSummary', project: rl(tower), primeContract: rl(contract), output: 'raw' });
		expect(run.json[0]).toMatchObject({
			original_contract_amount: '84500000.00',
			approved_change_orders: '322500.00',
			revised_contract_amount: '84822500.00',
			pending_change_orders: '88900.50',
			pending_revised_contract_amount: '84911400.50',
		});
	});

	it('Get of a prime contract in another project is refused with Procore\'s 404', async () => {
		const run = await env.run({
			resource: 'primeContract',
			operation: 'get',
			project: rl(env.sb.seed.projects.hospital),
			primeContract: rl(env.sb.seed.primeContracts.tower),
		});
		expect(run.error?.message).toMatch(/404|not found/i);
	});
});
