/**
 * The loop guard in a real n8n: a workflow that writes back to the RFI it was triggered by.
 * With the guard off, each write-back fires a new Procore event and the workflow runs again and
 * again; with the guard on (the default), a person's edit runs it exactly once.
 */
import { procoreTriggerNode } from '../../scripts/lib/n8n';
import { eventually, n8n, sandbox, state, type Workflow } from './env';

const project = state.seed.projects.tower;

function loopWorkflow(ignoreOwnChanges: boolean): Record<string, unknown> {
	return {
		name: `e2e: RFI write-back (loop guard ${ignoreOwnChanges ? 'on' : 'off'})`,
		nodes: [
			procoreTriggerNode('c0000000-0000-4000-8000-000000000001', `e2e-loop-guard-${ignoreOwnChanges ? 'on' : 'off'}`, {
					scope: 'project',
					project: { __rl: true, mode: 'id', value: String(project) },
					resources: ['RFIs'],
					events: ['update'],
					options: { ignoreOwnChanges },
				}),
			{
				id: 'c0000000-0000-4000-8000-000000000002',
				name: 'Stamp the RFI',
				type: 'n8n-nodes-procore.procore',
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'rfi',
					operation: 'update',
					project: { __rl: true, mode: 'id', value: String(project) },
					rfiId: { __rl: true, mode: 'id', value: '={{ $json.resource_id }}' },
					// A new value on every run, so every write-back is a real change that Procore announces.
					updateFields: { subject: '=Checked by n8n at {{ $now.toMillis() }}' },
				},
				credentials: { procoreOAuth2Api: { id: 'procoreSandbox', name: 'Procore (local sandbox)' } },
			},
		],
		connections: { 'Procore Trigger': { main: [[{ node: 'Stamp the RFI', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Publishing answers before the trigger's hook and triggers exist in Procore. */
async function publishAndWait(workflowId: string, webhookId: string): Promise<void> {
	await n8n.publish(workflowId);
	await eventually(
		async () => {
			const hooks = (await sandbox.state<{ id: number; destination_url: string; deleted_at?: string }>('webhooks/hooks')).filter((h) => !h.deleted_at && h.destination_url.includes(webhookId));
			const triggers = await sandbox.state<{ hook_id: number; deleted_at?: string }>('webhooks/triggers');
			return hooks.some((h) => triggers.some((t) => Number(t.hook_id) === Number(h.id) && !t.deleted_at));
		},
		{ what: `the hook of ${webhookId} and its trigger`, timeoutMs: 60_000 },
	);
}

async function rfiId(): Promise<number> {
	const [rfi] = await sandbox.state<{ id: number; deleted_at?: string }>(`projects/${project}/rfis`);
	return rfi.id;
}

describe('loop guard in real n8n', () => {
	beforeAll(async () => {
		await sandbox.reset();
	});

	it('without it, a write-back workflow runs again on its own write (the loop the guard exists for)', async () => {
		const workflow = await n8n.api<Workflow>('POST', '/workflows', loopWorkflow(false));
		await publishAndWait(workflow.id, 'e2e-loop-guard-off');
		try {
			await sandbox.uiEdit({ resource: 'RFIs', action: 'update', project_id: project, id: await rfiId(), attributes: { subject: 'Edited by a person' } });
			const runs = await n8n.waitForExecutions(workflow.id, 3, { timeoutMs: 60_000, quietMs: 0 });
			expect(runs.length).toBeGreaterThanOrEqual(3);
		} finally {
			await n8n.unpublish(workflow.id);
		}
	});

	it('with it (the default), a person\'s edit runs the workflow exactly once', async () => {
		await sandbox.reset();
		const workflow = await n8n.api<Workflow>('POST', '/workflows', loopWorkflow(true));
		await publishAndWait(workflow.id, 'e2e-loop-guard-on');
		try {
			await sandbox.uiEdit({ resource: 'RFIs', action: 'update', project_id: project, id: await rfiId(), attributes: { subject: 'Edited by a person' } });
			const runs = await n8n.waitForExecutions(workflow.id, 1, { timeoutMs: 60_000, quietMs: 8000 });
			expect(runs).toHaveLength(1);
			expect(runs[0].status).toBe('success');
			// The write-back happened (and was announced), but its event was dropped by the guard.
			const [rfi] = await sandbox.state<{ subject: string }>(`projects/${project}/rfis`);
			expect(rfi.subject).toMatch(/^Checked by n8n at \d+$/);
			const delivered = (await sandbox.deliveries()).filter((d) => d.outcome === 'ok' && String(d.destination_url).includes('e2e-loop-guard-on'));
			expect(delivered.length).toBeGreaterThanOrEqual(2);
		} finally {
			await n8n.unpublish(workflow.id);
		}
	});
});
