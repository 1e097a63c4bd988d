/**
 * Project Directory on the sandbox: Add User stores the company user in the project with the
 * permission template (and not twice), Add Vendor and Add Person store what they add (a re-run
 * finds it), Get Users reads the stored users to the end, and what the sandbox refuses.
 */
import type { Sandbox } from '../../../../sandbox';
import { byId, runOnSandbox, stored, useSandbox } from './nodeOnSandbox';

// One generated project besides the named ones: its directory starts without vendors.
const sb = useSandbox({ v1MaxPerPage: 1, seed: { projects: 1 } });

const hospital = (s: Sandbox) => s.seed.projects.hospital;
const projectUsers = (s: Sandbox, pid: number) => stored(s, `projects/${pid}/users`);

describe('Project Directory › Add User', () => {
	it('stores the company user in the project with the permission template; a re-run writes nothing', async () => {
		const s = sb();
		// The hospital project's directory has no service account; the tower offers the templates.
		const pid = s.seed.projects.tower;
		const userId = s.seed.users.dmsa;
		expect(projectUsers(s, pid).some((u) => u.id === userId)).toBe(false);
		const params = { resource: 'projectDirectory', operation: 'addUser', project: byId(pid), user: byId(userId), permissionTemplate: byId(s.seed.permissionTemplates.subcontractor), output: 'raw' };
		const run = await runOnSandbox(s, params);
		expect(run.nodeError).toBeUndefined();
		const added = projectUsers(s, pid).find((u) => u.id === userId);
		expect(added).toMatchObject({ name: 'Sandbox Service Account', permission_template: { id: s.seed.permissionTemplates.subcontractor, name: 'Subcontractor' } });
		expect(run.json[0].summary).toBe(`Added user ${userId} "Sandbox Service Account" to project ${pid}'s directory with permission template ${s.seed.permissionTemplates.subcontractor}`);
		const again = await runOnSandbox(s, params);
		expect(again.json[0]).toMatchObject({ skipped: true });
		expect(again.writes).toEqual([]);
	});

	it('refused: a permission template the project does not offer (422 naming it); nothing stored', async () => {
		const s = sb();
		const pid = hospital(s);
		const before = projectUsers(s, pid).length;
		const run = await runOnSandbox(s, { resource: 'projectDirectory', operation: 'addUser', project: byId(pid), user: byId(s.seed.users.dmsa), permissionTemplate: byId(s.seed.permissionTemplates.subcontractor) });
		expect(String(run.nodeError?.message)).toContain(`${s.seed.permissionTemplates.subcontractor} is not a permission template of project ${pid}`);
		expect(projectUsers(s, pid)).toHaveLength(before);
	});

	it('refused: someone who is not a company user (404)', async () => {
		const s = sb();
		const run = await runOnSandbox(s, { resource: 'projectDirectory', operation: 'addUser', project: byId(s.seed.projects.tower), user: byId(999999001), permissionTemplate: byId(s.seed.permissionTemplates.subcontractor) });
		expect(String(run.nodeError?.message)).toMatch(/not found/i);
		expect(run.writes.map((w) => w.status)).toEqual([404]);
	});
});

describe('Project Directory › Add Vendor and Add Person', () => {
	it('Add Vendor stores the company vendor in the project once', async () => {
		const s = sb();
		const pid = s.seed.projects.extra[0];
		const vendorId = s.seed.vendors.hvac;
		const companyVendor = s.store.get(s.store.keyOf(vendorId)!, vendorId)!;
		const inProject = () => stored(s, `projects/${pid}/vendors`).filter((v) => v.id === vendorId);
		const before = inProject().length;
		const params = { resource: 'projectDirectory', operation: 'addVendor', project: byId(pid), vendor: byId(vendorId), output: 'raw' };
		const run = await runOnSandbox(s, params);
		expect(run.nodeError).toBeUndefined();
		expect(before).toBe(0);
		expect(inProject()).toHaveLength(1);
		expect(inProject()[0].name).toBe(companyVendor.name);
		const again = await runOnSandbox(s, params);
		expect(again.json[0]).toMatchObject({ skipped: true });
		expect(again.writes).toEqual([]);
	});

	it('Add Person stores a worker (employee, employee ID) the timecards can use; a re-run finds them by employee ID', async () => {
		const s = sb();
		const pid = s.seed.projects.tower;
		const people = () => stored(s, `projects/${pid}/people`);
		const before = people().length;
		const params = { resource: 'projectDirectory', operation: 'addPerson', project: byId(pid), firstName: 'Nadia', lastName: 'Haddad', additionalFields: { employeeId: 'GP-7781', jobTitle: 'Laborer' }, output: 'raw' };
		const run = await runOnSandbox(s, params);
		expect(run.nodeError).toBeUndefined();
		expect(people()).toHaveLength(before + 1);
		expect(people().find((p) => p.employee_id === 'GP-7781')).toMatchObject({ first_name: 'Nadia', last_name: 'Haddad', is_employee: true, job_title: 'Laborer' });
		const again = await runOnSandbox(s, params);
		expect(again.json[0]).toMatchObject({ skipped: true });
		expect(again.writes).toEqual([]);
		expect(people()).toHaveLength(before + 1);
	});

	it('refused: a person without a last name is not stored (Procore\'s 422)', async () => {
		const s = sb();
		const pid = s.seed.projects.tower;
		const before = stored(s, `projects/${pid}/people`).length;
		const run = await runOnSandbox(s, {
			resource: 'customApiCall',
			operation: 'request',
			method: 'POST',
			path: `/rest/v1.0/projects/${pid}/people`,
			body: JSON.stringify({ person: { first_name: 'Only' } }),
		});
		expect(String(run.nodeError?.message)).toContain('last_name');
		expect(stored(s, `projects/${pid}/people`)).toHaveLength(before);
	});
});

describe('Project Directory › Get Users', () => {
	it('every page: exactly the stored users of the project', async () => {
		const s = sb();
		const pid = s.seed.projects.school;
		const run = await runOnSandbox(s, { resource: 'projectDirectory', operation: 'getUsers', project: byId(pid), returnAll: true, output: 'raw' });
		expect(run.nodeError).toBeUndefined();
		expect(run.json.map((u) => u.id).sort()).toEqual(projectUsers(s, pid).map((u) => u.id).sort());
		expect(run.calls.filter((c) => c.path === `/rest/v1.0/projects/${pid}/users`).length).toBeGreaterThanOrEqual(projectUsers(s, pid).length);
	});
});
