/**
 * Issue #9 (documents) on the sandbox: Document › Upload (small, segmented, a part that fails once,
 * new version), Attach to Record for every record type the node supports, and downloads of
 * documents, drawings and specifications that follow the API host's redirect to the storage host,
 * all through n8n-core's workflow harness. Tests read the files, versions, attachments and bytes
 * the sandbox stored, and which calls carried Procore's token.
 */
import { createHash } from 'crypto';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Sandbox } from '../../../../sandbox';
import { findUpload } from '../../../../sandbox/files/uploads-store';
import type { StoredRec } from '../../../../sandbox/store';
import { blobBytes, byId, runOnSandbox, stored, useSandbox } from './nodeOnSandbox';

const sb = useSandbox();
const MiB = 1024 * 1024;

function record(s: Sandbox, id: number | string): StoredRec {
	const key = s.store.keyOf(id);
	const rec = key ? s.store.get(key, id) : undefined;
	if (!rec) throw new Error(`no stored record ${id}`);
	return rec;
}
/** Deterministic bytes that differ part to part (a wrong order or a lost part changes the hash). */
function bytes(size: number, seed: string): Buffer {
	const out = Buffer.alloc(size);
	let block = createHash('sha256').update(seed).digest();
	for (let o = 0; o < size; o += block.length) {
		block.copy(out, o);
		block = createHash('sha256').update(block).digest();
	}
	return out;
}
const binaryItem = (data: Buffer, fileName: string, mimeType = 'application/pdf', property = 'data'): INodeExecutionData => ({
	json: {},
	binary: { [property]: { data: data.toString('base64'), mimeType, fileName } },
});
interface FileVersion {
	number: number;
	url: string;
	size: number;
}
const filesIn = (s: Sandbox, folderId: number) =>
	stored(s, s.store.keyOf(s.seed.files.contractPdf)!).filter((f) => f.parent_id === folderId);
/** The bytes behind a stored version's download URL (`…/_downloads/<blob key>`). */
const versionBytes = (s: Sandbox, v: FileVersion) => blobBytes(s, decodeURIComponent(v.url.split('/_downloads/')[1]));

const upload = (s: Sandbox, extra: IDataObject = {}): IDataObject => ({
	resource: 'document',
	operation: 'upload',
	documentScope: 'project',
	project: byId(s.seed.projects.tower),
	folder: { __rl: true, mode: 'id', value: String(s.seed.folders.contracts) },
	binaryPropertyName: 'data',
	...extra,
});

