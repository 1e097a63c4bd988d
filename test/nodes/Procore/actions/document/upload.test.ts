import nock from 'nock';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { API, MiB, STORAGE, company, inlineItem, multipartFields, pattern, project, rootFolder, run, sha256, bodyBytes, storedItem } from './helpers';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => undefined) }));

const upload = (extra: Record<string, unknown> = {}) => ({
	resource: 'document',
	operation: 'upload',
	output: 'raw',
	company,
	documentScope: 'project',
	project,
	folder: { __rl: true, mode: 'list', value: '' },
	binaryPropertyName: 'data',
	ifExists: 'fail',
	options: {},
	...extra,
});

/** The three nock scopes of a segmented upload; returns what each PUT received. */
function segmentedStorage(sizes: number[], failFirstAttemptOf?: number) {
	const received: Array<{ index: number; bytes: Buffer; headers: Record<string, string> }> = [];
	const attempts = sizes.map(() => 0);
	const scope = nock(STORAGE, { badheaders: ['authorization'] })
		.put(/\/parts\/\d+/)
		.times(sizes.length + (failFirstAttemptOf === undefined ? 0 : 1))
		.reply(function (uri, body) {
			const index = Number(/parts\/(\d+)/.exec(uri)![1]);
			attempts[index]++;
			if (index === failFirstAttemptOf && attempts[index] === 1) return [500, '<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>'];
			received.push({ index, bytes: bodyBytes(body), headers: this.req.headers as Record<string, string> });
			return [200, '', { ETag: `"etag-${index}"` }];
		});
	return { received, attempts, scope };
}

