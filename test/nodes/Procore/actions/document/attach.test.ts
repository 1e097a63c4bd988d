import nock from 'nock';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { ATTACHMENT_TARGETS, attachmentBody, withAttachments } from '../../../../../nodes/Procore/helpers/attachments';
import { API, STORAGE, company, inlineItem, multipartFields, project, run } from './helpers';

const attach = (recordType: string, extra: Record<string, unknown> = {}) => ({
	resource: 'document',
	operation: 'attach',
	output: 'raw',
	company,
	project,
	recordType,
	parentId: '300',
	recordId: '42',
	binaryPropertyName: 'data, photo',
	options: {},
	...extra,
});

const twoFiles = () => ({
	json: {},
	binary: {
		data: inlineItem(Buffer.from('first'), 'a.pdf').binary!.data,
		photo: inlineItem(Buffer.from('second'), 'b.jpg', 'image/jpeg').binary!.data,
	},
});

/** Two small uploads in the project: U-1 and U-2, each POSTed to storage without the token. */
function twoUploads() {
	let n = 0;
	nock(API)
		.post('/rest/v1.1/projects/101/uploads')
		.times(2)
		.reply(201, () => ({ uuid: `U-${++n}`, url: `${STORAGE}/bucket`, fields: { key: `k${n}` } }));
	nock(STORAGE, { badheaders: ['authorization'] }).post('/bucket').times(2).reply(204);
}

// What each record type's PATCH must carry, in Procore's words (the 6.4 table).
const cases: Array<[string, string, string, IDataObject, IDataObject, IDataObject | undefined]> = [
	['changeEvent', '/rest/v1.0/change_events/42', 'project_id=101', { id: 42, title: 'CE' }, { project_id: 101, change_event: { attachments_by_uuid: [{ upload_uuid: 'U-1' }, { upload_uuid: 'U-2' }] } }, undefined],
	['rfi', '/rest/v1.0/projects/101/rfis/42', '', { id: 42, questions: [{ body: 'What spacing?' }] }, { rfi: { question: { upload_ids: ['U-1', 'U-2'], body: 'What spacing?' } } }, undefined],
	['workOrderContract', '/rest/v1.0/work_order_contracts/42', 'project_id=101', { id: 42 }, { project_id: 101, work_order_contract: { upload_ids: ['U-1', 'U-2'] } }, undefined],
	['purchaseOrderContract', '/rest/v1.0/purchase_order_contracts/42', 'project_id=101', { id: 42 }, { project_id: 101, purchase_order_contract: { upload_ids: ['U-1', 'U-2'] } }, undefined],
	['observation', '/rest/v1.0/observations/items/42', 'project_id=101', { id: 42, name: 'Guardrail', type: { id: 7 } }, { project_id: 101, observation: { upload_ids: ['U-1', 'U-2'], name: 'Guardrail', type_id: 7 } }, undefined],
	['workOrderComplianceDocument', '/rest/v1.0/projects/101/work_order_contracts/300/compliance_documents/42', '', { id: 42, attachments: [{ id: 5 }] }, { attributes: { upload_ids: ['U-1', 'U-2'], attachment_ids: [5] } }, undefined],
	['purchaseOrderComplianceDocument', '/rest/v1.0/projects/101/purchase_order_contracts/300/compliance_documents/42', '', { id: 42 }, { attributes: { upload_ids: ['U-1', 'U-2'] } }, undefined],
	['punchItem', '/rest/v1.1/punch_items/42', 'project_id=101', { id: 42, name: 'Paint door 204' }, { project_id: 101, punch_item: { upload_ids: ['U-1', 'U-2'], name: 'Paint door 204' } }, undefined],
];

