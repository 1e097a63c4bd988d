import nock from 'nock';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const company = { __rl: true, mode: 'id', value: '4264807' };
const project = { __rl: true, mode: 'list', value: '101' };
const op = (id: string) => ({ __rl: true, mode: 'list', value: id });
const mapped = (value: Record<string, unknown>) => ({ mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] });

function params(id: string, extra: Record<string, unknown> = {}) {
	return { resource: 'apiOperation', operation: 'call', company, project, tool: op(''), procoreOperation: op(id), specifyFields: 'mapper', fields: mapped({}), options: {}, ...extra };
}

describe('API Operation (unit, nock)', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('lists to the end with Return All: the largest pages, the company header, the mapped filter, Simplified records', async () => {
		const page = (from: number, n: number) => Array.from({ length: n }, (_, k) => ({ id: from + k, name: `Punch ${from + k}`, status: 'open', position: k }));
		const scope = nock(API, { reqheaders: { 'procore-company-id': '4264807' } })
			.get('/rest/v1.1/punch_items')
			.query({ project_id: '101', 'filters[status]': 'open', page: '1', per_page: '1000' })
			.reply(200, page(1, 1000), { Total: '1200' })
			.get('/rest/v1.1/punch_items')
			.query({ project_id: '101', 'filters[status]': 'open', page: '2', per_page: '1000' })
			.reply(200, page(1001, 200), { Total: '1200' });
		const out = await runProcoreNode({ parameters: params('RestV11PunchItemsGet', { fields: mapped({ 'filters[status]': 'open' }), returnAll: true }) });
		expect(scope.isDone()).toBe(true);
		expect(out).toHaveLength(1200);
		expect(out[1199].json).toEqual({ id: 1200, name: 'Punch 1200', status: 'open' });
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});

	it('stops at the Limit, asking for no more than it needs', async () => {
		nock(API).get('/rest/v1.0/projects/101/rfis').query({ page: '1', per_page: '3' }).reply(200, [{ id: 1 }, { id: 2 }, { id: 3 }]);
		const out = await runProcoreNode({ parameters: params('RestV10ProjectsProjectIdRfisGet', { returnAll: false, limit: 3, output: 'raw' }) });
		expect(out.map((o) => o.json.id)).toEqual([1, 2, 3]);
	});

	it('creates with the body wrapped as Procore takes it, typed, with the audit tag where the record has origin data', async () => {
		let sent: any;
		nock(API)
			.post('/rest/v1.0/vendors', (body) => ((sent = body), true))
			.reply(201, { id: 77, name: 'Acme Drywall', origin_data: 'x' });
		const [out] = await runProcoreNode({
			parameters: params('RestV10VendorsPost', { fields: mapped({ 'vendor.name': 'Acme Drywall', 'vendor.is_active': 'true', 'vendor.trade_ids': '3, 4' }), output: 'raw' }),
		});
		// Procore's schema takes this create's company_id in the body: filled from the Company.
		expect(sent).toEqual({ company_id: 4264807, vendor: { name: 'Acme Drywall', is_active: true, trade_ids: [3, 4], origin_data: 'n8n:instance-unit:wf-unit:exec-unit:Procore' } });
		expect(out.json).toMatchObject({ id: 77, audit_tag: 'n8n:instance-unit:wf-unit:exec-unit:Procore' });
		expect(out.json.summary).toBe('Ran Create company vendor (Core › Directory): POST /rest/v1.0/vendors (id 77)');
	});

	it('Skip If Exists By: a re-run finds the record by its name on the same path and creates nothing', async () => {
		const list = nock(API)
			.get('/rest/v1.1/punch_items')
			.query({ project_id: '101', page: '1', per_page: '1000' })
			.reply(200, [{ id: 4, name: 'Other' }, { id: 5, name: 'Patch drywall' }]);
		const [out] = await runProcoreNode({
			parameters: params('RestV11PunchItemsPost', { fields: mapped({ 'punch_item.name': 'Patch drywall' }), options: { skipIfExistsBy: 'punch_item.name' }, output: 'raw' }),
		});
		expect(list.isDone()).toBe(true);
		expect(out.json).toMatchObject({ id: 5, skipped: true });
		expect(String(out.json.summary)).toMatch(/^Already in Procore, not created again: Create Punch Item/);
		// No match: the create goes out.
		nock(API).get('/rest/v1.1/punch_items').query(true).reply(200, [{ id: 4, name: 'Other' }]);
		nock(API).post('/rest/v1.1/punch_items').reply(201, { id: 6, name: 'Patch drywall' });
		const [created] = await runProcoreNode({
			parameters: params('RestV11PunchItemsPost', { fields: mapped({ 'punch_item.name': 'Patch drywall' }), options: { skipIfExistsBy: 'punch_item.name' }, output: 'raw' }),
		});
		expect(created.json).toMatchObject({ id: 6 });
		expect(created.json.skipped).toBeUndefined();
	});

	it('Skip If Exists By names a field that is not the create\'s: said before anything is sent', async () => {
		await expect(
			runProcoreNode({ parameters: params('RestV11PunchItemsPost', { fields: mapped({ 'punch_item.name': 'x' }), options: { skipIfExistsBy: 'punch_item.colour' } }) }),
		).rejects.toThrow('"punch_item.colour" is not a body field of Create Punch Item');
	});

	it('Preview Only returns the request and writes nothing', async () => {
		const [out] = await runProcoreNode({
			parameters: params('RestV11PunchItemsPost', { fields: mapped({ 'punch_item.name': 'Patch drywall' }), options: { previewOnly: true } }),
		});
		expect(out.json).toMatchObject({
			preview: true,
			// This create takes the project in its body, filled from the Project.
			request: { method: 'POST', path: '/rest/v1.1/punch_items', qs: {}, body: { project_id: 101, punch_item: { name: 'Patch drywall' } } },
		});
		expect(String(out.json.summary)).toMatch(/^Would run Create Punch Item/);
	});

	it('an update reads the record first and says what changes', async () => {
		nock(API).get('/rest/v1.0/projects/101/rfis/9').reply(200, { id: 9, subject: 'Old', due_date: '2026-01-01' });
		let sent: any;
		nock(API).patch('/rest/v1.0/projects/101/rfis/9', (b) => ((sent = b), true)).reply(200, { id: 9, subject: 'New', due_date: '2026-01-01' });
		const [out] = await runProcoreNode({ parameters: params('RestV10ProjectsProjectIdRfisIdPatch', { fields: mapped({ id: 9, 'rfi.subject': 'New', 'rfi.due_date': '2026-01-01' }), output: 'raw' }) });
		expect(sent).toEqual({ rfi: { subject: 'New', due_date: '2026-01-01' } });
		expect(out.json.changes).toEqual([{ field: 'subject', previous: 'Old', new: 'New' }]);
		expect(out.json.summary).toMatch(/changed: subject$/);
	});

	it('a delete run again finds the record gone and reports it, not an error', async () => {
		nock(API).delete('/rest/v1.1/punch_items/5').query({ project_id: '101' }).reply(404, { errors: 'Not found' });
		const [out] = await runProcoreNode({ parameters: params('RestV11PunchItemsIdDelete', { fields: mapped({ id: '5' }), output: 'raw' }) });
		expect(out.json).toMatchObject({ id: '5', deleted: true, skipped: true });
	});

	it('takes the fields as one JSON object (how an AI agent fills them): parameters by name, the body nested', async () => {
		let sent: any;
		nock(API).post('/rest/v1.0/projects/101/rfis', (b) => ((sent = b), true)).reply(201, { id: 3, subject: 'Q' });
		await runProcoreNode({
			parameters: params('RestV10ProjectsProjectIdRfisPost', { specifyFields: 'json', fieldsJson: '{"rfi": {"subject": "Q", "question": {"body": "Why?"}, "rfi_manager_id": 55}}' }),
		});
		expect(sent).toEqual({ rfi: { subject: 'Q', question: { body: 'Why?' }, rfi_manager_id: 55 } });
	});

	it('names what is missing or wrong, with the fix, per item under Continue On Fail', async () => {
		nock(API).post('/rest/v1.0/projects/101/rfis').reply(422, { errors: { subject: ["can't be blank"] } });
		const out = await runProcoreNode({
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }, { json: {} }, { json: {} }],
			parameters: {
				...params('RestV10ProjectsProjectIdRfisPost'),
				__perItem: [
					params('RestV10ProjectsProjectIdRfisPost', { fields: mapped({ 'rfi.subject': 'Q' }) }),
					params('RestV10ProjectsProjectIdRfisPost', { specifyFields: 'json', fieldsJson: '{"colour": "red"}' }),
					params('NoSuchOperation'),
					params('RestV10ProjectsProjectIdRfisPost', { specifyFields: 'json', fieldsJson: '{"rfi": {"subject": "Q", "question": {"body": "?"}, "rfi_manager_id": 5}}' }),
				],
			},
		});
		expect(out.map((o) => o.json.error)).toEqual([
			'Create RFI needs "rfi.rfi_manager_id", "rfi.question.body"',
			'"colour" is not a field of Create RFI (POST /rest/v1.0/projects/{project_id}/rfis)',
			'Procore\'s catalog has no operation "NoSuchOperation"',
			"Procore: subject: can't be blank",
		]);
		expect(String(out[1].json.description)).toMatch(/^Its fields are: run_configurable_validations, rfi\.subject/);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('asks for the Project when the path needs one', async () => {
		await expect(runProcoreNode({ parameters: params('RestV10ProjectsProjectIdRfisGet', { project: { __rl: true, mode: 'list', value: '' } }) })).rejects.toThrow(
			'List RFIs needs a Project',
		);
	});
});