describe('Document › Upload', () => {
	it('a small file: one presigned POST to storage (no token), then the file in the folder with its bytes', async () => {
		const s = sb();
		const data = bytes(300 * 1024, 'small');
		const run = await runOnSandbox(s, upload(s), { items: [binaryItem(data, 'Backup – COR 14.pdf')] });
		expect(run.nodeError).toBeUndefined();
		const [file] = filesIn(s, s.seed.folders.contracts).filter((f) => f.name === 'Backup – COR 14.pdf');
		expect(file).toBeDefined();
		const versions = file.file_versions as FileVersion[];
		expect(versions).toHaveLength(1);
		expect(versionBytes(s, versions[0]).equals(data)).toBe(true);
		const storage = run.calls.filter((c) => c.host === 'localhost');
		expect(storage.map((c) => c.method)).toEqual(['POST']);
		expect(storage.every((c) => !c.authPresent)).toBe(true);
		expect(run.calls.filter((c) => c.host !== 'localhost').every((c) => c.authPresent)).toBe(true);
	});

	it('a segmented file (11 MiB, 5 MiB parts): three parts, reassembled in order', async () => {
		const s = sb();
		const data = bytes(11 * MiB, 'segmented');
		const run = await runOnSandbox(s, upload(s, { options: { partSizeMiB: 5 } }), { items: [binaryItem(data, 'Survey scans.zip', 'application/zip')] });
		expect(run.nodeError).toBeUndefined();
		const parts = run.calls.filter((c) => c.host === 'localhost' && c.method === 'PUT');
		expect(parts).toHaveLength(3);
		expect(parts.every((c) => !c.authPresent)).toBe(true);
		const [file] = filesIn(s, s.seed.folders.contracts).filter((f) => f.name === 'Survey scans.zip');
		const v = (file.file_versions as FileVersion[])[0];
		expect(v.size).toBe(data.length);
		expect(versionBytes(s, v).equals(data)).toBe(true);
		const uploadRec = findUpload(s.rt, String(run.calls.find((c) => c.path.includes('/_storage/uploads/'))!.path.split('/')[3]))!;
		expect(uploadRec).toMatchObject({ segmented: true, status: 'complete' });
		expect(uploadRec.segments).toHaveLength(3);
	});

	it('a part that fails once (503 on the storage host) is resent, and only that part', async () => {
		const s = sb();
		const data = bytes(11 * MiB, 'retry');
		s.config({ faults: [{ kind: '503', next: 1, pathPattern: '^/_storage/uploads/[^/]+/parts/2$' }] });
		try {
			const run = await runOnSandbox(s, upload(s, { options: { partSizeMiB: 5 } }), { items: [binaryItem(data, 'Retry.bin', 'application/octet-stream')] });
			expect(run.nodeError).toBeUndefined();
			const parts = run.calls.filter((c) => c.host === 'localhost' && c.method === 'PUT').map((c) => [c.path.split('/').pop(), c.status]);
			expect(parts.filter(([n]) => n === '2')).toEqual([
				['2', 503],
				['2', 200],
			]);
			expect(parts.filter(([n]) => n !== '2').every(([, status]) => status === 200)).toBe(true);
			expect(parts).toHaveLength(4);
			const [file] = filesIn(s, s.seed.folders.contracts).filter((f) => f.name === 'Retry.bin');
			expect(versionBytes(s, (file.file_versions as FileVersion[])[0]).equals(data)).toBe(true);
		} finally {
			s.config({ faults: [] });
		}
	});

	it('a new version of an existing file: same file, one more version, newest bytes first', async () => {
		const s = sb();
		const id = s.seed.files.contractPdf;
		const before = record(s, id);
		const versionsBefore = (before.file_versions as FileVersion[]).length;
		const data = bytes(64 * 1024, 'v-next');
		const run = await runOnSandbox(
			s,
			upload(s, { folder: { __rl: true, mode: 'id', value: String(before.parent_id) }, ifExists: 'newVersion' }),
			{ items: [binaryItem(data, String(before.name))] },
		);
		expect(run.nodeError).toBeUndefined();
		const after = record(s, id);
		const versions = after.file_versions as FileVersion[];
		expect(versions).toHaveLength(versionsBefore + 1);
		expect(versions[0].number).toBe(versionsBefore + 1);
		expect(versionBytes(s, versions[0]).equals(data)).toBe(true);
		expect(filesIn(s, Number(before.parent_id)).filter((f) => f.name === before.name)).toHaveLength(1);
		expect(run.writes.filter((w) => w.host !== 'localhost').map((w) => `${w.method} ${w.path.replace(/\d+$/, ':id')}`)).toContain('PATCH /rest/v1.0/files/:id');
	});

	it('"fail" when the name exists: an error naming the file, nothing uploaded', async () => {
		const s = sb();
		const existing = record(s, s.seed.files.contractPdf);
		const run = await runOnSandbox(s, upload(s, { folder: { __rl: true, mode: 'id', value: String(existing.parent_id) }, ifExists: 'fail' }), {
			items: [binaryItem(bytes(1024, 'x'), String(existing.name))],
		});
		expect(String(run.nodeError?.message)).toContain(`A file named "${String(existing.name)}" already exists`);
		expect(run.calls.filter((c) => c.host === 'localhost')).toEqual([]);
	});

	it('a missing binary property: a clear error naming it and the ones the item has, nothing written', async () => {
		const s = sb();
		const run = await runOnSandbox(s, upload(s, { binaryPropertyName: 'invoice' }), { items: [binaryItem(bytes(10, 'x'), 'a.pdf')] });
		expect(run.nodeError?.message).toBe('No binary property "invoice" on item 0');
		expect(String(run.nodeError?.description)).toContain('data');
		expect(run.writes).toEqual([]);
	});
});

