import nock from 'nock';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { Readable } from 'stream';

import { toBinary } from '../../../../../nodes/Procore/helpers/files/download';
import { createExecuteContext } from '../../../../helpers/executeContext';
import { API, company, project, run } from './helpers';

const S3 = 'https://procore-bucket.s3.amazonaws.test';
const PROCORE_FILES = 'https://storage.procore.com';

const download = (extra: Record<string, unknown> = {}) => ({
	resource: 'document',
	operation: 'download',
	company,
	source: 'documents',
	documentScope: 'project',
	project,
	documentsTarget: 'folder',
	folder: { __rl: true, mode: 'list', value: '' },
	recursive: false,
	returnAll: true,
	binaryPropertyName: 'data',
	...extra,
});

const file = (id: number, name: string, url: string) => ({ id, name, parent_id: 1, size: 9, file_versions: [{ id: id * 10, number: 1, url }] });

describe('Document > Download', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('sends the token to Procore\'s host only, and fetches the storage redirect without it', async () => {
		nock(API, { reqheaders: { authorization: 'Bearer unit-test-access' } })
			.get('/rest/v1.0/files/77')
			.query({ project_id: '101', show_latest_version_only: 'true' })
			.reply(200, file(77, 'Level 3 Plan.pdf', `${PROCORE_FILES}/api/v5/files/77/download`));
		const procore = nock(PROCORE_FILES, { reqheaders: { authorization: 'Bearer unit-test-access', 'procore-company-id': '4264807' } })
			.get('/api/v5/files/77/download')
			.reply(302, '', { Location: `${S3}/companies/1/77?X-Amz-Signature=abc&X-Amz-Expires=3600` });
		const storage = nock(S3, { badheaders: ['authorization', 'procore-company-id'] })
			.get('/companies/1/77')
			.query({ 'X-Amz-Signature': 'abc', 'X-Amz-Expires': '3600' })
			.reply(200, '%PDF-plan', { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="77.pdf"' });
		const out = await run({ parameters: download({ documentsTarget: 'file', fileId: '77' }) });
		expect(out).toHaveLength(1);
		expect(out[0].binary!.data).toMatchObject({ fileName: 'Level 3 Plan.pdf', mimeType: 'application/pdf' });
		expect(Buffer.from(out[0].binary!.data.data, 'base64').toString()).toBe('%PDF-plan');
		expect(out[0].json).toMatchObject({ id: 77, name: 'Level 3 Plan.pdf', file_name: 'Level 3 Plan.pdf' });
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(procore.isDone() && storage.isDone()).toBe(true);
	});

	it('fetches links that already point at storage directly, with no credential', async () => {
		const requests: IHttpRequestOptions[] = [];
		nock(API)
			.get('/rest/v1.0/projects/101/drawing_revisions')
			.query({ drawing_discipline_id: '3', page: '1', per_page: '1000' })
			.reply(200, [
				{ id: 1, number: 'A-101', title: 'Floor Plan / L1', revision_number: '2', png_url: `${S3}/d/1.png?sig=1`, pdf_url: `${S3}/d/1.pdf` },
			]);
		nock(S3, { badheaders: ['authorization'] }).get('/d/1.png').query({ sig: '1' }).reply(200, 'PNGDATA', { 'Content-Type': 'image/png' });
		const out = await run({
			parameters: download({ source: 'drawings', drawingFilters: { disciplineId: '3' }, drawingFormat: 'png', binaryPropertyName: 'sheet' }),
			requests,
		});
		expect(out[0].binary!.sheet).toMatchObject({ fileName: 'A-101 Floor Plan - L1 rev 2.png', mimeType: 'image/png' });
		expect(out[0].json).toMatchObject({ number: 'A-101', revision_number: '2' });
		const storageCall = requests.find((r) => String(r.url).startsWith(S3))!;
		expect(storageCall.headers?.Authorization ?? storageCall.headers?.authorization).toBeUndefined();
	});

	it('lists a folder and its sub-folders, one item per file, each with its own name', async () => {
		nock(API)
			.get('/rest/v1.0/folders/5')
			.query(true)
			.reply(200, { id: 5, name: 'Specs', files: [file(1, 'a.pdf', `${API}/dl/1`)], folders: [{ id: 6, name: 'Old' }] })
			.get('/rest/v1.0/folders/6')
			.query(true)
			.reply(200, { id: 6, name: 'Old', files: [file(2, 'b.pdf', `${API}/dl/2`)], folders: [] })
			.get('/dl/1')
			.reply(200, 'A', { 'Content-Type': 'application/pdf' })
			.get('/dl/2')
			.reply(200, 'B', { 'Content-Type': 'application/pdf' });
		const out = await run({ parameters: download({ folder: { __rl: true, mode: 'id', value: '5' }, recursive: true }) });
		expect(out.map((o) => o.binary!.data.fileName)).toEqual(['a.pdf', 'b.pdf']);
		expect(out.map((o) => Buffer.from(o.binary!.data.data, 'base64').toString())).toEqual(['A', 'B']);
	});

	it('downloads the current revision of the chosen specification sections', async () => {
		nock(API)
			.get('/rest/v1.0/specification_sections')
			.query(true)
			.reply(200, [
				{ id: 11, number: '03 30 00', description: 'Cast-in-Place Concrete', current_revision_id: 111 },
				{ id: 12, number: '05 12 00', description: 'Structural Steel', current_revision_id: 121 },
			])
			.get('/rest/v1.0/specification_section_revisions/111')
			.query({ project_id: '101' })
			.reply(200, { id: 111, url: `${S3}/spec/111.pdf`, revision: '1' });
		nock(S3).get('/spec/111.pdf').reply(200, 'SPEC');
		const out = await run({ parameters: download({ source: 'specifications', specificationSectionIds: '11' }) });
		expect(out).toHaveLength(1);
		expect(out[0].binary!.data).toMatchObject({ fileName: '03 30 00 Cast-in-Place Concrete.pdf', mimeType: 'application/pdf' });
	});

	it('reports Procore\'s own error for a download link, and continues on fail with the reason', async () => {
		nock(API)
			.get('/rest/v1.0/files/77')
			.query(true)
			.reply(200, file(77, 'x.pdf', `${API}/dl/77`))
			.get('/dl/77')
			.reply(403, { errors: 'You do not have permission to download this file' });
		const out = await run({ parameters: download({ documentsTarget: 'file', fileId: '77' }), continueOnFail: true });
		expect(out).toEqual([
			{ json: expect.objectContaining({ error: 'Procore: You do not have permission to download this file', httpCode: '403' }), pairedItem: { item: 0 } },
		]);
	});

	it('never sends the token to a link on a foreign host, even through the transport', async () => {
		const { procoreRequest } = await import('../../../../../nodes/Procore/transport');
		const { createExecuteContext } = await import('../../../../helpers/executeContext');
		const ctx = createExecuteContext({ parameters: {} });
		await expect(procoreRequest.call(ctx, { method: 'GET', path: 'https://evil.example/steal' })).rejects.toThrow(
			'Refusing to send the Procore token to https://evil.example/steal',
		);
	});
});

describe('Document > Get Many', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('lists files of the top level without downloading them', async () => {
		nock(API)
			.get('/rest/v1.0/folders')
			.query(true)
			.reply(200, { id: 1, files: [file(1, 'a.pdf', `${API}/dl/1`), { id: 2, name: 'b.pdf', file_versions: [] }], folders: [] });
		const out = await run({ parameters: { ...download(), operation: 'getAll', returnAll: false, limit: 50 } });
		expect(out.map((o) => o.json as IDataObject)).toEqual([
			expect.objectContaining({ id: 1, file_name: 'a.pdf', downloadable: true }),
			expect.objectContaining({ id: 2, file_name: 'b.pdf', downloadable: false }),
		]);
	});
});

