/**
 * Figures that need a real n8n process (issue #12 figures 3–5, issue #15's publish cost). One n8n
 * 2.41 with the packed package installed (scripts/lib/n8n.ts, dist/ must be built) is started once
 * against an in-process sandbox and serves every figure here; it is stopped at the end.
 *  - Webhook burst: a published Procore Trigger workflow (project scope, RFIs create → NoOp), 1,000
 *    RFI UI edits in the sandbox with 10% of events delivered twice; executions are counted through
 *    n8n's public API and acknowledgement times read from the sandbox's delivery log.
 *  - Cost of the node itself: Webhook → Split Out (N items) → Procore (Project › Get) against the
 *    same with an HTTP Request node using the same credential, and against no call at all.
 *  - Publish cost of the All Projects trigger for 50 and 500 active projects (issue #15).
 *  - Memory of the n8n process (figure 4): RSS of n8n's main process uploading and downloading
 *    1 GiB and 2 GiB files (bench/figures/n8nMemory.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { procoreTriggerNode, SANDBOX_CREDENTIAL_ID, SANDBOX_CREDENTIAL_NAME, startN8n, type N8nInstance } from '../../scripts/lib/n8n';
import { publishCost as nodePublishCost } from '../../nodes/ProcoreTrigger/allProjects';
import type { FigureResult, Row } from '../lib/report';
import { N8N_MEMORY_TITLE, n8nMemory, n8nMemoryEnv } from './n8nMemory';

const CREDENTIALS = { procoreOAuth2Api: { id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME } };
const HOOKS = 'webhooks/hooks';
const TRIGGERS = 'webhooks/triggers';

const BURST_EVENTS = 1000;
const DUPLICATE_SHARE = 0.1;
const ACK_LIMIT_MS = 5000;
const COST_ITEMS = 500;
/** Odd, so the median is one run; each repetition runs the two nodes back to back, in alternating order. */
const COST_REPETITIONS = 9;
/** Generated projects seeded for 50 and 500 active ones (every tenth generated project is inactive; 4 named ones are active). */
const PUBLISH_SIZES = [
	{ active: 50, generated: 51 },
	{ active: 500, generated: 551 },
];

type Log = (s: string) => void;
interface TriggerStateView {
	projectHooks?: Record<string, string>;
	pendingProjects?: string[];
	failedProjects?: Record<string, string>;
}

interface Workflow {
	id: string;
	name: string;
}
interface Execution {
	id: string;
	status: string;
	data?: { resultData: { error?: { message?: string }; runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }>> } };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const n = (v: number) => v.toLocaleString('en');

function percentile(values: number[], p: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const median = (values: number[]) => percentile(values, 50);

async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const v = await check();
		if (v) return v;
		if (Date.now() > end) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(200);
	}
}

/** Waits until the sandbox has received no call for `quietMs` (n8n's hook work can run on after its API answered). */
async function quiet(sb: Sandbox, quietMs = 1500, timeoutMs = 120_000): Promise<void> {
	let count = -1;
	let since = Date.now();
	await until(() => {
		if (sb.calls.length !== count) {
			count = sb.calls.length;
			since = Date.now();
		}
		return Date.now() - since >= quietMs;
	}, timeoutMs, 'the sandbox to be quiet');
}

const live = (sb: Sandbox, collection: string) => sb.rt.store.list(collection).filter((r) => !r.deleted_at);

