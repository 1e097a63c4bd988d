/**
 * The Procore Trigger publishing against the sandbox where Procore refuses triggers on retired pairs
 * (config retiredTriggers 'refuse', 422): the COI template's All Projects choice (Projects, Work
 * Order / Purchase Order Contracts, Project Vendors; create + update) publishes, and what the
 * sandbox stores is every chosen pair but Project Vendors update. Under 'accept' it stores the same.
 */
import type { IDataObject } from 'n8n-workflow';

import { ProcoreTrigger } from '../../../nodes/ProcoreTrigger/ProcoreTrigger.node';
import { HOOKS, TRIGGERS } from '../../../sandbox/webhooks/dispatcher';
import { useSandbox } from '../Procore/sandbox/nodeOnSandbox';
import { createHookContext } from '../../helpers/triggerContext';

const methods = new ProcoreTrigger().webhookMethods.default;
const sb = useSandbox({ projectsListDefault: 'active' });

function publishContext(staticData: IDataObject) {
	return createHookContext({
		parameters: {
			company: { __rl: true, mode: 'id', value: String(sb().companyId) },
			scope: 'allProjects',
			projectStatus: 'active',
			projectIds: String(sb().seed.projects.tower),
			resources: ['Projects', 'Work Order Contracts', 'Purchase Order Contracts', 'Project Vendors'],
			events: ['create', 'update'],
			payloadVersion: 'v2.0',
			options: {},
		},
		staticData,
		credentials: { apiBaseUrl: sb().url, defaultCompanyId: String(sb().companyId), oauthTokenData: { access_token: sb().issueToken('user') } },
	});
}

function storedTriggers(projectId: number | null): string[] {
	const hooks = sb().store.list(HOOKS).filter((h) => (projectId === null ? h.project_id === null || h.project_id === undefined : Number(h.project_id) === projectId));
	const ids = new Set(hooks.map((h) => Number(h.id)));
	return sb().store.list(TRIGGERS).filter((t) => ids.has(Number(t.hook_id))).map((t) => `${String(t.resource_name)} ${String(t.event_type)}`).sort();
}

describe('Procore Trigger on the sandbox: retired pairs', () => {
	for (const mode of ['refuse', 'accept'] as const) {
		it(`retiredTriggers '${mode}': the COI template's All Projects choice publishes; the project hook holds every pair but Project Vendors update`, async () => {
			sb().config({ retiredTriggers: mode });
			sb().reset();
			const state: IDataObject = {};
			await expect(methods.create.call(publishContext(state))).resolves.toBe(true);
			const tower = sb().seed.projects.tower;
			expect(storedTriggers(tower)).toEqual([
				'Project Vendors create',
				'Purchase Order Contracts create',
				'Purchase Order Contracts update',
				'Work Order Contracts create',
				'Work Order Contracts update',
			]);
			expect(storedTriggers(null)).toEqual(['Projects create', 'Projects update']);
			expect(state.failedProjects ?? {}).toEqual({});
			expect(Object.keys(state.projectHooks as IDataObject)).toEqual([String(tower)]);
		});
	}
});
