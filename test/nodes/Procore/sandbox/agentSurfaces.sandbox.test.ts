/**
 * Issue #10 on the sandbox: every read and write operation of the surfaces agents use (projects,
 * vendors, commitments, budget, RFIs, observations, daily logs, submittals, specification
 * sections) run through n8n-core's workflow harness against a live sandbox. The sandbox serves one
 * record per page, so every list is read to its end over several pages, and each test checks the
 * sandbox's stored records: a list returns exactly what is stored, a write changes what is stored.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../../../sandbox';
import type { StoredRec } from '../../../../sandbox/store';
import { byId, runOnSandbox, stored, useSandbox, type SandboxRun } from './nodeOnSandbox';

// One record per page on v1 and v2 lists: a list of N records costs N pages.
const sb = useSandbox({ v1MaxPerPage: 1, v2MaxPerPage: 1, seed: { projects: 2, rfis: 3 } });

/** The collection a seeded record lives in, as the sandbox stores it. */
function collectionOf(s: Sandbox, id: number): StoredRec[] {
	const key = s.store.keyOf(id);
	if (!key) throw new Error(`no stored record ${id}`);
	return stored(s, key);
}
function record(s: Sandbox, id: number | string): StoredRec {
	const key = s.store.keyOf(id);
	const rec = key ? s.store.get(key, id) : undefined;
	if (!rec) throw new Error(`no stored record ${id}`);
	return rec;
}
/** Detail rows of a budget view, as stored. */
function detailRows(s: Sandbox, viewId: number): StoredRec[] {
	const key = [...s.store.collections.keys()].find((k) => k.endsWith(`budget_views/${viewId}/detail_rows`));
	if (!key) throw new Error(`no detail rows for view ${viewId}`);
	return stored(s, key);
}
const ids = (list: Array<{ id?: unknown }>) => list.map((r) => String(r.id)).sort();
/** Pages the run asked for from one list path. */
const pagesOf = (run: SandboxRun, path: RegExp) => run.calls.filter((c) => c.method === 'GET' && path.test(c.path) && c.query.page);

interface ListCase {
	name: string;
	params: (s: Sandbox) => IDataObject;
	/** The stored records the list must return, all of them. */
	expected: (s: Sandbox) => Array<{ id?: unknown }>;
	path: RegExp;
	/** false where the sandbox (like Procore) serves the list unpaged. */
	paged?: boolean;
}

const listCases: ListCase[] = [
	{
		name: 'Project › Get Many (active projects)',
		params: () => ({ resource: 'project', operation: 'getAll', returnAll: true }),
		expected: (s) => collectionOf(s, s.seed.projects.tower).filter((p) => p.active !== false),
		path: /^\/rest\/v1\.0\/projects$/,
	},
	{
		name: 'Vendor › Get Many (company directory)',
		params: () => ({ resource: 'vendor', operation: 'getAll', directory: 'company', returnAll: true }),
		expected: (s) => collectionOf(s, s.seed.vendors.electrical),
		path: /\/vendors$/,
	},
	{
		name: 'Commitment › Get Many',
		params: (s) => ({ resource: 'commitment', operation: 'getAll', project: byId(s.seed.projects.tower), returnAll: true }),
		expected: (s) => [
			...collectionOf(s, s.seed.commitments.electricalWoc),
			...collectionOf(s, s.seed.commitments.plumbingPo),
		],
		path: /\/commitment_contracts$/,
	},
	{
		name: 'RFI › Get Many',
		params: (s) => ({ resource: 'rfi', operation: 'getAll', project: byId(s.seed.projects.tower), returnAll: true }),
		expected: (s) => collectionOf(s, s.seed.rfis.embedPlates),
		path: /\/rfis$/,
	},
	{
		name: 'Observation › Get Many',
		params: (s) => ({ resource: 'observation', operation: 'getAll', project: byId(s.seed.projects.tower), returnAll: true }),
		expected: (s) => collectionOf(s, s.seed.observations.guardrail),
		path: /\/observations\/items$/,
	},
	{
		name: 'Submittal › Get Many',
		params: (s) => ({ resource: 'submittal', operation: 'getAll', project: byId(s.seed.projects.tower), returnAll: true }),
		expected: (s) => collectionOf(s, s.seed.submittals.rebar),
		path: /\/submittals$/,
	},
	{
		name: 'Specification Section › Get Many',
		params: (s) => ({ resource: 'specificationSection', operation: 'getAll', project: byId(s.seed.projects.tower), returnAll: true }),
		expected: (s) => collectionOf(s, s.seed.specificationSections.concrete),
		path: /specification_sections$/,
		paged: false,
	},
	{
		name: 'Budget › Get Detail Rows',
		params: (s) => ({
			resource: 'budget',
			operation: 'getDetailRows',
			project: byId(s.seed.projects.tower),
			budgetView: byId(s.seed.budgetViews.standard),
			returnAll: true,
		}),
		expected: (s) => detailRows(s, s.seed.budgetViews.standard),
		path: /detail_rows$/,
	},
	{
		name: 'Budget › Get Views',
		params: (s) => ({ resource: 'budget', operation: 'getViews', project: byId(s.seed.projects.tower) }),
		expected: (s) => collectionOf(s, s.seed.budgetViews.standard),
		path: /budget_views$/,
	},
];

