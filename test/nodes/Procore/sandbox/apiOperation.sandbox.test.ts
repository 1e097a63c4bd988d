/**
 * API Operation › Run against the sandbox: operations from ten of Procore's tools, picked by
 * operation ID as the panel stores them, run through n8n-core's workflow harness. Each test asserts
 * what the sandbox stored (or removed) and the calls it saw, and what it refuses comes back with
 * Procore's text.
 */
import type { IDataObject } from 'n8n-workflow';

import { nodeOperations } from '../../../helpers/nodeOperations';
import { call } from '../../../sandbox/helpers';
import { byId, runOnSandbox, stored, useSandbox } from './nodeOnSandbox';

/** The operations these tests run: the sandbox's answers to them are checked against their 2xx schemas too (test/sandboxChecks.ts). */
const DRIVEN = [
	'RestV10ProjectsProjectIdRfisGet',
	'RestV11PunchItemsPost',
	'RestV11PunchItemsIdGet',
	'RestV11PunchItemsIdPatch',
	'RestV11PunchItemsIdDelete',
	'RestV11PunchItemsGet',
	'RestV10VendorsPost',
	'RestV10MeetingsPost',
	'RestV10MeetingsIdDelete',
	'RestV10ProjectsProjectIdNotesLogsPost',
	'RestV10ProjectsProjectIdNotesLogsIdGet',
	'RestV10ProjectsProjectIdNotesLogsIdPatch',
	'RestV10ImageCategoriesPost',
	'RestV10ImageCategoriesIdGet',
	'RestV10ImageCategoriesIdPatch',
	'RestV10ImageCategoriesIdDelete',
	'RestV10ProjectsProjectIdDrawingAreasPost',
	'RestV10ObservationsItemsPost',
	'RestV10ObservationsItemsIdGet',
	'RestV10ObservationsItemsIdPatch',
	'RestV10SpecificationSectionsGet',
	'RestV10ProjectsGet',
	'RestV10ProjectsProjectIdSubmittalsPost',
];
const sb = useSandbox({ seed: { rfis: 130 }, checkResponses: [...nodeOperations().map((o) => o.operationId), ...DRIVEN] });
const pick = (value: string) => ({ __rl: true, mode: 'list', value });
const mapped = (value: IDataObject) => ({ mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] });

function run(operationId: string, fields: IDataObject, extra: IDataObject = {}) {
	return runOnSandbox(sb(), {
		resource: 'apiOperation',
		operation: 'call',
		company: byId(sb().companyId),
		project: byId(sb().seed.projects.tower),
		tool: pick(''),
		procoreOperation: pick(operationId),
		specifyFields: 'mapper',
		fields: mapped(fields),
		options: {},
		output: 'raw',
		...extra,
	});
}

