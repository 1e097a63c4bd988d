jest.setTimeout(240_000);
/**
 * workflows/committed-vs-actual.json run by n8n's CLI in the shared real n8n against the sandbox:
 * per active project, each cost code's revised budget and committed costs (the budget view) and its
 * actual costs (direct cost lines). A code whose committed + actual exceed the revised budget is
 * reported to the accountant (a local relay stand-in) once; the next night with the same figures
 * nothing is sent; when its actual cost moves it is reported again. Nothing is written to Procore.
 */
import { n8n, sandbox, startStandIn, state } from '../env';
import { setSettings } from './patchSettings';

const WORKFLOW_ID = 'ProcoreCommittedVsActual';

interface Alert {
	to: string;
	subject: string;
	text: string;
	lines: Array<{ project_id: string; cost_code: string; revised_budget: number; committed: number; actual: number; over_by: number }>;
}

describe('template: Committed vs actual', () => {
	let relay: Awaited<ReturnType<typeof startStandIn>>;
	const tower = state.seed.projects.tower;
	const costCodes = state.seed.costCodes as Record<string, number>;

	beforeAll(async () => {
		await sandbox.reset();
		relay = await startStandIn();
		await n8n.patchNodes(WORKFLOW_ID, {
			Settings: setSettings({ relayUrl: `${relay.url}/alerts`, accountantEmail: 'accountant@granitepeak.example' }),
		});
	});

	afterAll(async () => {
		await relay?.stop();
	});

	/** An invoice booked on a cost code of Tower, as an accounting integration would write it. */
	async function bookInvoice(invoice: string, costCode: number, amount: number): Promise<void> {
		const token = await sandbox.dmsaToken();
		const headers = { Authorization: `Bearer ${token}`, 'Procore-Company-Id': String(state.companyId), 'Content-Type': 'application/json' };
		const base = `${state.sandboxUrl}/rest/v1.0/projects/${tower}/direct_costs`;
		const created = await fetch(base, {
			method: 'POST',
			headers,
			body: JSON.stringify({ item: { direct_cost_type: 'invoice', invoice_number: invoice, vendor_id: state.seed.vendors.steel, direct_cost_date: '2026-09-04' } }),
		});
		expect(created.status).toBe(201);
		const { id } = (await created.json()) as { id: number };
		const line = await fetch(`${base}/${id}/line_items`, { method: 'POST', headers, body: JSON.stringify({ line_item: { cost_code_id: costCode, amount, description: 'Steel erection extra' } }) });
		expect(line.status).toBe(201);
	}

	const run = async () => {
		relay.received.length = 0;
		await sandbox.clearCalls();
		const execution = (await n8n.execute(WORKFLOW_ID)) as { data: { resultData: { error?: unknown; runData: Record<string, unknown> } } };
		expect(execution.data.resultData.error).toBeUndefined();
		const writes = (await sandbox.calls()).filter((c) => c.method !== 'GET' && c.path.startsWith('/rest/'));
		expect(writes).toEqual([]);
		return execution;
	};

	it('with no code over its budget, nothing is sent (and every project\'s sources were read)', async () => {
		const execution = await run();
		expect(execution.data.resultData.runData['Actual costs (direct cost lines)']).toBeDefined();
		expect(execution.data.resultData.runData['Budget and committed per cost code']).toBeDefined();
		expect(relay.received).toHaveLength(0);
	});

	it('an invoice that takes Structural Steel past its budget is reported once, with the three figures', async () => {
		// 05-100: revised budget 7,400,000.00, committed 7,150,000.00; 300,000.00 actual → 50,000.00 over.
		await bookInvoice('INV-STEEL-1', costCodes['05-100'], 300000);
		await run();
		expect(relay.received).toHaveLength(1);
		const alert = relay.received[0].body as Alert;
		expect(alert.to).toBe('accountant@granitepeak.example');
		expect(alert.lines).toEqual([
			expect.objectContaining({ project_id: String(tower), cost_code: '05-100 - Structural Steel Framing', revised_budget: 7400000, committed: 7150000, actual: 300000, over_by: 50000 }),
		]);
		expect(alert.text).toBe(
			'- Harbor View Tower: 05-100 - Structural Steel Framing committed 7,150,000.00 + actual 300,000.00 = 7,450,000.00, 50,000.00 over the revised budget of 7,400,000.00',
		);
		expect(alert.subject).toBe('1 cost code(s) drifting: committed + actual over the revised budget');
	});

	it('the next night, with the same figures, nothing is sent again', async () => {
		await run();
		expect(relay.received).toHaveLength(0);
	});

	it('when the actual cost changes, the code is reported again with the new figures', async () => {
		await bookInvoice('INV-STEEL-2', costCodes['05-100'], 20000);
		await run();
		expect(relay.received).toHaveLength(1);
		expect((relay.received[0].body as Alert).lines).toEqual([expect.objectContaining({ actual: 320000, over_by: 70000 })]);
	});
});
