import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { companyTriggers, matchingProjects, projectTriggers } from './allProjectsScope';
import type { TriggerConfig } from './config';
import { scopeKeyOf } from './config';
import { explainWebhookError } from './errors';
import type { HookScope } from './hooksApi';
import { asNodeError, deleteHook, getHook, syncTriggers, updateHook } from './hooksApi';
import { ensureHook, findOwnHook } from './hookSetup';
import { claimSetUp, dropJournal, mergeJournal, recordProjectHook, releaseSetUp, settleProject } from './projectJournal';
import { acceptedHashes, authorizationFor, currentSecret, newRegistration, rotateSecret } from './secret';
import type { TriggerState } from './staticData';
import { clearRegistration } from './staticData';

/**
 * "All projects": one hook per matching project, each with the chosen triggers, plus one company
 * hook on Projects create/update that follows new, activated and archived projects.
 *
 * Calls, for P matching projects (v1.0 project list: 1,000 per page; v2.0 hook list per scope):
 *   first publish   ceil(P/1000) + 3 + 2P   (list company hooks, create company hook + its triggers,
 *                                            then create hook + bulk triggers per project)
 *   restart check   1 + ceil(P/1000) + P    (company hook by id, projects, hook list per project;
 *                                            + 2 per missing hook, + 2 per hook whose triggers drifted)
 *   unpublish       ceil(P/1000) + P + 1    (projects, to find hooks other processes set up; Procore
 *                                            deletes a hook's triggers with it; + 1 per project without a known hook)
 * The company hook is created first: finding it on a later publish means an earlier one may have
 * left project hooks, so only then is each project's hook list read before creating (resumable
 * without duplicates, and a fresh publish pays no lookups).
 *
 * Time limit: n8n 2.41 gives up on a publish after 0.7 × N8N_WORKFLOW_PUBLICATION_OUTBOX_LEASE_SECONDS
 * (84 s by default), saves the static data as it is then and never again for that publish, while
 * the node's calls run on: hooks set up after that point were unknown to n8n and stayed behind in
 * Procore at unpublish (measured with 500 projects: 376 of 500 remembered). So publishing starts
 * no project set-up after Publish Time Limit; the projects left are stored as pendingProjects and
 * set up after the next deliveries (each spends up to SET_UP_PER_DELIVERY_MS, after answering
 * Procore), or on the next publish or restart check.
 */

/** Parallel project setups: fast enough for large companies, gentle on Procore's rate limit. */
const CONCURRENCY = 4;
/** Set-up of waiting projects after each delivery: delays that delivery's execution by at most this. */
export const SET_UP_PER_DELIVERY_MS = 10_000;

export function publishCost(projects: number): { hooks: number; publishCalls: number; restartCalls: number; unpublishCalls: number } {
	const pages = Math.max(1, Math.ceil(projects / 1000));
	return {
		hooks: projects + 1,
		publishCalls: pages + 3 + 2 * projects,
		restartCalls: 1 + pages + projects,
		unpublishCalls: pages + projects + 1,
	};
}

async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const item = items[next++];
			await fn(item);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

interface SyncContext {
	ctx: IHookFunctions | IWebhookFunctions;
	config: TriggerConfig;
	state: TriggerState;
	url: string;
	secret: string;
}

/** Makes one project's hook right; returns quickly (one list call) when it already is. */
async function syncProject(s: SyncContext, projectId: string, lookUp: boolean): Promise<void> {
	const scope: HookScope = { companyId: s.config.companyId, projectId };
	const wanted = projectTriggers(s.config);
	const known = s.state.projectHooks?.[projectId];
	const existing = lookUp ? ((await findOwnHook(s.ctx, scope, s.config.namespace, s.url)) ?? null) : null;
	const secretKnown = existing !== null && known === String(existing.id);
	const healthy =
		existing !== null &&
		secretKnown &&
		Number(existing.trigger_count) === wanted.length &&
		existing.status !== 'disabled' &&
		(!existing.payload_version || existing.payload_version === s.config.payloadVersion);
	const hookId = healthy
		? String(existing.id)
		: (await ensureHook(s.ctx, scope, s.config, { url: s.url, secret: s.secret, wanted, existing, secretKnown })).hookId;
	recordProjectHook(s.ctx, s.state, projectId, hookId);
	if (s.state.failedProjects) delete s.state.failedProjects[projectId];
}

interface SyncOutcome {
	succeeded: number;
	attempted: number;
	/** Projects whose set-up had not started by the deadline. */
	notReached: string[];
	firstError?: unknown;
}

/**
 * Sets up the given projects until `deadlineAt` (no new set-up starts after it); one project's
 * failure is recorded in failedProjects, not fatal.
 */
