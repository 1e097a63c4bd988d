/**
 * A write is sent once per execution, node, run, item and request (helpers/writeOnce.ts): n8n 1.x
 * resumes a waiting execution twice when its Approve link is opened twice at the same moment, and both
 * runs reach the same write. Here two runs of the node share an execution ID and run index, as those two
 * do; Procore must get one PATCH and both runs the same answer.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import nock from 'nock';

import { Procore } from '../../../../nodes/Procore/Procore.node';
import { createExecuteContext } from '../../../helpers/executeContext';

const API = 'https://api.procore.test';
const project = { __rl: true, mode: 'id', value: '101' };
const changeEventId = { __rl: true, mode: 'id', value: '562' };
const record = { id: 562, title: 'Curtain wall anchors', description: 'x', project_id: 101 };

/** One run of the node: an execution of n8n (ID, run index) carrying out an approved change event update. */
function run(executionId: string, runIndex: number, title = 'Revised embed spacing', previewOnly = false) {
	const base = createExecuteContext({
		parameters: { resource: 'changeEvent', operation: 'update', project, changeEventId, updateFields: { title }, options: { agentRequest: true, previewOnly }, output: 'raw' },
	});
	const ctx = { ...base, getExecutionId: () => executionId, getWorkflowDataProxy: () => ({ $runIndex: runIndex }) } as unknown as IExecuteFunctions;
	return new Procore().execute.call(ctx);
}

function procore(patches: { count: number; bodies: unknown[] }, delayMs = 0) {
	nock(API).persist().get('/rest/v1.0/change_events/562').query(true).reply(200, record);
	nock(API)
		.persist()
		.patch('/rest/v1.0/change_events/562', (body: unknown) => {
			patches.count++;
			patches.bodies.push(body);
			return true;
		})
		.query(true)
		.delay(delayMs)
		.reply(200, (_uri, body) => ({ ...record, ...(body as { change_event: object }).change_event }));
}

describe('a write is sent once per execution, node, run and item', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('two runs of the same execution at the same moment (n8n 1.x resuming it twice) write once and both get the answer', async () => {
		const patches = { count: 0, bodies: [] as unknown[] };
		procore(patches, 200);
		const [[first], [second]] = await Promise.all([run('exec-twice', 0), run('exec-twice', 0)]);
		expect(patches.count).toBe(1);
		expect(first[0].json).toMatchObject({ id: 562, title: 'Revised embed spacing', summary: 'Change Event 562 updated: 1 field changed (title)' });
		expect(second[0].json).toEqual(first[0].json);
	});

	it('a run that comes later in the same execution and run gets the first output without writing again', async () => {
		const patches = { count: 0, bodies: [] as unknown[] };
		procore(patches);
		const [[first]] = await run('exec-later', 0);
		// The later run reads the record after the write: it still reports what the write changed.
		nock.cleanAll();
		nock(API).get('/rest/v1.0/change_events/562').query(true).reply(200, { ...record, title: 'Revised embed spacing' });
		const [[again]] = await run('exec-later', 0);
		expect(patches.count).toBe(1);
		expect(again.json).toEqual(first.json);
		expect(again.json.summary).toBe('Change Event 562 updated: 1 field changed (title)');
	});

	it('another execution, another run of the node or another request writes again', async () => {
		const patches = { count: 0, bodies: [] as unknown[] };
		procore(patches);
		await run('exec-a', 0);
		await run('exec-b', 0);
		await run('exec-b', 1);
		await run('exec-b', 1, 'Another title');
		expect(patches.count).toBe(4);
	});

	it('a write that failed is sent again by the next run (Retry On Fail)', async () => {
		nock(API).persist().get('/rest/v1.0/change_events/562').query(true).reply(200, record);
		nock(API).patch('/rest/v1.0/change_events/562').query(true).reply(422, { errors: 'title is locked' });
		await expect(run('exec-retry', 0)).rejects.toThrow('title is locked');
		nock(API).patch('/rest/v1.0/change_events/562').query(true).reply(200, { ...record, title: 'Revised embed spacing' });
		const [[out]] = await run('exec-retry', 0);
		expect(out.json).toMatchObject({ title: 'Revised embed spacing' });
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('a preview is never remembered: the approved run after it writes', async () => {
		const patches = { count: 0, bodies: [] as unknown[] };
		procore(patches);
		await run('exec-preview', 0, 'Revised embed spacing', true);
		expect(patches.count).toBe(0);
		await run('exec-preview', 0);
		expect(patches.count).toBe(1);
	});

	it('without a run index (a context that has none) every call writes', async () => {
		const patches = { count: 0, bodies: [] as unknown[] };
		procore(patches);
		const parameters = { resource: 'changeEvent', operation: 'update', project, changeEventId, updateFields: { title: 'Revised embed spacing' }, options: {}, output: 'raw' };
		await new Procore().execute.call(createExecuteContext({ parameters }));
		await new Procore().execute.call(createExecuteContext({ parameters }));
		expect(patches.count).toBe(2);
	});
});
