jest.setTimeout(180_000);
/**
 * workflows/over-committed-cost-code-alert.json run by n8n's CLI in the shared real n8n: for every
 * active project, the budget lines of the chosen view above 90% committed reach the project
 * accountant (a local relay stand-in) in one message, and nothing is written to Procore; a line
 * already reported with the same figures is not sent again.
 */
import { n8n, sandbox, startStandIn, state } from '../env';

const WORKFLOW_ID = 'ProcoreCostAlert';

interface DetailRow {
	cost_code_id: number;
	cost_code: string;
	revised_budget: string;
	committed_costs: string;
}
interface Alert {
	to: string;
	subject: string;
	text: string;
	lines: Array<{ project: string; project_id: string; cost_code_id: number; cost_code: string; revised_budget: number; committed_cost: number; percent_committed: number }>;
}

describe('template: Over-committed cost code alert', () => {
	let relay: Awaited<ReturnType<typeof startStandIn>>;
	const { tower, hospital, school, warehouse } = state.seed.projects;
	const active = [tower, hospital, school, warehouse];

	beforeAll(async () => {
		await sandbox.reset();
		relay = await startStandIn();
		await n8n.patchNodes(WORKFLOW_ID, {
			Settings: (node) => {
				const assignments = (node.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }).assignments;
				assignments.find((a) => a.name === 'relayUrl')!.value = `${relay.url}/alerts`;
				assignments.find((a) => a.name === 'accountantEmail')!.value = 'accountant@granitepeak.example';
				assignments.find((a) => a.name === 'thresholdPercent')!.value = 90;
			},
		});
		await sandbox.clearCalls();
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW_ID).catch(() => undefined);
		await relay?.stop();
	});

	/** What the accountant must get: the view's rows above 90% committed, computed from the sandbox's own data. */
	async function expectedLines(): Promise<string[]> {
		const lines: string[] = [];
		for (const project of active) {
			const views = await sandbox.state<{ id: number; name: string }>(`projects/${project}/budget_views`);
			const standard = views.find((v) => v.name === 'Procore Standard Budget')!;
			const rows = await sandbox.state<DetailRow>(`projects/${project}/budget_views/${standard.id}/detail_rows`);
			expect(rows.length).toBeGreaterThan(0);
			const over = rows.filter((r) => Number(r.committed_costs) / Number(r.revised_budget) > 0.9);
			// The data has lines on both sides of the threshold.
			expect(over.length).toBeGreaterThan(0);
			expect(over.length).toBeLessThan(rows.length);
			lines.push(...over.map((r) => `${project}:${r.cost_code_id}`));
		}
		return lines.sort();
	}

	it('sends exactly the cost codes above 90% committed, of every active project, in one message', async () => {
		const run = (await n8n.execute(WORKFLOW_ID)) as { data: { resultData: { error?: unknown } } };
		expect(run.data.resultData.error).toBeUndefined();

		expect(relay.received).toHaveLength(1);
		const [request] = relay.received;
		expect(request).toMatchObject({ method: 'POST', path: '/alerts' });
		const alert = request.body as Alert;
		expect(alert.to).toBe('accountant@granitepeak.example');
		expect(alert.lines.map((l) => `${l.project_id}:${l.cost_code_id}`).sort()).toEqual(await expectedLines());
		expect(alert.subject).toBe(`${alert.lines.length} cost code(s) over 90% committed`);
		for (const line of alert.lines) {
			expect(line.percent_committed).toBeGreaterThan(90);
			expect(line.percent_committed).toBeCloseTo((line.committed_cost / line.revised_budget) * 100, 0);
		}
		expect(alert.text).toContain('Harbor View Tower: 05-100 - Structural Steel Framing is 96.6% committed (7,150,000.00 of 7,400,000.00)');
		expect(alert.text).not.toContain('23-000');

		const writes = (await sandbox.calls()).filter((c) => c.method !== 'GET' && c.path.startsWith('/rest/'));
		expect(writes).toEqual([]);
	});

	it('the next night, with the same figures, nothing already reported is sent again', async () => {
		relay.received.length = 0;
		const run = (await n8n.execute(WORKFLOW_ID)) as { data: { resultData: { error?: unknown; runData: Record<string, unknown> } } };
		expect(run.data.resultData.error).toBeUndefined();
		expect(run.data.resultData.runData['Find over-committed cost codes']).toBeDefined();
		expect(relay.received).toHaveLength(0);
	});

	it('a stricter threshold (a new rule: reported anew) sends only the lines above it; nothing over it sends nothing', async () => {
		const setThreshold = async (value: number) =>
			await n8n.patchNodes(WORKFLOW_ID, {
				Settings: (node) => {
					(node.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }).assignments.find((a) => a.name === 'thresholdPercent')!.value = value;
				},
			});
		relay.received.length = 0;
		await setThreshold(96);
		await n8n.execute(WORKFLOW_ID);
		expect(relay.received).toHaveLength(1);
		const codes = [...new Set((relay.received[0].body as Alert).lines.map((l) => l.cost_code))];
		expect(codes).toEqual(['05-100 - Structural Steel Framing']);

		relay.received.length = 0;
		await setThreshold(99);
		await n8n.execute(WORKFLOW_ID);
		expect(relay.received).toHaveLength(0);
	});
});