describe('Document › Attach to Record, each record type', () => {
	const pdf = bytes(20 * 1024, 'attach');
	/** A compliance document to attach to, stored on a commitment. */
	function complianceDoc(s: Sandbox, kind: 'work_order_contracts' | 'purchase_order_contracts', commitment: number): number {
		return s.store.insert(`projects/${s.seed.projects.tower}/${kind}/${commitment}/compliance_documents`, {
			name: 'COI 2025-2026',
			type: 'other',
			status: 'compliant',
			attachments: [{ id: 1, name: 'old.pdf' }],
		}).id as number;
	}
	type Case = [string, (s: Sandbox) => { recordId: number; parentId?: number }, (s: Sandbox, id: number) => Array<{ upload_uuid?: string; filename?: string }>];
	const attachmentsOf = (rec: StoredRec | undefined) => (rec?.attachments ?? []) as Array<{ upload_uuid?: string; filename?: string }>;
	const cases: Case[] = [
		['changeEvent', (s) => ({ recordId: s.seed.changeEvents.curtainWall }), (s, id) => attachmentsOf(record(s, id))],
		['rfi', (s) => ({ recordId: s.seed.rfis.embedPlates }), (s, id) => attachmentsOf(record(s, id).question as StoredRec)],
		['workOrderContract', (s) => ({ recordId: s.seed.commitments.electricalWoc }), (s, id) => attachmentsOf(record(s, id))],
		['purchaseOrderContract', (s) => ({ recordId: s.seed.commitments.plumbingPo }), (s, id) => attachmentsOf(record(s, id))],
		['observation', (s) => ({ recordId: s.seed.observations.guardrail }), (s, id) => attachmentsOf(record(s, id))],
		[
			'workOrderComplianceDocument',
			(s) => ({ recordId: complianceDoc(s, 'work_order_contracts', s.seed.commitments.concreteWoc), parentId: s.seed.commitments.concreteWoc }),
			(s, id) => attachmentsOf(record(s, id)),
		],
		[
			'purchaseOrderComplianceDocument',
			(s) => ({ recordId: complianceDoc(s, 'purchase_order_contracts', s.seed.commitments.steelPo), parentId: s.seed.commitments.steelPo }),
			(s, id) => attachmentsOf(record(s, id)),
		],
	];

	it.each(cases)('%s: the upload is stored on the record as an attachment', async (recordType, target, attachments) => {
		const s = sb();
		const { recordId, parentId } = target(s);
		const before = attachments(s, recordId).length;
		const run = await runOnSandbox(
			s,
			{
				resource: 'document',
				operation: 'attach',
				project: byId(s.seed.projects.tower),
				recordType,
				recordId: String(recordId),
				...(parentId ? { parentId: String(parentId) } : {}),
				binaryPropertyName: 'data',
			},
			{ items: [binaryItem(pdf, `${recordType}.pdf`)] },
		);
		expect(run.nodeError).toBeUndefined();
		const after = attachments(s, recordId);
		expect(after).toHaveLength(before + 1);
		const added = after[after.length - 1];
		expect(added.filename).toBe(`${recordType}.pdf`);
		const up = findUpload(s.rt, String(added.upload_uuid))!;
		expect(up.status).toBe('complete');
		expect(blobBytes(s, up.blob_key!).equals(pdf)).toBe(true);
	});

	it('image (Photos): one new photo per file, carrying the upload', async () => {
		const s = sb();
		const png = bytes(4096, 'photo');
		const run = await runOnSandbox(
			s,
			{ resource: 'document', operation: 'attach', project: byId(s.seed.projects.tower), recordType: 'image', recordId: '', binaryPropertyName: 'a, b' },
			{ items: [{ json: {}, binary: { ...binaryItem(png, 'slab-edge-1.png', 'image/png', 'a').binary, ...binaryItem(png, 'slab-edge-2.png', 'image/png', 'b').binary } }] },
		);
		expect(run.nodeError).toBeUndefined();
		const images = stored(s, `projects/${s.seed.projects.tower}/images`);
		expect(images.flatMap((i) => attachmentsOf(i).map((a) => a.filename)).sort()).toEqual(['slab-edge-1.png', 'slab-edge-2.png']);
	});

	it('an upload that does not exist is refused by the record (422), named in the error', async () => {
		const s = sb();
		const run = await runOnSandbox(s, {
			resource: 'customApiCall',
			operation: 'request',
			method: 'PATCH',
			path: `/rest/v1.0/observations/items/${s.seed.observations.honeycomb}?project_id=${s.seed.projects.tower}`,
			body: JSON.stringify({ project_id: s.seed.projects.tower, observation: { upload_ids: ['01NOSUCHUPLOAD'] } }),
		});
		expect(String(run.nodeError?.message)).toContain('01NOSUCHUPLOAD');
	});
});

