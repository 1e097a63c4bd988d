import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getCompanyId, normalizeId } from '../Procore/helpers/context';
import { procoreApiRequestAllItems } from '../Procore/transport';
import { publishCost } from './allProjects';
import { matchingProjects } from './allProjectsScope';
import { DEFAULT_PUBLISH_TIME_LIMIT_SECONDS, parseIdList, PROJECTS_RESOURCE } from './config';
import { COMPANY_RESOURCES, PROJECT_RESOURCES } from './resourceNames';

function toOptions(names: string[], description?: (name: string) => string | undefined): INodePropertyOptions[] {
	return [...new Set(names)]
		.sort((a, b) => a.localeCompare(b))
		.map((name) => ({ name, value: name, description: description?.(name) }));
}

function param(ctx: ILoadOptionsFunctions, name: string, fallback: unknown): unknown {
	try {
		return ctx.getNodeParameter(name, fallback, { extractValue: true });
	} catch {
		return fallback;
	}
}

/** Any project of the company: Procore lists project-scope resources per project. */
async function someProjectId(ctx: ILoadOptionsFunctions, companyId: string): Promise<string | undefined> {
	const [first] = await procoreApiRequestAllItems.call(
		ctx,
		{
			method: 'GET',
			path: '/rest/v1.0/projects',
			qs: { company_id: companyId, 'filters[by_status]': 'Active', serializer_view: 'compact' },
			companyId,
		},
		{ limit: 1 },
	);
	return first ? String(first.id) : undefined;
}

/**
 * The resources Procore lets this scope subscribe to, for the chosen payload version, read from
 * `GET /rest/v2.0/companies/{id}[/projects/{id}]/webhooks/resources`. Without a credential or
 * permission the documented list is offered, so the node can still be configured.
 */
export async function getResources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const scope = String(param(this, 'scope', 'project'));
	const payloadVersion = String(param(this, 'payloadVersion', 'v2.0'));
	const fallback = scope === 'company' ? COMPANY_RESOURCES : [...PROJECT_RESOURCES, ...(scope === 'allProjects' ? [PROJECTS_RESOURCE] : [])];
	try {
		const companyId = await getCompanyId(this);
		const projectId =
			scope === 'project' ? normalizeId(param(this, 'project', '')) : scope === 'allProjects' ? await someProjectId(this, companyId) : undefined;
		if (scope !== 'company' && !projectId) return toOptions(fallback);
		const path = projectId
			? `/rest/v2.0/companies/${companyId}/projects/${projectId}/webhooks/resources`
			: `/rest/v2.0/companies/${companyId}/webhooks/resources`;
		const resources = await procoreApiRequestAllItems.call(this, {
			method: 'GET',
			path,
			qs: { payload_version: payloadVersion },
			companyId,
		});
		const actions = new Map<string, string>();
		for (const r of resources) {
			const list = Array.isArray(r.actions) ? (r.actions as unknown[]) : [];
			const names = list.map((a) => (typeof a === 'object' && a ? String((a as IDataObject).name ?? (a as IDataObject).event_type ?? '') : String(a)));
			actions.set(String(r.name), names.filter(Boolean).join(', '));
		}
		const names = [...actions.keys()].filter(Boolean);
		if (scope === 'allProjects') names.push(PROJECTS_RESOURCE);
		if (!names.length) return toOptions(fallback);
		return toOptions(names, (name) => {
			if (scope === 'allProjects' && name === PROJECTS_RESOURCE) return 'Company-level project events (new, changed, archived projects)';
			const events = actions.get(name);
			return events ? `Events: ${events}` : undefined;
		});
	} catch {
		return toOptions(fallback);
	}
}

/** What publishing "All Projects" costs for this company, computed from its current projects. */
export async function estimatePublishCost(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const companyId = await getCompanyId(this);
	const projects = await matchingProjects(this, {
		companyId,
		scope: 'allProjects',
		resources: [],
		events: [],
		payloadVersion: 'v2.0',
		namespace: '',
		fetchRecord: false,
		ignoreOwnChanges: true,
		includeInactive: param(this, 'projectStatus', 'active') === 'all',
		projectIds: parseIdList(param(this, 'projectIds', '')),
		publishTimeLimitSeconds: DEFAULT_PUBLISH_TIME_LIMIT_SECONDS,
	});
	const cost = publishCost(projects.length);
	return [
		{
			name: `${projects.length} projects: ${cost.hooks} hooks, about ${cost.publishCalls} API calls to publish`,
			value: 'estimate',
			description: `A restart check takes about ${cost.restartCalls} calls, unpublishing ${cost.unpublishCalls}. Projects not set up within Publish Time Limit get their hooks after the next deliveries.`,
		},
	];
}
