
import { runProcoreNode } from '../../../../helpers/executeContext';
import { COMPANY, FakeProcore, freshFakeProcore, PROJECT } from './fakeProcore';

const project = { __rl: true, mode: 'id', value: PROJECT };
const company = { __rl: true, mode: 'id', value: COMPANY };
const line = (amount: string) => ({ id: 1, description: 'x', estimated_cost_amount: amount });

describe('Change Event: Get, Get Many, Update, Delete', () => {
	let procore: FakeProcore;
	freshFakeProcore((p) => (procore = p));
	beforeEach(() => {
		procore.changeEvents.push(
			{ id: 1, title: 'Slab demo', origin_id: 'cor-1', change_event_status: { id: 1, name: 'Open', mapped_to_status: 'open' }, change_event_line_items: [line('100.10'), line('200.20')] },
			{ id: 2, title: 'Owner upgrade', origin_id: null, origin_data: null, change_event_status: { id: 2, name: 'Pending', mapped_to_status: 'pending' }, change_event_line_items: [] },
			{ id: 3, title: 'Closed one', origin_id: null, origin_data: 'n8n:i:w:e:Procore', change_event_status: { id: 3, name: 'Closed', mapped_to_status: 'closed' }, change_event_line_items: [] },
		);
	});

	it('Get returns the simplified record with the total of its lines', async () => {
		const [out] = await runProcoreNode({
			parameters: { resource: 'changeEvent', operation: 'get', company, project, changeEventId: { __rl: true, mode: 'id', value: '1' }, output: 'simplified' },
		});
		expect(out.json).toEqual({ id: 1, title: 'Slab demo', origin_id: 'cor-1', change_event_status_name: 'Open', total: 300.3, line_count: 2 });
	});

	it.each([
		[{ status: ['open', 'pending'] }, [1, 2]],
		[{ status: ['closed'] }, [3]],
		[{ pushed: 'yes' }, [1, 3]],
		[{ pushed: 'no' }, [2]],
		[{ originId: 'cor-1' }, [1]],
		[{ title: 'owner' }, [2]],
	])('Get Many filters %j', async (filters, ids) => {
		const out = await runProcoreNode({
			parameters: { resource: 'changeEvent', operation: 'getAll', company, project, returnAll: true, filters, output: 'simplified' },
		});
		expect(out.map((o) => o.json.id)).toEqual(ids);
	});

	it('Get Many applies the limit after the client-side filters', async () => {
		const out = await runProcoreNode({
			parameters: { resource: 'changeEvent', operation: 'getAll', company, project, returnAll: false, limit: 1, filters: { pushed: 'no' }, output: 'raw' },
		});
		expect(out.map((o) => o.json.id)).toEqual([2]);
	});

	it('Update sends v1.0 fields to v1.0 and the description to v1.1, with one summary', async () => {
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'changeEvent',
				operation: 'update',
				company,
				project,
				changeEventId: { __rl: true, mode: 'id', value: '2' },
				updateFields: { title: 'Owner upgrade, level 2', status: 'Closed', description: 'Approved by owner' },
				options: {},
			},
		});
		const writes = procore.writes();
		expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['PATCH /rest/v1.0/change_events/2', 'PATCH /rest/v1.1/change_events/2']);
		expect(writes[0].body).toMatchObject({ project_id: PROJECT, change_event: { title: 'Owner upgrade, level 2', change_event_status_id: 3 } });
		expect(writes[1].body).toEqual({ change_event: { description: 'Approved by owner' } });
		expect(procore.changeEvents[1]).toMatchObject({ title: 'Owner upgrade, level 2', description: 'Approved by owner', change_event_status: { name: 'Closed' } });
		expect(out.json.summary).toMatch(/^Change Event 2 updated: \d fields changed \(.*title.*description.*\)$/);
	});

	it('Update with nothing to change is refused before any call', async () => {
		await expect(
			runProcoreNode({
				parameters: { resource: 'changeEvent', operation: 'update', company, project, changeEventId: { __rl: true, mode: 'id', value: '2' }, updateFields: {}, options: {} },
			}),
		).rejects.toThrow('No fields to update on the Change Event');
		expect(procore.calls).toEqual([]);
	});

	it('Delete uses v1.1 and says what it deleted; preview deletes nothing', async () => {
		const params = { resource: 'changeEvent', operation: 'delete', company, project, changeEventId: { __rl: true, mode: 'id', value: '1' } };
		const [preview] = await runProcoreNode({ parameters: { ...params, options: { previewOnly: true } } });
		expect(preview.json.summary).toBe('Would delete Change Event 1 "Slab demo" (Procore keeps it in the recycle bin)');
		expect(procore.writes()).toEqual([]);
		const [out] = await runProcoreNode({ parameters: { ...params, options: {} } });
		expect(procore.writes().map((w) => `${w.method} ${w.path}`)).toEqual(['DELETE /rest/v1.1/change_events/1']);
		expect(out.json).toMatchObject({ id: 1, deleted: true });
		expect(procore.changeEvents[0].deleted_at).toBeTruthy();
	});
});