describe('lists are read to their end, one record per page, and match the stored records', () => {
	it.each(listCases)('$name', async ({ params, expected, path, paged }) => {
		const s = sb();
		const run = await runOnSandbox(s, { output: 'raw', ...params(s) });
		expect(run.nodeError).toBeUndefined();
		const want = expected(s);
		expect(want.length).toBeGreaterThan(1);
		expect(ids(run.json)).toEqual(ids(want));
		// One page per record, and none asked after the end.
		expect(pagesOf(run, path).length).toBe(paged === false ? 1 : want.length);
	});
});

describe('reads of one record return the stored record', () => {
	const cases: Array<[string, (s: Sandbox) => IDataObject, (s: Sandbox) => number]> = [
		['Project › Get', (s) => ({ resource: 'project', operation: 'get', project: byId(s.seed.projects.tower) }), (s) => s.seed.projects.tower],
		['Vendor › Get', (s) => ({ resource: 'vendor', operation: 'get', vendor: byId(s.seed.vendors.electrical) }), (s) => s.seed.vendors.electrical],
		[
			'Commitment › Get',
			(s) => ({ resource: 'commitment', operation: 'get', project: byId(s.seed.projects.tower), commitment: byId(s.seed.commitments.concreteWoc) }),
			(s) => s.seed.commitments.concreteWoc,
		],
		[
			'RFI › Get',
			(s) => ({ resource: 'rfi', operation: 'get', project: byId(s.seed.projects.tower), rfiId: byId(s.seed.rfis.embedPlates) }),
			(s) => s.seed.rfis.embedPlates,
		],
		[
			'Observation › Get',
			(s) => ({ resource: 'observation', operation: 'get', project: byId(s.seed.projects.tower), observationId: byId(s.seed.observations.honeycomb) }),
			(s) => s.seed.observations.honeycomb,
		],
		[
			'Submittal › Get',
			(s) => ({ resource: 'submittal', operation: 'get', project: byId(s.seed.projects.tower), submittalId: byId(s.seed.submittals.rebar) }),
			(s) => s.seed.submittals.rebar,
		],
	];
	it.each(cases)('%s', async (_name, params, id) => {
		const s = sb();
		const run = await runOnSandbox(s, { output: 'raw', ...params(s) });
		expect(run.nodeError).toBeUndefined();
		expect(run.json).toHaveLength(1);
		const rec = record(s, id(s));
		expect(String(run.json[0].id)).toBe(String(rec.id));
		const label = rec.name ?? rec.subject ?? rec.title;
		expect(run.json[0].name ?? run.json[0].subject ?? run.json[0].title).toBe(label);
	});
});