describe('Document > Download: which hosts get the token (issue 22, finding 6)', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it.each([
		['https://support.procore.com/files/77/download'],
		['https://evil.procore.com.attacker.test/files/77'],
		['http://storage.procore.com/api/v5/files/77/download'],
		['https://storage.procore.com:8443/api/v5/files/77/download'],
	])('a file link on %s is fetched without the token', async (link) => {
		let seen: Record<string, unknown> | undefined;
		nock(API).get('/rest/v1.0/files/77').query(true).reply(200, file(77, 'Plan.pdf', link));
		const url = new URL(link);
		nock(url.origin)
			.get(url.pathname)
			.reply(function () {
				seen = this.req.headers;
				return [200, '%PDF', { 'Content-Type': 'application/pdf' }];
			});
		await run({ parameters: download({ documentsTarget: 'file', fileId: '77' }) });
		expect(seen).toBeDefined();
		expect(seen!.authorization).toBeUndefined();
	});

	it('the API origin and storage.procore.com get it', async () => {
		nock(API).get('/rest/v1.0/files/77').query(true).reply(200, file(77, 'Plan.pdf', `${API}/rest/v1.0/files/77/raw`));
		nock(API, { reqheaders: { authorization: 'Bearer unit-test-access' } }).get('/rest/v1.0/files/77/raw').reply(200, '%PDF');
		const [out] = await run({ parameters: download({ documentsTarget: 'file', fileId: '77' }) });
		expect(Buffer.from(out.binary!.data.data, 'base64').toString()).toBe('%PDF');
	});
});

describe('Document > Download: file names are made safe (issue 22, finding 8)', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it.each([
		['../../etc/cron.d/evil', 'etc-cron.d-evil'],
		['..\\..\\Windows\\System32\\evil.dll', 'Windows-System32-evil.dll'],
		['/abs/path.pdf', 'abs-path.pdf'],
		['report\u0000.pdf\u001b', 'report .pdf'],
		['..', 'download'],
		['Plan: L3 <rev "B">?.pdf', 'Plan- L3 -rev -B-.pdf'],
	])('a document named %j is written as %j', async (name, expected) => {
		nock(API).get('/rest/v1.0/files/77').query(true).reply(200, file(77, name, `${API}/rest/v1.0/files/77/raw`));
		nock(API).get('/rest/v1.0/files/77/raw').reply(200, 'DATA');
		const [out] = await run({ parameters: download({ documentsTarget: 'file', fileId: '77' }) });
		expect(out.binary!.data.fileName).toBe(expected);
		expect(out.binary!.data.fileName).not.toMatch(/[\\/]|^\.|\.\./);
	});

	it('a name from Content-Disposition is made safe too', async () => {
		const ctx = createExecuteContext({ parameters: {} });
		const binary = await toBinary(ctx, { body: Readable.from([Buffer.from('x')]) as never, headers: { 'Content-Disposition': 'attachment; filename="../../../tmp/x.sh"' }, fromStorage: true }, undefined);
		expect(binary.fileName).toBe('tmp-x.sh');
	});
});
