import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const base = { company: { __rl: true, mode: 'id', value: '4264807' }, project: { __rl: true, mode: 'id', value: '101' } };

describe('Submittal', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('creates on the v1.1 path with the required number', async () => {
		let sent: any;
		nock(API).post('/rest/v1.1/projects/101/submittals', (b) => ((sent = b), true)).reply(201, { id: 31, number: '08 44 13-1' });
		const [out] = await runProcoreNode({
			parameters: { resource: 'submittal', operation: 'create', ...base, number: '08 44 13-1', additionalFields: { title: 'Curtain wall shop drawings', specificationSectionId: '77' }, options: {} },
		});
		expect(sent).toEqual({ submittal: { number: '08 44 13-1', title: 'Curtain wall shop drawings', specification_section_id: 77 } });
		expect(out.json.summary).toBe('Submittal 31 created');
	});

	it('keeps the number Procore requires when updating other fields', async () => {
		let sent: any;
		nock(API)
			.get('/rest/v1.1/projects/101/submittals/31')
			.reply(200, { id: 31, number: '08 44 13-1', title: 'Old' })
			.patch('/rest/v1.1/projects/101/submittals/31', (b) => ((sent = b), true))
			.reply(200, { id: 31 });
		await runProcoreNode({
			parameters: { resource: 'submittal', operation: 'update', ...base, submittalId: { __rl: true, mode: 'id', value: '31' }, updateFields: { title: 'New' }, options: {} },
		});
		expect(sent).toEqual({ submittal: { number: '08 44 13-1', title: 'New' } });
	});

	it('refuses an update with no fields', async () => {
		nock(API).get('/rest/v1.1/projects/101/submittals/31').reply(200, { id: 31 });
		await expect(
			runProcoreNode({
				parameters: { resource: 'submittal', operation: 'update', ...base, submittalId: { __rl: true, mode: 'id', value: '31' }, updateFields: {}, options: {} },
			}),
		).rejects.toThrow('No fields to update on the Submittal');
	});
});
