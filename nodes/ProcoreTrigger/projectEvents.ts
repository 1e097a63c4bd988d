/**
 * "All Projects" at delivery time: a Projects event on the company hook gives a new or re-activated
 * project its hook and removes the hook of an archived or deleted one (allProjects.ts sets the
 * hooks up when the workflow is published).
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import { procoreApiRequest } from '../Procore/transport';
import { projectTriggers } from './allProjectsScope';
import type { TriggerConfig } from './config';
import type { HookScope } from './hooksApi';
import { asNodeError, deleteHook, isNotFound } from './hooksApi';
import { ensureHook } from './hookSetup';
import { recordProjectHook, settleProject } from './projectJournal';
import { acceptedHashes, currentSecret } from './secret';
import type { TriggerState } from './staticData';

export type ProjectChange = 'added' | 'removed' | 'unchanged';

/**
 * A Projects event on the company hook: gives a new or re-activated project its hook, removes the
 * hook of an archived or deleted one. Runs inside webhook(), after the delivery is acknowledged.
 */
export async function onProjectEvent(
	ctx: IWebhookFunctions,
	config: TriggerConfig,
	state: TriggerState,
	url: string,
	projectId: string,
	eventType: string,
): Promise<ProjectChange> {
	// The id comes from the delivery: only a Procore id goes into a path (issue 22, finding 3).
	if (!/^\d{1,20}$/.test(projectId) || !acceptedHashes(state).length) return 'unchanged';
	const companyId = state.companyId ?? config.companyId;
	let wanted = eventType !== 'delete' && (!config.projectIds.length || config.projectIds.includes(projectId));
	if (wanted) {
		// Read even when inactive projects count: a hook goes only to a project of the trigger's company.
		try {
			const project = await procoreApiRequest.call(ctx, {
				method: 'GET',
				path: `/rest/v1.0/projects/${projectId}`,
				qs: { company_id: companyId },
				companyId,
				timeoutMs: 10_000,
			});
			wanted = config.includeInactive || project.active !== false;
		} catch (error) {
			if (!isNotFound(error)) throw asNodeError(ctx, error);
			wanted = false;
		}
	}
	const hooked = state.projectHooks?.[projectId];
	const scope: HookScope = { companyId, projectId };
	if (wanted && !hooked) {
		const { hookId } = await ensureHook(ctx, scope, config, { url, secret: await currentSecret(ctx, state), wanted: projectTriggers(config) });
		recordProjectHook(ctx, state, projectId, hookId);
		settleProject(ctx, state, projectId);
		return 'added';
	}
	if (!wanted && hooked) {
		await deleteHook(ctx, scope, hooked);
		recordProjectHook(ctx, state, projectId, null);
		return 'removed';
	}
	if (!wanted && state.pendingProjects?.includes(projectId)) settleProject(ctx, state, projectId);
	return 'unchanged';
}
