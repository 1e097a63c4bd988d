/**
 * Direct uploads (segmented and presigned POST), files and versions, and downloads that need the
 * token on the API host but must not get it on the storage host.
 */
import { createHash } from 'crypto';
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(() => sb.stop());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const bytes = (n: number, seed: number) =>
	Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251));

async function put(url: string, body: Buffer, headers: Record<string, string>) {
	const res = await fetch(url, {
		method: 'PUT',
		body,
		headers: { 'Content-Type': 'application/octet-stream', ...headers },
	});
	return { status: res.status, etag: res.headers.get('etag'), text: await res.text() };
}

describe('segmented uploads', () => {
	const partA = bytes(5 * 1024 * 1024, 1);
	const partB = bytes(123_457, 2);

	async function create() {
		const res = await call(sb, 'POST', `/rest/v1.1/projects/${sb.seed.projects.tower}/uploads`, {
			body: {
				response_filename: 'survey.pdf',
				response_content_type: 'application/pdf',
				size: partA.length + partB.length,
				segments: [
					{ size: partA.length, sha256: sha256(partA) },
					{ size: partB.length, sha256: sha256(partB) },
				],
			},
		});
		expect(res.status).toBe(201);
		return res.body;
	}

	it('hands out per-segment storage URLs on another host and completes with the ETags in order', async () => {
		const upload = await create();
		expect(upload.status).toBe('ready');
		expect(upload.segments).toHaveLength(2);
		expect(new URL(upload.segments[0].url).host).toBe(`localhost:${sb.port}`);
		expect(new URL(sb.url).host).toBe(`127.0.0.1:${sb.port}`);
		expect(upload.segments[1].headers).toEqual({
			'x-amz-content-sha256': sha256(partB),
			'content-length': String(partB.length),
		});
		const a = await put(upload.segments[0].url, partA, upload.segments[0].headers);
		const b = await put(upload.segments[1].url, partB, upload.segments[1].headers);
		expect([a.status, b.status]).toEqual([200, 200]);
		expect(a.etag).toBe(`"${createHash('md5').update(partA).digest('hex')}"`);
		const done = await call(
			sb,
			'PATCH',
			`/rest/v1.1/projects/${sb.seed.projects.tower}/uploads/${upload.uuid}`,
			{ body: { segments: [{ etag: a.etag }, { etag: b.etag }] } },
		);
		expect(done.status).toBe(200);
		expect(done.body.status).toBe('complete');
	});

	it('refuses a storage request that carries an Authorization header (as S3 presigned URLs do)', async () => {
		const upload = await create();
		const res = await put(upload.segments[1].url, partB, {
			...upload.segments[1].headers,
			Authorization: `Bearer ${sb.issueToken()}`,
		});
		expect(res.status).toBe(400);
		expect(res.text).toMatch(/<Code>InvalidArgument<\/Code>/);
	});

	it('rejects a part whose bytes do not match the declared sha256', async () => {
		const upload = await create();
		const wrong = Buffer.from(partB);
		wrong[0] ^= 0xff;
		const res = await put(upload.segments[1].url, wrong, {
			'content-length': String(wrong.length),
		});
		expect(res.status).toBe(400);
		const incomplete = await call(
			sb,
			'PATCH',
			`/rest/v1.1/projects/${sb.seed.projects.tower}/uploads/${upload.uuid}`,
			{ body: { segments: [{ etag: 'x' }, { etag: 'y' }] } },
		);
		expect(incomplete.status).toBe(422);
	});

	it('refuses segments under 5 MB except the last', async () => {
		const res = await call(sb, 'POST', `/rest/v1.1/projects/${sb.seed.projects.tower}/uploads`, {
			body: {
				response_filename: 'x.bin',
				segments: [
					{ size: 10, sha256: sha256(bytes(10, 0)) },
					{ size: 10, sha256: sha256(bytes(10, 0)) },
				],
			},
		});
		expect(res.status).toBe(422);
	});
});

