/**
 * Template "Sync Procore projects and milestones to a workforce app" in the shared real n8n: the
 * nightly run (n8n's CLI) sends every switched-on active project with its labor milestones, one
 * POST per project, with its workers, crews and sub jobs; a switched-on project that is inactive is
 * told once that it is off. Published, a project edited in Procore is read by its ID (no project
 * listing) and sent alone; an edit of a project not switched on sends nothing; a project switched
 * off in Procore is told once.
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
	workers: Array<{ id: number | string }>;
	crews: Array<{ id: number | string }>;
	subJobs: Array<{ id: number | string }>;
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
	const all = () => app.received.filter((r) => r.method === 'POST' && r.path === '/procore/projects').map((r) => r.body as SyncBody);
	const bodies = () => all().filter((b) => b.project.active !== false);
	const switchedOff = () => all().filter((b) => b.project.active === false);
	const ids = (list: Array<{ id: number | string }>) => list.map((x) => Number(x.id)).sort((a, b) => a - b);
	const stored = async (collection: string) => ids(live(await sandbox.state<{ id: number; deleted_at?: string | null }>(collection)));

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
		// Workers (the project directory: clock-outs name them), crews and sub jobs, as Procore has them.
		const towerBody = sent.find((b) => Number(b.project.id) === tower)!;
		expect(ids(towerBody.workers)).toEqual(await stored(`projects/${tower}/people`));
		expect(ids(towerBody.crews)).toEqual(await stored(`projects/${tower}/crews`));
		expect(ids(towerBody.subJobs)).toEqual(await stored(`projects/${tower}/sub_jobs`));
		expect(towerBody.workers.length * towerBody.crews.length * towerBody.subJobs.length).toBeGreaterThan(0);
		// The inactive project is switched on: the app is told it is off, once.
		expect(switchedOff().map((b) => Number(b.project.id))).toEqual([inactive]);
		expect(switchedOff()[0]).toMatchObject({ milestones: [], workers: [], crews: [], subJobs: [] });
		await executeOnce(WORKFLOW);
		expect(switchedOff()).toHaveLength(1);
	});

	it('published: a project edited in Procore sends that project only; an edit of a project not switched on sends nothing', async () => {
		app.received.length = 0;
		await n8n.publish(WORKFLOW);
		await hookReady(await n8n.triggerUrlPart(WORKFLOW), null, ['Projects:create', 'Projects:update']);

		// The CLI run above is stored too: count from what is there now, and look at webhook runs only.
		const before = (await n8n.executions(WORKFLOW)).length;
		const eventRuns = async (count: number) => (await n8n.waitForExecutions(WORKFLOW, before + count)).filter((e) => e.mode !== 'cli');

		await sandbox.clearCalls();
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
		// The event names the project: it is read by its ID, the company's projects are not listed.
		const reads = (await sandbox.calls()).filter((c) => c.method === 'GET' && /^\/rest\/v1\.[01]\/projects$/.test(c.path));
		expect(reads).toEqual([]);
		expect((await sandbox.calls()).some((c) => c.method === 'GET' && c.path === `/rest/v1.0/projects/${tower}`)).toBe(true);

		await sandbox.uiEdit({ resource: 'Projects', action: 'update', id: school, attributes: { name: 'Lakeside Elementary (renamed)' } });
		await delivered('Projects', school, 'update');
		const runs = await eventRuns(2);
		expect(runs).toHaveLength(2);
		runs.forEach(expectSuccess);
		expect(bodies()).toHaveLength(1);
	});

	it('published: a project switched off in Procore is told once, with nothing to offer; a later edit tells nothing more', async () => {
		const before = (await n8n.executions(WORKFLOW)).length;
		const off = switchedOff().length;
		await sandbox.uiEdit({ resource: 'Projects', action: 'update', id: hospital, attributes: { active: false } });
		await delivered('Projects', hospital, 'update');
		(await n8n.waitForExecutions(WORKFLOW, before + 1)).filter((e) => e.mode !== 'cli').forEach(expectSuccess);
		expect(switchedOff()).toHaveLength(off + 1);
		expect(switchedOff().at(-1)).toMatchObject({ reason: 'project update', project: { active: false }, milestones: [], workers: [] });
		expect(Number(switchedOff().at(-1)!.project.id)).toBe(hospital);

		await sandbox.uiEdit({ resource: 'Projects', action: 'update', id: hospital, attributes: { name: 'Riverside Medical (closed)' } });
		await delivered('Projects', hospital, 'update');
		(await n8n.waitForExecutions(WORKFLOW, before + 2)).filter((e) => e.mode !== 'cli').forEach(expectSuccess);
		expect(switchedOff()).toHaveLength(off + 1);
	});
});
