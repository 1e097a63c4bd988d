import type { IDataObject } from 'n8n-workflow';

import type { ProcoreContext } from '../Procore/transport';
import type { TriggerConfig } from './config';
import type { HookScope, TriggerSpec } from './hooksApi';
import { createHook, deleteHook, listHooks, syncTriggers, updateHook } from './hooksApi';
import { authorizationFor } from './secret';

/** Finds our hook in a scope (same namespace, same URL); extra copies are deleted. */
export async function findOwnHook(
	ctx: ProcoreContext,
	scope: HookScope,
	namespace: string,
	url: string,
): Promise<IDataObject | undefined> {
	const ours = (await listHooks(ctx, scope, namespace)).filter((h) => h.destination_url === url);
	for (const duplicate of ours.slice(1)) await deleteHook(ctx, scope, String(duplicate.id));
	return ours[0];
}

/** Creates or reuses the hook of a scope with a fresh secret and exactly the wanted triggers. */
export async function ensureHook(
	ctx: ProcoreContext,
	scope: HookScope,
	config: TriggerConfig,
	options: {
		url: string;
		secret: string;
		wanted: TriggerSpec[];
		/** The hook found already (null: known to be absent; undefined: look it up). */
		existing?: IDataObject | null;
		/** The existing hook already carries this secret (we created it with it). */
		secretKnown?: boolean;
	},
): Promise<{ hookId: string; triggerIds: string[] }> {
	const existing =
		options.existing === undefined ? await findOwnHook(ctx, scope, config.namespace, options.url) : options.existing;
	const authorization = authorizationFor(options.secret);
	if (existing) {
		const hookId = String(existing.id);
		const payloadMatches = !existing.payload_version || existing.payload_version === config.payloadVersion;
		if (!options.secretKnown || !payloadMatches || existing.status === 'disabled') {
			// Procore only shows the last characters of the old header, so a reused hook gets the new secret.
			await updateHook(ctx, scope, hookId, { authorization, payloadVersion: config.payloadVersion });
		}
		return { hookId, triggerIds: await syncTriggers(ctx, scope, hookId, options.wanted) };
	}
	const hook = await createHook(ctx, scope, {
		namespace: config.namespace,
		payloadVersion: config.payloadVersion,
		url: options.url,
		authorization,
	});
	const hookId = String(hook.id);
	return { hookId, triggerIds: await syncTriggers(ctx, scope, hookId, options.wanted, []) };
}
