import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger keeps in the node's static data. The keys are stable (end-to-end tests and
 * support read them) and the content stays small: ids and one secret, never payloads.
 */
export interface TriggerState extends IDataObject {
	/** "company:<id>", "project:<id>" or "allProjects:<companyId>": what the stored ids belong to. */
	scopeKey?: string;
	companyId?: string;
	/** The shared secret Procore echoes in the Authorization header of every delivery. */
	secret?: string;
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
