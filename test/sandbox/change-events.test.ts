/** Change Events: required fields, known IDs, lines written in place (v1.0) and removed (v1.1). */
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

let sb: Sandbox;
let p: number;
const key = () => `projects/${p}/change_events`;
beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
	p = sb.seed.projects.tower;
});
afterAll(() => sb.stop());

const line = (extra: Record<string, unknown> = {}) => ({
	description: 'Demo crew',
	cost_code_id: sb.seed.costCodes['03-300'],
	line_item_type_id: sb.seed.lineItemTypes.labor,
	estimated_cost_amount: '3800.00',
	estimated_cost_calculation_strategy: 'manual',
	...extra,
});

const create = (changeEvent: Record<string, unknown>) =>
	call(sb, 'POST', `/rest/v1.0/change_events?project_id=${p}`, { body: { change_event: changeEvent } });

describe('create', () => {
	it('requires event_scope and change_event_status_id, and stores nothing without them', async () => {
		const before = sb.store.list(key()).length;
		const res = await create({ title: 'No scope', change_event_line_items_attributes: [line()] });
		expect(res.status).toBe(422);
		expect(res.body.errors).toEqual({ change_event_status_id: ["can't be blank"], event_scope: ["can't be blank"] });
		expect(sb.store.list(key())).toHaveLength(before);
	});

	it('refuses IDs that do not exist where Procore looks for them, naming each field', async () => {
		const before = sb.store.list(key()).length;
		const res = await create({
			title: 'Bad ids',
			event_scope: 'tbd',
			change_event_status_id: 999001,
			change_order_change_reason_id: 999002,
			change_event_line_items_attributes: [
				line(),
				line({ cost_code_id: 999003, line_item_type_id: 999004, proposed_vendor_id: 999005, proposed_contract_id: 999006, budget_code: { id: 999007 } }),
			],
			attachments_by_uuid: [{ upload_uuid: 'no-such-upload' }],
		});
		expect(res.status).toBe(422);
		expect(Object.keys(res.body.errors).sort()).toEqual([
			'attachments_by_uuid[0].upload_uuid',
			'change_event_line_items[1].budget_code',
			'change_event_line_items[1].cost_code_id',
			'change_event_line_items[1].line_item_type_id',
			'change_event_line_items[1].proposed_contract_id',
			'change_event_line_items[1].proposed_vendor_id',
			'change_event_status_id',
			'change_order_change_reason_id',
		]);
		expect(sb.store.list(key())).toHaveLength(before);
	});

	it('refuses a status of another project', async () => {
		const other = sb.store.list(`projects/${sb.seed.projects.hospital}/change_event/statuses`)[0];
		const res = await create({ title: 'x', event_scope: 'tbd', change_event_status_id: other.id });
		expect(res.status).toBe(422);
		expect(res.body.errors).toEqual({ change_event_status_id: ['is not a Change Event status of this project'] });
	});

	it('stores the lines with ids, resolved codes and amounts, and the status object', async () => {
		const res = await create({
			title: 'Slab demo',
			event_scope: 'out_of_scope',
			change_event_status_id: sb.seed.changeEventStatuses.pending,
			origin_id: 'cor-1',
			change_event_line_items_attributes: [
				line(),
				// Not manual: Procore computes quantity × unit cost.
				{ description: 'Rebar', cost_code_id: sb.seed.costCodes['03-300'], line_item_type_id: sb.seed.lineItemTypes.material, estimated_cost_quantity: 2, estimated_cost_unit_cost: 2500.5, proposed_contract_id: sb.seed.commitments.concreteWoc },
			],
		});
		expect(res.status).toBe(201);
		const stored = sb.store.get(key(), res.body.id)!;
		expect(stored).toMatchObject({
			title: 'Slab demo',
			event_scope: 'out_of_scope',
			origin_id: 'cor-1',
			status: 'pending',
			change_event_status: { id: sb.seed.changeEventStatuses.pending, name: 'Pending', mapped_to_status: 'pending' },
		});
		const lines = stored.change_event_line_items as Array<Record<string, unknown>>;
		expect(lines.map((l) => [l.description, l.estimated_cost_amount, l.line_item_type_id])).toEqual([
			['Demo crew', '3800.00', sb.seed.lineItemTypes.labor],
			['Rebar', '5001.00', sb.seed.lineItemTypes.material],
		]);
		expect(lines[1].contract).toMatchObject({ id: sb.seed.commitments.concreteWoc, number: 'SC-002' });
		expect(typeof lines[0].id).toBe('number');
		expect(res.body.change_event_line_items).toHaveLength(2);
	});
});

