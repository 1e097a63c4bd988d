/**
 * Template "Sync Procore projects and milestones to a workforce app" in the shared real n8n: the
 * nightly run (n8n's CLI) sends every switched-on active project with its labor milestones, one
 * POST per project; published, a project edited in Procore sends that project only, and an edit of
 * a project that is not switched on sends nothing.
 */
import { n8n, nodeOutput, sandbox, startStandIn, state } from '../env';
import { delivered, executeOnce, expectSuccess, hookReady, live, setSettings } from './patchSettings';

const WORKFLOW = 'ProcoreSyncMiles';

interface Milestone {
	milestone: string;
	name: string;
	base_type: string;
}
interface SyncBody {
	source: string;
	reason: string;
	project: { id: number | string; name: string; active?: boolean };
	milestones: Milestone[];
}
interface CostCode {
	id: number;
	full_code: string;
	line_item_types?: Array<{ id: number; base_type: string }>;
}

/** The labor cost code + category pairs of a project, read straight from the sandbox. */
async function laborMilestones(projectId: number): Promise<string[]> {
	const codes = live(await sandbox.state<CostCode & { deleted_at?: string | null }>(`projects/${projectId}/cost_codes`));
	return codes
		.flatMap((cc) => (cc.line_item_types ?? []).filter((t) => t.base_type === 'labor').map((t) => `procore:budget_line:cc:${cc.id}:cat:${t.id}`))
		.sort();
}

describe('template: sync projects and milestones to a workforce app', () => {
	const { tower, hospital, school, inactive } = state.seed.projects;
	let app: Awaited<ReturnType<typeof startStandIn>>;
	let newProject: number;
	const bodies = () => app.received.filter((r) => r.method === 'POST' && r.path === '/procore/projects').map((r) => r.body as SyncBody);

	beforeAll(async () => {
		await sandbox.reset();
		app = await startStandIn();
		// A project switched on the day it is created: no cost codes yet, so no milestones.
		newProject = Number(
			(await sandbox.uiEdit({ resource: 'Projects', action: 'create', attributes: { name: 'Pier 9 Fit-out', project_number: '2026-077', active: true, status: 'active' } })).id,
		);
		await n8n.patchNodes(WORKFLOW, {
			Settings: setSettings({
				workforceAppUrl: `${app.url}/procore/projects`,
				syncProjectIds: `${tower}, ${hospital}, ${inactive}, ${newProject}`,
			}),
		});
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await app?.stop();
	});

	it('the nightly run sends each switched-on active project with its labor milestones, one POST per project', async () => {
		await executeOnce(WORKFLOW);
		const sent = bodies();
		// The inactive project is switched on but not active: not sent. School is active but not switched on.
		expect(sent.map((b) => Number(b.project.id)).sort((a, b) => a - b)).toEqual([tower, hospital, newProject].sort((a, b) => a - b));
		for (const body of sent) {
			expect(body).toMatchObject({ source: 'procore', reason: 'nightly' });
			const expected = await laborMilestones(Number(body.project.id));
			expect(body.milestones.map((m) => m.milestone).sort()).toEqual(expected);
			for (const m of body.milestones) expect(m).toMatchObject({ base_type: 'labor', name: expect.stringContaining(' / ') });
		}
		expect((await laborMilestones(tower)).length).toBeGreaterThan(0);
		expect(sent.find((b) => Number(b.project.id) === newProject)?.milestones).toEqual([]);
		expect(sent.find((b) => Number(b.project.id) === tower)?.project.name).toBe('Harbor View Tower');
	});

	it('published: a project edited in Procore sends that project only; an edit of a project not switched on sends nothing', async () => {
		app.received.length = 0;
		await n8n.publish(WORKFLOW);
		await hookReady(await n8n.triggerUrlPart(WORKFLOW), null, ['Projects:create', 'Projects:update']);

		// The CLI run above is stored too: count from what is there now, and look at webhook runs only.
		const before = (await n8n.executions(WORKFLOW)).length;
		const eventRuns = async (count: number) => (await n8n.waitForExecutions(WORKFLOW, before + count)).filter((e) => e.mode !== 'cli');

		await sandbox.uiEdit({ resource: 'Projects', action: 'update', id: tower, attributes: { name: 'Harbor View Tower (Phase 2)' } });
		await delivered('Projects', tower, 'update');
		const [run] = await eventRuns(1);
		expectSuccess(run);
		expect(nodeOutput(run, 'Procore: project created or updated')[0]).toMatchObject({ resource_name: 'Projects', event_type: 'update', resource_id: String(tower) });
		const sent = bodies();
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ reason: 'project update', project: { name: 'Harbor View Tower (Phase 2)' } });
		expect(Number(sent[0].project.id)).toBe(tower);
		expect(sent[0].milestones.map((m) => m.milestone).sort()).toEqual(await laborMilestones(tower));

		await sandbox.uiEdit({ resource: 'Projects', action: 'update', id: school, attributes: { name: 'Lakeside Elementary (renamed)' } });
		await delivered('Projects', school, 'update');
		const runs = await eventRuns(2);
		expect(runs).toHaveLength(2);
		runs.forEach(expectSuccess);
		expect(bodies()).toHaveLength(1);
	});
});
