/**
 * Photo on the sandbox: albums and photos read to the end, the album / log date / location
 * filters, Upload storing one photo per file (streamed through Procore's uploads) and not twice on
 * a re-run, Download returning the stored bytes, Attach to Record putting the photo's ID on the
 * record once, and what is refused.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import type { Sandbox } from '../../../../sandbox';
import { findUpload } from '../../../../sandbox/files/uploads-store';
import { blobBytes, byId, runOnSandbox, stored, useSandbox } from './nodeOnSandbox';

const sb = useSandbox({ v1MaxPerPage: 1 });

const tower = (s: Sandbox) => ({ project: byId(s.seed.projects.tower) });
const photos = (s: Sandbox) => stored(s, `projects/${s.seed.projects.tower}/images`);
const bytes = (n: number, fill: string) => Buffer.alloc(n, fill);
const fileItem = (files: Record<string, [Buffer, string]>): INodeExecutionData => ({
	json: {},
	binary: Object.fromEntries(Object.entries(files).map(([prop, [data, fileName]]) => [prop, { data: data.toString('base64'), mimeType: 'image/jpeg', fileName }])),
});

describe('Photo › Get Albums and Get Many', () => {
	it('albums: every page, exactly the stored albums', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'photo', operation: 'getAlbums', ...tower(s), returnAll: true });
		expect(run.nodeError).toBeUndefined();
		expect(run.json.map((a) => a.name).sort()).toEqual(['Level 2 walkthrough', 'Progress']);
		expect(run.calls.filter((c) => c.path === '/rest/v1.0/image_categories').length).toBeGreaterThanOrEqual(2);
	});

	it('by album: the album\'s photos, read to the end', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'photo', operation: 'getAll', ...tower(s), returnAll: true, filters: { albumId: byId(s.seed.photoAlbums.walkthrough) }, output: 'raw' });
		expect(run.nodeError).toBeUndefined();
		const expected = photos(s).filter((p) => p.image_category_id === s.seed.photoAlbums.walkthrough);
		expect(expected.length).toBeGreaterThanOrEqual(2);
		expect(run.json.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
		const empty = await runOnSandbox(s, { resource: 'photo', operation: 'getAll', ...tower(s), returnAll: true, filters: { albumId: byId(s.seed.photoAlbums.progress) } });
		expect(empty.json).toEqual([]);
	});

	it('by log date and location: only the door photo', async () => {
		const s = sb();
		const door = s.store.get(`projects/${s.seed.projects.tower}/images`, String(s.seed.photos.doorFrame))!;
		const day = String(door.log_date);
		const byDay = await runOnSandbox(s, { resource: 'photo', operation: 'getAll', ...tower(s), returnAll: true, filters: { logDateFrom: day } });
		expect(byDay.json.map((p) => p.id)).toEqual([s.seed.photos.doorFrame]);
		const byPlace = await runOnSandbox(s, { resource: 'photo', operation: 'getAll', ...tower(s), returnAll: true, filters: { locationId: byId(s.seed.locations.room204) } });
		expect(byPlace.json.map((p) => p.id)).toEqual([s.seed.photos.doorFrame]);
	});

	it('refused before any call: Log Date To before Log Date From', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'photo', operation: 'getAll', ...tower(s), returnAll: true, filters: { logDateFrom: '2026-09-05', logDateTo: '2026-09-01' } });
		expect(run.nodeError?.message).toBe('Log Date To 2026-09-01 is before Log Date From 2026-09-05');
		expect(run.calls.filter((c) => c.path === '/rest/v1.0/images')).toEqual([]);
	});
});

describe('Photo › Upload', () => {
	it('one photo per file in the album and location, bytes stored; a re-run uploads nothing', async () => {
		const s = sb();
		const before = photos(s).length;
		const params = {
			resource: 'photo',
			operation: 'upload',
			...tower(s),
			binaryPropertyName: 'a, b',
			additionalFields: { albumId: byId(s.seed.photoAlbums.progress), locationId: byId(s.seed.locations.level2), description: 'Level 2 east', logDate: '2026-09-02' },
			output: 'raw',
		};
		const a = bytes(3000, 'a');
		const item = fileItem({ a: [a, 'east-1.jpg'], b: [bytes(2000, 'b'), 'east-2.jpg'] });
		const run = await runOnSandbox(s, params, { items: [item] });
		expect(run.nodeError).toBeUndefined();
		expect(run.json).toHaveLength(2);
		const added = photos(s).slice(before);
		expect(added).toHaveLength(2);
		for (const p of added) expect(p).toMatchObject({ image_category_id: s.seed.photoAlbums.progress, location_id: s.seed.locations.level2, description: 'Level 2 east', log_date: '2026-09-02' });
		const first = (added[0].attachments as Array<{ upload_uuid: string; filename: string }>)[0];
		expect(first.filename).toBe('east-1.jpg');
		expect(blobBytes(s, findUpload(s.rt, first.upload_uuid)!.blob_key!).equals(a)).toBe(true);

		const again = await runOnSandbox(s, params, { items: [item] });
		expect(again.nodeError).toBeUndefined();
		expect(again.json.map((p) => p.skipped)).toEqual([true, true]);
		expect(again.writes).toEqual([]);
		expect(photos(s)).toHaveLength(before + 2);
	});

	it('refused: a binary field the item lacks is named; nothing uploaded or stored', async () => {
		const s = sb();
		const before = photos(s).length;
		const run = await runOnSandbox(
			s,
			{ resource: 'photo', operation: 'upload', project: byId(s.seed.projects.hospital), binaryPropertyName: 'photo', additionalFields: {} },
			{ items: [fileItem({ data: [bytes(10, 'x'), 'x.jpg'] })] },
		);
		expect(run.nodeError?.message).toContain('"photo"');
		expect(run.writes).toEqual([]);
		expect(photos(s)).toHaveLength(before);
	});
});

describe('Photo › Download and Attach to Record', () => {
	it('Download: the stored bytes as binary data, with the record', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'photo', operation: 'download', ...tower(s), photoId: byId(s.seed.photos.doorFrame), binaryPropertyName: 'photo' });
		expect(run.nodeError).toBeUndefined();
		const door = s.store.get(`projects/${s.seed.projects.tower}/images`, String(s.seed.photos.doorFrame))!;
		const key = decodeURIComponent(String(door.url).split('/_downloads/')[1]);
		const bin = run.out[0].binary!.photo;
		expect(bin.fileName).toBe('door-204-frame.png');
		expect(Buffer.from(bin.data, 'base64').equals(blobBytes(s, key))).toBe(true);
		expect(run.json[0]).toMatchObject({ id: s.seed.photos.doorFrame, filename: 'door-204-frame.png' });
	});

	it('Attach to Record: the photo\'s ID stored on the punch item once; again: nothing written', async () => {
		const s = sb();
		const id = s.seed.punchItems.coverPlate;
		const params = { resource: 'photo', operation: 'attach', ...tower(s), photoId: byId(s.seed.photos.corridor), recordType: 'punchItem', recordId: byId(id), output: 'raw' };
		const run = await runOnSandbox(s, params);
		expect(run.nodeError).toBeUndefined();
		const rec = s.store.get(`projects/${s.seed.projects.tower}/punch_items`, String(id))!;
		expect(rec.image_ids).toEqual([s.seed.photos.corridor]);
		expect(rec.name).toBe('Missing cover plate at corridor outlet');
		const again = await runOnSandbox(s, params);
		expect(again.json[0]).toMatchObject({ skipped: true });
		expect(again.writes).toEqual([]);
	});

	it('refused by Procore: a photo ID that is no photo (422 naming it); the record keeps its photos', async () => {
		const s = sb();
		const id = s.seed.punchItems.doorFrame;
		const run = await runOnSandbox(s, {
			resource: 'customApiCall',
			operation: 'request',
			method: 'PATCH',
			path: `/rest/v1.1/punch_items/${id}`,
			body: JSON.stringify({ project_id: s.seed.projects.tower, punch_item: { name: 'Touch up paint at door 204 frame', image_ids: [s.seed.punchItems.coverPlate] } }),
		});
		expect(String(run.nodeError?.message)).toContain(`${s.seed.punchItems.coverPlate} is not a photo of this project`);
		expect(s.store.get(`projects/${s.seed.projects.tower}/punch_items`, String(id))!.image_ids).toBeUndefined();
	});

	it('refused: a photo that does not exist fails before any write', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'photo', operation: 'attach', ...tower(s), photoId: byId(999999999), recordType: 'punchItem', recordId: byId(s.seed.punchItems.doorFrame) });
		expect(String(run.nodeError?.message)).toMatch(/not found/i);
		expect(run.writes).toEqual([]);
	});
});
