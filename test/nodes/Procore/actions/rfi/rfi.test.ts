import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const project = { __rl: true, mode: 'id', value: '101' };
const company = { __rl: true, mode: 'id', value: '4264807' };

describe('RFI', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('creates a draft by default with the question and manager, and says so', async () => {
		let sent: any;
		nock(API, { reqheaders: { 'procore-company-id': '4264807' } })
			.post('/rest/v1.0/projects/101/rfis', (body) => {
				sent = body;
				return true;
			})
			.reply(201, { id: 900, subject: 'Anchor spacing', draft: true });
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'rfi',
				operation: 'create',
				company,
				project,
				subject: 'Anchor spacing',
				question: 'What spacing applies at level 3?',
				rfiManager: { __rl: true, mode: 'id', value: '55' },
				additionalFields: { specificationSectionId: '77', assigneeIds: '5, 6', dueDate: '2026-12-01T00:00:00Z', costImpact: 'tbd' },
				options: {},
			},
		});
		expect(sent).toEqual({
			rfi: {
				subject: 'Anchor spacing',
				question: { body: 'What spacing applies at level 3?' },
				rfi_manager_id: 55,
				draft: true,
				specification_section_id: 77,
				assignee_ids: [5, 6],
				due_date: '2026-12-01',
				cost_impact: { status: 'tbd', value: null },
			},
		});
		expect(out.json.summary).toBe('Created draft RFI 900: "Anchor spacing"');
		expect(out.pairedItem).toEqual({ item: 0 });
	});

	it('takes IDs picked from the lists (and leaves out a list left empty)', async () => {
		let sent: any;
		nock(API)
			.post('/rest/v1.0/projects/101/rfis', (body) => ((sent = body), true))
			.reply(201, { id: 901, subject: 'Sleeves', draft: true });
		const pick = (value: string) => ({ __rl: true, mode: 'list', value });
		await runProcoreNode({
			parameters: {
				resource: 'rfi',
				operation: 'create',
				company,
				project,
				subject: 'Sleeves',
				question: 'Where do the sleeves go?',
				rfiManager: pick('55'),
				additionalFields: { specificationSectionId: pick('77'), costCodeId: pick(''), assigneeIds: ['5', '6'], receivedFromId: pick('8') },
				options: {},
			},
		});
		expect(sent.rfi).toMatchObject({ specification_section_id: 77, assignee_ids: [5, 6], received_from_login_information_id: 8 });
		expect(sent.rfi.cost_code_id).toBeUndefined();
	});

	it('previews a create without writing', async () => {
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'rfi',
				operation: 'create',
				company,
				project,
				subject: 'S',
				question: 'Q',
				rfiManager: { __rl: true, mode: 'id', value: '55' },
				additionalFields: {},
				options: { previewOnly: true },
			},
		});
		expect(out.json.preview).toBe(true);
		expect((out.json.request as any).path).toBe('/rest/v1.0/projects/101/rfis');
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('rejects a manager that is not an ID before calling Procore', async () => {
		await expect(
			runProcoreNode({
				parameters: {
					resource: 'rfi',
					operation: 'create',
					company,
					project,
					subject: 'S',
					question: 'Q',
					rfiManager: { __rl: true, mode: 'id', value: 'Jane' },
					additionalFields: {},
					options: {},
				},
			}),
		).rejects.toThrow('RFI Manager "Jane" is not a Procore ID');
	});

	it('lists with filters and returns the simplified shape', async () => {
		nock(API)
			.get('/rest/v1.0/projects/101/rfis')
			.query((q) => q['filters[status]'] === 'open' && q.search === 'anchor' && q['filters[updated_at]'] === '2026-11-01T00:00:00.000Z...2999-12-31T00:00:00.000Z')
			.reply(200, [{ id: 1, subject: 'Anchor', status: 'open', rfi_manager: { id: 5, name: 'Pat' }, huge: 'x'.repeat(1000) }], { Total: '1' });
		const out = await runProcoreNode({
			parameters: {
				resource: 'rfi',
				operation: 'getAll',
				company,
				project,
				returnAll: true,
				filters: { status: 'open', search: 'anchor', updatedSince: '2026-11-01T00:00:00Z' },
				output: 'simplified',
			},
		});
		expect(out.map((o) => o.json)).toEqual([{ id: 1, subject: 'Anchor', status: 'open', rfi_manager_name: 'Pat' }]);
	});

	it('updates only the fields given and reports previous → new', async () => {
		let sent: any;
		nock(API)
			.get('/rest/v1.0/projects/101/rfis/900')
			.reply(200, { id: 900, subject: 'Old', draft: true, due_date: '2026-12-01' })
			.patch('/rest/v1.0/projects/101/rfis/900', (b) => {
				sent = b;
				return true;
			})
			.reply(200, { id: 900, subject: 'New', draft: true });
		const [out] = await runProcoreNode({
			parameters: { resource: 'rfi', operation: 'update', company, project, rfiId: { __rl: true, mode: 'id', value: '900' }, updateFields: { subject: 'New' }, options: {}, output: 'raw' },
		});
		expect(sent).toEqual({ rfi: { subject: 'New' } });
		expect(out.json.changes).toEqual([{ field: 'subject', previous: 'Old', new: 'New' }]);
		expect(out.json.summary).toBe('RFI 900 updated: 1 field changed (subject)');
	});

	it('replies as unofficial by default', async () => {
		let sent: any;
		nock(API)
			.post('/rest/v1.0/projects/101/rfis/900/replies', (b) => {
				sent = b;
				return true;
			})
			.reply(201, { id: 3 });
		await runProcoreNode({
			parameters: { resource: 'rfi', operation: 'reply', company, project, rfiId: { __rl: true, mode: 'id', value: '900' }, body: 'Use 600 mm.', options: {} },
		});
		expect(sent).toEqual({ reply: { body: 'Use 600 mm.', official: false } });
	});
});