describe('presigned POST, files, versions and downloads', () => {
	async function postUpload(content: Buffer, name: string) {
		const created = await call(
			sb,
			'POST',
			`/rest/v1.1/projects/${sb.seed.projects.tower}/uploads`,
			{ body: { response_filename: name, response_content_type: 'text/plain' } },
		);
		expect(created.body.fields).toMatchObject({
			key: expect.any(String),
			policy: expect.any(String),
			'x-amz-signature': expect.any(String),
		});
		const form = new FormData();
		for (const [k, v] of Object.entries(created.body.fields as Record<string, string>))
			form.append(k, v);
		form.append('file', new Blob([content]), name);
		const res = await fetch(created.body.url, { method: 'POST', body: form });
		expect(res.status).toBe(201);
		return created.body.uuid as string;
	}

	it('refuses a presigned POST whose fields were altered', async () => {
		const created = await call(
			sb,
			'POST',
			`/rest/v1.1/projects/${sb.seed.projects.tower}/uploads`,
			{ body: { response_filename: 'a.txt' } },
		);
		const form = new FormData();
		for (const [k, v] of Object.entries(created.body.fields as Record<string, string>))
			form.append(k, k === 'key' ? 'elsewhere' : v);
		form.append('file', new Blob(['x']), 'a.txt');
		expect((await fetch(created.body.url, { method: 'POST', body: form })).status).toBe(403);
	});

	it('creates a file from an upload (multipart file[upload_uuid]), adds a version, and serves both through a 302', async () => {
		const p = sb.seed.projects.tower;
		const v1 = Buffer.from('daily report, first draft\n');
		const uuid = await postUpload(v1, 'report.txt');
		const form = new FormData();
		form.append('file[upload_uuid]', uuid);
		form.append('file[parent_id]', String(sb.seed.folders.contracts));
		form.append('file[name]', 'report.txt');
		const createdRes = await fetch(`${sb.url}/rest/v1.0/files?project_id=${p}`, {
			method: 'POST',
			body: form,
			headers: {
				Authorization: `Bearer ${sb.issueToken()}`,
				'Procore-Company-Id': String(sb.companyId),
			},
		});
		const created = (await createdRes.json()) as { id: number; file_versions: unknown[] };
		expect(createdRes.status).toBe(201);
		expect(created).toMatchObject({
			name: 'report.txt',
			parent_id: sb.seed.folders.contracts,
			size: v1.length,
		});
		expect(created.file_versions).toHaveLength(1);

		const v2 = Buffer.from('daily report, final\n');
		const uuid2 = await postUpload(v2, 'report.txt');
		const updated = await call(sb, 'PATCH', `/rest/v1.0/files/${created.id}?project_id=${p}`, {
			body: { file: { upload_uuid: uuid2, description: 'final' } },
		});
		expect(updated.status).toBe(200);
		expect(updated.body.file_versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);

		const url = updated.body.file_versions[0].url as string;
		expect(new URL(url).host).toBe(`127.0.0.1:${sb.port}`);
		expect((await call(sb, 'GET', url, { company: null, token: null })).status).toBe(401);
		const redirect = await call(sb, 'GET', url, { company: null });
		expect(redirect.status).toBe(302);
		const location = redirect.headers.get('location')!;
		expect(new URL(location).host).toBe(`localhost:${sb.port}`);
		const leaked = await fetch(location, {
			headers: { Authorization: `Bearer ${sb.issueToken()}` },
		});
		expect(leaked.status).toBe(400);
		const download = await fetch(location);
		expect(Buffer.from(await download.arrayBuffer()).toString()).toBe(v2.toString());
	});

	it('serves seeded drawing PDFs and specification revisions the same way', async () => {
		const p = sb.seed.projects.tower;
		const revs = await call(sb, 'GET', `/rest/v1.0/projects/${p}/drawing_revisions`);
		const rev = revs.body.find((r: { id: number }) => r.id === sb.seed.drawingRevisions.a101r2);
		expect(rev).toMatchObject({ number: 'A-101', revision_number: '2', current: true });
		const pdf = await call(sb, 'GET', rev.pdf_url, { company: null });
		expect(pdf.status).toBe(302);
		const bytesOut = Buffer.from(await (await fetch(pdf.headers.get('location')!)).arrayBuffer());
		expect(bytesOut.subarray(0, 5).toString()).toBe('%PDF-');
		// specification_section_division_id is required by the catalog, so it is sent.
		expect(
			(await call(sb, 'GET', `/rest/v1.0/specification_section_revisions?project_id=${p}`)).status,
		).toBe(400);
		const spec = await call(
			sb,
			'GET',
			`/rest/v1.0/specification_section_revisions?project_id=${p}&specification_section_division_id=3`,
		);
		const concrete = spec.body.find(
			(s: { id: number }) => s.id === sb.seed.specificationRevisions.concrete,
		);
		expect(concrete).toMatchObject({ number: '03 30 00', revision: '0' });
		expect((await call(sb, 'GET', concrete.url, { company: null })).status).toBe(302);
	});
});