describe('Document > Attach to Record', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('covers every record type of the table', () => {
		expect([...cases.map((c) => c[0]), 'image'].sort()).toEqual(Object.keys(ATTACHMENT_TARGETS).sort());
	});

	it.each(cases)('%s: reads the record, uploads, then PATCHes its own field', async (recordType, path, query, current, expected) => {
		let sent: any;
		twoUploads();
		const scope = nock(API)
			.get(path)
			.query(query ? { project_id: '101' } : {})
			.reply(200, current)
			.patch(path, (body) => ((sent = body), true))
			.query(query ? { project_id: '101' } : {})
			.reply(200, { ...current, updated: true });
		const [out] = await run({ parameters: attach(recordType), items: [twoFiles()] });
		expect(sent).toEqual(expected);
		expect(out.json.summary).toMatch(/^Attached "a\.pdf", "b\.jpg" to .+ 42$/);
		expect((out.json.uploads as IDataObject[]).map((u) => u.uuid)).toEqual(['U-1', 'U-2']);
		expect(scope.isDone()).toBe(true);
	});

	it('image: adds one photo per file (upload in both the schema\'s and the guide\'s shape)', async () => {
		const bodies: Array<Record<string, string>> = [];
		twoUploads();
		nock(API)
			.post('/rest/v1.0/images', (body) => (bodies.push(multipartFields(body)), true))
			.query({ project_id: '101' })
			.times(2)
			.reply(201, () => ({ id: 600 + bodies.length }));
		const out = await run({ parameters: attach('image', { options: { imageCategoryId: '12', imageDescription: 'Level 3 pour' } }), items: [twoFiles()] });
		expect(bodies[0]).toEqual({
			upload_uuid: 'U-1',
			image_name: 'a.pdf',
			'upload[uuid]': 'U-1',
			'upload[image_name]': 'a.pdf',
			'image[private]': 'false',
			'image[image_category_id]': '12',
			'image[description]': 'Level 3 pour',
		});
		expect(bodies[1]['upload_uuid']).toBe('U-2');
		expect(out.map((o) => o.json.summary)).toEqual(['Added "a.pdf" to Photos as photo 601', 'Added "b.jpg" to Photos as photo 602']);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('fails on a record that does not exist before uploading anything', async () => {
		const requests: IHttpRequestOptions[] = [];
		nock(API).get('/rest/v1.0/work_order_contracts/42').query(true).reply(404, { errors: 'Not Found' });
		await expect(run({ parameters: attach('workOrderContract'), items: [twoFiles()], requests })).rejects.toMatchObject({ httpCode: '404' });
		expect(requests.map((r) => r.method)).toEqual(['GET']);
	});

	it('names a missing binary property before any request', async () => {
		const requests: IHttpRequestOptions[] = [];
		await expect(
			run({ parameters: attach('rfi', { binaryPropertyName: 'data, scan' }), items: [inlineItem(Buffer.from('x'), 'a.pdf')], requests }),
		).rejects.toThrow('No binary property "scan" on item 0');
		expect(requests).toEqual([]);
	});

	it('previews the PATCH and the files without uploading', async () => {
		const requests: IHttpRequestOptions[] = [];
		nock(API).get('/rest/v1.0/change_events/42').query(true).reply(200, { id: 42 });
		const [out] = await run({ parameters: attach('changeEvent', { options: { previewOnly: true } }), items: [twoFiles()], requests });
		expect(requests.map((r) => r.method)).toEqual(['GET']);
		expect(out.json).toMatchObject({ preview: true, summary: 'Would attach "a.pdf", "b.jpg" to Change Event 42' });
		expect(out.json.uploads).toEqual([
			{ file_name: 'a.pdf', size: 5, parts: 1, uuid: null },
			{ file_name: 'b.jpg', size: 6, parts: 1, uuid: null },
		]);
	});

	it('refuses a record ID that is not a number', async () => {
		await expect(run({ parameters: attach('rfi', { recordId: 'RFI-12' }), items: [twoFiles()] })).rejects.toThrow('Record "RFI-12" is not a Procore ID');
	});
});

describe('attachments helper (for other resources)', () => {
	it('gives each record type its own field', () => {
		expect(attachmentBody('changeEvent', ['U'])).toEqual({ attachments_by_uuid: [{ upload_uuid: 'U' }] });
		expect(attachmentBody('rfi', ['U'])).toEqual({ question: { upload_ids: ['U'] } });
		expect(attachmentBody('workOrderContract', ['U'])).toEqual({ upload_ids: ['U'] });
	});

	it('merges into a create body without losing fields', () => {
		expect(withAttachments('rfi', { subject: 'S', question: { body: 'Q' } }, ['U1', 'U2'])).toEqual({
			subject: 'S',
			question: { body: 'Q', upload_ids: ['U1', 'U2'] },
		});
		expect(withAttachments('workOrderContract', { upload_ids: ['U0'] }, ['U1'])).toEqual({ upload_ids: ['U0', 'U1'] });
		expect(withAttachments('rfi', { subject: 'S' }, [])).toEqual({ subject: 'S' });
	});
});

describe('Document > Attach to Record: an attach whose answer is lost (issue 22, finding 1)', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	const path = '/rest/v1.0/projects/101/rfis/42';
	const before = { id: 42, questions: [{ body: 'What spacing?', attachments: [{ id: 1, filename: 'old.pdf' }] }] };
	const withBoth = { id: 42, questions: [{ body: 'What spacing?', attachments: [{ id: 1 }, { id: 2, filename: 'a.pdf' }, { id: 3, filename: 'b.jpg' }] }] };

	function patches(answers: Array<[number, unknown]>) {
		let sent = 0;
		const scope = nock(API);
		for (const [status, body] of answers) scope.patch(path).reply(() => (sent++, [status, body]));
		return () => sent;
	}

	it.each([[502], [504]])('a %s after the PATCH: not sent again; the re-read shows both files, so it is reported attached', async (status) => {
		twoUploads();
		nock(API).get(path).reply(200, before).get(path).reply(200, withBoth);
		const sent = patches([[status, 'Bad Gateway'], [200, withBoth]]);
		const [out] = await run({ parameters: attach('rfi'), items: [twoFiles()] });
		expect(sent()).toBe(1);
		expect(out.json).toMatchObject({ summary: 'Attached "a.pdf", "b.jpg" to RFI 42', confirmed_by: expect.stringMatching(/re-read/) });
	});

	it('the re-read does not show the files: the item fails saying so, and the PATCH went once', async () => {
		twoUploads();
		nock(API).get(path).reply(200, before).get(path).reply(200, before);
		const sent = patches([[502, 'Bad Gateway'], [200, withBoth]]);
		await expect(run({ parameters: attach('rfi'), items: [twoFiles()] })).rejects.toMatchObject({
			description: expect.stringMatching(/may or may not have been written/),
		});
		expect(sent()).toBe(1);
	});
});
