/**
 * Template workflows/cor-log-change-event-status.json in the real n8n against the sandbox.
 * First load (run by hand, as the sticky asks, before publishing): every Change Event pushed from a
 * COR (origin ID = the COR's ID) in the active projects is told once with its current status, deleted
 * ones as Deleted; a re-run tells nothing, or only what changed since; a COR tool that refuses stops
 * the run and loses nothing. Published, it registers hooks for Change Event updates in every active
 * project; a status change made in Procore reaches the COR tool with the COR's ID; an update of a
 * Change Event that did not come from a COR tells the COR tool nothing; a run by hand after live
 * updates repeats none of them; a deleted Change Event is reported by its ID, and one deleted right
 * after an update does not fail the update's run.
 */
import { eventually, n8n, nodeOutput, sandbox, startStandIn, state, type Execution, type Received } from '../env';
import { delivered, executeOnce } from './patchSettings';

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
	const { hospital, inactive } = state.seed.projects;
	let corTool: Awaited<ReturnType<typeof startStandIn>>;
	let pushedId: number;
	/** Change Events made for the first load: pushed in another project, pushed then deleted, pushed in an inactive project, audit tag without a COR ID. */
	const first = { hospital: 0, deleted: 0, inactive: 0, tagOnly: 0, late: 0 };
	/** While set, the COR tool answers 503 (down for maintenance). */
	let corToolDown = false;
	const posts = () => corTool.received.map((r: Received) => r.body as Record<string, unknown>);
	/** What the COR tool was told, as `changeEventId corId status`, sorted (one line per message). */
	const told = () => posts().map((p) => `${String(p.changeEventId)} ${String(p.corId)} ${String(p.status)}`).sort();
	const line = (id: number, cor: string | null, status: string) => `${id} ${String(cor)} ${status}`;
	/** The first load, run by hand (n8n's CLI starts the workflow at its Manual Trigger); the COR tool's messages of this run only. */
	const runByHand = async () => {
		corTool.received.length = 0;
		await executeOnce(WORKFLOW);
		return told();
	};
	/** The runs the Procore Trigger started (the runs by hand are not counted). */
	const liveRuns = async (count: number, options: { quietMs?: number } = {}): Promise<Execution[]> => {
		const done = async () => (await n8n.executions(WORKFLOW)).filter((e) => e.mode === 'webhook' && !['running', 'new', 'waiting'].includes(e.status));
		await eventually(async () => (await done()).length >= count, { what: `${count} runs of the Procore Trigger`, timeoutMs: 60_000 });
		await new Promise((r) => setTimeout(r, options.quietMs ?? 2_000));
		return await done();
	};
	const pushedChangeEvent = async (projectId: number, title: string, originId: string | null, status: keyof typeof statuses, extra: Record<string, unknown> = {}) =>
		Number(
			(
				await sandbox.uiEdit({
					resource: 'Change Events',
					action: 'create',
					project_id: projectId,
					attributes: {
						title,
						origin_id: originId,
						status: status === 'closed' ? 'closed' : 'open',
						event_scope: 'out_of_scope',
						change_event_status: { id: statuses[status], name: status[0].toUpperCase() + status.slice(1), mapped_to_status: status },
						change_event_line_items: [],
						...extra,
					},
				})
			).id,
		);

	beforeAll(async () => {
		await sandbox.reset();
		corTool = await startStandIn(() => (corToolDown ? { status: 503, body: { error: 'Down for maintenance' } } : undefined));
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
		first.hospital = await pushedChangeEvent(hospital, 'Temporary power, east wing', 'cor-tool-4390', 'pending');
		first.deleted = await pushedChangeEvent(project, 'Relocated hose bib', 'cor-tool-4391', 'open');
		await sandbox.uiEdit({ resource: 'Change Events', action: 'delete', project_id: project, id: first.deleted });
		first.inactive = await pushedChangeEvent(inactive, 'Fence repair', 'cor-tool-4392', 'open');
		// Changed by another n8n workflow (its audit tag) but never pushed from a COR: no COR to tell.
		first.tagOnly = await pushedChangeEvent(project, 'Retitled in n8n', null, 'open', { origin_data: 'n8n:inst-1:wf-9:ex-3:Update' });
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await corTool.stop();
	});

	it('first load, run by hand before publishing: every Change Event pushed from a COR in the active projects is told once with its current status, deleted ones as Deleted', async () => {
		expect(await runByHand()).toEqual(
			[line(pushedId, 'cor-tool-4411', 'Open'), line(first.hospital, 'cor-tool-4390', 'Pending'), line(first.deleted, 'cor-tool-4391', 'Deleted')].sort(),
		);
		const byId = (id: number) => posts().find((p) => p.changeEventId === String(id));
		expect(byId(pushedId)).toMatchObject({ title: 'Added floor drains, level 3', changeEventNumber: 41, statusGroup: 'open', link: `https://app.procore.com/${project}/project/change_events/events/${pushedId}` });
		expect(byId(first.hospital)).toMatchObject({ link: `https://app.procore.com/${hospital}/project/change_events/events/${first.hospital}` });
		expect(byId(first.deleted)).toMatchObject({ statusGroup: 'deleted', link: null });
		// Read only: nothing written to Procore.
		expect((await sandbox.calls()).filter((c) => c.method !== 'GET' && c.path.startsWith('/rest/'))).toEqual([]);
	});

	it('run by hand again: nothing is told again', async () => {
		expect(await runByHand()).toEqual([]);
	});

	it('run by hand after a status changed while nothing listened: only that Change Event is told, with its new status', async () => {
		await sandbox.uiEdit({ resource: 'Change Events', action: 'update', project_id: hospital, id: first.hospital, attributes: { status: 'closed', change_event_status: { id: statuses.closed, name: 'Closed', mapped_to_status: 'closed' } } });
		expect(await runByHand()).toEqual([line(first.hospital, 'cor-tool-4390', 'Closed')]);
	});

	it('a COR tool that refuses stops the run saying so, and the next run by hand tells everything again: nothing is lost', async () => {
		first.late = await pushedChangeEvent(project, 'Added blocking for TVs', 'cor-tool-4393', 'open');
		corToolDown = true;
		try {
			const failed = await runByHand().then(
				() => 'no error',
				(error: Error) => error.message,
			);
			expect(failed).toMatch(/The COR tool did not take 1 status message\(s\)/);
		} finally {
			corToolDown = false;
		}
		expect(await runByHand()).toEqual(
			[
				line(pushedId, 'cor-tool-4411', 'Open'),
				line(first.hospital, 'cor-tool-4390', 'Closed'),
				line(first.deleted, 'cor-tool-4391', 'Deleted'),
				line(first.late, 'cor-tool-4393', 'Open'),
			].sort(),
		);
		expect(await runByHand()).toEqual([]);
		corTool.received.length = 0;
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
		const [execution] = await liveRuns(1);
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
		await liveRuns(2);
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
		const executions = await liveRuns(3);
		expect(executions.every((e) => e.status === 'success')).toBe(true);
		expect(corTool.received).toHaveLength(2);
	});

	it('run by hand after the live updates: none of them is told again', async () => {
		const live = corTool.received.splice(0);
		try {
			expect(await runByHand()).toEqual([]);
		} finally {
			corTool.received.splice(0, corTool.received.length, ...live);
		}
	});

	it('a pushed Change Event deleted in Procore: the COR tool is told it is deleted, by its ID', async () => {
		await sandbox.uiEdit({ resource: 'Change Events', action: 'delete', project_id: project, id: pushedId });
		const executions = await liveRuns(4);
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
			const executions = await liveRuns(6, { quietMs: 5_000 });
			expect(executions.map((e) => e.status)).toEqual(Array(6).fill('success'));
			const updateRun = executions.find((e) => nodeOutput(e, 'Its delete event reports it').length);
			expect(updateRun).toBeDefined();
			expect(posts().slice(3)).toEqual([expect.objectContaining({ changeEventId: String(id), status: 'Deleted' })]);
		} finally {
			await sandbox.config({ faults: [] });
		}
	});
});
