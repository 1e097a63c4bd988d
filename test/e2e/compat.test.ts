/**
 * The same packed package in every supported n8n (N8N_VERSIONS: the newest 1.x and 2.41.1),
 * installed as the README tells self-hosters (like n8n's Community Nodes panel): it loads, resolves
 * n8n-workflow to n8n's own copy, every template imports with node versions that n8n has (or a note
 * naming the n8n it requires), one read and one write run, a trigger publishes → receives a delivery
 * → unpublishes, and a failing call reads the same. The default version is the n8n the end-to-end
 * run already boots (globalSetup); any other is started here, one n8n per version.
 */
import fs from 'fs';
import { createRequire } from 'module';
import path from 'path';

import type { SeedIds } from '../../sandbox';
import { N8N_VERSIONS, procoreTriggerNode, SANDBOX_CREDENTIAL_ID, SANDBOX_CREDENTIAL_NAME, startN8n, type N8nInstance } from '../../scripts/lib/n8n';
import { eventually, n8nClient, nodeOutput, sandbox, state, type Execution, type N8nTarget, type Workflow, type WorkflowNode } from './env';
import { E2E_DIR } from './stateFile';
import { compareVersions, loadedTypes, minimumN8n, MINIMUM_NOTE, nodeProblems, type NodeTypes } from './templateNodes';

