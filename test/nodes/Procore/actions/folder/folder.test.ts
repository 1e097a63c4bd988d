import nock from 'nock';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { runProcoreNode } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';
const project = { __rl: true, mode: 'id', value: '101' };
const company = { __rl: true, mode: 'id', value: '4264807' };

describe('Folder', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('creates a folder inside a parent chosen by path', async () => {
		let sent: unknown;
		nock(API)
			.get('/rest/v1.0/folders')
			.query(true)
			.reply(200, { id: 1, folders: [{ id: 9, name: 'Submittals' }], files: [] })
			.get('/rest/v1.0/folders/9')
			.query(true)
			.reply(200, { id: 9, name: 'Submittals', name_with_path: 'Submittals', folders: [], files: [] })
			.post('/rest/v1.0/folders', (body) => ((sent = body), true))
			.query({ project_id: '101' })
			.reply(201, { id: 10, name: '2026', parent_id: 9 });
		const [out] = await runProcoreNode({
			parameters: { resource: 'folder', operation: 'create', company, documentScope: 'project', project, folder: { __rl: true, mode: 'path', value: 'Submittals' }, name: '2026', options: { isTracked: true } },
		});
		expect(sent).toEqual({ folder: { name: '2026', parent_id: 9, is_tracked: true } });
		expect(out.json.summary).toBe('Created folder "2026" in "Submittals" (folder 10)');
	});

	it('returns the existing folder instead of creating a duplicate on a re-run', async () => {
		const requests: IHttpRequestOptions[] = [];
		nock(API).get('/rest/v1.0/folders').query(true).reply(200, { id: 1, folders: [{ id: 9, name: 'Submittals' }], files: [] });
		const [out] = await runProcoreNode({
			parameters: { resource: 'folder', operation: 'create', company, documentScope: 'project', project, folder: { __rl: true, mode: 'list', value: '' }, name: 'submittals', options: {} },
			requests,
		});
		expect(requests.map((r) => r.method)).toEqual(['GET']);
		expect(out.json).toMatchObject({ id: 9, summary: 'Folder "Submittals" already exists in "/" (folder 9)' });
	});

	it('lists company folders recursively, up to the limit', async () => {
		nock(API)
			.get('/rest/v1.0/companies/4264807/folders')
			.query(true)
			.reply(200, { id: 1, folders: [{ id: 2, name: 'HR', name_with_path: 'HR' }, { id: 3, name: 'Safety', name_with_path: 'Safety' }], files: [] })
			.get('/rest/v1.0/companies/4264807/folders/2')
			.query(true)
			.reply(200, { id: 2, folders: [{ id: 4, name: 'Policies', name_with_path: 'HR/Policies' }], files: [] });
		const out = await runProcoreNode({
			parameters: { resource: 'folder', operation: 'getAll', company, documentScope: 'company', folder: { __rl: true, mode: 'list', value: '' }, recursive: true, returnAll: false, limit: 2 },
		});
		expect(out.map((o) => o.json.name_with_path)).toEqual(['HR', 'Safety']);
	});
});