describe('update', () => {
	let id: number;
	let lineIds: number[];
	beforeAll(async () => {
		const res = await create({
			title: 'To edit',
			event_scope: 'tbd',
			change_event_status_id: sb.seed.changeEventStatuses.open,
			change_event_line_items_attributes: [line(), line({ description: 'Saw', estimated_cost_amount: '600' })],
		});
		id = res.body.id;
		lineIds = res.body.change_event_line_items.map((l: { id: number }) => l.id);
	});
	const lines = () => sb.store.get(key(), id)!.change_event_line_items as Array<Record<string, unknown>>;

	it('v1.0: a line with its id changes in place, one without is added', async () => {
		const res = await call(sb, 'PATCH', `/rest/v1.0/change_events/${id}?project_id=${p}`, {
			body: { project_id: p, change_event: { change_event_line_items_attributes: [{ id: lineIds[0], estimated_cost_amount: '4100.00' }, line({ description: 'Pump' })] } },
		});
		expect(res.status).toBe(200);
		expect(lines().map((l) => [l.description, l.estimated_cost_amount])).toEqual([
			['Demo crew', '4100.00'],
			['Saw', '600.00'],
			['Pump', '3800.00'],
		]);
		expect(lines()[0].id).toBe(lineIds[0]);
	});

	it('v1.0: an unknown line id or code is refused and nothing changes', async () => {
		const before = JSON.stringify(sb.store.get(key(), id));
		const res = await call(sb, 'PATCH', `/rest/v1.0/change_events/${id}?project_id=${p}`, {
			body: { change_event: { title: 'Renamed', change_event_line_items_attributes: [{ id: 123, estimated_cost_amount: '1' }, { id: lineIds[1], cost_code_id: 42 }] } },
		});
		expect(res.status).toBe(422);
		expect(res.body.errors).toEqual({
			'change_event_line_items[0].id': ['is not a line of this Change Event'],
			'change_event_line_items[1].cost_code_id': ['is not a cost code of this project'],
		});
		expect(JSON.stringify(sb.store.get(key(), id))).toBe(before);
	});

	it('v1.1: change_items deleted removes a line; description, change type and prime contract are stored', async () => {
		const types = sb.seed.changeTypes;
		const prime = sb.store.list(`projects/${p}/prime_contracts`)[0];
		const res = await call(sb, 'PATCH', `/rest/v1.1/change_events/${id}?project_id=${p}`, {
			body: { change_event: { description: 'Why', change_type: { id: types.FC }, prime_contract_for_estimates: { id: prime.id }, change_items: [{ id: lineIds[1], deleted: true }] } },
		});
		expect(res.status).toBe(200);
		const rec = sb.store.get(key(), id)!;
		expect(rec).toMatchObject({ description: 'Why', change_type: { id: types.FC, name: 'Field Condition' }, prime_contract_for_estimates: { id: prime.id } });
		expect(lines().map((l) => l.description)).toEqual(['Demo crew', 'Pump']);
	});

	it('v1.1: an unknown change type or line is refused', async () => {
		const res = await call(sb, 'PATCH', `/rest/v1.1/change_events/${id}?project_id=${p}`, {
			body: { change_event: { change_type: { id: 5 }, change_items: [{ id: 77, deleted: true }] } },
		});
		expect(res.status).toBe(422);
		expect(Object.keys(res.body.errors).sort()).toEqual(['change_items[0].id', 'change_type']);
		expect(lines()).toHaveLength(2);
	});
});

it('lists the company\'s line item types when asked with a project (both are required by the catalog)', async () => {
	const res = await call(sb, 'GET', `/rest/v1.0/line_item_types?company_id=${sb.companyId}&project_id=${p}`);
	expect(res.status).toBe(200);
	expect(res.body.map((t: { code: string }) => t.code)).toEqual(['L', 'M', 'E', 'S', 'O', 'MU']);
});
