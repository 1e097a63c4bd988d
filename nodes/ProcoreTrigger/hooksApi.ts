import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ProcoreContext } from '../Procore/transport';
import { asDataObject, procoreApiRequest, procoreApiRequestAllItems, procoreRequest } from '../Procore/transport';

/**
 * Procore's Webhooks API v2.0, the one the trigger uses: the scope sits in the path, ids are
 * strings, `payload_version` is an explicit field (v1.0 only documents "v2"), a hook can be read
 * by id (what checkExists needs) and the list can report `trigger_count` (what lets a restart skip
 * listing the triggers of every healthy hook).
 */
export interface HookScope {
	companyId: string;
	/** Set for a project hook; absent for a company hook. */
	projectId?: string;
}

export interface TriggerSpec {
	resource_name: string;
	event_type: string;
}

/** Procore's cap on triggers per bulk call. */
export const MAX_TRIGGERS_PER_CALL = 500;

export function scopeLabel(scope: HookScope): string {
	return scope.projectId ? `project ${scope.projectId}` : `company ${scope.companyId}`;
}

/** Ids may come from a delivery (All Projects' Projects events): each is encoded into the path. */
function base(scope: HookScope): string {
	const company = encodeURIComponent(scope.companyId);
	return scope.projectId
		? `/rest/v2.0/companies/${company}/projects/${encodeURIComponent(scope.projectId)}/webhooks`
		: `/rest/v2.0/companies/${company}/webhooks`;
}

export function triggerKey(t: { resource_name?: unknown; event_type?: unknown }): string {
	return `${String(t.resource_name ?? '')}|${String(t.event_type ?? '')}`;
}

/** Errors from the transport are already NodeApiError/NodeOperationError; anything else is wrapped. */
export function asNodeError(ctx: ProcoreContext, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error);
}

export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

function dataOf(body: unknown): IDataObject {
	const data = asDataObject(body).data;
	return asDataObject(data ?? body);
}

/** Hooks of one scope in a namespace, with their trigger counts. */
export async function listHooks(ctx: ProcoreContext, scope: HookScope, namespace: string): Promise<IDataObject[]> {
	return await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: `${base(scope)}/hooks`,
		qs: { namespace, include_trigger_count: true },
		companyId: scope.companyId,
	});
}

/** One hook, or undefined when Procore no longer has it (deleted in Procore's Webhooks tool). */
export async function getHook(ctx: ProcoreContext, scope: HookScope, hookId: string): Promise<IDataObject | undefined> {
	try {
		const body = await procoreApiRequest.call(ctx, {
			method: 'GET',
			path: `${base(scope)}/hooks/${encodeURIComponent(hookId)}`,
			companyId: scope.companyId,
		});
		return dataOf(body);
	} catch (error) {
		if (isNotFound(error)) return undefined;
		throw asNodeError(ctx, error);
	}
}

export async function createHook(
	ctx: ProcoreContext,
	scope: HookScope,
	hook: { namespace: string; payloadVersion: string; url: string; authorization: string },
): Promise<IDataObject> {
	const body = await procoreApiRequest.call(ctx, {
		method: 'POST',
		path: `${base(scope)}/hooks`,
		body: {
			namespace: hook.namespace,
			payload_version: hook.payloadVersion,
			destination_url: hook.url,
			destination_headers: { Authorization: hook.authorization },
		},
		companyId: scope.companyId,
		// Procore's 422 echoes the submitted hook: its secret must not reach the error.
		secrets: secretsOf(hook.authorization),
	});
	const created = dataOf(body);
	if (created.id === undefined || created.id === null || String(created.id).trim() === '') {
		// Stored as the hook "undefined", it would be used in paths (issue 22, finding 9).
		throw new NodeOperationError(ctx.getNode(), `Procore created a webhook hook in ${scopeLabel(scope)} but returned no hook id`, {
			description: 'Nothing was stored. Publish again: the hook is found by its URL and reused. If it persists, check the Webhooks tool in Procore.',
		});
	}
	return created;
}

/** The Authorization value and its bare secret, for redaction. */
function secretsOf(authorization: string): string[] {
	return [authorization, authorization.replace(/^Bearer\s+/i, '')];
}

/** Sets a new Authorization header (and payload version) on a reused hook: Procore never returns the old one. */
export async function updateHook(
	ctx: ProcoreContext,
	scope: HookScope,
	hookId: string,
	changes: { authorization: string; payloadVersion: string },
): Promise<void> {
	await procoreApiRequest.call(ctx, {
		method: 'PATCH',
		path: `${base(scope)}/hooks/${encodeURIComponent(hookId)}`,
		body: {
			payload_version: changes.payloadVersion,
			destination_headers: { Authorization: changes.authorization },
			status: 'active',
		},
		companyId: scope.companyId,
		secrets: secretsOf(changes.authorization),
	});
}

