import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger keeps in the node's static data. The keys are stable (end-to-end tests and
 * support read them) and the content stays small: ids and secret hashes, never a secret or a payload.
 */
export interface TriggerState extends IDataObject {
	/** "company:<id>", "project:<id>" or "allProjects:<companyId>": what the stored ids belong to. */
	scopeKey?: string;
	companyId?: string;
	/** Before issue 22 the plain secret was stored here; read only to accept hooks written then. */
	secret?: string;
	/** SHA-256 (hex) of each Authorization value our hooks carry (secret.ts); never the secret. */
	secretHashes?: string[];
	/** Random id of this registration: with the credential it derives the hook secret (secret.ts). */
	registrationId?: string;
	/** Bumped whenever a hook is written again, so it gets a fresh secret. */
	secretGeneration?: number;
	/** The URL the hooks deliver to (this workflow's production or test URL). */
	webhookUrl?: string;
	/** Single-scope mode: the hook and its trigger ids. */
	hookId?: string;
	triggerIds?: string[];
	/** All-projects mode: the company hook that reports new, activated and archived projects. */
	companyHookId?: string;
	/** All-projects mode: project id → hook id. */
	projectHooks?: Record<string, string>;
	/** All-projects mode: project id → why its hook could not be set up (retried on restart). */
	failedProjects?: Record<string, string>;
	/** All-projects mode: projects the publish had no time for; set up after the next deliveries. */
	pendingProjects?: string[];
	/** Recent event keys with the second they were first seen (deduplication window). */
	recentEvents?: Array<[string, number]>;
	/** Set when the webhook URL is one Procore cannot reach (localhost). */
	urlWarning?: string;
}

export const STATE_KEYS: Array<keyof TriggerState> = [
	'scopeKey',
	'companyId',
	'secret',
	'secretHashes',
	'registrationId',
	'secretGeneration',
	'webhookUrl',
	'hookId',
	'triggerIds',
	'companyHookId',
	'projectHooks',
	'failedProjects',
	'pendingProjects',
	'urlWarning',
];

/** Forgets the registration (on unpublish); the deduplication window survives re-publishing. */
export function clearRegistration(state: TriggerState): void {
	for (const key of STATE_KEYS) delete state[key];
}
