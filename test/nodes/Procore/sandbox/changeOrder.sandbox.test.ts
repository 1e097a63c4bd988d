/**
 * Change Order run by n8n-core against the local Procore sandbox (issue #24): what the sandbox
 * stored (change orders, their lines and totals), what it refuses (a contract of another project,
 * a potential change order at 1 tier), and that a re-run writes nothing twice.
 */
import type { IDataObject } from 'n8n-workflow';

import type { SandboxEnv } from './sandboxRun';
import { rl, sandboxPerFile } from './sandboxRun';

jest.setTimeout(30_000);

let env: SandboxEnv;
let tower: number;
sandboxPerFile((e) => (env = e));
beforeEach(() => (tower = env.sb.seed.projects.tower));

const primeId = () => env.records(tower, 'prime_contracts')[0].id as number;

function create(type: string, contract: number, extra: IDataObject = {}) {
	return env.run({
		resource: 'changeOrder',
		operation: 'createFromChangeEvent',
		project: rl(tower),
		changeOrderType: type,
		changeEventId: rl(env.sb.seed.changeEvents.slabRework),
		contract: rl(contract),
		lines: 'contract',
		output: 'raw',
		...extra,
	});
}

describe('Create From Change Event: what Procore stores', () => {
	it('CCO to the subcontractor: the header on the commitment and only that commitment\'s lines, on budget codes', async () => {
		const concrete = env.sb.seed.commitments.concreteWoc;
		const run = await create('commitmentChangeOrder', concrete);
		expect(run.error).toBeUndefined();
		const ccos = env.records(tower, 'commitment_change_orders');
		expect(ccos).toHaveLength(1);
		const cco = ccos[0];
		expect(cco).toMatchObject({ contract_id: concrete, title: 'Slab edge rework after survey', status: 'draft', grand_total: '6400.00' });
		expect(String(cco.reference)).toBe(`change_event:${env.sb.seed.changeEvents.slabRework}:contract:${concrete}`);
		const lines = env.sb.store.list(`projects/${tower}/commitment_change_orders/${String(cco.id)}/line_items`) as IDataObject[];
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({ amount: '6400.00', wbs_code_id: String(env.sb.seed.wbsCodes['03-300.M']) });
		expect(run.json[0].summary).toBe(
			`Commitment Change Order ${String(cco.id)} created on Subcontract SC-002 Concrete Subcontract from 1 line of Change Event #002 "Slab edge rework after survey": total 6,400.00`,
		);
	});

	it('PCO on the prime contract: every line as revenue, tied to the Change Event, audit tag in origin data', async () => {
		const run = await create('potentialChangeOrder', primeId(), { additionalFields: { title: 'PCO 7 - slab edge', status: 'pending' } });
		expect(run.error).toBeUndefined();
		const [pco] = env.records(tower, 'potential_change_orders');
		expect(pco).toMatchObject({ contract_id: primeId(), title: 'PCO 7 - slab edge', status: 'pending', prime_change_event_id: env.sb.seed.changeEvents.slabRework, grand_total: '19200.00', change_order_tiers: 2 });
		expect(String(pco.origin_data)).toMatch(/^n8n:/);
		const lines = env.sb.store.list(`projects/${tower}/potential_change_orders/${String(pco.id)}/line_items`) as IDataObject[];
		expect(lines.map((l) => [l.amount, l.cost_code_id, l.origin_id])).toEqual(
			expect.arrayContaining([
				['12800.00', env.sb.seed.costCodes['03-300'], expect.stringMatching(/^change_event_line_item:/)],
				['6400.00', env.sb.seed.costCodes['03-300'], expect.stringMatching(/^change_event_line_item:/)],
			]),
		);
	});

	it('a re-run finds the change order by origin ID and writes nothing', async () => {
		const concrete = env.sb.seed.commitments.concreteWoc;
		await create('commitmentChangeOrder', concrete);
		const again = await create('commitmentChangeOrder', concrete);
		expect(again.error).toBeUndefined();
		expect(again.writes).toEqual([]);
		expect(again.json[0]).toMatchObject({ skipped: true });
		expect(again.json[0].summary).toMatch(/already exists .* nothing written/);
		expect(env.records(tower, 'commitment_change_orders')).toHaveLength(1);
	});

	it('a run stopped between header and lines is completed by the next, without a second header', async () => {
		const concrete = env.sb.seed.commitments.concreteWoc;
		env.sb.config({ faults: [{ kind: '503', rate: 1, pathPattern: 'commitment_change_orders/\\d+/line_items' }] });
		const first = await create('commitmentChangeOrder', concrete);
		expect(first.error).toBeDefined();
		env.sb.config({ faults: [] });
		const second = await create('commitmentChangeOrder', concrete);
		expect(second.error).toBeUndefined();
		const ccos = env.records(tower, 'commitment_change_orders');
		expect(ccos).toHaveLength(1);
		expect(ccos[0].grand_total).toBe('6400.00');
		expect(second.json[0].summary).toMatch(/added its 1 missing line/);
	});

	it('Preview Only reads and checks everything and writes nothing', async () => {
		const run = await create('commitmentChangeOrder', env.sb.seed.commitments.concreteWoc, { options: { previewOnly: true } });
		expect(run.error).toBeUndefined();
		expect(run.writes).toEqual([]);
		expect(run.json[0]).toMatchObject({ preview: true });
		expect(run.json[0].summary).toBe('Would create a Commitment Change Order on Subcontract SC-002 Concrete Subcontract from 1 line of Change Event #002 "Slab edge rework after survey": total 6,400.00');
		expect((run.json[0].line_requests as IDataObject[])[0]).toMatchObject({ body: { amount: '6400.00' } });
	});
});

