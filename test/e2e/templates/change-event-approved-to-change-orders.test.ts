/**
 * Template workflows/change-event-approved-to-change-orders.json in the real n8n against the
 * sandbox: published, it listens to Change Event updates; a Change Event pushed from a COR that
 * reaches the client's status gets a commitment change order to the subcontractor its lines name
 * and a potential change order on the prime contract, with their lines and totals, and the COR tool
 * is told once (with its Header Auth); another status writes nothing; later updates write nothing
 * twice and tell the COR tool nothing again.
 */
import { eventually, n8n, nodeOutput, sandbox, startStandIn, state, type Received } from '../env';
import { delivered, expectSuccess, hookReady, live, setSettings } from './patchSettings';

const WORKFLOW = 'ProcoreCeToCO001';

interface Row {
	id: number;
	contract_id?: number;
	grand_total?: string;
	title?: string;
	origin_data?: string | null;
	reference?: string | null;
	origin_id?: string | null;
	deleted_at?: string | null;
}

describe('template: Change Event approved → change orders', () => {
	const project = state.seed.projects.tower;
	const seed = state.seed as unknown as {
		changeEventStatuses: { open: number; pending: number; closed: number };
		commitments: { concreteWoc: number };
		costCodes: Record<string, number>;
		lineItemTypes: Record<string, number>;
		vendors: Record<string, number>;
	};
	let corTool: Awaited<ReturnType<typeof startStandIn>>;
	let changeEventId: number;
	let primeId: number;
	const rows = async (collection: string) => live(await sandbox.state<Row>(`projects/${project}/${collection}`));
	const status = (name: 'open' | 'pending' | 'closed') => ({
		change_event_status: { id: seed.changeEventStatuses[name], name: name[0].toUpperCase() + name.slice(1), mapped_to_status: name },
	});

	beforeAll(async () => {
		await sandbox.reset();
		corTool = await startStandIn();
		await n8n.patchNodes(WORKFLOW, {
			Settings: setSettings({ approvedStatus: 'Closed', corToolUrl: `${corTool.url}/api/procore/change-orders` }),
		});
		primeId = (await rows('prime_contracts'))[0].id;
		// A Change Event pushed from COR "cor-5521": a concrete line on the concrete subcontract and a labor line.
		const created = await sandbox.uiEdit({
			resource: 'Change Events',
			action: 'create',
			project_id: project,
			attributes: {
				title: 'Thickened slab at loading dock',
				number: 51,
				alphanumeric_number: '051',
				origin_id: 'cor-5521',
				status: 'open',
				event_scope: 'out_of_scope',
				...status('open'),
				change_event_line_items: [
					{
						id: 7_700_001,
						description: 'Ready-mix and placement',
						cost_code: { id: seed.costCodes['03-300'] },
						cost_code_id: seed.costCodes['03-300'],
						line_item_type: { id: seed.lineItemTypes.material },
						line_item_type_id: seed.lineItemTypes.material,
						contract: { id: seed.commitments.concreteWoc },
						proposed_contract_id: seed.commitments.concreteWoc,
						vendor: { id: seed.vendors.concrete },
						estimated_cost_amount: '8250.00',
						rom: '8250.00',
					},
					{
						id: 7_700_002,
						description: 'Own forces: forming',
						cost_code: { id: seed.costCodes['03-300'] },
						cost_code_id: seed.costCodes['03-300'],
						line_item_type: { id: seed.lineItemTypes.labor },
						line_item_type_id: seed.lineItemTypes.labor,
						estimated_cost_amount: '3100.00',
						rom: '3100.00',
					},
				],
			},
		});
		changeEventId = Number(created.id);
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await corTool.stop();
	});

	it('publish registers a hook for Change Event updates', async () => {
		await n8n.publish(WORKFLOW);
		await hookReady('/webhook/', project, ['Change Events:update']);
	});

	it('a status other than the chosen one writes nothing and tells the COR tool nothing', async () => {
		await sandbox.uiEdit({ resource: 'Change Events', action: 'update', project_id: project, id: changeEventId, attributes: status('pending') });
		await delivered('Change Events', changeEventId, 'update');
		const [run] = await n8n.waitForExecutions(WORKFLOW, 1);
		expectSuccess(run);
		expect(await rows('commitment_change_orders')).toEqual([]);
		expect(await rows('potential_change_orders')).toEqual([]);
		expect(corTool.received).toEqual([]);
	});

	it('the chosen status: a CCO to the subcontractor and a PCO on the prime contract, with lines and totals; the COR tool is told once', async () => {
		await sandbox.uiEdit({ resource: 'Change Events', action: 'update', project_id: project, id: changeEventId, attributes: status('closed') });
		(await n8n.waitForExecutions(WORKFLOW, 2)).forEach(expectSuccess);
		const ccos = await rows('commitment_change_orders');
		expect(ccos).toHaveLength(1);
		expect(ccos[0]).toMatchObject({ contract_id: seed.commitments.concreteWoc, title: 'Thickened slab at loading dock', grand_total: '8250.00' });
		const pcos = await rows('potential_change_orders');
		expect(pcos).toHaveLength(1);
		expect(pcos[0]).toMatchObject({ contract_id: primeId, grand_total: '11350.00', origin_id: `change_event:${changeEventId}:contract:${primeId}` });
		expect(String(pcos[0].origin_data)).toMatch(/^n8n:/);
		const ccoLines = await sandbox.state<{ amount: string }>(`projects/${project}/commitment_change_orders/${ccos[0].id}/line_items`);
		expect(ccoLines.map((l) => l.amount)).toEqual(['8250.00']);

		await eventually(async () => (corTool.received.length ? true : undefined), { what: 'the COR tool call', timeoutMs: 10_000 });
		expect(corTool.received).toHaveLength(1);
		const call: Received = corTool.received[0];
		expect(call).toMatchObject({ method: 'POST', path: '/api/procore/change-orders' });
		expect(call.headers['x-webhook-secret']).toBe('demo-inbound-secret');
		const body = call.body as { corId: string; newChangeOrders: number; changeOrders: Array<Record<string, unknown>> };
		expect(body).toMatchObject({ corId: 'cor-5521', changeEventId: String(changeEventId), newChangeOrders: 2 });
		expect(body.changeOrders).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ type: 'commitmentChangeOrder', id: String(ccos[0].id), contractId: String(seed.commitments.concreteWoc), alreadyExisted: false }),
				expect.objectContaining({ type: 'potentialChangeOrder', id: String(pcos[0].id), contractId: String(primeId), alreadyExisted: false }),
			]),
		);
		expect(String(body.changeOrders[0].summary)).toMatch(/created on .* from \d line/);
	});

	it('a later update of the same Change Event writes nothing twice and tells the COR tool nothing again', async () => {
		await sandbox.uiEdit({ resource: 'Change Events', action: 'update', project_id: project, id: changeEventId, attributes: { description: 'Dock slab thickened to 300 mm', ...status('closed') } });
		const executions = await n8n.waitForExecutions(WORKFLOW, 3);
		executions.forEach(expectSuccess);
		const last = executions.reduce((a, b) => (Number(b.id) > Number(a.id) ? b : a));
		expect(nodeOutput(last, 'What the COR tool gets')[0]).toMatchObject({ newChangeOrders: 0 });
		expect(await rows('commitment_change_orders')).toHaveLength(1);
		expect(await rows('potential_change_orders')).toHaveLength(1);
		expect(corTool.received).toHaveLength(1);
	});
});