/** Every execution of a workflow, page by page (nextCursor). */
async function executions(n8n: N8nInstance, workflowId: string, includeData: boolean): Promise<Execution[]> {
	const all: Execution[] = [];
	let cursor: string | undefined;
	do {
		const page = await n8n.api<{ data: Execution[]; nextCursor?: string | null }>(
			'GET',
			`/executions?workflowId=${workflowId}&limit=250&includeData=${includeData}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
		);
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

async function createWorkflow(n8n: N8nInstance, body: object): Promise<Workflow> {
	return await n8n.api<Workflow>('POST', '/workflows', body);
}

/** Publishes a workflow and waits until n8n serves its production webhook at `webhookPath`. */
async function publishWebhook(n8n: N8nInstance, id: string, webhookPath: string): Promise<void> {
	await n8n.api('POST', `/workflows/${id}/publish`, {});
	await until(async () => {
		const r = await fetch(`${n8n.url}/webhook/${webhookPath}`, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1', 'Access-Control-Request-Method': 'POST' } });
		await r.text();
		return r.status === 204;
	}, 30_000, `webhook ${webhookPath} registered`);
}

// ---------------------------------------------------------------- Figure 3: webhook burst

async function webhookBurst(n8n: N8nInstance, sb: Sandbox, log: Log): Promise<FigureResult> {
	const title = 'Webhook burst in real n8n';
	sb.reset();
	const project = sb.seed.projects.tower;
	const wf = await createWorkflow(n8n, {
		name: 'bench: RFI burst',
		nodes: [
			procoreTriggerNode('c0000000-0000-4000-8000-000000000001', 'bench-rfi-burst', { scope: 'project', project: { __rl: true, mode: 'id', value: String(project) }, resources: ['RFIs'], events: ['create'] }),
			{ id: 'c0000000-0000-4000-8000-000000000002', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [240, 0], parameters: {} },
		],
		connections: { 'Procore Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	});
	await n8n.api('POST', `/workflows/${wf.id}/publish`, {});
	await until(() => {
		const hooks = live(sb, HOOKS);
		return hooks.length === 1 && live(sb, TRIGGERS).some((t) => Number(t.hook_id) === Number(hooks[0].id));
	}, 30_000, 'the trigger hook registered');
	await quiet(sb);
	sb.config({ duplicateDeliveries: DUPLICATE_SHARE });

	log(`burst: ${BURST_EVENTS} RFI creations in the sandbox, ${DUPLICATE_SHARE * 100}% delivered twice`);
	const t0 = Date.now();
	for (let k = 0; k < BURST_EVENTS; k++) {
		sb.uiEdit({ resource: 'RFIs', action: 'create', project_id: project, attributes: { subject: `Burst RFI ${k + 1}` } });
	}
	await Promise.race([sb.dispatcher.idle(), sleep(300_000).then(() => Promise.reject(new Error('deliveries not drained within 300 s')))]);
	const deliveredMs = Date.now() - t0;
	const deliveries = [...sb.deliveries()];
	log(`burst: ${deliveries.length} deliveries in ${s(deliveredMs)}; waiting for the executions`);

	// Executions finish after their acknowledgement: wait until the count is stable and none runs.
	let last = -1;
	let stableSince = Date.now();
	await until(async () => {
		const all = await executions(n8n, wf.id, false);
		const running = all.filter((e) => ['running', 'new', 'waiting'].includes(e.status)).length;
		if (all.length !== last) {
			last = all.length;
			stableSince = Date.now();
		}
		return running === 0 && all.length >= BURST_EVENTS && Date.now() - stableSince >= 3000;
	}, 180_000, 'the executions to finish').catch((e: Error) => log(`burst: ${e.message}`));
	const runs = await executions(n8n, wf.id, true);
	const totalMs = Date.now() - t0;
	await n8n.api('POST', `/workflows/${wf.id}/unpublish`);
	await quiet(sb);
	sb.config({ duplicateDeliveries: 0 });

	const events = new Set(deliveries.map((d) => d.ulid));
	const okPerEvent = new Map<string, number>();
	for (const d of deliveries) if (d.outcome === 'ok') okPerEvent.set(d.ulid, (okPerEvent.get(d.ulid) ?? 0) + 1);
	const deliveredTwice = [...okPerEvent.values()].filter((c) => c > 1).length;
	const failedDeliveries = deliveries.filter((d) => d.outcome !== 'ok').length;
	const executedKeys: string[] = [];
	let failedRuns = 0;
	const runErrors = new Map<string, number>();
	for (const e of runs) {
		if (e.status !== 'success') {
			failedRuns++;
			const message = String(e.data?.resultData.error?.message ?? e.status);
			runErrors.set(message, (runErrors.get(message) ?? 0) + 1);
		}
		const item = e.data?.resultData.runData['Procore Trigger']?.[0]?.data?.main?.[0]?.[0]?.json;
		executedKeys.push(String(item?.ulid ?? item?.dedupe_key ?? `execution ${e.id}`));
	}
	const distinct = new Set(executedKeys.filter((k) => events.has(k)));
	const lost = BURST_EVENTS - distinct.size;
	const runTwice = runs.length - new Set(executedKeys).size;
	const acks = deliveries.map((d) => d.response_ms).filter((v): v is number => typeof v === 'number');
	const p50 = percentile(acks, 50);
	const p99 = percentile(acks, 99);
	const max = Math.max(...acks);
	log(`burst: ${runs.length} executions, ${distinct.size} distinct events, ${deliveredTwice} delivered twice; ack p50 ${ms(p50)} ms, p99 ${ms(p99)} ms, max ${ms(max)} ms`);
	const ok =
		runs.length === BURST_EVENTS && lost === 0 && runTwice === 0 && failedRuns === 0 && failedDeliveries === 0 && events.size === BURST_EVENTS && max < ACK_LIMIT_MS;
	const row: Row = {
		figure: title,
		workload: `${n(BURST_EVENTS)} RFI events, ${DUPLICATE_SHARE * 100}% delivered twice (published Procore Trigger → NoOp)`,
		ours: `${n(runs.length)} executions (${failedRuns} not successful); ${deliveredTwice} events delivered twice, ${lost} lost, ${runTwice} run twice; acknowledgement p50 ${ms(p50)} ms, p99 ${ms(p99)} ms, max ${ms(max)} ms (limit 5,000 ms); ${failedDeliveries} deliveries not acknowledged`,
		baseline: `a plain Webhook node runs once per delivery: ${n(deliveries.length - failedDeliveries)} executions, ${deliveredTwice} events run twice (not run: follows from the delivery count)`,
		ratioText: 'n/a',
		detail: `${runErrors.size ? `executions not successful: ${[...runErrors].map(([m, c]) => `${c}× "${m}"`).join(', ')} (an execution that failed before its trigger node ran holds no event: the event is lost although Procore got its 200); ` : ''}${n(deliveries.length)} deliveries in ${s(deliveredMs)} (${(deliveries.length / (deliveredMs / 1000)).toFixed(0)}/s, one at a time per URL as Procore sends them); every execution finished ${s(totalMs)} after the first edit`,
		ok,
	};
	return {
		title,
		rows: [row],
		notes: [
			'Acknowledgement time = the sandbox dispatcher\'s time from sending the POST to the end of n8n\'s answer (`response_ms` in its delivery log, performance.now()); Procore counts a delivery as failed without a 2xx within 5 s.',
			'Executions are counted through n8n\'s public API (`/executions?workflowId=…`, every page); an event is "executed" when an execution\'s trigger output carries its ulid. Lost = 1,000 − distinct events executed; run twice = executions − distinct keys.',
			'The sandbox delivers one event at a time per destination URL, like Procore (a failure pauses the queue), so the burst is bounded by n8n\'s acknowledgement time.',
		],
	};
}

// ---------------------------------------------------------------- Figure 5: cost of the node itself

function costWorkflow(name: string, webhookPath: string, webhookId: string, call: object | null): object {
	const nodes: object[] = [
		{ id: `${webhookId}-1`, name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId, parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', options: {} } },
		{ id: `${webhookId}-2`, name: 'Items', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [220, 0], parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} } },
		call ? { id: `${webhookId}-3`, name: 'Call', position: [440, 0], ...call } : { id: `${webhookId}-3`, name: 'Call', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, 0], parameters: {} },
	];
	return {
		name,
		nodes,
		connections: { Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] }, Items: { main: [[{ node: 'Call', type: 'main', index: 0 }]] } },
		// The figure is the node's cost, not the cost of storing 500 records per run.
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'none', saveDataErrorExecution: 'all' },
	};
}

async function nodeCost(n8n: N8nInstance, sb: Sandbox, log: Log): Promise<FigureResult> {
	const title = 'Cost of the node itself';
	sb.reset();
	const company = String(sb.companyId);
	const projectIds = Object.entries(sb.seed.projects)
		.filter(([k, v]) => k !== 'extra' && typeof v === 'number')
		.map(([, v]) => v as number);
	const items = Array.from({ length: COST_ITEMS }, (_, k) => ({ id: projectIds[k % projectIds.length] }));
	const variants = [
		{ key: 'none', label: 'no call (Webhook → Split Out → NoOp)', call: null },
		{
			key: 'procore',
			label: 'Procore node, Project › Get (output Raw)',
			call: {
				type: 'n8n-nodes-procore.procore',
				typeVersion: 1,
				parameters: {
					resource: 'project',
					operation: 'get',
					company: { __rl: true, mode: 'id', value: company },
					project: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					output: 'raw',
				},
				credentials: CREDENTIALS,
			},
		},
		{
			key: 'http',
			label: 'HTTP Request node, GET /rest/v1.0/projects/{id} with the predefined credential type procoreOAuth2Api',
			call: {
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					method: 'GET',
					url: `=${sb.url}/rest/v1.0/projects/{{ $json.id }}`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'procoreOAuth2Api',
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'company_id', value: company }] },
					sendHeaders: true,
					headerParameters: { parameters: [{ name: 'Procore-Company-Id', value: company }] },
					options: {},
				},
				credentials: CREDENTIALS,
			},
		},
	];
	const deployed: Array<{ key: string; label: string; path: string; id: string; times: number[]; calls: number[]; errors: string[] }> = [];
	for (const v of variants) {
		const webhookPath = `bench-cost-${v.key}`;
		const wf = await createWorkflow(n8n, costWorkflow(`bench: node cost (${v.key})`, webhookPath, `bench-cost-${v.key}`, v.call));
		await publishWebhook(n8n, wf.id, webhookPath);
		deployed.push({ key: v.key, label: v.label, path: webhookPath, id: wf.id, times: [], calls: [], errors: [] });
	}
	const runOnce = async (d: (typeof deployed)[number], record: boolean) => {
		const before = sb.calls.length;
		const t0 = performance.now();
		const response = await fetch(`${n8n.url}/webhook/${d.path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ items }) });
		const text = await response.text();
		const elapsed = performance.now() - t0;
		const projectCalls = sb.calls.slice(before).filter((c) => /\/rest\/v1\.0\/projects\/\d+$/.test(c.path) && c.status === 200).length;
		if (!response.ok) d.errors.push(`${response.status}: ${text.slice(0, 200)}`);
		else if (d.key !== 'none' && projectCalls !== COST_ITEMS) d.errors.push(`${projectCalls} project GETs answered 200 for ${COST_ITEMS} items`);
		if (record) {
			d.times.push(elapsed);
			d.calls.push(projectCalls);
		}
	};
	// One warm-up each (token, code paths), then repetitions that alternate which node goes first
	// (ABBA…), so a machine slowing down or speeding up during the figure favours neither side.
	for (const d of deployed) await runOnce(d, false);
	const [none, procore, http] = deployed;
	for (let r = 0; r < COST_REPETITIONS; r++) {
		await runOnce(none, true);
		for (const d of r % 2 === 0 ? [procore, http] : [http, procore]) await runOnce(d, true);
	}
	// The figure is measured by now: a failed unpublish (n8n.api already retries a lagging database) is logged, not fatal.
	for (const d of deployed) {
		await n8n.api('POST', `/workflows/${d.id}/unpublish`).catch((error: Error) => log(`cost: could not unpublish ${d.key}: ${error.message.slice(0, 200)}`));
	}

	const baseRun = median(none.times);
	const perItemRuns = (d: (typeof deployed)[number]) => d.times.map((t) => (t - baseRun) / COST_ITEMS);
	const spread = (values: number[]) =>
		`median ${ms(median(values))}, IQR ${ms(percentile(values, 25))}–${ms(percentile(values, 75))}, range ${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
	const ours = median(perItemRuns(procore));
	const base = median(perItemRuns(http));
	// Each repetition's own ratio (the two runs are adjacent in time): how much of the difference is noise.
	const pairRatios = perItemRuns(http).map((h, k) => h / perItemRuns(procore)[k]);
	const describe = (d: (typeof deployed)[number]) =>
		`ms per item over ${d.times.length} runs of ${COST_ITEMS} items: ${spread(perItemRuns(d))}; runs ${d.times.map((t) => ms(t)).join(', ')} ms`;
	for (const d of deployed) log(`cost: ${d.key}: ${describe(d)}${d.errors.length ? `; errors: ${d.errors[0]}` : ''}`);
	log(`cost: ratio per repetition (HTTP Request / Procore): ${pairRatios.map((r) => r.toFixed(2)).join(', ')}`);
	const errors = [...procore.errors, ...http.errors, ...none.errors];
	return {
		title,
		rows: [
			{
				figure: title,
				workload: `${COST_ITEMS} items, one project GET each, Webhook (Respond: last node) → Split Out → the call; ${COST_REPETITIONS} alternated repetitions`,
				ours: `${ms(ours)} ms per item (${procore.label}; ${describe(procore)}; ${procore.calls[0] ?? 0} calls per run)`,
				baseline: `${ms(base)} ms per item (${http.label}; ${describe(http)}; ${http.calls[0] ?? 0} calls per run)`,
				ratio: base / ours,
				detail: `ratio of the medians ${(base / ours).toFixed(2)} (goal ≥ 1.0); ratio per repetition ${spread(pairRatios).replace(/ms /g, '')}; overhead of the Procore node ${ours - base >= 0 ? '+' : ''}${ms(ours - base)} ms per item; per item = (run − median run without a call: ${ms(baseRun)} ms) / ${COST_ITEMS}${errors.length ? `; errors: ${errors.slice(0, 2).join('; ')}` : ''}`,
				ok: errors.length === 0 && base / ours >= 1,
			},
		],
		notes: [
			'Same n8n process, same sandbox, same credential; both nodes call GET /rest/v1.0/projects/{id}?company_id=… once per item, the project ID coming from each item by expression. Ratio = HTTP Request per-item time / Procore node per-item time (1 or more: the Procore node costs no more than the bare HTTP Request node).',
			`Each of the ${COST_REPETITIONS} repetitions runs the no-call workflow, then both nodes back to back, the Procore node first in odd repetitions and second in even ones; medians with interquartile range (IQR) and range are shown, and the ratio of each repetition's adjacent pair shows how much of a difference is noise on a shared machine.`,
			'Successful executions are not stored (saveDataSuccessExecution none) for all three workflows, so the figure is the nodes and their calls, not the database.',
			'Where the time went (issue #27): a CPU profile of n8n during this figure (BENCH_N8N_CPU_PROF=<dir>, read with bench/cpu-profile.ts) showed the Procore node evaluating the item\'s project expression twice (the required-parameter check and the operation; each evaluation runs in n8n\'s expression isolate) and reading the credential (a decryption) twice per request besides the one n8n\'s authentication makes. Both are now done once: the ID resolved by the check is reused, and the API host and token are read once per run. The big-ID JSON parser was not a cost here (0.1% of the profile): bodies without a 16-digit run go straight to JSON.parse.',
		],
	};
}