describe('Document › Download follows the redirect to storage, token only to Procore', () => {
	function assertRedirected(run: Awaited<ReturnType<typeof runOnSandbox>>) {
		const api = run.calls.filter((c) => c.path.startsWith('/_downloads/'));
		const storage = run.calls.filter((c) => c.path.startsWith('/_storage/objects/'));
		expect(api.length).toBeGreaterThan(0);
		expect(storage.length).toBe(api.length);
		expect(api.every((c) => c.authPresent && c.status === 302)).toBe(true);
		expect(storage.every((c) => !c.authPresent && c.host === 'localhost' && c.status === 200)).toBe(true);
	}

	it('a Documents file by ID: its newest version, named and typed', async () => {
		const s = sb();
		s.reset();
		const file = record(s, s.seed.files.contractPdf);
		const run = await runOnSandbox(s, {
			resource: 'document',
			operation: 'download',
			source: 'documents',
			documentScope: 'project',
			project: byId(s.seed.projects.tower),
			documentsTarget: 'file',
			fileId: String(file.id),
			binaryPropertyName: 'data',
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.out).toHaveLength(1);
		const bin = run.out[0].binary!.data;
		expect(bin).toMatchObject({ fileName: file.name, mimeType: 'application/pdf' });
		expect(Buffer.from(bin.data, 'base64').equals(versionBytes(s, (file.file_versions as FileVersion[])[0]))).toBe(true);
		assertRedirected(run);
	});

	it.each(['pdf', 'png'])('drawings (current set) as %s', async (format) => {
		const s = sb();
		const run = await runOnSandbox(s, {
			resource: 'document',
			operation: 'download',
			source: 'drawings',
			project: byId(s.seed.projects.tower),
			drawingFilters: { currentSetOnly: true },
			drawingFormat: format,
			returnAll: true,
			binaryPropertyName: 'data',
		});
		expect(run.nodeError).toBeUndefined();
		const current = stored(s, s.store.keyOf(s.seed.drawingRevisions.a101r1)!).filter((r) => r.current !== false);
		expect(run.out.length).toBe(current.length);
		for (const item of run.out) {
			const rev = current.find((r) => String(r.id) === String(item.json.id) || String(r.id) === String(item.json.revision_id) || String(r.id) === String(item.json.drawing_revision_id));
			const url = String(rev?.[`${format}_url`] ?? '');
			expect(url).toContain('/_downloads/');
			expect(item.binary!.data.mimeType).toBe(format === 'pdf' ? 'application/pdf' : 'image/png');
			expect(Buffer.from(item.binary!.data.data, 'base64').equals(blobBytes(s, decodeURIComponent(url.split('/_downloads/')[1])))).toBe(true);
		}
		assertRedirected(run);
	});

	it('specification sections: each revision\'s PDF', async () => {
		const s = sb();
		const run = await runOnSandbox(s, {
			resource: 'document',
			operation: 'download',
			source: 'specifications',
			project: byId(s.seed.projects.tower),
			specificationSectionIds: String(s.seed.specificationSections.concrete),
			returnAll: true,
			binaryPropertyName: 'data',
		});
		expect(run.nodeError).toBeUndefined();
		const rev = record(s, s.seed.specificationRevisions.concrete);
		expect(run.out).toHaveLength(1);
		expect(run.out[0].binary!.data.mimeType).toBe('application/pdf');
		expect(Buffer.from(run.out[0].binary!.data.data, 'base64').equals(blobBytes(s, decodeURIComponent(String(rev.url).split('/_downloads/')[1])))).toBe(true);
		assertRedirected(run);
	});
});
