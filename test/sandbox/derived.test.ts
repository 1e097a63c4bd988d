/** Lists the sandbox derives from other records: v2.0 commitment contracts, RFI people, budget columns; daily log fields. */
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, v2MaxPerPage: 2 });
});
afterAll(() => sb.stop());

const v2 = () => `/rest/v2.0/companies/${sb.companyId}/projects/${sb.seed.projects.tower}/commitment_contracts`;

describe('v2.0 commitment contracts', () => {
	it('lists subcontracts and purchase orders together, paged, with the vendor named', async () => {
		const first = await call(sb, 'GET', `${v2()}?per_page=2`);
		expect(first.status).toBe(200);
		expect(first.body.data).toHaveLength(2);
		expect(first.headers.get('total')).toBe('5');
		const all = [];
		for (let page = 1; page <= 3; page++) all.push(...(await call(sb, 'GET', `${v2()}?per_page=2&page=${page}`)).body.data);
		const c = sb.seed.commitments;
		expect(all.map((r: { id: number }) => r.id).sort()).toEqual(Object.values(c).sort());
		const electrical = all.find((r: { id: number }) => r.id === c.electricalWoc);
		expect(electrical).toMatchObject({ type: 'WorkOrderContract', vendor: { id: sb.seed.vendors.electrical, name: expect.any(String) } });
		expect(all.find((r: { id: number }) => r.id === c.plumbingPo).type).toBe('PurchaseOrderContract');
	});

	it('shows one and its summary; an unknown id is a v2 404', async () => {
		const id = sb.seed.commitments.concreteWoc;
		const one = await call(sb, 'GET', `${v2()}/${id}`);
		expect(one.body.data).toMatchObject({ id, title: 'Concrete Subcontract' });
		const summary = await call(sb, 'GET', `${v2()}/${id}/summary`);
		expect(summary.status).toBe(200);
		expect(summary.body.data).toMatchObject({ original_contract_amount: '5890000.00', revised_contract_amount: '5890000.00' });
		expect((await call(sb, 'GET', `${v2()}/999999/summary`)).status).toBe(404);
	});
});

describe('RFI potential assignees and managers', () => {
	it.each(['potential_assignees', 'potential_rfi_managers'])('%s: the company\'s active employees', async (role) => {
		const res = await call(sb, 'GET', `/rest/v1.0/projects/${sb.seed.projects.tower}/rfis/${role}`);
		expect(res.status).toBe(200);
		const ids = res.body.map((u: { id: number }) => u.id);
		expect(ids).toEqual(expect.arrayContaining([sb.seed.users.pm, sb.seed.users.engineer]));
		expect(ids).not.toContain(sb.seed.users.dmsa);
	});
});

describe('budget detail columns', () => {
	it('are the amount keys of the view\'s rows, which differ per view', async () => {
		const q = `?project_id=${sb.seed.projects.tower}`;
		const standard = await call(sb, 'GET', `/rest/v1.0/budget_views/${sb.seed.budgetViews.standard}/budget_detail_columns${q}`);
		const custom = await call(sb, 'GET', `/rest/v1.0/budget_views/${sb.seed.budgetViews.costControl}/budget_detail_columns${q}`);
		expect(standard.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'revised_budget', name: 'Revised Budget' }), expect.objectContaining({ id: 'committed_costs', name: 'Committed Costs' })]));
		expect(custom.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'Committed Costs', name: 'Committed Costs' })]));
		expect(standard.body.map((c: { id: string }) => c.id)).not.toContain('cost_code_id');
		expect((await call(sb, 'GET', `/rest/v1.0/budget_views/999999/budget_detail_columns${q}`)).status).toBe(404);
	});
});