const ROOT = path.resolve(__dirname, '../..');
const PACKAGE = 'n8n-nodes-procore';
const credentials = { procoreOAuth2Api: { id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME } };
const templates = fs
	.readdirSync(path.join(ROOT, 'workflows'))
	.filter((f) => f.endsWith('.json'))
	.map((file) => ({ file, ...(JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8')) as { id: string; name: string; nodes: WorkflowNode[] }) }));
const tower = state.seed.projects.tower;
/** The failing call's error as each n8n reported it (the versions run in order). */
const errorsSeen = new Map<string, Record<string, unknown>>();

/** A workflow of one Manual Trigger feeding the given Procore nodes (each on its own branch). */
function manualWorkflow(name: string, nodes: Array<{ name: string; parameters: Record<string, unknown> }>): Record<string, unknown> {
	return {
		name,
		nodes: [
			{ id: 'd0000000-0000-4000-8000-000000000000', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			...nodes.map((n, i) => ({ id: `d0000000-0000-4000-8000-00000000000${i + 1}`, type: `${PACKAGE}.procore`, typeVersion: 1, position: [240, i * 200], credentials, ...n })),
		],
		connections: { Start: { main: [nodes.map((n) => ({ node: n.name, type: 'main', index: 0 }))] } },
		settings: { executionOrder: 'v1' },
	};
}

describe.each(N8N_VERSIONS)('n8n %s', (version) => {
	let started: N8nInstance | undefined;
	let target: N8nTarget;
	let n8n: ReturnType<typeof n8nClient>;
	let types: { nodes: NodeTypes; credentials: string[] };

	beforeAll(async () => {
		if (version === state.version) {
			target = state;
		} else {
			started = await startN8n({ version, userFolder: path.join(E2E_DIR, `n8n-${version}`), sandboxUrl: state.sandboxUrl, companyId: state.companyId, seed: state.seed as unknown as SeedIds });
			target = { version, n8nUrl: started.url, apiKey: started.apiKey, bin: started.bin, env: started.env, email: started.email, password: started.password, userFolder: started.userFolder };
		}
		n8n = n8nClient(target);
		types = await loadedTypes(target);
	}, 600_000);

	afterAll(async () => {
		await started?.stop();
	});

	it('loads the package: its credential, both nodes and the AI tool variant n8n derives', () => {
		expect(types.credentials).toContain('procoreOAuth2Api');
		for (const type of ['procore', 'procoreTrigger', 'procoreTool']) expect(types.nodes.get(`${PACKAGE}.${type}`)?.map((d) => d.version)).toEqual([1]);
	});

	it("gives the package n8n's own n8n-workflow, not a second copy beside it", () => {
		const installDir = path.resolve(path.dirname(target.bin), '../..');
		const nodesModules = path.join(target.userFolder, '.n8n/nodes/node_modules');
		expect(fs.existsSync(path.join(nodesModules, PACKAGE, 'package.json'))).toBe(true);
		expect(fs.existsSync(path.join(nodesModules, 'n8n-workflow'))).toBe(false);
		// How n8n resolves a package's require('n8n-workflow'): the package's own node_modules chain, then
		// n8n's module paths, which n8n puts on NODE_PATH before it loads community packages.
		const resolved = fs.realpathSync(
			createRequire(__filename).resolve('n8n-workflow', { paths: [path.join(nodesModules, PACKAGE, 'dist'), path.join(installDir, 'node_modules/n8n/dist')] }),
		);
		expect(resolved.startsWith(fs.realpathSync(path.join(installDir, 'node_modules')) + path.sep)).toBe(true);
		const n8nDeps = (JSON.parse(fs.readFileSync(path.join(installDir, 'node_modules/n8n/package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
		const pkg = JSON.parse(fs.readFileSync(path.join(resolved.slice(0, resolved.lastIndexOf(`${path.sep}dist${path.sep}`)), 'package.json'), 'utf8')) as { version: string };
		expect(pkg.version).toBe(n8nDeps['n8n-workflow']);
	});

	it('imports every template with its id and name', async () => {
		const imported = new Map((await n8n.workflows()).map((w) => [w.id, w.name]));
		for (const t of templates) expect([t.file, imported.get(t.id)]).toEqual([t.file, t.name]);
	});

	it.each(templates.map((t) => [t.file, t]))('%s: node types and versions this n8n has, or a note naming the n8n it requires', async (_file, template) => {
		const minimum = minimumN8n(template.nodes);
		// A note can only excuse older n8n: the newest supported one must run every template.
		if (minimum) expect(compareVersions(minimum, N8N_VERSIONS[N8N_VERSIONS.length - 1])).toBeLessThanOrEqual(0);
		if (minimum && compareVersions(version, minimum) < 0) return;
		const workflow = await n8n.workflow(template.id);
		const problems = nodeProblems(workflow.nodes, types.nodes);
		expect(problems.length ? [...problems, `(or add one sticky note "${MINIMUM_NOTE.source.replace('(\\d+\\.\\d+(?:\\.\\d+)?)', 'X.Y')}")`] : []).toEqual([]);
	});

	it('reads and writes Procore (List projects, Create RFI)', async () => {
		const subject = `Compatibility check in n8n ${version}`;
		const created = await n8n.api<Workflow>(
			'POST',
			'/workflows',
			manualWorkflow(`compat ${version}: read and write`, [
				{ name: 'Read', parameters: { resource: 'project', operation: 'getAll', returnAll: true, filters: { status: 'Active' } } },
				{
					name: 'Write',
					parameters: {
						resource: 'rfi',
						operation: 'create',
						project: { __rl: true, mode: 'id', value: String(tower) },
						subject,
						question: 'Which anchor spacing applies at level 3?',
						rfiManager: { __rl: true, mode: 'id', value: String(state.seed.users.pm) },
					},
				},
			]),
		);
		const execution = (await n8n.execute(created.id)) as unknown as Execution;
		const projects = nodeOutput(execution, 'Read');
		const active = (await sandbox.state<{ id: number; active?: boolean; is_active?: boolean }>(`companies/${state.companyId}/projects`)).filter((p) => p.active ?? p.is_active);
		expect(active.length).toBeGreaterThan(0);
		expect(projects.map((p) => Number(p.id)).sort()).toEqual(active.map((p) => p.id).sort());
		const [rfi] = nodeOutput(execution, 'Write');
		const stored = (await sandbox.state<{ id: number; subject: string }>(`projects/${tower}/rfis`)).filter((r) => r.subject === subject);
		expect(stored).toHaveLength(1);
		expect(String(rfi.id)).toBe(String(stored[0].id));
	});

	it('publishes a Procore Trigger, runs on a delivery, and removes its hook on unpublish', async () => {
		const webhookId = `compat-${version.replace(/\./g, '-')}`;
		const created = await n8n.api<Workflow>('POST', '/workflows', {
			name: `compat ${version}: trigger`,
			nodes: [procoreTriggerNode('e0000000-0000-4000-8000-000000000001', webhookId, { scope: 'project', project: { __rl: true, mode: 'id', value: String(tower) }, resources: ['RFIs'], events: ['create'] })],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		await n8n.publish(created.id);
		const destination = `${target.n8nUrl}/webhook/${webhookId}/webhook`;
		const live = async () => (await sandbox.state<{ id: number; destination_url: string; deleted_at?: string | null }>('webhooks/hooks')).filter((h) => h.destination_url === destination && !h.deleted_at);
		try {
			// n8n answers the publish call before the trigger has made its hook and the hook's trigger.
			await eventually(
				async () => {
					const hooks = await live();
					const triggers = await sandbox.state<{ hook_id?: number; webhook_hook_id?: number; deleted_at?: string | null }>('webhooks/triggers');
					return hooks.length === 1 && triggers.some((t) => !t.deleted_at && Number(t.webhook_hook_id ?? t.hook_id) === hooks[0].id);
				},
				{ what: `the hook of ${webhookId} and its trigger`, timeoutMs: 60_000 },
			);
			const rfi = (await sandbox.uiEdit({ resource: 'RFIs', action: 'create', project_id: tower, attributes: { subject: `Delivered to n8n ${version}` } })) as { id: number };
			const [execution] = await n8n.waitForExecutions(created.id, 1);
			expect(execution.status).toBe('success');
			expect(nodeOutput(execution, 'Procore Trigger')[0]).toMatchObject({ resource_name: 'RFIs', event_type: 'create', resource_id: String(rfi.id) });
		} finally {
			await n8n.unpublish(created.id);
		}
		expect(await live()).toEqual([]);
	});

	it("surfaces a failing call's Procore error as in every other n8n", async () => {
		const created = await n8n.api<Workflow>(
			'POST',
			'/workflows',
			manualWorkflow(`compat ${version}: failing call`, [
				{ name: 'Get RFI', parameters: { resource: 'rfi', operation: 'get', project: { __rl: true, mode: 'id', value: String(tower) }, rfiId: { __rl: true, mode: 'id', value: '999999999' } } },
			]),
		);
		await expect(n8n.execute(created.id)).rejects.toThrow(/rfi not found/);
		// The CLI stores the execution: n8n's own record of the error, as its editor shows it.
		const [execution] = await n8n.waitForExecutions(created.id, 1, { quietMs: 0 });
		expect(execution.status).toBe('error');
		const error = execution.data?.resultData.error as { message: string; description?: string; httpCode?: string; node?: { name: string } } | undefined;
		const seen = { node: error?.node?.name, message: error?.message, description: error?.description, httpCode: error?.httpCode };
		expect(seen).toMatchObject({ node: 'Get RFI', httpCode: '404', message: expect.stringContaining('rfi not found') });
		errorsSeen.set(version, seen);
		for (const [other, theirs] of errorsSeen) expect([other, theirs]).toEqual([other, seen]);
	});
});
