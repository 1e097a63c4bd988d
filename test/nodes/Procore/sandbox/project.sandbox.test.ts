/**
 * Project › Create and Update on the sandbox: what is stored (Procore's time zone name from an
 * IANA zone, the audit tag in origin_data), that a re-run finds the project, what Update changes,
 * and what is refused (a time zone Procore does not name, a flag outside Procore's list).
 */
import type { Sandbox } from '../../../../sandbox';
import { byId, runOnSandbox, useSandbox } from './nodeOnSandbox';

const sb = useSandbox();

const projectRecord = (s: Sandbox, id: unknown) => s.store.get(s.store.keyOf(String(id))!, String(id))!;

describe('Project › Create', () => {
	it('stores the project with Procore\'s time zone name (given as IANA) and the audit tag; a re-run creates none', async () => {
		const s = sb();
		const params = {
			resource: 'project',
			operation: 'create',
			name: 'Riverside Medical Office Building',
			additionalFields: { projectNumber: '2026-014', city: 'Austin', stateCode: 'tx', countryCode: 'us', timeZone: 'America/Chicago', startDate: '2026-10-01', originId: 'CRM-88', active: true },
			output: 'raw',
		};
		const run = await runOnSandbox(s, params);
		expect(run.nodeError).toBeUndefined();
		const id = run.json[0].id;
		expect(projectRecord(s, id)).toMatchObject({
			name: 'Riverside Medical Office Building',
			project_number: '2026-014',
			state_code: 'TX',
			country_code: 'US',
			time_zone: 'Central Time (US & Canada)',
			start_date: '2026-10-01',
			origin_id: 'CRM-88',
		});
		expect(String(projectRecord(s, id).origin_data)).toMatch(/^n8n:/);
		const again = await runOnSandbox(s, params);
		expect(again.json[0]).toMatchObject({ id, skipped: true });
		expect(again.writes).toEqual([]);
	});

	it('refused before any call: a time zone Procore has no name for, with the ones at the same offset', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'project', operation: 'create', name: 'Nowhere', additionalFields: { timeZone: 'America/Boise' } });
		expect(run.nodeError?.message).toBe('Time Zone "America/Boise" is not one Procore takes');
		expect(String(run.nodeError?.description)).toContain('Mountain Time (US & Canada)');
		expect(run.calls).toEqual([]);
	});
});

describe('Project › Update', () => {
	it('stores the change and reports previous → new', async () => {
		const s = sb();
		const id = s.seed.projects.school;
		const before = projectRecord(s, id).time_zone;
		const run = await runOnSandbox(s, { resource: 'project', operation: 'update', project: byId(id), updateFields: { timeZone: 'Eastern Time (US & Canada)', projectNumber: 'S-200' }, output: 'raw' });
		expect(run.nodeError).toBeUndefined();
		expect(projectRecord(s, id)).toMatchObject({ time_zone: 'Eastern Time (US & Canada)', project_number: 'S-200' });
		expect(run.json[0].changes).toEqual(expect.arrayContaining([{ field: 'time_zone', previous: before, new: 'Eastern Time (US & Canada)' }]));
	});

	it('refused by Procore: a flag outside its list (422 naming it); nothing stored', async () => {
		const s = sb();
		const id = s.seed.projects.school;
		const flag = projectRecord(s, id).flag;
		const run = await runOnSandbox(s, {
			resource: 'customApiCall',
			operation: 'request',
			method: 'PATCH',
			path: `/rest/v1.0/projects/${id}?company_id=${s.companyId}`,
			body: JSON.stringify({ company_id: s.companyId, project: { flag: 'Blue' } }),
		});
		expect(String(run.nodeError?.message)).toContain('flag');
		expect(projectRecord(s, id).flag).toBe(flag);
	});
});
