/**
 * The Procore Trigger in a real n8n: publish registers the hook (production URL, chosen triggers)
 * in the sandbox; a UI edit in Procore runs the workflow once; a duplicate delivery, a forged
 * secret and a missing one run nothing; a hook deleted in Procore comes back on the next publish;
 * unpublish removes the hook and its triggers.
 */
import { procoreTriggerNode } from '../../scripts/lib/n8n';
import { n8n, nodeOutput, sandbox, state, eventually, type Workflow } from './env';

const HOOKS = 'webhooks/hooks';
const TRIGGERS = 'webhooks/triggers';

interface Hook {
	id: number;
	namespace: string;
	destination_url: string;
	project_id?: number | null;
	deleted_at?: string | null;
}
interface Trigger {
	id: number;
	webhook_hook_id?: number;
	hook_id?: number;
	resource_name: string;
	event_type: string;
	deleted_at?: string | null;
}

const live = <T extends { deleted_at?: string | null }>(rows: T[]) => rows.filter((r) => !r.deleted_at);
const hookOf = (t: Trigger) => Number(t.webhook_hook_id ?? t.hook_id);

describe('Procore Trigger published in real n8n', () => {
	let workflow: Workflow;
	const project = state.seed.projects.tower;

	beforeAll(async () => {
		await sandbox.reset();
		workflow = await n8n.api<Workflow>('POST', '/workflows', {
			name: 'e2e: RFIs of the Tower project',
			nodes: [
				procoreTriggerNode('a0000000-0000-4000-8000-000000000001', 'e2e-rfi-trigger', {
						scope: 'project',
						project: { __rl: true, mode: 'id', value: String(project) },
						resources: ['RFIs'],
						events: ['create', 'update'],
					}),
				{ id: 'a0000000-0000-4000-8000-000000000002', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [240, 0], parameters: {} },
			],
			connections: { 'Procore Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		});
	});

	afterAll(async () => {
		await n8n.unpublish(workflow.id).catch(() => undefined);
		await sandbox.config({ duplicateDeliveries: 0 });
	});

	const productionUrl = () => `${state.n8nUrl}/webhook/e2e-rfi-trigger/webhook`;

	it('publish registers one hook with the production URL and exactly the chosen triggers', async () => {
		await n8n.publish(workflow.id);
		const hooks = await liveHooks(1);
		expect(hooks[0]).toMatchObject({ namespace: 'n8n-nodes-procore', destination_url: productionUrl() });
		const triggers = await liveTriggers(hooks[0].id, 2);
		expect(triggers.map((t) => `${t.resource_name}:${t.event_type}`).sort()).toEqual(['RFIs:create', 'RFIs:update']);
	});

	it('a UI edit in Procore starts exactly one execution carrying the event', async () => {
		const rfi = await sandbox.uiEdit({ resource: 'RFIs', action: 'create', project_id: project, attributes: { subject: 'Slab edge detail at grid C' } });
		const executions = await n8n.waitForExecutions(workflow.id, 1);
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		const [event] = nodeOutput(executions[0], 'Procore Trigger');
		expect(event).toMatchObject({ resource_name: 'RFIs', event_type: 'create', resource_id: String((rfi as { id: number }).id), project_id: String(project) });
	});

	it('a delivery repeated by Procore starts no second execution', async () => {
		await sandbox.config({ duplicateDeliveries: 1 });
		await sandbox.uiEdit({ resource: 'RFIs', action: 'create', project_id: project, attributes: { subject: 'Door hardware schedule' } });
		const delivered = await eventually(
			async () => {
				const rows = (await sandbox.deliveries()).filter((d) => d.outcome === 'ok');
				return rows.length >= 3 ? rows : undefined;
			},
			{ what: 'the event delivered twice' },
		);
		expect(delivered).toHaveLength(3);
		expect(await n8n.waitForExecutions(workflow.id, 2, { quietMs: 3000 })).toHaveLength(2);
		await sandbox.config({ duplicateDeliveries: 0 });
	});

	it('a forged or missing secret gets 401 and starts nothing', async () => {
		const body = { id: '1', ulid: '01J0000000000000000000FAKE', resource_name: 'RFIs', event_type: 'create', resource_id: 9, project_id: project, company_id: state.companyId };
		for (const headers of [{ Authorization: 'Bearer not-the-secret' }, {}]) {
			const response = await fetch(productionUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
			expect(response.status).toBe(401);
		}
		await new Promise((r) => setTimeout(r, 1500));
		expect(await n8n.executions(workflow.id)).toHaveLength(2);
	});

	it('a hook deleted in Procore is created again on the next publish', async () => {
		const [hook] = live(await sandbox.state<Hook>(HOOKS));
		const token = await sandbox.dmsaToken();
		const deleted = await fetch(`${state.sandboxUrl}/rest/v2.0/companies/${state.companyId}/projects/${project}/webhooks/hooks/${hook.id}`, {
			method: 'DELETE',
			headers: { Authorization: `Bearer ${token}`, 'Procore-Company-Id': String(state.companyId) },
		});
		expect(deleted.status).toBeLessThan(300);
		expect(live(await sandbox.state<Hook>(HOOKS))).toHaveLength(0);
		await n8n.unpublish(workflow.id);
		await n8n.publish(workflow.id);
		const hooks = await liveHooks(1);
		expect(hooks[0].id).not.toBe(hook.id);
		await liveTriggers(hooks[0].id, 2);
	});

	it('unpublish removes the hook and its triggers', async () => {
		await n8n.unpublish(workflow.id);
		await liveHooks(0);
		expect(live(await sandbox.state<Trigger>(TRIGGERS))).toHaveLength(0);
		await sandbox.uiEdit({ resource: 'RFIs', action: 'create', project_id: project, attributes: { subject: 'After unpublish' } });
		await new Promise((r) => setTimeout(r, 1500));
		expect(await n8n.executions(workflow.id)).toHaveLength(2);
	});
});

/** n8n answers the publish call before the trigger's create() has finished registering. */
async function liveHooks(count: number): Promise<Hook[]> {
	let hooks: Hook[] = [];
	await eventually(async () => (hooks = live(await sandbox.state<Hook>(HOOKS))).length === count, { what: `${count} live hook(s)`, timeoutMs: 15_000 }).catch(() => undefined);
	expect(hooks).toHaveLength(count);
	return hooks;
}

async function liveTriggers(hookId: number, count: number): Promise<Trigger[]> {
	let triggers: Trigger[] = [];
	const read = async () => (triggers = live(await sandbox.state<Trigger>(TRIGGERS)).filter((t) => hookOf(t) === hookId));
	await eventually(async () => (await read()).length === count, { what: `${count} trigger(s)`, timeoutMs: 15_000 }).catch(() => undefined);
	expect(triggers).toHaveLength(count);
	return triggers;
}

