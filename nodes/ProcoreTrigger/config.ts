import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../Procore/helpers/context';
import type { HookScope, TriggerSpec } from './hooksApi';
import type { RetiredEvent } from './retiredEvents';
import { describeRetired, retiredEventOf } from './retiredEvents';

export type TriggerScope = 'company' | 'project' | 'allProjects';

export const DEFAULT_NAMESPACE = 'n8n-nodes-procore';
/** All Projects' Publish Time Limit: leaves n8n 2.41's 84-second publish deadline room for set-ups in flight. */
export const DEFAULT_PUBLISH_TIME_LIMIT_SECONDS = 45;
const NAMESPACE_PATTERN = /^[a-z0-9-]+$/;

/** The resource the all-projects mode listens to on the company hook to follow projects. */
export const PROJECTS_RESOURCE = 'Projects';

export interface TriggerConfig {
	companyId: string;
	scope: TriggerScope;
	projectId?: string;
	resources: string[];
	events: string[];
	payloadVersion: string;
	namespace: string;
	fetchRecord: boolean;
	ignoreOwnChanges: boolean;
	/** All projects: include inactive projects too. */
	includeInactive: boolean;
	/** All projects: only these project ids (empty = every matching project). */
	projectIds: string[];
	/** All projects: no project set-up starts later than this after publishing began. */
	publishTimeLimitSeconds: number;
}

type Ctx = IHookFunctions | IWebhookFunctions;

function param<T>(ctx: Ctx, name: string, fallback: T): T {
	return (ctx as IHookFunctions).getNodeParameter(name, fallback) as T;
}

export function parseIdList(value: unknown): string[] {
	return String(value ?? '')
		.split(/[\s,;]+/)
		.map((s) => normalizeId(s))
		.filter(Boolean);
}

export async function readConfig(ctx: Ctx): Promise<TriggerConfig> {
	const hookCtx = ctx as IHookFunctions;
	const scope = param<TriggerScope>(ctx, 'scope', 'project');
	const options = param<Record<string, unknown>>(ctx, 'options', {});
	const namespace = String(options.namespace ?? DEFAULT_NAMESPACE).trim() || DEFAULT_NAMESPACE;
	if (!NAMESPACE_PATTERN.test(namespace)) {
		throw new NodeOperationError(ctx.getNode(), `The namespace "${namespace}" is not allowed by Procore`, {
			description: 'Options > Namespace may contain only lowercase letters a-z, digits 0-9 and "-", e.g. "n8n-nodes-procore".',
		});
	}
	const projectIds = parseIdList(param(ctx, 'projectIds', ''));
	const badId = projectIds.find((id) => !/^\d{1,20}$/.test(id));
	if (badId) {
		throw new NodeOperationError(ctx.getNode(), `Project IDs: "${badId}" is not a Procore project ID`, {
			description: 'Enter numeric project IDs separated by commas, e.g. "101, 102", or leave it empty for every project.',
		});
	}
	return {
		companyId: await getCompanyId(hookCtx),
		scope,
		projectId: scope === 'project' ? getProjectId(hookCtx) : undefined,
		resources: param<string[]>(ctx, 'resources', []),
		events: param<string[]>(ctx, 'events', []),
		payloadVersion: param(ctx, 'payloadVersion', 'v2.0'),
		namespace,
		// On unless turned off: a first test event then holds the whole record, not only its IDs.
		fetchRecord: options.fetchRecord !== false,
		ignoreOwnChanges: Boolean(options.ignoreOwnChanges ?? true),
		includeInactive: param<string>(ctx, 'projectStatus', 'active') === 'all',
		projectIds,
		publishTimeLimitSeconds: readPublishTimeLimit(ctx),
	};
}

function readPublishTimeLimit(ctx: Ctx): number {
	const value = Number(param(ctx, 'publishTimeLimit', DEFAULT_PUBLISH_TIME_LIMIT_SECONDS));
	if (!Number.isFinite(value) || value < 1) {
		throw new NodeOperationError(ctx.getNode(), `Publish Time Limit: ${String(value)} is not a number of seconds`, {
			description: `Enter a whole number of seconds of at least 1 (default ${DEFAULT_PUBLISH_TIME_LIMIT_SECONDS}).`,
		});
	}
	return value;
}

/** The hook scope of the single-scope modes. */
export function hookScopeOf(config: TriggerConfig): HookScope {
	return config.scope === 'project'
		? { companyId: config.companyId, projectId: config.projectId }
		: { companyId: config.companyId };
}

export function scopeKeyOf(config: TriggerConfig): string {
	if (config.scope === 'project') return `project:${String(config.projectId)}`;
	return `${config.scope}:${config.companyId}`;
}

function chosenPairs(config: TriggerConfig, exclude: string[]): TriggerSpec[] {
	const specs: TriggerSpec[] = [];
	for (const resource of config.resources) {
		if (exclude.includes(resource)) continue;
		for (const event of config.events) specs.push({ resource_name: resource, event_type: event });
	}
	return specs;
}

/**
 * Resources × events: exactly the triggers a single-scope hook or a project hook gets, less the
 * pairs Procore has retired (retiredEvents.ts). Syncing a hook to this list also deletes a retired
 * trigger an earlier version subscribed.
 */
export function wantedTriggers(config: TriggerConfig, exclude: string[] = []): TriggerSpec[] {
	return chosenPairs(config, exclude).filter((spec) => !retiredEventOf(spec));
}

/** The retired pairs among the chosen resources × events (left out of every hook). */
export function retiredChosen(config: TriggerConfig, exclude: string[] = []): RetiredEvent[] {
	return chosenPairs(config, exclude).flatMap((spec) => retiredEventOf(spec) ?? []);
}

/** "Procore stopped …; use …" for each retired pair chosen, for an error's description. */
export function retiredNote(retired: RetiredEvent[]): string {
	return retired.map((r) => `${describeRetired(r)}.`).join(' ');
}

export function assertSubscribable(ctx: Ctx, config: TriggerConfig): void {
	if (!config.resources.length || !config.events.length) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one resource and one event', {
			description: 'Pick the Procore resources (e.g. RFIs) and the events (create, update, delete) this trigger listens to.',
		});
	}
	if (!wantedTriggers(config).length) {
		throw new NodeOperationError(ctx.getNode(), 'Procore no longer sends the events chosen', {
			description: `${retiredNote(retiredChosen(config))} Add Create or Delete to "Trigger On", or choose other resources.`,
		});
	}
}