describe('daily logs', () => {
	it('carry the fields of Procore\'s schema (is_issue_day, is_weather_delay, involved_name, comments)', async () => {
		const p = `/rest/v1.0/projects/${sb.seed.projects.tower}`;
		const day = `log_date=2026-08-31`;
		const notes = (await call(sb, 'GET', `${p}/notes_logs?${day}`)).body[0];
		const accident = (await call(sb, 'GET', `${p}/accident_logs?${day}`)).body[0];
		const work = (await call(sb, 'GET', `${p}/work_logs?${day}`)).body[0];
		const weather = (await call(sb, 'GET', `/rest/v1.1/projects/${sb.seed.projects.tower}/daily_logs/weather_logs?${day}`)).body[0];
		expect(notes).toHaveProperty('is_issue_day', false);
		expect(accident).toMatchObject({ involved_name: expect.any(String), involved_company: expect.any(String) });
		expect(work).toHaveProperty('comments', 'Placed 210 CY');
		expect(weather).toMatchObject({ temperature: '48', is_weather_delay: 'false' });
	});
});

describe('attachments by upload', () => {
	const complete = (uuid: string, userId: number, status: 'complete' | 'ready' = 'complete') =>
		sb.store.insert('uploads', {
			id: uuid,
			uuid,
			user_id: userId,
			company_id: sb.companyId,
			project_id: sb.seed.projects.tower,
			response_filename: `${uuid}.pdf`,
			response_content_type: 'application/pdf',
			size: 10,
			stored_size: 10,
			segmented: false,
			segments: [],
			status,
			blob_key: status === 'complete' ? 'k' : undefined,
		});
	const obs = () => `/rest/v1.0/observations/items/${sb.seed.observations.honeycomb}?project_id=${sb.seed.projects.tower}`;

	it('upload_ids of a completed upload become attachments, added to the ones already there', async () => {
		complete('UP-A', sb.seed.users.pm);
		complete('UP-B', sb.seed.users.pm);
		const first = await call(sb, 'PATCH', obs(), { body: { observation: { upload_ids: ['UP-A'] } } });
		expect(first.status).toBe(200);
		const second = await call(sb, 'PATCH', obs(), { body: { observation: { upload_ids: ['UP-B'] } } });
		expect(second.body.attachments.map((a: { filename: string }) => a.filename)).toEqual(['UP-A.pdf', 'UP-B.pdf']);
		expect(second.body).not.toHaveProperty('upload_ids');
	});

	it('attachments_by_uuid (change events) and nested question.upload_ids (RFIs) too', async () => {
		complete('UP-C', sb.seed.users.pm);
		complete('UP-D', sb.seed.users.pm);
		const ce = await call(sb, 'PATCH', `/rest/v1.0/change_events/${sb.seed.changeEvents.slabRework}?project_id=${sb.seed.projects.tower}`, {
			body: { project_id: sb.seed.projects.tower, change_event: { attachments_by_uuid: [{ upload_uuid: 'UP-C' }] } },
		});
		expect(ce.status).toBe(200);
		expect(ce.body.attachments.map((a: { upload_uuid: string }) => a.upload_uuid)).toEqual(['UP-C']);
		const rfi = await call(sb, 'PATCH', `/rest/v1.0/projects/${sb.seed.projects.tower}/rfis/${sb.seed.rfis.ceilingHeight}`, {
			body: { rfi: { question: { body: 'q', upload_ids: ['UP-D'] } } },
		});
		expect(rfi.status).toBe(200);
		expect(rfi.body.question.attachments.map((a: { upload_uuid: string }) => a.upload_uuid)).toEqual(['UP-D']);
	});

	it('an unknown, unfinished or other user\'s upload is a 422 naming it', async () => {
		complete('UP-READY', sb.seed.users.pm, 'ready');
		complete('UP-OTHER', sb.seed.users.engineer);
		for (const [uuid, why] of [['UP-NONE', 'not an upload'], ['UP-READY', 'not finished'], ['UP-OTHER', 'not an upload']]) {
			const res = await call(sb, 'PATCH', obs(), { body: { observation: { upload_ids: [uuid] } } });
			expect(res.status).toBe(422);
			expect(JSON.stringify(res.body)).toContain(uuid);
			expect(JSON.stringify(res.body)).toMatch(new RegExp(why === 'not finished' ? 'has not finished' : 'is not an upload'));
		}
	});
});