describe('what Procore refuses', () => {
	it('a PCO when the contract\'s records show a 1-tier setting: the node says so before writing', async () => {
		const concrete = env.sb.seed.commitments.concreteWoc;
		env.sb.config({ changeOrderTiers: { [tower]: { commitment: 1 } } });
		// At 1 tier Procore keeps the lines of a change order in a hidden PCO, which shows the setting.
		env.sb.store.insert(`projects/${tower}/potential_change_orders`, { contract_id: concrete, change_order_tiers: 1, title: 'hidden', origin_id: null });
		const run = await create('potentialChangeOrder', concrete);
		expect(run.error?.message).toBe('Subcontract SC-002 Concrete Subcontract uses 1-tier change orders: it has no potential change orders');
		expect(String(run.error?.description)).toMatch(/Commitment Change Order.*Number of Change Order Tiers/);
		expect(run.writes).toEqual([]);
	});

	it('a PCO at 1 tier when Procore shows no tier count: Procore refuses and the error names the setting', async () => {
		env.sb.config({ changeOrderTiers: { [tower]: { commitment: 1 } }, changeOrderTiersShown: 'none' });
		const run = await create('potentialChangeOrder', env.sb.seed.commitments.concreteWoc);
		expect(run.error?.message).toMatch(/not enabled|422|refused|Unprocessable/i);
		expect(String(run.error?.description)).toMatch(/1 tier.*Commitment Change Order/);
		expect(env.records(tower, 'potential_change_orders')).toHaveLength(0);
	});

	it('the sandbox refuses a CCO on a contract of another project, and stores nothing', async () => {
		const hospital = env.sb.seed.projects.hospital;
		const res = await fetch(`${env.sb.url}/rest/v1.0/projects/${hospital}/commitment_change_orders`, {
			method: 'POST',
			headers: { authorization: `Bearer ${env.sb.issueToken()}`, 'procore-company-id': String(env.sb.companyId), 'content-type': 'application/json' },
			body: JSON.stringify({ change_order: { contract_id: env.sb.seed.commitments.concreteWoc, title: 'x' } }),
		});
		expect(res.status).toBe(422);
		expect(JSON.stringify(await res.json())).toMatch(/contract_id.*is not a commitment of this project/);
		expect(env.records(hospital, 'commitment_change_orders')).toHaveLength(0);
	});

	it('the node refuses a commitment of another project before writing, naming the project', async () => {
		const run = await env.run({
			resource: 'changeOrder',
			operation: 'createFromChangeEvent',
			project: rl(env.sb.seed.projects.hospital),
			changeOrderType: 'commitmentChangeOrder',
			changeEventId: rl(env.sb.seed.changeEvents.slabRework),
			contract: rl(env.sb.seed.commitments.concreteWoc),
		});
		expect(run.error).toBeDefined();
		expect(run.writes).toEqual([]);
	});
});