describe('folders', () => {
	it('lists the root with its direct children expanded and walks deeper by id', async () => {
		const p = sb.seed.projects.tower;
		const root = await call(sb, 'GET', `/rest/v1.0/folders?project_id=${p}`);
		expect(root.status).toBe(200);
		expect(root.body).toMatchObject({
			name: 'Documents',
			parent_id: null,
			has_children_folders: true,
		});
		expect(
			root.body.folders.map((f: { id: number; folders: unknown[] }) => [f.id, f.folders]),
		).toEqual([
			[sb.seed.folders.contracts, []],
			[sb.seed.folders.photos, []],
		]);
		const contracts = await call(
			sb,
			'GET',
			`/rest/v1.0/folders/${sb.seed.folders.contracts}?project_id=${p}`,
		);
		expect(contracts.body.folders.map((f: { id: number }) => f.id)).toEqual([
			sb.seed.folders.subcontracts,
		]);
		const subs = await call(
			sb,
			'GET',
			`/rest/v1.0/folders/${sb.seed.folders.subcontracts}?project_id=${p}&show_latest_file_version_only=true`,
		);
		expect(
			subs.body.files.map((f: { id: number; file_versions: unknown[] }) => [
				f.id,
				f.file_versions.length,
			]),
		).toEqual([[sb.seed.files.contractPdf, 1]]);
		const created = await call(sb, 'POST', `/rest/v1.0/folders?project_id=${p}`, {
			body: { folder: { name: 'RFIs', parent_id: sb.seed.folders.contracts } },
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			name: 'RFIs',
			parent_id: sb.seed.folders.contracts,
			name_with_path: 'Contracts/RFIs',
		});
	});
});

describe('v2.1 unified uploads', () => {
	it('refuses a non-final part of exactly 5 MiB, then completes with part_etags and reports available', async () => {
		const c = sb.companyId;
		const p = sb.seed.projects.tower;
		const base = `/rest/v2.1/companies/${c}/projects/${p}/uploads`;
		const exact = bytes(5 * 1024 * 1024, 3);
		const refused = await call(sb, 'POST', base, {
			body: {
				file_name: 'x.bin',
				file_size: exact.length * 2,
				content_type: 'application/octet-stream',
				sha256: 'a'.repeat(64),
				segments: [
					{ size: exact.length, sha256: sha256(exact) },
					{ size: exact.length, sha256: sha256(exact) },
				],
			},
		});
		expect(refused.status).toBe(422);
		expect(refused.body.error.code).toBe('UNPROCESSABLE_ENTITY');

		const a = bytes(5 * 1024 * 1024 + 1, 4);
		const b = bytes(1000, 5);
		const created = await call(sb, 'POST', base, {
			body: {
				file_name: 'model.ifc',
				file_size: a.length + b.length,
				content_type: 'application/octet-stream',
				sha256: sha256(Buffer.concat([a, b])),
				segments: [
					{ size: a.length, sha256: sha256(a) },
					{ size: b.length, sha256: sha256(b) },
				],
			},
		});
		expect(created.status).toBe(201);
		const upload = created.body.data;
		expect(upload).toMatchObject({
			file_name: 'model.ifc',
			status: 'ready',
			segments: [
				{ headers: { 'Content-Length': String(a.length) } },
				{ headers: { 'Content-Length': String(b.length) } },
			],
		});
		const ea = await put(upload.segments[0].url, a, upload.segments[0].headers);
		const partial = await call(sb, 'PATCH', `${base}/${upload.upload_id}`, {
			body: { part_etags: [ea.etag, null] },
		});
		expect(partial.body.data.status).toBe('receiving');
		const eb = await put(upload.segments[1].url, b, upload.segments[1].headers);
		const done = await call(sb, 'PATCH', `${base}/${upload.upload_id}`, {
			body: { part_etags: [ea.etag, eb.etag] },
		});
		expect(done.body.data.status).toBe('complete');
		expect((await call(sb, 'GET', `${base}/${upload.upload_id}`)).body.data.status).toBe(
			'available',
		);
	});
});