// ---------------------------------------------------------------- Issue #15: All Projects publish cost

async function publishCost(n8n: N8nInstance, sb: Sandbox, log: Log): Promise<FigureResult> {
	const title = 'Publish cost of the All Projects trigger';
	const rows: Row[] = [];
	for (const size of PUBLISH_SIZES) {
		sb.reset({ projects: size.generated });
		const active = sb.rt.store.list(`companies/${sb.companyId}/projects`).filter((p) => p.active ?? p.is_active).length;
		const wf = await createWorkflow(n8n, {
			name: `bench: RFIs in every project (${size.active})`,
			nodes: [
				procoreTriggerNode(`d0000000-0000-4000-8000-00000000${String(size.active).padStart(4, '0')}`, `bench-all-projects-${size.active}`, { scope: 'allProjects', projectStatus: 'active', resources: ['RFIs'], events: ['create'] }),
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		const stored = async () => {
			const w = await n8n.api<{ staticData?: Record<string, TriggerStateView> }>('GET', `/workflows/${wf.id}`);
			const st = w.staticData?.['node:Procore Trigger'] ?? {};
			return { hooks: Object.keys(st.projectHooks ?? {}).length, pending: st.pendingProjects?.length ?? 0, failed: Object.keys(st.failedProjects ?? {}).length };
		};
		const projectHooks = () => live(sb, HOOKS).filter((h) => h.project_id !== null && h.project_id !== undefined).length;
		let error = '';

		// 1. Publish with n8n's and the node's defaults (n8n 2.41 stops waiting after 84 s; the node
		//    starts no project set-up after 45 s).
		sb.calls.length = 0;
		const t0 = Date.now();
		await n8n.api('POST', `/workflows/${wf.id}/publish`, {});
		await until(() => live(sb, HOOKS).length > 0, 60_000, 'the company hook').catch((e: Error) => (error = e.message));
		await quiet(sb, 3000, 300_000);
		// The sandbox reset revoked n8n's token: its first call gets 401 and n8n fetches a new token
		// (not a Procore API call a live company would see), so 401s are left out of the count.
		const refreshed = sb.calls.filter((c) => c.status === 401).length;
		const calls = sb.calls.filter((c) => c.status !== 401);
		const publishMs = (calls.length ? Date.parse(calls[calls.length - 1].at) : t0) - t0;
		const afterPublish = await until(async () => {
			const st = await stored();
			return st.hooks + st.pending + st.failed === active ? st : undefined;
		}, 30_000, 'the static data saved').catch((e: Error) => {
			error ||= e.message;
			return { hooks: 0, pending: 0, failed: 0 };
		});
		const inProcure = projectHooks();
		log(`all projects, ${active} active: publish ${calls.length} calls in ${s(publishMs)}; ${afterPublish.hooks} hooks stored (${inProcure} in the sandbox), ${afterPublish.pending} waiting`);

		// 2. Deliveries set up the waiting projects: one RFI creation at a time in a hooked project.
		sb.calls.length = 0;
		let deliveries = 0;
		let st = afterPublish;
		const d0 = Date.now();
		const hooked = live(sb, HOOKS).filter((h) => h.project_id !== null && h.project_id !== undefined).map((h) => Number(h.project_id));
		while (st.pending && deliveries < 100 && hooked.length) {
			sb.uiEdit({ resource: 'RFIs', action: 'create', project_id: hooked[deliveries % hooked.length], attributes: { subject: `Bench RFI ${deliveries + 1}` } });
			deliveries++;
			await sb.dispatcher.idle();
			await quiet(sb, 1500);
			st = await until(async () => {
				const now = await stored();
				return now.pending < st.pending || now.hooks === active ? now : undefined;
			}, 30_000, 'the waiting projects saved').catch(() => st);
		}
		const drainCalls = sb.calls.filter((c) => !c.path.includes('/rfis')).length;
		const drainMs = Date.now() - d0;
		if (st.pending) error ||= `${st.pending} project(s) still waiting after ${deliveries} deliveries`;
		const hooks = projectHooks();
		log(`all projects, ${active} active: ${deliveries} deliveries set up the ${afterPublish.pending} waiting projects in ${s(drainMs)} (${drainCalls} calls); ${st.hooks} hooks stored, ${hooks} in the sandbox`);

		// 3. Unpublish: every hook goes.
		sb.calls.length = 0;
		const u0 = Date.now();
		await n8n.api('POST', `/workflows/${wf.id}/unpublish`);
		await until(() => live(sb, HOOKS).length === 0, 300_000, 'every hook removed').catch((e: Error) => (error ||= e.message));
		await quiet(sb);
		const ucalls = [...sb.calls];
		const unpublishMs = (ucalls.length ? Date.parse(ucalls[ucalls.length - 1].at) : u0) - u0;
		const left = live(sb, HOOKS).length;
		const formula = nodePublishCost(active).publishCalls;
		const kinds = new Map<string, number>();
		for (const c of calls) {
			const kind = `${c.method} ${c.path.replace(/\/\d+/g, '/{id}')}`;
			kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
		}
		const breakdown = [...kinds].map(([k, c]) => `${c}× ${k}`).join(', ');
		const total = calls.length + drainCalls;
		log(`all projects, ${active} active: unpublish ${ucalls.length} calls in ${s(unpublishMs)}, ${left} hooks left`);
		const waited = afterPublish.pending
			? `; ${n(afterPublish.hooks)} project hooks within the 45 s Publish Time Limit, the other ${n(afterPublish.pending)} set up after ${deliveries} deliveries (${n(drainCalls)} calls, ${s(drainMs)})`
			: '';
		rows.push({
			figure: title,
			workload: `Publish All Projects (RFIs create) on ${n(active)} active projects`,
			ours: `${n(total)} calls (${n(calls.length)} in ${s(publishMs)} while publishing${waited}); ${hooks} project hooks + 1 company hook, every one stored; unpublish ${n(ucalls.length)} calls in ${s(unpublishMs)}, ${left} hooks left`,
			baseline: `one workflow per project, each with its own Procore Trigger: ${n(active)} workflows, ${n(active * 2)} calls to publish (hook + trigger each) and none added for a new project`,
			ratio: (active * 2) / total,
			detail: `node's formula ceil(P/1000) + 3 + 2P = ${n(formula)} calls, + 1 look-up per project set up after a delivery; calls while publishing: ${breakdown}${refreshed ? `; ${refreshed} call(s) answered 401 before n8n refreshed its token after the sandbox reset, not counted` : ''}${error ? `; ${error}` : ''}`,
			// Unpublish lists the projects (to find hooks another process set up) before its P + 1 DELETEs: the node's own formula.
			ok: !error && hooks === active && st.hooks === active && left === 0 && ucalls.length === nodePublishCost(active).unpublishCalls,
		});
	}
	return {
		title,
		rows,
		notes: [
			'Measured in the same real n8n (its defaults: N8N_WORKFLOW_PUBLICATION_OUTBOX_LEASE_SECONDS 120, so it stops waiting for a publish after 84 s) against the sandbox seeded with extra projects (every tenth generated one inactive, skipped by "active only"); the sandbox has no rate limit here, so the time is n8n plus the sandbox. Under Procore\'s limits the same calls take at least their share of the spike window (25 per 10 s in the documented example), so fewer projects fit in the time limit and more deliveries finish the set-up.',
			'"Stored" = the hooks in the workflow\'s static data as n8n saved it (read through its public API), which is what unpublish deletes: every hook in the sandbox must be stored, and unpublish must leave none (ceil(P/1000) project-list pages + P + 1 DELETEs: it lists the projects to find hooks another receiving process set up).',
			'The baseline (one trigger workflow per project) is counted, not run; it cannot follow new projects, which the All Projects trigger does through its company hook.',
			'Before the Publish Time Limit (commit of 2026-11-29), n8n 2.41 abandoned the 500-project publish at 84 s and saved the static data with 376 of 500 hooks; the 124 others stayed in Procore after unpublish.',
		],
	};
}

// ---------------------------------------------------------------- all of them in one n8n

export const pendingN8nFigures: Array<{ title: string; plan: string }> = [];

async function guarded(title: string, log: Log, run: () => Promise<FigureResult>): Promise<FigureResult> {
	try {
		return await run();
	} catch (error) {
		log(`${title}: failed: ${(error as Error).message}`);
		return { title, rows: [], skipped: `failed in this run: ${(error as Error).message.split('\n')[0]}` };
	}
}

/**
 * `select` (bench/run.ts `--n8n=burst,memory,cost,publish`): only those figures; the others are left
 * out of the result (so `--update` keeps their sections). `sizesMiB`: the memory figure's file sizes.
 */
export async function n8nFigures(log: Log = () => undefined, select?: Set<string>, sizesMiB: number[] = [1024, 2048]): Promise<FigureResult[]> {
	const want = (key: string) => !select || select.has(key);
	const pending = pendingN8nFigures.map(({ title, plan }) => ({ title, rows: [], skipped: `not implemented yet: ${plan}` }));
	const distFile = path.join(__dirname, '../../dist/nodes/ProcoreTrigger/ProcoreTrigger.node.js');
	if (!fs.existsSync(distFile)) {
		const reason = 'dist/ is not built (scripts/build.sh): the real n8n installs the packed package';
		return [
			{ title: 'Webhook burst in real n8n', rows: [], skipped: reason },
			...pending,
			{ title: N8N_MEMORY_TITLE, rows: [], skipped: reason },
			{ title: 'Cost of the node itself', rows: [], skipped: reason },
			{ title: 'Publish cost of the All Projects trigger', rows: [], skipped: reason },
		];
	}
	const sb = await startSandbox({ port: 0 });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'procore-bench-n8n-'));
	// Files of the memory figure: outside n8n's user folder, the only folder its file nodes may use.
	const fileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'procore-bench-n8n-files-'));
	let n8n: N8nInstance | undefined;
	try {
		const t0 = Date.now();
		// BENCH_N8N_CPU_PROF=<dir>: n8n writes a V8 CPU profile there when it stops (how issue #27's
		// per-item cost was found: node --cpu-prof, read with bench/cpu-profile.ts).
		const profileDir = process.env.BENCH_N8N_CPU_PROF;
		const profileEnv: Record<string, string> = profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(profileDir)}` } : {};
		n8n = await startN8n({ userFolder, sandboxUrl: sb.url, companyId: sb.companyId, importTemplates: false, env: { ...n8nMemoryEnv(fileDir), ...profileEnv } });
		log(`n8n started in ${s(Date.now() - t0)} at ${n8n.url}`);
		const started = n8n;
		const results: FigureResult[] = [];
		if (want('burst')) results.push(await guarded('Webhook burst in real n8n', log, () => webhookBurst(started, sb, log)));
		if (!select) results.push(...pending);
		if (want('memory')) results.push(await guarded(N8N_MEMORY_TITLE, log, () => n8nMemory(started, sb, log, fileDir, sizesMiB)));
		if (want('cost')) results.push(await guarded('Cost of the node itself', log, () => nodeCost(started, sb, log)));
		if (want('publish')) results.push(await guarded('Publish cost of the All Projects trigger', log, () => publishCost(started, sb, log)));
		return results;
	} finally {
		await n8n?.stop();
		await sb.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
		fs.rmSync(fileDir, { recursive: true, force: true });
	}
}
