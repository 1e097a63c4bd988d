/**
 * Punch Item on the sandbox: what Get Many reads (every page, the filters), what Create stores
 * (fields, the photo uploaded from binary data and attached), that a re-run finds the item instead
 * of creating it twice, what Update and Close change, and what the sandbox refuses.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { findUpload } from '../../../../sandbox/files/uploads-store';
import type { Sandbox } from '../../../../sandbox';
import { blobBytes, byId, runOnSandbox, stored, useSandbox } from './nodeOnSandbox';

const sb = useSandbox({ v1MaxPerPage: 1 });

const punchKey = (s: Sandbox) => `projects/${s.seed.projects.tower}/punch_items`;
const punchItems = (s: Sandbox) => stored(s, punchKey(s));
const punchItem = (s: Sandbox, id: unknown) => s.store.get(punchKey(s), String(id));
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const photoItem = (fileName: string): INodeExecutionData => ({ json: {}, binary: { data: { data: png.toString('base64'), mimeType: 'image/png', fileName } } });
const tower = (s: Sandbox) => ({ project: byId(s.seed.projects.tower) });

describe('Punch Item › Get Many', () => {
	it('reads every page and returns exactly the stored punch items', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'punchItem', operation: 'getAll', ...tower(s), returnAll: true, output: 'raw' });
		expect(run.nodeError).toBeUndefined();
		expect(run.json.map((r) => String(r.id)).sort()).toEqual(punchItems(s).map((r) => String(r.id)).sort());
		expect(run.calls.filter((c) => c.path === '/rest/v1.1/punch_items').length).toBeGreaterThanOrEqual(punchItems(s).length);
	});

	it('status, location and assignee filters: only the open item at Room 204 assigned to the engineer', async () => {
		const s = sb();
		const run = await runOnSandbox(s, {
			resource: 'punchItem',
			operation: 'getAll',
			...tower(s),
			returnAll: true,
			filters: { status: 'open', locationId: byId(s.seed.locations.room204), assigneeId: byId(s.seed.users.engineer) },
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.json.map((r) => r.id)).toEqual([s.seed.punchItems.doorFrame]);
		// Simplified: names, not user objects.
		expect(run.json[0]).toMatchObject({ name: 'Touch up paint at door 204 frame', status: 'Open', assignees: 'Priya Natarajan', ball_in_court: 'Priya Natarajan', location_name: 'Level 2 > Room 204' });
		const sent = run.calls.find((c) => c.path === '/rest/v1.1/punch_items')!.query;
		expect(sent).toMatchObject({ 'filters[status]': 'open' });
	});

	it('an assignee with no items: nothing, after reading to the end', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'punchItem', operation: 'getAll', ...tower(s), returnAll: false, limit: 1, filters: { assigneeId: byId(s.seed.users.accountant) } });
		expect(run.nodeError).toBeUndefined();
		expect(run.json).toEqual([]);
	});
});

describe('Punch Item › Create', () => {
	it('stores the fields and the photo from binary data as an attachment; a re-run creates nothing', async () => {
		const s = sb();
		const before = punchItems(s).length;
		const params = {
			resource: 'punchItem',
			operation: 'create',
			...tower(s),
			name: 'Cracked tile at corridor threshold',
			additionalFields: {
				description: 'Two tiles cracked at the east door',
				dueDate: '2026-10-15',
				locationId: byId(s.seed.locations.level2),
				tradeId: byId(s.seed.trades.painting),
				assigneeIds: [String(s.seed.users.engineer)],
				punchItemManagerId: byId(s.seed.users.superintendent),
				workflowStatus: 'work_required',
				priority: 'high',
				binaryPropertyName: 'data',
			},
			output: 'raw',
		};
		const run = await runOnSandbox(s, params, { items: [photoItem('tile.png')] });
		expect(run.nodeError).toBeUndefined();
		const id = run.json[0].id;
		const rec = punchItem(s, id)!;
		expect(rec).toMatchObject({
			name: 'Cracked tile at corridor threshold',
			due_date: '2026-10-15',
			location_id: s.seed.locations.level2,
			trade_id: s.seed.trades.painting,
			login_information_ids: [s.seed.users.engineer],
			punch_item_manager_id: s.seed.users.superintendent,
			workflow_status: 'work_required',
			priority: 'high',
		});
		const attachments = rec.attachments as Array<{ filename: string; upload_uuid: string }>;
		expect(attachments.map((a) => a.filename)).toEqual(['tile.png']);
		const upload = findUpload(s.rt, attachments[0].upload_uuid)!;
		expect(blobBytes(s, upload.blob_key!).equals(png)).toBe(true);
		expect(run.json[0].summary).toBe(`Created punch item ${String(id)} "Cracked tile at corridor threshold" with 1 file (tile.png)`);

		const again = await runOnSandbox(s, params, { items: [photoItem('tile.png')] });
		expect(again.nodeError).toBeUndefined();
		expect(again.json[0]).toMatchObject({ id, skipped: true });
		expect(again.writes).toEqual([]);
		expect(punchItems(s)).toHaveLength(before + 1);
	});

	it('Preview Only: nothing uploaded, nothing stored', async () => {
		const s = sb();
		const before = punchItems(s).length;
		const run = await runOnSandbox(
			s,
			{ resource: 'punchItem', operation: 'create', ...tower(s), name: 'Preview only item', additionalFields: { binaryPropertyName: 'data' }, options: { previewOnly: true } },
			{ items: [photoItem('preview.png')] },
		);
		expect(run.nodeError).toBeUndefined();
		expect(run.json[0]).toMatchObject({ preview: true, summary: 'Would create punch item "Preview only item" with 1 file (preview.png would be uploaded)' });
		expect(run.writes).toEqual([]);
		expect(punchItems(s)).toHaveLength(before);
	});

	it('refused: a name the sandbox will not store (blank) comes back with Procore\'s words; nothing stored', async () => {
		const s = sb();
		const before = punchItems(s).length;
		const run = await runOnSandbox(s, {
			resource: 'customApiCall',
			operation: 'request',
			method: 'POST',
			path: '/rest/v1.1/punch_items',
			body: JSON.stringify({ project_id: s.seed.projects.tower, punch_item: { description: 'no name' } }),
		});
		expect(String(run.nodeError?.message ?? '')).toMatch(/name/);
		expect(punchItems(s)).toHaveLength(before);
	});

	it('refused: a missing binary field names the field; nothing uploaded or stored', async () => {
		const s = sb();
		const before = punchItems(s).length;
		const run = await runOnSandbox(
			s,
			{ resource: 'punchItem', operation: 'create', ...tower(s), name: 'No photo here', additionalFields: { binaryPropertyName: 'photo' } },
			{ items: [photoItem('x.png')] },
		);
		expect(String(run.nodeError?.message)).toContain('"photo"');
		expect(run.writes).toEqual([]);
		expect(punchItems(s)).toHaveLength(before);
	});
});

describe('Punch Item › Update and Close', () => {
	it('Update changes what it names, keeps the name Procore requires, reports previous → new', async () => {
		const s = sb();
		const id = s.seed.punchItems.doorFrame;
		const run = await runOnSandbox(s, {
			resource: 'punchItem',
			operation: 'update',
			...tower(s),
			punchItemId: byId(id),
			updateFields: { priority: 'high', dueDate: '2026-11-01' },
			output: 'raw',
		});
		expect(run.nodeError).toBeUndefined();
		expect(punchItem(s, id)).toMatchObject({ priority: 'high', due_date: '2026-11-01', name: 'Touch up paint at door 204 frame' });
		expect(run.json[0].changes).toEqual([
			{ field: 'priority', previous: 'medium', new: 'high' },
			{ field: 'due', previous: undefined, new: '2026-11-01' },
		]);
	});

	it('Close stores it closed; closing it again writes nothing', async () => {
		const s = sb();
		const id = s.seed.punchItems.doorFrame;
		const run = await runOnSandbox(s, { resource: 'punchItem', operation: 'close', ...tower(s), punchItemId: byId(id) });
		expect(run.nodeError).toBeUndefined();
		expect(punchItem(s, id)).toMatchObject({ status: 'Closed', workflow_status: 'closed' });
		const again = await runOnSandbox(s, { resource: 'punchItem', operation: 'close', ...tower(s), punchItemId: byId(id), output: 'raw' });
		expect(again.json[0]).toMatchObject({ skipped: true });
		expect(again.writes).toEqual([]);
	});

	it('a punch item of another project: 404 with what to do, nothing written', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'punchItem', operation: 'close', project: byId(s.seed.projects.hospital), punchItemId: byId(s.seed.punchItems.coverPlate) });
		expect(String(run.nodeError?.message)).toMatch(/not found|404/i);
		expect(run.writes).toEqual([]);
	});
});
