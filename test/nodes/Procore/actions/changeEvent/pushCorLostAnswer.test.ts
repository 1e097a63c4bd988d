/**
 * Issue 22, finding 1: Push COR's update PATCH adds lines (rows without `id`). When Procore stores it
 * and the answer is lost (a reset connection, a gateway's 502/504), sending the same body again adds
 * the same lines twice. The PATCH must go once; the push re-reads the Change Event and plans again.
 */

import { runProcoreNode } from '../../../../helpers/executeContext';
import { COMPANY, FakeProcore, freshFakeProcore, PROJECT } from './fakeProcore';

const LINES = [
	{ description: 'Demo crew', costCode: '01-100', category: 'L', quantity: 40, unit: 'HR', unitCost: 95 },
	{ description: 'Saw rental', costCode: '01-100', category: 'E', amount: 600 },
];
const MORE = [...LINES, { description: 'Haul-off', costCode: '01-100', category: 'E', amount: 450 }];

function push(lines: unknown[], options: Record<string, unknown> = {}) {
	return runProcoreNode({
		parameters: {
			resource: 'changeEvent',
			operation: 'pushCor',
			company: { __rl: true, mode: 'id', value: COMPANY },
			project: { __rl: true, mode: 'id', value: PROJECT },
			corId: 'cor-77',
			title: 'Slab demolition',
			breakdown: 'lineItem',
			linesInput: 'json',
			lines,
			additionalFields: { corNumber: '7', scope: 'out_of_scope' },
			options,
			output: 'raw',
		},
	});
}

const total = (ce: any) => ce.change_event_line_items.reduce((s: number, l: any) => s + Number(l.estimated_cost_amount), 0);

describe('Push COR: a PATCH whose answer is lost is never sent again blind (issue 22, finding 1)', () => {
	let procore: FakeProcore;
	freshFakeProcore((p) => (procore = p));

	it.each([[502], [504], ['reset']] as const)('stored, answer lost (%s): one PATCH, the added line once, the total right', async (answer) => {
		await push(LINES);
		procore.calls = [];
		procore.lostAnswers = [{ answer }];
		const [out] = await push(MORE);
		const patches = procore.writes().filter((c) => c.method === 'PATCH');
		expect(patches).toHaveLength(1);
		const ce = procore.changeEvents[0];
		expect(procore.changeEvents).toHaveLength(1);
		expect(ce.change_event_line_items.map((l: any) => l.description)).toEqual(['Demo crew', 'Saw rental', 'Haul-off']);
		expect(total(ce)).toBe(3800 + 600 + 450);
		expect(out.json).toMatchObject({ action: 'updated', previous_total: 4400, total: 4850, delta: 450, confirmed_by: expect.stringMatching(/re-read/) });
		expect(out.json.summary).toBe(`Change Event ${ce.id} updated from COR 7: total 4,400.00 → 4,850.00 (+450.00), 1 added`);
	});

	it('not stored (the gateway failed before Procore): re-read, not sent again, the item says what is missing; re-running completes it', async () => {
		await push(LINES);
		procore.calls = [];
		procore.lostAnswers = [{ answer: 502, stored: false }];
		await expect(push(MORE)).rejects.toMatchObject({ description: expect.stringMatching(/shows it was not written \(still to do: 1 added\).*Running this item again is safe/) });
		expect(procore.writes().filter((c) => c.method === 'PATCH')).toHaveLength(1);
		expect(procore.changeEvents[0].change_event_line_items).toHaveLength(2);
		const [out] = await push(MORE);
		expect(procore.changeEvents[0].change_event_line_items.map((l: any) => l.description)).toEqual(['Demo crew', 'Saw rental', 'Haul-off']);
		expect(total(procore.changeEvents[0])).toBe(4850);
		expect(out.json).toMatchObject({ action: 'updated', total: 4850 });
	});

	it('a removed line (v1.1 change_items) whose answer is lost is not removed twice: re-read, nothing left to do', async () => {
		await push(MORE);
		procore.calls = [];
		procore.lostAnswers = [{ answer: 'reset' }];
		const [out] = await push(LINES);
		expect(procore.writes().map((c) => `${c.method} ${c.path.split('/').slice(0, 3).join('/')}`)).toEqual(['PATCH /rest/v1.1']);
		expect(procore.changeEvents[0].change_event_line_items).toHaveLength(2);
		expect(out.json).toMatchObject({ action: 'updated', total: 4400, confirmed_by: expect.stringMatching(/re-read/) });
	});

	it('Change Event > Update attaching uploads: a lost answer is not re-sent; the re-read shows the files', async () => {
		await push(LINES);
		const ce = procore.changeEvents[0];
		procore.calls = [];
		procore.lostAnswers = [{ answer: 'reset' }];
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'changeEvent',
				operation: 'update',
				company: { __rl: true, mode: 'id', value: COMPANY },
				project: { __rl: true, mode: 'id', value: PROJECT },
				changeEventId: { __rl: true, mode: 'id', value: String(ce.id) },
				updateFields: { title: 'Slab demolition (rev 1)', attachmentUuids: 'U-1, U-2' },
				options: {},
			},
		});
		expect(procore.writes().filter((c) => c.method === 'PATCH')).toHaveLength(1);
		expect(ce.attachments).toHaveLength(2);
		expect(out.json).toMatchObject({ title: 'Slab demolition (rev 1)', summary: `Change Event ${ce.id} updated` });
	});
});