/** Deletes a hook; a hook already gone counts as deleted. Procore deletes its triggers with it. */
export async function deleteHook(ctx: ProcoreContext, scope: HookScope, hookId: string): Promise<void> {
	try {
		await procoreRequest.call(ctx, {
			method: 'DELETE',
			path: `${base(scope)}/hooks/${encodeURIComponent(hookId)}`,
			companyId: scope.companyId,
		});
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError(ctx, error);
	}
}

export async function listTriggers(ctx: ProcoreContext, scope: HookScope, hookId: string): Promise<IDataObject[]> {
	return await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: `${base(scope)}/hooks/${encodeURIComponent(hookId)}/triggers`,
		companyId: scope.companyId,
	});
}

function failuresOf(body: unknown): string[] {
	const data = asDataObject(body);
	const failed = data.failed ?? asDataObject(data.data).failed ?? data.errors;
	if (!Array.isArray(failed)) return [];
	return failed.map((f) => {
		const entry = asDataObject(f);
		const trigger = asDataObject(entry.trigger ?? entry);
		const reason = entry.message ?? entry.errors ?? entry.error ?? entry.code ?? 'rejected';
		return `${String(trigger.resource_name ?? '?')} ${String(trigger.event_type ?? '?')}: ${typeof reason === 'string' ? reason : JSON.stringify(reason)}`;
	});
}

/** Creates triggers in calls of at most 500; a partial (207) result fails with Procore's reasons. */
export async function bulkCreateTriggers(
	ctx: ProcoreContext,
	scope: HookScope,
	hookId: string,
	triggers: TriggerSpec[],
): Promise<string[]> {
	const ids: string[] = [];
	for (const batch of chunks(triggers, MAX_TRIGGERS_PER_CALL)) {
		const response = await procoreRequest.call(ctx, {
			method: 'POST',
			path: `${base(scope)}/hooks/${encodeURIComponent(hookId)}/triggers/bulk`,
			body: batch as unknown as IDataObject[],
			companyId: scope.companyId,
		});
		const created = asDataObject(response.body).data ?? asDataObject(response.body).success;
		if (Array.isArray(created)) ids.push(...created.map((t) => String(asDataObject(t).id ?? t)));
		const failures = failuresOf(response.body);
		if (response.statusCode === 207 || failures.length) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Procore refused ${failures.length || 'some'} trigger(s) on ${scopeLabel(scope)}${failures.length ? `: ${failures.join('; ')}` : ''}`,
				{
					description:
						'Remove the resource/event pairs Procore cannot subscribe to from "Resources" and "Events" (some resources have no delete or update events; the list in the node is read from Procore for the chosen scope).',
				},
			);
		}
	}
	return ids;
}

export async function bulkDeleteTriggers(
	ctx: ProcoreContext,
	scope: HookScope,
	hookId: string,
	triggerIds: string[],
): Promise<void> {
	for (const batch of chunks(triggerIds, MAX_TRIGGERS_PER_CALL)) {
		try {
			await procoreRequest.call(ctx, {
				method: 'DELETE',
				path: `${base(scope)}/hooks/${encodeURIComponent(hookId)}/triggers/bulk`,
				body: batch as unknown as IDataObject[],
				companyId: scope.companyId,
			});
		} catch (error) {
			if (!isNotFound(error)) throw asNodeError(ctx, error);
		}
	}
}

/**
 * Makes a hook's triggers exactly the wanted set: adds what is missing, removes what is not wanted.
 * Returns the ids of the hook's triggers afterwards.
 */
export async function syncTriggers(
	ctx: ProcoreContext,
	scope: HookScope,
	hookId: string,
	wanted: TriggerSpec[],
	existing?: IDataObject[],
): Promise<string[]> {
	const current = existing ?? (await listTriggers(ctx, scope, hookId));
	const wantedKeys = new Set(wanted.map(triggerKey));
	const keep: IDataObject[] = [];
	const stale: IDataObject[] = [];
	const keptKeys = new Set<string>();
	for (const trigger of current) {
		const key = triggerKey(trigger);
		// Unwanted pairs and duplicates of a kept pair both go.
		if (wantedKeys.has(key) && !keptKeys.has(key)) {
			keep.push(trigger);
			keptKeys.add(key);
		} else {
			stale.push(trigger);
		}
	}
	const missing = wanted.filter((t) => !keptKeys.has(triggerKey(t)));
	if (stale.length) await bulkDeleteTriggers(ctx, scope, hookId, stale.map((t) => String(t.id)));
	const created = missing.length ? await bulkCreateTriggers(ctx, scope, hookId, missing) : [];
	return [...keep.map((t) => String(t.id)), ...created];
}