describe('the other reads', () => {
	it('Commitment › Get Summary reads the contract\'s money from the stored contract', async () => {
		const s = sb();
		const id = s.seed.commitments.electricalWoc;
		const run = await runOnSandbox(s, { resource: 'commitment', operation: 'getSummary', project: byId(s.seed.projects.tower), commitment: byId(id) });
		expect(run.nodeError).toBeUndefined();
		expect(run.json[0]).toMatchObject({ commitment_id: String(id), original_contract_amount: record(s, id).grand_total });
	});

	it('Commitment › Get Compliance (type detected) returns the contract\'s compliance record', async () => {
		const s = sb();
		for (const id of [s.seed.commitments.concreteWoc, s.seed.commitments.plumbingPo]) {
			const run = await runOnSandbox(s, {
				resource: 'commitment',
				operation: 'getCompliance',
				project: byId(s.seed.projects.tower),
				commitment: byId(id),
				output: 'raw',
			});
			expect(run.nodeError).toBeUndefined();
			const kind = record(s, id).number?.toString().startsWith('PO') ? 'purchase_order_contracts' : 'work_order_contracts';
			expect(run.calls.some((c) => c.path.endsWith(`/${kind}/${id}/compliance`))).toBe(true);
		}
	});

	it('Commitment › Get Project Subcontractors: one item per distinct vendor of the project\'s commitments', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'commitment', operation: 'getProjectSubcontractors', project: byId(s.seed.projects.tower) });
		expect(run.nodeError).toBeUndefined();
		const contracts = [...collectionOf(s, s.seed.commitments.electricalWoc), ...collectionOf(s, s.seed.commitments.plumbingPo)];
		const vendorIds = [...new Set(contracts.map((c) => String((c.vendor as { id: number }).id)))].sort();
		expect(run.json.map((v) => String(v.vendor_id ?? v.id)).sort()).toEqual(vendorIds);
	});

	it('Commitment › Get Project Subcontractors with the directory: commitment vendors and every stored directory vendor (all pages), in_directory as stored', async () => {
		const s = sb();
		const tower = s.seed.projects.tower;
		const directoryKey = `projects/${tower}/vendors`;
		// Take electrical (on a commitment) out of the directory for this test: it stays a sub, not in the directory.
		const removed = s.store.remove(directoryKey, s.seed.vendors.electrical, new Date().toISOString());
		expect(removed).toBeDefined();
		try {
			const run = await runOnSandbox(s, {
				resource: 'commitment',
				operation: 'getProjectSubcontractors',
				project: byId(tower),
				options: { includeDirectory: true, includeContacts: false },
			});
			expect(run.nodeError).toBeUndefined();
			const directory = new Set(stored(s, directoryKey).filter((v) => !v.deleted_at).map((v) => String(v.id)));
			const onCommitments = new Set(
				[...collectionOf(s, s.seed.commitments.electricalWoc), ...collectionOf(s, s.seed.commitments.plumbingPo)]
					.filter((c) => !c.deleted_at && !['void', 'terminated'].includes(String(c.status).toLowerCase()))
					.map((c) => String((c.vendor as { id: number }).id)),
			);
			expect(directory.size).toBeGreaterThan(1);
			expect(run.json.map((v) => String(v.vendor_id)).sort()).toEqual([...new Set([...directory, ...onCommitments])].sort());
			for (const v of run.json) {
				expect(v.in_directory).toBe(directory.has(String(v.vendor_id)));
				if (!onCommitments.has(String(v.vendor_id))) expect(v.commitments).toEqual([]);
			}
			expect(run.json.find((v) => String(v.vendor_id) === String(s.seed.vendors.electrical))).toMatchObject({ in_directory: false });
			// One vendor per page: the directory was read to its end.
			expect(pagesOf(run, new RegExp(`^/rest/v1\\.0/projects/${tower}/vendors$`)).length).toBeGreaterThanOrEqual(directory.size);
		} finally {
			removed!.deleted_at = null;
		}
	});

	it('Budget › Find Over-Committed Cost Codes: the stored rows above 90 % committed, in either view', async () => {
		const s = sb();
		for (const [view, budgetKey, committedKey] of [
			[s.seed.budgetViews.standard, 'revised_budget', 'committed_costs'],
			[s.seed.budgetViews.costControl, 'Revised Budget', 'Committed Costs'],
		] as const) {
			const over = detailRows(s, view)
				.filter((r) => Number(r[committedKey]) / Number(r[budgetKey]) > 0.9)
				.map((r) => String(r.cost_code_id))
				.sort();
			expect(over.length).toBeGreaterThan(1);
			const run = await runOnSandbox(s, {
				resource: 'budget',
				operation: 'findOverCommitted',
				project: byId(s.seed.projects.tower),
				budgetView: byId(view),
				threshold: 90,
			});
			expect(run.nodeError).toBeUndefined();
			expect(run.json.map((r) => String(r.cost_code_id)).sort()).toEqual(over);
		}
	});

	it('RFI › Get Potential Assignees / Managers', async () => {
		const s = sb();
		for (const role of ['potential_assignees', 'potential_rfi_managers']) {
			const run = await runOnSandbox(s, { resource: 'rfi', operation: 'getPotentialAssignees', project: byId(s.seed.projects.tower), role });
			expect(run.nodeError).toBeUndefined();
			expect(run.json.length).toBeGreaterThan(0);
			expect(run.calls.some((c) => c.path.endsWith(`/rfis/${role}`))).toBe(true);
		}
	});

	const LOG_TYPES = ['manpower', 'notes', 'work', 'delivery', 'weather', 'accident'] as const;

	it.each(LOG_TYPES)('Daily Log › Get Many (%s) for the day of the stored log', async (logType) => {
		const s = sb();
		const stored1 = record(s, s.seed.dailyLogs[logType]);
		const day = String(stored1.date ?? stored1.log_date);
		const run = await runOnSandbox(s, {
			resource: 'dailyLog',
			operation: 'getAll',
			project: byId(s.seed.projects.tower),
			logType,
			startDate: day,
			endDate: day,
			returnAll: true,
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.json.map((l) => String(l.id))).toContain(String(stored1.id));
	});

	it('Daily Log › Get Day Summary gathers every stored log of the day into one item', async () => {
		const s = sb();
		const day = String(record(s, s.seed.dailyLogs.notes).date);
		const run = await runOnSandbox(s, {
			resource: 'dailyLog',
			operation: 'getDaySummary',
			project: byId(s.seed.projects.tower),
			date: day,
			logTypes: [...LOG_TYPES],
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.json).toHaveLength(1);
		const summary = run.json[0] as IDataObject;
		const log = (t: (typeof LOG_TYPES)[number]) => record(s, s.seed.dailyLogs[t]);
		expect(summary.counts).toEqual({ manpower: 1, notes: 1, work: 1, delivery: 1, weather: 1, accident: 1 });
		expect(summary).toMatchObject({
			total_workers: log('manpower').num_workers,
			total_man_hours: Number(log('manpower').man_hours),
			manpower: [expect.objectContaining({ vendor_name: (log('manpower').vendor as IDataObject).name, num_workers: log('manpower').num_workers })],
			notes: [expect.objectContaining({ comment: log('notes').comment, is_issue_day: log('notes').is_issue_day })],
			work: [expect.objectContaining({ comments: log('work').comments })],
			delivery: [expect.objectContaining({ delivery_from: log('delivery').delivery_from, tracking_number: log('delivery').tracking_number })],
			weather: [expect.objectContaining({ sky: log('weather').sky, temperature: log('weather').temperature, is_weather_delay: log('weather').is_weather_delay })],
			accident: [expect.objectContaining({ involved_name: log('accident').involved_name, involved_company: log('accident').involved_company })],
		});
		// Every value the summary reports is there: none is lost to a field name Procore does not use.
		for (const entries of ['manpower', 'notes', 'work', 'delivery', 'weather', 'accident'])
			for (const entry of summary[entries] as IDataObject[])
				for (const [field, value] of Object.entries(entry)) if (field !== 'location') expect([field, value]).not.toEqual([field, null]);
	});
});