async function syncSome(s: SyncContext, projects: string[], lookUp: boolean, deadlineAt: number): Promise<SyncOutcome> {
	const result: SyncOutcome = { succeeded: 0, attempted: 0, notReached: [] };
	await forEachLimit(projects, CONCURRENCY, async (projectId) => {
		if (Date.now() >= deadlineAt) {
			result.notReached.push(projectId);
			return;
		}
		result.attempted++;
		try {
			await syncProject(s, projectId, lookUp);
			result.succeeded++;
		} catch (error) {
			result.firstError ??= error;
			s.state.failedProjects = { ...s.state.failedProjects, [projectId]: (error as Error).message };
			s.ctx.logger.warn(`Procore Trigger: project ${projectId} could not be set up: ${(error as Error).message}`);
		}
	});
	return result;
}

/** Sets up every matching project within the time limit; the rest wait in pendingProjects. */
async function syncProjects(s: SyncContext, lookUp: boolean, deadlineAt: number): Promise<void> {
	const projects = await matchingProjects(s.ctx, s.config);
	const wanted = new Set(projects);
	const { succeeded, attempted, notReached, firstError } = await syncSome(s, projects, lookUp, deadlineAt);
	if (attempted && !succeeded) throw asNodeError(s.ctx, firstError);
	if (notReached.length) s.state.pendingProjects = notReached.sort((a, b) => Number(a) - Number(b));
	else delete s.state.pendingProjects;
	// Projects that no longer match (archived while n8n was down, or filtered out) lose their hook.
	for (const [projectId, hookId] of Object.entries(s.state.projectHooks ?? {})) {
		if (wanted.has(projectId)) continue;
		await deleteHook(s.ctx, { companyId: s.config.companyId, projectId }, hookId);
		recordProjectHook(s.ctx, s.state, projectId, null);
	}
	for (const projectId of Object.keys(s.state.failedProjects ?? {})) {
		if (!wanted.has(projectId)) delete s.state.failedProjects![projectId];
	}
}

export async function publish(ctx: IHookFunctions, config: TriggerConfig, state: TriggerState, url: string): Promise<void> {
	const deadlineAt = Date.now() + config.publishTimeLimitSeconds * 1000;
	dropJournal(ctx, state);
	const sameRegistration = state.scopeKey === scopeKeyOf(config) && state.webhookUrl === url && acceptedHashes(state).length > 0;
	if (!sameRegistration) {
		clearRegistration(state);
		newRegistration(state);
	}
	Object.assign(state, { scopeKey: scopeKeyOf(config), companyId: config.companyId, webhookUrl: url });
	// Hooks kept as they are keep their secret (its hash stays); every hook written now gets a fresh one.
	const secret = sameRegistration ? await rotateSecret(ctx, state, false) : await currentSecret(ctx, state);
	const s: SyncContext = { ctx, config, state, url, secret };
	const companyScope: HookScope = { companyId: config.companyId };
	const existing = (await findOwnHook(ctx, companyScope, config.namespace, url)) ?? null;
	// No company hook and nothing stored: no earlier publish got as far as any project hook.
	const fresh = existing === null && Object.keys(state.projectHooks ?? {}).length === 0;
	const company = await ensureHook(ctx, companyScope, config, {
		url,
		secret: s.secret,
		wanted: companyTriggers(config),
		existing,
		secretKnown: existing !== null && state.companyHookId === String(existing.id),
	});
	state.companyHookId = company.hookId;
	state.projectHooks ??= {};
	await syncProjects(s, !fresh, deadlineAt);
	warnAboutProjectsWithoutHook(ctx, config, state);
}

function warnAboutProjectsWithoutHook(ctx: IHookFunctions, config: TriggerConfig, state: TriggerState): void {
	const failed = Object.keys(state.failedProjects ?? {}).length;
	if (failed) {
		ctx.logger.warn(
			`Procore Trigger: ${failed} project(s) have no hook yet (see failedProjects in the node's static data); they are retried on the next publish or restart check.`,
		);
	}
	const pending = state.pendingProjects?.length ?? 0;
	if (pending) {
		ctx.logger.warn(
			`Procore Trigger: ${Object.keys(state.projectHooks ?? {}).length} project hooks set up within the Publish Time Limit (${config.publishTimeLimitSeconds} s); ${pending} project(s) wait in pendingProjects and get their hooks after the next deliveries (up to ${SET_UP_PER_DELIVERY_MS / 1000} s of set-up after each). To set them all up while publishing, raise Publish Time Limit and n8n's N8N_WORKFLOW_PUBLICATION_OUTBOX_LEASE_SECONDS (n8n stops waiting after 0.7 × its value).`,
		);
	}
}

/**
 * After a delivery is answered: sets up projects the publish had no time for, for at most
 * `budgetMs`, one delivery at a time per trigger in this process. Each project's hook list is read
 * first, so a set-up that another n8n process already did is not repeated.
 */