describe('Document > Upload', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('uploads a small file in one presigned POST (fields unchanged, no token) and creates the file with file[upload_uuid]', async () => {
		const data = Buffer.from('%PDF-1.7 small spec sheet');
		let created: any;
		let storageForm: Record<string, string> = {};
		let createFile: Record<string, string> = {};
		nock(API, { reqheaders: { authorization: 'Bearer unit-test-access', 'procore-company-id': '4264807' } })
			.get('/rest/v1.0/folders')
			.query({ project_id: '101', show_latest_file_version_only: 'true' })
			.reply(200, rootFolder())
			.post('/rest/v1.1/projects/101/uploads', (body) => ((created = body), true))
			.reply(201, { uuid: 'U-SMALL', url: `${STORAGE}/bucket`, fields: { key: 'companies/1/U-SMALL', policy: 'p0l1cy', 'x-amz-signature': 'sig' } })
			.post('/rest/v1.0/files', (body) => ((createFile = multipartFields(body)), true))
			.query({ project_id: '101' })
			.reply(201, { id: 7001, name: 'spec.pdf', size: data.length });
		nock(STORAGE, { badheaders: ['authorization'] })
			.post('/bucket', (body) => ((storageForm = multipartFields(body)), true))
			.reply(204, '', { ETag: '"x"' });
		const [out] = await run({ parameters: upload(), items: [inlineItem(data, 'spec.pdf')] });
		expect(created).toEqual({ response_filename: 'spec.pdf', response_content_type: 'application/pdf', size: data.length });
		expect(storageForm).toMatchObject({ key: 'companies/1/U-SMALL', policy: 'p0l1cy', 'x-amz-signature': 'sig', file: data.toString() });
		expect(createFile).toEqual({ 'file[name]': 'spec.pdf', 'file[upload_uuid]': 'U-SMALL' });
		expect(out.json).toMatchObject({ id: 7001, upload: { uuid: 'U-SMALL', parts: 1, segmented: false, folder: '/' } });
		expect(out.json.summary).toBe('Uploaded "spec.pdf" (25 B, 1 part) to Documents folder "/" as file 7001');
		expect(nock.isDone()).toBe(true);
	});

	it('streams a 12 MiB file in three 5 MiB parts with each part\'s sha256 and sends the ETags back in order', async () => {
		const data = pattern(12 * MiB);
		const sizes = [5 * MiB, 5 * MiB, 2 * MiB];
		const slices = [data.subarray(0, 5 * MiB), data.subarray(5 * MiB, 10 * MiB), data.subarray(10 * MiB)];
		let createBody: any;
		let completeBody: any;
		nock(API)
			.get('/rest/v1.0/folders/55')
			.query(true)
			.reply(200, { id: 55, name: 'Specs', name_with_path: 'Specs', folders: [], files: [] })
			.post('/rest/v1.1/projects/101/uploads', (body) => ((createBody = body), true))
			.reply(201, () => ({
				uuid: 'U-BIG',
				status: 'ready',
				segments: createBody.segments.map((s: any, k: number) => ({
					...s,
					url: `${STORAGE}/uploads/U-BIG/parts/${k}?X-Amz-Signature=s${k}`,
					headers: { 'x-amz-content-sha256': s.sha256, 'content-length': String(s.size) },
				})),
			}))
			.patch('/rest/v1.1/projects/101/uploads/U-BIG', (body) => ((completeBody = body), true))
			.reply(200, { uuid: 'U-BIG', status: 'complete' })
			.post('/rest/v1.0/files', (body) => multipartFields(body)['file[upload_uuid]'] === 'U-BIG' && multipartFields(body)['file[parent_id]'] === '55')
			.query({ project_id: '101' })
			.reply(201, { id: 7002, name: 'model.ifc' });
		const storage = segmentedStorage(sizes);
		const [out] = await run({
			parameters: upload({ folder: { __rl: true, mode: 'id', value: '55' }, options: { partSizeMiB: 5 } }),
			items: [storedItem('fs:model', data.length, 'model.ifc', 'application/octet-stream')],
			stored: { 'fs:model': data },
		});
		expect(createBody).toEqual({
			response_filename: 'model.ifc',
			response_content_type: 'application/octet-stream',
			size: 12 * MiB,
			segments: slices.map((s) => ({ size: s.length, sha256: sha256(s) })),
		});
		expect(storage.received.map((r) => r.index)).toEqual([0, 1, 2]);
		storage.received.forEach((r, k) => {
			expect(sha256(r.bytes)).toBe(sha256(slices[k]));
			expect(r.headers['x-amz-content-sha256']).toBe(sha256(slices[k]));
			expect(r.headers['content-length']).toBe(String(sizes[k]));
			expect(r.headers['content-type']).toBe('application/octet-stream');
		});
		expect(completeBody.segments.map((s: any) => s.etag)).toEqual(['"etag-0"', '"etag-1"', '"etag-2"']);
		expect(out.json.upload).toMatchObject({ uuid: 'U-BIG', parts: 3, segmented: true, size: 12 * MiB });
		expect(nock.isDone()).toBe(true);
	});

	it('resends only the part that failed, after a back-off', async () => {
		const { sleep } = jest.requireMock('n8n-workflow') as { sleep: jest.Mock };
		sleep.mockClear();
		const data = pattern(11 * MiB);
		let createBody: any;
		nock(API)
			.get('/rest/v1.0/folders')
			.query(true)
			.reply(200, rootFolder())
			.post('/rest/v1.1/projects/101/uploads', (body) => ((createBody = body), true))
			.reply(201, () => ({
				uuid: 'U-RETRY',
				segments: createBody.segments.map((s: any, k: number) => ({ url: `${STORAGE}/uploads/U-RETRY/parts/${k}`, headers: { 'x-amz-content-sha256': s.sha256, 'content-length': String(s.size) } })),
			}))
			.patch('/rest/v1.1/projects/101/uploads/U-RETRY')
			.reply(200, { status: 'complete' })
			.post('/rest/v1.0/files')
			.query(true)
			.reply(201, { id: 7003 });
		const storage = segmentedStorage([5 * MiB, 5 * MiB, 1 * MiB], 1);
		await run({
			parameters: upload({ options: { partSizeMiB: 5 } }),
			items: [storedItem('fs:retry', data.length, 'retry.bin')],
			stored: { 'fs:retry': data },
		});
		expect(storage.attempts).toEqual([1, 2, 1]);
		expect(storage.received.map((r) => r.index)).toEqual([0, 1, 2]);
		expect(sha256(storage.received[1].bytes)).toBe(sha256(data.subarray(5 * MiB, 10 * MiB)));
		expect(sleep).toHaveBeenCalledWith(1000);
		expect(nock.isDone()).toBe(true);
	});

	it('gives up on a part after its retries with the storage service\'s own message, and attaches nothing', async () => {
		const data = pattern(6 * MiB);
		nock(API)
			.get('/rest/v1.0/folders')
			.query(true)
			.reply(200, rootFolder())
			.post('/rest/v1.1/projects/101/uploads')
			.reply(201, { uuid: 'U-X', segments: [{ url: `${STORAGE}/p/0`, headers: {} }, { url: `${STORAGE}/p/1`, headers: {} }] });
		nock(STORAGE).put('/p/0').times(4).reply(503, '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>');
		const requests: IHttpRequestOptions[] = [];
		await expect(
			run({ parameters: upload({ options: { partSizeMiB: 5 } }), items: [storedItem('fs:x', data.length, 'x.bin')], stored: { 'fs:x': data }, requests }),
		).rejects.toThrow('Uploading part 1 of 2 of "x.bin" to Procore\'s storage failed (HTTP 503): SlowDown: Please reduce your request rate.');
		expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(4);
		expect(requests.some((r) => String(r.url).includes('/rest/v1.0/files'))).toBe(false);
	});

	it('adds a new version when the folder already holds a file of that name and the user asked for it', async () => {
		const data = Buffer.from('revised schedule');
		let patched: Record<string, string> = {};
		nock(API)
			.get('/rest/v1.0/folders')
			.query(true)
			.reply(200, rootFolder([{ id: 8080, name: 'Schedule.pdf', parent_id: 1, file_versions: [{ id: 1, number: 1 }] }]))
			.post('/rest/v1.1/projects/101/uploads')
			.reply(201, { uuid: 'U-V2', url: `${STORAGE}/bucket`, fields: { key: 'k' } })
			.patch('/rest/v1.0/files/8080', (body) => ((patched = multipartFields(body)), true))
			.query({ project_id: '101' })
			.reply(200, { id: 8080, name: 'Schedule.pdf', file_versions: [{ id: 1, number: 1 }, { id: 2, number: 2 }] });
		nock(STORAGE).post('/bucket').reply(204);
		const [out] = await run({ parameters: upload({ ifExists: 'newVersion' }), items: [inlineItem(data, 'Schedule.pdf')] });
		expect(patched).toEqual({ 'file[name]': 'Schedule.pdf', 'file[upload_uuid]': 'U-V2' });
		expect(out.json.summary).toBe('Uploaded "Schedule.pdf" (16 B, 1 part) as a new version of file 8080 in Documents folder "/"');
		expect(out.json.upload).toMatchObject({ new_version_of: 8080 });
		expect(nock.isDone()).toBe(true);
	});

	it('refuses a same-name file by default, before uploading anything', async () => {
		nock(API).get('/rest/v1.0/folders').query(true).reply(200, rootFolder([{ id: 8080, name: 'schedule.PDF' }]));
		const requests: IHttpRequestOptions[] = [];
		await expect(run({ parameters: upload(), items: [inlineItem(Buffer.from('x'), 'Schedule.pdf')], requests })).rejects.toThrow(
			'A file named "Schedule.pdf" already exists in "/" (file 8080)',
		);
		expect(requests.map((r) => r.method)).toEqual(['GET']);
	});

	it('keeps both files when asked (Procore renames the new one)', async () => {
		let fields: Record<string, string> = {};
		nock(API)
			.get('/rest/v1.0/folders')
			.query(true)
			.reply(200, rootFolder([{ id: 8080, name: 'a.pdf' }]))
			.post('/rest/v1.1/projects/101/uploads')
			.reply(201, { uuid: 'U-B', url: `${STORAGE}/bucket`, fields: {} })
			.post('/rest/v1.0/files', (body) => ((fields = multipartFields(body)), true))
			.query(true)
			.reply(201, { id: 8081, name: 'a (1).pdf' });
		nock(STORAGE).post('/bucket').reply(204);
		await run({ parameters: upload({ ifExists: 'keepBoth' }), items: [inlineItem(Buffer.from('x'), 'a.pdf')] });
		expect(fields['file[unique_name]']).toBe('true');
	});

	it('names the missing binary property and the ones the item has, before any request', async () => {
		const requests: IHttpRequestOptions[] = [];
		const error = await run({
			parameters: upload({ binaryPropertyName: 'attachment' }),
			items: [inlineItem(Buffer.from('x'), 'a.pdf')],
			requests,
		}).catch((e) => e);
		expect(error.message).toBe('No binary property "attachment" on item 0');
		expect(error.description).toContain('data');
		expect(requests).toEqual([]);
	});

	it('previews name, size, folder and parts without uploading or creating folders', async () => {
		const data = pattern(40 * MiB);
		const requests: IHttpRequestOptions[] = [];
		nock(API)
			.get('/rest/v1.0/folders')
			.query(true)
			.reply(200, rootFolder([], [{ id: 9, name: 'Drawings', name_with_path: 'Drawings' }]))
			.get('/rest/v1.0/folders/9')
			.query(true)
			.reply(200, { id: 9, name: 'Drawings', folders: [], files: [] });
		const [out] = await run({
			parameters: upload({
				folder: { __rl: true, mode: 'path', value: 'Drawings/2026/Issued' },
				options: { previewOnly: true, createMissingFolders: true },
			}),
			items: [storedItem('fs:set', data.length, 'set.pdf')],
			stored: { 'fs:set': data },
			requests,
		});
		expect(requests.every((r) => r.method === 'GET')).toBe(true);
		expect(out.json).toMatchObject({
			preview: true,
			summary: 'Would upload "set.pdf" (40.0 MiB, 3 parts) to Documents folder "Drawings/2026/Issued"',
			upload: { file_name: 'set.pdf', size: 40 * MiB, parts: 3, part_bytes: 16 * MiB, folder: 'Drawings/2026/Issued' },
			would_create_folders: ['Drawings/2026', 'Drawings/2026/Issued'],
			request: { method: 'POST', path: '/rest/v1.0/files' },
		});
	});

	it('creates missing folders of a path, then uploads into the last one', async () => {
		const created: any[] = [];
		nock(API)
			.get('/rest/v1.0/folders')
			.query(true)
			.reply(200, rootFolder([], [{ id: 9, name: 'drawings' }]))
			.get('/rest/v1.0/folders/9')
			.query(true)
			.reply(200, { id: 9, name: 'drawings', folders: [], files: [] })
			.post('/rest/v1.0/folders', (body) => (created.push(body), true))
			.query({ project_id: '101' })
			.reply(201, { id: 10, name: '2026' })
			.post('/rest/v1.1/projects/101/uploads')
			.reply(201, { uuid: 'U-F', url: `${STORAGE}/bucket`, fields: {} })
			.post('/rest/v1.0/files', (body) => multipartFields(body)['file[parent_id]'] === '10')
			.query(true)
			.reply(201, { id: 1 });
		nock(STORAGE).post('/bucket').reply(204);
		const [out] = await run({
			parameters: upload({ folder: { __rl: true, mode: 'path', value: 'Drawings/2026' }, options: { createMissingFolders: true } }),
			items: [inlineItem(Buffer.from('x'), 'a.pdf')],
		});
		expect(created).toEqual([{ folder: { name: '2026', parent_id: 9 } }]);
		expect(out.json.created_folders).toEqual([{ id: 10, name: '2026' }]);
		expect(nock.isDone()).toBe(true);
	});

	it('refuses a missing folder of a path when creating is off, listing what is there', async () => {
		nock(API).get('/rest/v1.0/folders').query(true).reply(200, rootFolder([], [{ id: 9, name: 'Drawings' }, { id: 8, name: 'Specs' }]));
		await expect(
			run({ parameters: upload({ folder: { __rl: true, mode: 'path', value: 'Photos/2026' } }), items: [inlineItem(Buffer.from('x'), 'a.pdf')] }),
		).rejects.toMatchObject({ message: 'No folder "Photos" in the top level of the Documents of project 101', description: expect.stringContaining('Drawings, Specs') });
	});

	it('uploads to the company Documents through the company endpoints', async () => {
		nock(API)
			.get('/rest/v1.0/companies/4264807/folders')
			.query({ show_latest_file_version_only: 'true' })
			.reply(200, rootFolder())
			.post('/rest/v1.1/companies/4264807/uploads')
			.reply(201, { uuid: 'U-C', url: `${STORAGE}/bucket`, fields: {} })
			.post('/rest/v1.0/companies/4264807/files')
			.reply(201, { id: 5 });
		nock(STORAGE).post('/bucket').reply(204);
		const [out] = await run({ parameters: upload({ documentScope: 'company' }), items: [inlineItem(Buffer.from('x'), 'policy.pdf')] });
		expect(out.json.id).toBe(5);
		expect(nock.isDone()).toBe(true);
	});
});