describe('writes change what the sandbox stores', () => {
	it('Vendor › Create then Update (company directory)', async () => {
		const s = sb();
		const created = await runOnSandbox(s, {
			resource: 'vendor',
			operation: 'create',
			directory: 'company',
			name: 'Summit Glazing Co.',
			additionalFields: { emailAddress: 'office@summitglazing.example', originId: 'coi-v-77' },
		});
		expect(created.nodeError).toBeUndefined();
		const id = String(created.json[0].id);
		expect(record(s, id)).toMatchObject({ name: 'Summit Glazing Co.', email_address: 'office@summitglazing.example', origin_id: 'coi-v-77' });
		const updated = await runOnSandbox(s, {
			resource: 'vendor',
			operation: 'update',
			directory: 'company',
			vendor: { __rl: true, mode: 'originId', value: 'coi-v-77' },
			updateFields: { businessPhone: '+1 206 555 0199' },
		});
		expect(updated.nodeError).toBeUndefined();
		expect(record(s, id)).toMatchObject({ name: 'Summit Glazing Co.', business_phone: '+1 206 555 0199' });
		expect(updated.writes.map((w) => w.method)).toEqual(['PATCH']);
	});

	it('RFI › Create (draft), Update, Reply', async () => {
		const s = sb();
		const project = byId(s.seed.projects.tower);
		const created = await runOnSandbox(s, {
			resource: 'rfi',
			operation: 'create',
			project,
			subject: 'Anchor bolt projection at grid D',
			question: 'Survey shows 2" projection; detail 5/S-301 calls 3". Which governs?',
			rfiManager: byId(s.seed.users.pm),
		});
		expect(created.nodeError).toBeUndefined();
		const id = String(created.json[0].id);
		expect(record(s, id)).toMatchObject({ subject: 'Anchor bolt projection at grid D', draft: true });
		const updated = await runOnSandbox(s, { resource: 'rfi', operation: 'update', project, rfiId: byId(id), updateFields: { dueDate: '2026-12-15' } });
		expect(updated.nodeError).toBeUndefined();
		expect(String(record(s, id).due_date)).toMatch(/^2026-12-15/);
		const replied = await runOnSandbox(s, { resource: 'rfi', operation: 'reply', project, rfiId: byId(id), body: 'Use 3" per detail 5/S-301.', official: true });
		expect(replied.nodeError).toBeUndefined();
		const replies = [...s.store.collections.entries()].filter(([k]) => k.endsWith(`rfis/${id}/replies`)).flatMap(([, c]) => [...c.values()]);
		expect(replies.map((r) => r.body)).toContain('Use 3" per detail 5/S-301.');
	});

	it('Observation › Create, Update', async () => {
		const s = sb();
		const project = byId(s.seed.projects.tower);
		const created = await runOnSandbox(s, {
			resource: 'observation',
			operation: 'create',
			project,
			name: 'Unprotected floor opening at stair 2',
			type: byId(s.seed.observationTypes.safety),
			additionalFields: { priority: 'High' },
		});
		expect(created.nodeError).toBeUndefined();
		const id = String(created.json[0].id);
		expect(record(s, id)).toMatchObject({ name: 'Unprotected floor opening at stair 2', priority: 'High' });
		const updated = await runOnSandbox(s, { resource: 'observation', operation: 'update', project, observationId: byId(id), updateFields: { status: 'ready_for_review' } });
		expect(updated.nodeError).toBeUndefined();
		expect(record(s, id)).toMatchObject({ status: 'ready_for_review', name: 'Unprotected floor opening at stair 2' });
	});

	it('Submittal › Create, Update', async () => {
		const s = sb();
		const project = byId(s.seed.projects.tower);
		const created = await runOnSandbox(s, {
			resource: 'submittal',
			operation: 'create',
			project,
			number: '08 44 13-1',
			additionalFields: { title: 'Curtain wall shop drawings' },
		});
		expect(created.nodeError).toBeUndefined();
		const id = String(created.json[0].id);
		expect(record(s, id)).toMatchObject({ number: '08 44 13-1', title: 'Curtain wall shop drawings' });
		const updated = await runOnSandbox(s, { resource: 'submittal', operation: 'update', project, submittalId: byId(id), updateFields: { revision: '1' } });
		expect(updated.nodeError).toBeUndefined();
		expect(record(s, id)).toMatchObject({ revision: '1', title: 'Curtain wall shop drawings' });
	});

	it('Preview Only writes nothing', async () => {
		const s = sb();
		const before = collectionOf(s, s.seed.observations.guardrail).length;
		const run = await runOnSandbox(s, {
			resource: 'observation',
			operation: 'create',
			project: byId(s.seed.projects.tower),
			name: 'Preview only',
			type: byId(s.seed.observationTypes.safety),
			options: { previewOnly: true },
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.writes).toEqual([]);
		expect(collectionOf(s, s.seed.observations.guardrail)).toHaveLength(before);
	});
});
