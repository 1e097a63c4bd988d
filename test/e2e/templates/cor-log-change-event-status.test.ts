/**
 * Template workflows/cor-log-change-event-status.json in the real n8n against the sandbox: published,
 * it registers hooks for Change Event updates in every active project; a status change made in
 * Procore reaches the COR tool with the COR's ID; an update of a Change Event that did not come
 * from a COR tells the COR tool nothing; a deleted Change Event is reported by its ID, and one deleted
 * right after an update does not fail the update's run.
 */
import { eventually, n8n, nodeOutput, sandbox, startStandIn, state, type Received } from '../env';
import { delivered } from './patchSettings';

const WORKFLOW = 'ProcoreCorLog001';

interface Hook {
	id: number;
	project_id?: number | string | null;
	destination_url: string;
	deleted_at?: string | null;
}
interface Trigger {
	webhook_hook_id?: number;
	hook_id?: number;
	resource_name: string;
	event_type: string;
	deleted_at?: string | null;
}

describe('template: keep the COR log in step with Change Event status', () => {
	const project = state.seed.projects.tower;
	const statuses = state.seed.changeEventStatuses as { open: number; pending: number; closed: number };
	const seededChangeEvents = state.seed.changeEvents as { curtainWall: number };
	let corTool: Awaited<ReturnType<typeof startStandIn>>;
	let pushedId: number;
	const posts = () => corTool.received.map((r: Received) => r.body as Record<string, unknown>);

	beforeAll(async () => {
		await sandbox.reset();
		corTool = await startStandIn();
		await n8n.patchNodes(WORKFLOW, {
			Settings: (node) => {
				const list = (node.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }).assignments;
				list.find((a) => a.name === 'corToolStatusUrl')!.value = `${corTool.url}/api/procore/change-event-status`;
			},
		});
		// A Change Event pushed from COR "cor-tool-4411" earlier (its origin ID is the COR's ID).
		const created = await sandbox.uiEdit({
			resource: 'Change Events',
			action: 'create',
			project_id: project,
			attributes: {
				title: 'Added floor drains, level 3',
				number: 41,
				origin_id: 'cor-tool-4411',
				status: 'open',
				event_scope: 'out_of_scope',
				change_event_status: { id: statuses.open, name: 'Open', mapped_to_status: 'open' },
				change_event_line_items: [],
			},
		});
		pushedId = Number(created.id);
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await corTool.stop();
	});

	it('publish registers a hook with Change Events update and delete in each active project', async () => {
		await n8n.publish(WORKFLOW);
		const towerHook = await eventually(
			async () => {
				const hooks = (await sandbox.state<Hook>('webhooks/hooks')).filter((h) => !h.deleted_at && Number(h.project_id) === project);
				if (hooks.length !== 1) return undefined;
				const triggers = (await sandbox.state<Trigger>('webhooks/triggers')).filter(
					(t) => !t.deleted_at && Number(t.webhook_hook_id ?? t.hook_id) === hooks[0].id,
				);
				return triggers.length ? { hook: hooks[0], triggers } : undefined;
			},
			{ what: 'the tower project hook and its trigger', timeoutMs: 20_000 },
		);
		expect(towerHook.triggers.map((t) => `${t.resource_name}:${t.event_type}`).sort()).toEqual(['Change Events:delete', 'Change Events:update']);
		expect(towerHook.hook.destination_url).toContain(`${state.n8nUrl}/webhook/`);
	});

	it('a status change made in Procore reaches the COR tool with the COR ID and the new status', async () => {
		await sandbox.uiEdit({
			resource: 'Change Events',
			action: 'update',
			project_id: project,
			id: pushedId,
			attributes: { status: 'open', change_event_status: { id: statuses.pending, name: 'Pending', mapped_to_status: 'pending' } },
		});
		const [execution] = await n8n.waitForExecutions(WORKFLOW, 1);
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, 'Change Event updated or deleted')[0]).toMatchObject({ resource_name: 'Change Events', event_type: 'update', resource_id: String(pushedId) });
		expect(corTool.received).toHaveLength(1);
		expect(corTool.received[0]).toMatchObject({ method: 'POST', path: '/api/procore/change-event-status' });
		expect(posts()[0]).toMatchObject({
			corId: 'cor-tool-4411',
			changeEventId: String(pushedId),
			title: 'Added floor drains, level 3',
			status: 'Pending',
			link: `https://app.procore.com/${project}/project/change_events/events/${pushedId}`,
		});
	});

	it('each further status change is reported, in order', async () => {
		await sandbox.uiEdit({
			resource: 'Change Events',
			action: 'update',
			project_id: project,
			id: pushedId,
			attributes: { status: 'closed', change_event_status: { id: statuses.closed, name: 'Closed', mapped_to_status: 'closed' } },
		});
		await n8n.waitForExecutions(WORKFLOW, 2);
		expect(posts().map((p) => p.status)).toEqual(['Pending', 'Closed']);
	});

	it('an update of a Change Event not pushed from a COR tells the COR tool nothing', async () => {
		await sandbox.uiEdit({
			resource: 'Change Events',
			action: 'update',
			project_id: project,
			id: seededChangeEvents.curtainWall,
			attributes: { status: 'open', change_event_status: { id: statuses.pending, name: 'Pending', mapped_to_status: 'pending' } },
		});
		const executions = await n8n.waitForExecutions(WORKFLOW, 3);
		expect(executions.every((e) => e.status === 'success')).toBe(true);
		expect(corTool.received).toHaveLength(2);
	});

	it('a pushed Change Event deleted in Procore: the COR tool is told it is deleted, by its ID', async () => {
		await sandbox.uiEdit({ resource: 'Change Events', action: 'delete', project_id: project, id: pushedId });
		const executions = await n8n.waitForExecutions(WORKFLOW, 4);
		expect(executions.every((e) => e.status === 'success')).toBe(true);
		expect(corTool.received).toHaveLength(3);
		expect(posts()[2]).toMatchObject({ changeEventId: String(pushedId), status: 'Deleted', statusGroup: 'deleted' });
	});

	it('a Change Event deleted while its update is being read: the update run ends quietly, the delete is reported once', async () => {
		const created = await sandbox.uiEdit({
			resource: 'Change Events',
			action: 'create',
			project_id: project,
			attributes: { title: 'Temporary shoring', number: 42, origin_id: 'cor-tool-4412', status: 'open', event_scope: 'out_of_scope', change_event_status: { id: statuses.open, name: 'Open', mapped_to_status: 'open' }, change_event_line_items: [] },
		});
		const id = Number(created.id);
		// The workflow's read of this Change Event answers 4 s late: the delete below lands before it.
		await sandbox.config({ faults: [{ kind: 'slow', next: 1, pathPattern: `change_events/${id}`, delayMs: 4_000 }] });
		try {
			await sandbox.uiEdit({ resource: 'Change Events', action: 'update', project_id: project, id, attributes: { change_event_status: { id: statuses.pending, name: 'Pending', mapped_to_status: 'pending' } } });
			await delivered('Change Events', id, 'update');
			await sandbox.uiEdit({ resource: 'Change Events', action: 'delete', project_id: project, id });
			const executions = await n8n.waitForExecutions(WORKFLOW, 6, { quietMs: 5_000 });
			expect(executions.map((e) => e.status)).toEqual(Array(6).fill('success'));
			const updateRun = executions.find((e) => nodeOutput(e, 'Its delete event reports it').length);
			expect(updateRun).toBeDefined();
			expect(posts().slice(3)).toEqual([expect.objectContaining({ changeEventId: String(id), status: 'Deleted' })]);
		} finally {
			await sandbox.config({ faults: [] });
		}
	});
});