describe('API Operation on the sandbox: ten tools', () => {
	const tower = () => sb().seed.projects.tower;

	it('RFI › List RFIs: Return All follows the pages to the end at the largest page', async () => {
		const all = await call(sb(), 'GET', `/rest/v1.0/projects/${tower()}/rfis?per_page=1000`);
		const total = (all.body as unknown[]).length;
		expect(total).toBeGreaterThan(100);
		// v1 pages capped at 100 by the sandbox's config below: the loop must ask again, not stop at one page.
		sb().config({ v1MaxPerPage: 100 });
		try {
			const r = await run('RestV10ProjectsProjectIdRfisGet', {}, { returnAll: true });
			expect(r.nodeError).toBeUndefined();
			expect(r.json).toHaveLength(total);
			expect(new Set(r.json.map((j) => j.id)).size).toBe(total);
			expect(r.calls.map((c) => c.query.page)).toEqual(Array.from({ length: Math.ceil(total / 100) }, (_, n) => String(n + 1)));
		} finally {
			sb().config({ v1MaxPerPage: 1000 });
		}
	});

	it('Punch List › Create, Update, Delete: stored, changed, removed; the delete re-run is a no-op', async () => {
		const created = await run('RestV11PunchItemsPost', { 'punch_item.name': 'Patch drywall at door 104', 'punch_item.priority': 'high' });
		expect(created.nodeError).toBeUndefined();
		const id = created.json[0].id as number;
		const kept = stored(sb(), `projects/${tower()}/punch_items`).find((r) => r.id === id)!;
		expect(kept).toMatchObject({ name: 'Patch drywall at door 104', priority: 'high' });

		const updated = await run('RestV11PunchItemsIdPatch', { id, 'punch_item.name': 'Patch and paint drywall at door 104' });
		expect(updated.nodeError).toBeUndefined();
		expect(updated.json[0].changes).toEqual([{ field: 'name', previous: 'Patch drywall at door 104', new: 'Patch and paint drywall at door 104' }]);
		expect(stored(sb(), `projects/${tower()}/punch_items`).find((r) => r.id === id)!.name).toBe('Patch and paint drywall at door 104');

		const deleted = await run('RestV11PunchItemsIdDelete', { id });
		expect(deleted.json[0]).toMatchObject({ deleted: true });
		expect(stored(sb(), `projects/${tower()}/punch_items`).some((r) => r.id === id)).toBe(false);
		const again = await run('RestV11PunchItemsIdDelete', { id });
		expect(again.nodeError).toBeUndefined();
		expect(again.json[0]).toMatchObject({ deleted: true, skipped: true });
		expect(again.writes).toHaveLength(1);
	});

	it('Punch List › Create with Skip If Exists By: run twice, stored once', async () => {
		const fields = { 'punch_item.name': 'Re-run safe: caulk window 3B' };
		const first = await run('RestV11PunchItemsPost', fields, { options: { skipIfExistsBy: 'punch_item.name' } });
		const second = await run('RestV11PunchItemsPost', fields, { options: { skipIfExistsBy: 'punch_item.name' } });
		expect(second.json[0]).toMatchObject({ id: first.json[0].id, skipped: true });
		expect(second.writes).toEqual([]);
		expect(stored(sb(), `projects/${tower()}/punch_items`).filter((r) => r.name === 'Re-run safe: caulk window 3B')).toHaveLength(1);
	});

	it('Directory › Create company vendor: the audit tag is stored in origin_data; Preview Only writes nothing', async () => {
		const preview = await run('RestV10VendorsPost', { 'vendor.name': 'Preview Only Drywall' }, { options: { previewOnly: true } });
		expect(preview.writes).toEqual([]);
		expect(preview.json[0]).toMatchObject({ preview: true, request: { method: 'POST', path: '/rest/v1.0/vendors' } });

		const r = await run('RestV10VendorsPost', { 'vendor.name': 'Northside Drywall', 'vendor.is_active': true });
		expect(r.nodeError).toBeUndefined();
		const vendor = stored(sb(), `companies/${sb().companyId}/vendors`).find((v) => v.id === r.json[0].id)!;
		expect(vendor.name).toBe('Northside Drywall');
		expect(String(vendor.origin_data)).toMatch(/^n8n:.*:Procore$/);
		expect(stored(sb(), `companies/${sb().companyId}/vendors`).some((v) => v.name === 'Preview Only Drywall')).toBe(false);
	});

	it('Meetings › Create and Delete', async () => {
		const r = await run('RestV10MeetingsPost', { 'meeting.title': 'OAC meeting #12', 'meeting.position': 12 });
		expect(r.nodeError).toBeUndefined();
		const id = r.json[0].id as number;
		expect(stored(sb(), `projects/${tower()}/meetings`).find((m) => m.id === id)).toMatchObject({ title: 'OAC meeting #12' });
		const d = await run('RestV10MeetingsIdDelete', { id });
		expect(d.nodeError).toBeUndefined();
		expect(stored(sb(), `projects/${tower()}/meetings`).some((m) => m.id === id)).toBe(false);
	});

	it('Daily Log › Create Notes Log and Update it', async () => {
		const r = await run('RestV10ProjectsProjectIdNotesLogsPost', { 'notes_log.comment': 'Concrete pour delayed by rain', 'notes_log.date': '2026-05-04' });
		expect(r.nodeError).toBeUndefined();
		const id = r.json[0].id as number;
		const u = await run('RestV10ProjectsProjectIdNotesLogsIdPatch', { id, 'notes_log.comment': 'Concrete pour moved to Tuesday' });
		expect(u.nodeError).toBeUndefined();
		expect(stored(sb(), `projects/${tower()}/notes_logs`).find((n) => n.id === id)).toMatchObject({ comment: 'Concrete pour moved to Tuesday' });
	});

	it('Photos › Create, Update and Delete an image category', async () => {
		const r = await run('RestV10ImageCategoriesPost', { 'image_category.name': 'Level 3 framing' });
		expect(r.nodeError).toBeUndefined();
		const id = r.json[0].id as number;
		await run('RestV10ImageCategoriesIdPatch', { id, 'image_category.name': 'Level 3 framing (east)' });
		expect(stored(sb(), `projects/${tower()}/image_categories`).find((c) => c.id === id)).toMatchObject({ name: 'Level 3 framing (east)' });
		await run('RestV10ImageCategoriesIdDelete', { id });
		expect(stored(sb(), `projects/${tower()}/image_categories`).some((c) => c.id === id)).toBe(false);
	});

	it('Drawings › Create a drawing area', async () => {
		const r = await run('RestV10ProjectsProjectIdDrawingAreasPost', { name: 'Tower B' });
		expect(r.nodeError).toBeUndefined();
		expect(stored(sb(), `projects/${tower()}/drawing_areas`).some((a) => a.name === 'Tower B')).toBe(true);
	});

	it('Observations › Create and Update an observation', async () => {
		const types = await call(sb(), 'GET', `/rest/v1.0/observations/types?project_id=${tower()}`);
		const typeId = (types.body as Array<{ id: number }>)[0]?.id ?? 1;
		const r = await run('RestV10ObservationsItemsPost', { 'observation.name': 'Missing guardrail at stair 2', 'observation.type_id': typeId });
		expect(r.nodeError).toBeUndefined();
		const id = r.json[0].id as number;
		await run('RestV10ObservationsItemsIdPatch', { id, 'observation.name': 'Guardrail missing at stair 2, level 4' });
		expect(stored(sb(), `projects/${tower()}/observations/items`).find((o) => o.id === id)).toMatchObject({ name: 'Guardrail missing at stair 2, level 4' });
	});

	it('Specifications › List Specification Sections, and Portfolio › List Projects (company_id from the Company)', async () => {
		const specs = await run('RestV10SpecificationSectionsGet', {}, { returnAll: true });
		expect(specs.nodeError).toBeUndefined();
		expect(specs.calls[0].query.project_id).toBe(String(tower()));
		expect(specs.json.length).toBeGreaterThan(0);
		const projects = await run('RestV10ProjectsGet', {}, { returnAll: true, project: pick('') });
		expect(projects.nodeError).toBeUndefined();
		expect(projects.calls[0].query.company_id).toBe(String(sb().companyId));
		expect(projects.json.map((p) => p.id)).toContain(tower());
	});

	it('Submittals › Create a submittal', async () => {
		const r = await run('RestV10ProjectsProjectIdSubmittalsPost', { 'submittal.title': 'Curtain wall shop drawings', 'submittal.number': '08 44 13-1' });
		expect(r.nodeError).toBeUndefined();
		expect(stored(sb(), `projects/${tower()}/submittals`).find((s) => s.id === r.json[0].id)).toMatchObject({ title: 'Curtain wall shop drawings' });
	});

	it('what the sandbox refuses comes back with Procore\'s text: a date that is no date, a tool turned off', async () => {
		const bad = await run('RestV10ProjectsProjectIdNotesLogsPost', { 'notes_log.comment': 'x', 'notes_log.date': '2026-13-45' }, {});
		expect(String(bad.nodeError?.message)).toMatch(/^Procore: .*date/);
		expect(stored(sb(), `projects/${tower()}/notes_logs`).some((n) => n.comment === 'x')).toBe(false);

		sb().config({ disabledTools: { [tower()]: ['Punch List'] } });
		try {
			const off = await run('RestV11PunchItemsGet', {}, { returnAll: true });
			expect(off.nodeError?.httpCode).toBe('403');
			expect(String(off.nodeError?.message)).toMatch(/Punch List/);
		} finally {
			sb().config({ disabledTools: {} });
		}
	});
});