describe('reads and status changes', () => {
	it('Get Many by Change Event and status, Update Status with previous → new', async () => {
		const concrete = env.sb.seed.commitments.concreteWoc;
		await create('commitmentChangeOrder', concrete);
		await create('commitmentChangeOrder', env.sb.seed.commitments.steelPo, { changeEventId: rl(env.sb.seed.changeEvents.curtainWall) });
		const many = await env.run({
			resource: 'changeOrder',
			operation: 'getAll',
			project: rl(tower),
			changeOrderType: 'commitmentChangeOrder',
			returnAll: true,
			filters: { changeEvent: rl(env.sb.seed.changeEvents.curtainWall), status: ['draft'] },
		});
		expect(many.error).toBeUndefined();
		expect(many.json).toHaveLength(1);
		expect(many.json[0]).toMatchObject({ contract_id: env.sb.seed.commitments.steelPo });
		const id = many.json[0].id as number;
		const moved = await env.run({ resource: 'changeOrder', operation: 'updateStatus', project: rl(tower), changeOrderType: 'commitmentChangeOrder', changeOrderId: rl(id), status: 'approved', output: 'raw' });
		expect(moved.error).toBeUndefined();
		expect(moved.json[0].summary).toBe(`Commitment Change Order ${id} "Curtain wall anchor redesign at level 12" moved from Draft to Approved`);
		expect(env.sb.store.get(`projects/${tower}/commitment_change_orders`, id)).toMatchObject({ status: 'approved' });
		const got = await env.run({ resource: 'changeOrder', operation: 'get', project: rl(tower), changeOrderType: 'commitmentChangeOrder', changeOrderId: rl(id) });
		expect(got.json[0]).toMatchObject({ id, status: 'approved' });
	});

	it('Update: Preview Only shows previous → new and writes nothing; the update stores; PCOs are found by their Change Event', async () => {
		await create('potentialChangeOrder', primeId());
		const [pco] = env.records(tower, 'potential_change_orders');
		const update = (options: IDataObject) =>
			env.run({
				resource: 'changeOrder',
				operation: 'update',
				project: rl(tower),
				changeOrderType: 'potentialChangeOrder',
				changeOrderId: rl(pco.id as number),
				updateFields: { title: 'Slab edge rework, grid 4-7', scheduleImpact: 3 },
				options,
				output: 'raw',
			});
		const preview = await update({ previewOnly: true });
		expect(preview.error).toBeUndefined();
		expect(preview.writes).toEqual([]);
		expect(preview.json[0]).toMatchObject({
			preview: true,
			changes: expect.arrayContaining([{ field: 'title', previous: 'Slab edge rework after survey', new: 'Slab edge rework, grid 4-7' }]),
		});
		const done = await update({});
		expect(done.error).toBeUndefined();
		expect(env.sb.store.get(`projects/${tower}/potential_change_orders`, pco.id as number)).toMatchObject({ title: 'Slab edge rework, grid 4-7', schedule_impact_amount: 3, contract_id: primeId() });
		expect(done.json[0].summary).toMatch(/Potential Change Order \d+ updated: 2 fields changed/);
		const byEvent = await env.run({
			resource: 'changeOrder',
			operation: 'getAll',
			project: rl(tower),
			changeOrderType: 'potentialChangeOrder',
			returnAll: true,
			filters: { changeEvent: rl(env.sb.seed.changeEvents.slabRework) },
		});
		expect(byEvent.json.map((r) => r.id)).toEqual([pco.id]);
		const otherEvent = await env.run({
			resource: 'changeOrder',
			operation: 'getAll',
			project: rl(tower),
			changeOrderType: 'potentialChangeOrder',
			returnAll: true,
			filters: { changeEvent: rl(env.sb.seed.changeEvents.curtainWall) },
		});
		expect(otherEvent.json).toEqual([]);
	});

	it('a PCO is read by id from the project\'s list (what the trigger\'s Fetch Full Record does): its show needs the contract', async () => {
		await create('potentialChangeOrder', primeId());
		await create('potentialChangeOrder', env.sb.seed.commitments.concreteWoc);
		const [first] = env.records(tower, 'potential_change_orders');
		const get = (path: string) =>
			fetch(`${env.sb.url}${path}`, { headers: { authorization: `Bearer ${env.sb.issueToken()}`, 'procore-company-id': String(env.sb.companyId) } });
		const listed = await get(`/rest/v1.0/potential_change_orders?project_id=${tower}&filters[id]=${String(first.id)}`);
		expect(((await listed.json()) as IDataObject[]).map((r) => r.id)).toEqual([first.id]);
		expect((await get(`/rest/v1.0/potential_change_orders/${String(first.id)}?project_id=${tower}`)).status).toBe(400);
		const got = await env.run({ resource: 'changeOrder', operation: 'get', project: rl(tower), changeOrderType: 'potentialChangeOrder', changeOrderId: rl(first.id as number), output: 'raw' });
		expect(got.error).toBeUndefined();
		expect(got.json[0]).toMatchObject({ id: first.id, contract_id: first.contract_id });
	});
});