export async function setUpPendingProjects(
	ctx: IWebhookFunctions,
	config: TriggerConfig,
	state: TriggerState,
	url: string,
	budgetMs = SET_UP_PER_DELIVERY_MS,
): Promise<{ setUp: number; left: number }> {
	const pending = [...(state.pendingProjects ?? [])];
	if (!pending.length || !acceptedHashes(state).length || !claimSetUp(ctx, state)) return { setUp: 0, left: pending.length };
	try {
		const s: SyncContext = { ctx, config, state, url, secret: await currentSecret(ctx, state) };
		const { succeeded, notReached } = await syncSome(s, pending, true, Date.now() + budgetMs);
		const left = new Set(notReached);
		for (const projectId of pending) if (!left.has(projectId)) settleProject(ctx, state, projectId);
		if (!state.pendingProjects?.length) delete state.pendingProjects;
		return { setUp: succeeded, left: notReached.length };
	} finally {
		releaseSetUp(ctx, state);
	}
}

/** checkExists for all projects: repairs drift against Procore and reports whether it could. */
export async function reconcile(ctx: IHookFunctions, config: TriggerConfig, state: TriggerState, url: string): Promise<boolean> {
	const deadlineAt = Date.now() + config.publishTimeLimitSeconds * 1000;
	dropJournal(ctx, state);
	if (state.scopeKey !== scopeKeyOf(config) || state.webhookUrl !== url || !acceptedHashes(state).length || !state.companyHookId) {
		return false;
	}
	const companyScope: HookScope = { companyId: config.companyId };
	const hook = await getHook(ctx, companyScope, state.companyHookId);
	if (!hook || hook.destination_url !== url) return false;
	// A re-activated company hook gets a fresh secret; hooks set up now get the current one.
	const secret = hook.status === 'disabled' ? await rotateSecret(ctx, state, false) : await currentSecret(ctx, state);
	if (hook.status === 'disabled') {
		await updateHook(ctx, companyScope, state.companyHookId, {
			authorization: authorizationFor(secret),
			payloadVersion: config.payloadVersion,
		});
	}
	const wanted = companyTriggers(config);
	if (Number(hook.trigger_count) !== wanted.length) await syncTriggers(ctx, companyScope, state.companyHookId, wanted);
	try {
		await syncProjects({ ctx, config, state, url, secret }, true, deadlineAt);
	} catch (error) {
		throw asNodeError(ctx, explainWebhookError(error));
	}
	warnAboutProjectsWithoutHook(ctx, config, state);
	return true;
}

export async function unpublish(ctx: IHookFunctions, config: TriggerConfig, state: TriggerState, url: string): Promise<void> {
	const companyId = state.companyId ?? config.companyId;
	mergeJournal(ctx, state);
	dropJournal(ctx, state);
	let projectHooks = { ...state.projectHooks };
	let companyHookId = state.companyHookId;
	if (!companyHookId) {
		// A publish that failed half-way stored nothing: find what it left by URL.
		companyHookId = (await findOwnHook(ctx, { companyId }, config.namespace, url))?.id as string | undefined;
		projectHooks = {};
	}
	// A project hook set up after publishing by another n8n process (a webhook process, another
	// main: their journals are per process and static data is last-write-wins), or by a delivery
	// whose static data was never saved (a crash), may be missing here: every matching project
	// without a known hook is looked up by URL, so none is left behind (issue 22, finding 9).
	const unknown = new Set([...(await matchingProjects(ctx, config)), ...(state.pendingProjects ?? [])]);
	for (const projectId of unknown) {
		if (projectHooks[projectId]) continue;
		const hook = await findOwnHook(ctx, { companyId, projectId }, config.namespace, url);
		if (hook) projectHooks[projectId] = String(hook.id);
	}
	// One hook that cannot be deleted (a timeout, a 5xx) must not stop the others: with hundreds of
	// projects a single failure used to leave most hooks behind in Procore (seen with 500 projects).
	const left: Record<string, string> = {};
	const reasons: string[] = [];
	await forEachLimit(Object.entries(projectHooks), CONCURRENCY, async ([projectId, hookId]) => {
		try {
			await deleteHook(ctx, { companyId, projectId }, hookId);
		} catch (error) {
			left[projectId] = hookId;
			reasons.push(`project ${projectId}: ${(error as Error).message}`);
		}
	});
	if (companyHookId) await deleteHook(ctx, { companyId }, String(companyHookId));
	if (reasons.length) {
		// Kept so that unpublishing again (or the next publish) retries exactly these.
		state.projectHooks = left;
		throw new NodeOperationError(ctx.getNode(), `${reasons.length} project hook(s) could not be deleted from Procore`, {
			description: `Every other hook was deleted. Unpublish again to retry these. First failure: ${reasons[0]}`,
		});
	}
}
