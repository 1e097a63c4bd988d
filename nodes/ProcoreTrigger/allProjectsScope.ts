/**
 * What the "All Projects" scope covers: the triggers of its company hook and of each project hook,
 * the projects that get a hook, and the check that the scope has a project resource to listen to.
 */
import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ProcoreContext } from '../Procore/transport';
import { procoreApiRequestAllItems } from '../Procore/transport';
import type { TriggerConfig } from './config';
import { PROJECTS_RESOURCE, retiredChosen, retiredNote, wantedTriggers } from './config';
import type { TriggerSpec } from './hooksApi';

/** The company hook's triggers: Projects create/update (and delete when the user listens to Projects deletes). */
export function companyTriggers(config: TriggerConfig): TriggerSpec[] {
	const events = new Set(['create', 'update']);
	if (config.resources.includes(PROJECTS_RESOURCE)) for (const e of config.events) events.add(e);
	return [...events].map((event_type) => ({ resource_name: PROJECTS_RESOURCE, event_type }));
}

export function projectTriggers(config: TriggerConfig): TriggerSpec[] {
	return wantedTriggers(config, [PROJECTS_RESOURCE]);
}

/** The projects that should have a hook: active (or all), optionally only the listed ids. */
export async function matchingProjects(ctx: ProcoreContext, config: TriggerConfig): Promise<string[]> {
	const projects = await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: '/rest/v1.0/projects',
		qs: {
			company_id: config.companyId,
			'filters[by_status]': config.includeInactive ? 'All' : 'Active',
			serializer_view: 'compact',
		},
		companyId: config.companyId,
	});
	const ids = projects.map((p) => String(p.id));
	return config.projectIds.length ? ids.filter((id) => config.projectIds.includes(id)) : ids;
}

export function assertAllProjectsConfig(ctx: IHookFunctions, config: TriggerConfig): void {
	if (!projectTriggers(config).length) {
		const retired = retiredChosen(config, [PROJECTS_RESOURCE]);
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one project resource', {
			description: `All Projects listens to project resources (e.g. RFIs, Change Events) in every project; "Projects" alone is covered by the company scope.${retired.length ? ` ${retiredNote(retired)}` : ''}`,
		});
	}
}
