import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as allProjects from './allProjects';
import { assertAllProjectsConfig } from './allProjectsScope';
import type { TriggerConfig } from './config';
import { assertSubscribable, hookScopeOf, readConfig, retiredChosen, retiredNote, scopeKeyOf, wantedTriggers } from './config';
import { explainWebhookError, unreachableUrlWarning } from './errors';
import type { HookScope } from './hooksApi';
import { asNodeError, bulkDeleteTriggers, deleteHook, getHook, syncTriggers, updateHook } from './hooksApi';
import { ensureHook, findOwnHook } from './hookSetup';
import { acceptedHashes, authorizationFor, currentSecret, newRegistration, rotateSecret } from './secret';
import type { TriggerState } from './staticData';
import { clearRegistration } from './staticData';

/**
 * n8n's webhook lifecycle (2.41): on publish and on every restart it calls checkExists and, only if
 * that returns false, create; on unpublish (and before publishing a changed version) it calls
 * delete. checkExists asks Procore, so a hook deleted in Procore's Webhooks tool is recreated and
 * missing triggers are re-added on the next restart or re-publish.
 */
export function stateOf(ctx: IHookFunctions): TriggerState {
	return ctx.getWorkflowStaticData('node') as TriggerState;
}

export function webhookUrlOf(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) {
		throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for this trigger');
	}
	return url;
}

/** Logs (and records in static data) that Procore cannot reach a localhost URL, without blocking. */
export function warnIfUnreachable(ctx: IHookFunctions, state: TriggerState, url: string): void {
	const warning = unreachableUrlWarning(url);
	if (warning) {
		ctx.logger.warn(`Procore Trigger "${ctx.getNode().name}": ${warning}`);
		state.urlWarning = warning;
	} else {
		delete state.urlWarning;
	}
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const config = await readConfig(this);
	const state = stateOf(this);
	const url = webhookUrlOf(this);
	if (config.scope === 'allProjects') return await allProjects.reconcile(this, config, state, url);
	if (!state.hookId || !acceptedHashes(state).length || state.scopeKey !== scopeKeyOf(config) || state.webhookUrl !== url) return false;
	const scope = hookScopeOf(config);
	const hook = await getHook(this, scope, state.hookId);
	if (!hook || hook.destination_url !== url) {
		clearRegistration(state);
		return false;
	}
	// A plain secret stored before hashing (issue 22) is replaced by a derived one, hashed.
	if (hook.status === 'disabled' || (hook.payload_version && hook.payload_version !== config.payloadVersion) || state.secret) {
		// Procore disables a hook after repeated delivery failures; publishing means "deliver again".
		// The hook is written again, so it gets a fresh secret (only its hash is kept).
		await updateHook(this, scope, state.hookId, {
			authorization: authorizationFor(await rotateSecret(this, state, true)),
			payloadVersion: config.payloadVersion,
		});
	}
	// The hook is there: make its triggers exactly the chosen ones again (repairs edits in Procore).
	state.triggerIds = await syncTriggers(this, scope, state.hookId, wantedTriggers(config));
	return true;
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const config = await readConfig(this);
	assertSubscribable(this, config);
	const state = stateOf(this);
	const url = webhookUrlOf(this);
	warnIfUnreachable(this, state, url);
	const retired = retiredChosen(config);
	if (retired.length) this.logger.warn(`Procore Trigger "${this.getNode().name}" leaves out retired events: ${retiredNote(retired)}`);
	try {
		if (config.scope === 'allProjects') {
			assertAllProjectsConfig(this, config);
			await allProjects.publish(this, config, state, url);
			return true;
		}
		// A new registration: the hook gets a fresh secret, of which only the hash is stored.
		newRegistration(state);
		const secret = await currentSecret(this, state);
		const { hookId, triggerIds } = await ensureHook(this, hookScopeOf(config), config, {
			url,
			secret,
			wanted: wantedTriggers(config),
		});
		Object.assign(state, {
			scopeKey: scopeKeyOf(config),
			companyId: config.companyId,
			webhookUrl: url,
			hookId,
			triggerIds,
		});
		return true;
	} catch (error) {
		throw asNodeError(this, explainWebhookError(error));
	}
}

export async function remove(this: IHookFunctions): Promise<boolean> {
	const state = stateOf(this);
	let config: TriggerConfig;
	try {
		config = await readConfig(this);
	} catch (error) {
		this.logger.warn(`Procore Trigger: could not read its parameters to remove its hooks: ${(error as Error).message}`);
		return false;
	}
	const url = state.webhookUrl ?? webhookUrlOf(this);
	try {
		if (config.scope === 'allProjects') {
			await allProjects.unpublish(this, config, state, url);
		} else {
			const scope: HookScope = state.companyId ? scopeFromState(state, config) : hookScopeOf(config);
			// Without stored ids (a publish that failed half-way) the hook is found by its URL.
			const hookId = state.hookId ?? (await findOwnHook(this, scope, config.namespace, url))?.id;
			if (hookId !== undefined) {
				if (state.triggerIds?.length) await bulkDeleteTriggers(this, scope, String(hookId), state.triggerIds);
				await deleteHook(this, scope, String(hookId));
			}
		}
	} catch (error) {
		this.logger.error(`Procore Trigger: could not remove its webhook from Procore: ${(error as Error).message}`);
		return false;
	}
	clearRegistration(state);
	return true;
}

function scopeFromState(state: TriggerState, config: TriggerConfig): HookScope {
	const [kind, id] = String(state.scopeKey ?? '').split(':');
	const companyId = state.companyId ?? config.companyId;
	return kind === 'project' && id ? { companyId, projectId: id } : { companyId };
}
