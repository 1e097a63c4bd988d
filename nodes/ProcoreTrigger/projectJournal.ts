import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { registrationKey } from './secret';
import type { TriggerState } from './staticData';

/**
 * All Projects: project hooks this n8n process set up or removed after publishing (deliveries that
 * set up waiting projects, Projects events). Every delivery's execution saves the whole static
 * data when it ends, so two deliveries in flight overwrite each other's changes (last write wins):
 * a hook id lost that way would stay behind in Procore at unpublish. Merging this journal into the
 * state at the start of every delivery and of unpublish keeps every save complete; the journal is
 * dropped when the trigger is published or unpublished.
 */
interface Journal {
	/** project id → hook id (null: the project's hook was removed). */
	hooks: Map<string, string | null>;
	/** Projects no longer waiting for their hook (set up, failed or gone). */
	settled: Set<string>;
	/** A delivery is setting up waiting projects: later ones do not start a second set-up. */
	settingUp: boolean;
}

const journals = new Map<string, Journal>();
const MAX_TRIGGERS_REMEMBERED = 500;

type Ctx = IHookFunctions | IWebhookFunctions;

function keyOf(ctx: Ctx, state: TriggerState): string {
	return registrationKey(ctx, state);
}

function journalOf(ctx: Ctx, state: TriggerState): Journal {
	const key = keyOf(ctx, state);
	let journal = journals.get(key);
	if (!journal) {
		if (journals.size >= MAX_TRIGGERS_REMEMBERED) journals.delete(journals.keys().next().value!);
		journal = { hooks: new Map(), settled: new Set(), settingUp: false };
		journals.set(key, journal);
	}
	return journal;
}

/** Records a project's hook (or its removal, hookId null) in the state and in the journal. */
export function recordProjectHook(ctx: Ctx, state: TriggerState, projectId: string, hookId: string | null): void {
	const hooks = { ...state.projectHooks };
	if (hookId === null) delete hooks[projectId];
	else hooks[projectId] = hookId;
	state.projectHooks = hooks;
	journalOf(ctx, state).hooks.set(projectId, hookId);
}

/** Marks a project as no longer waiting for its hook. */
export function settleProject(ctx: Ctx, state: TriggerState, projectId: string): void {
	if (state.pendingProjects) state.pendingProjects = state.pendingProjects.filter((id) => id !== projectId);
	journalOf(ctx, state).settled.add(projectId);
}

/** Brings a state loaded from the database up to what this process has done since. */
export function mergeJournal(ctx: Ctx, state: TriggerState): void {
	const journal = journals.get(keyOf(ctx, state));
	if (!journal) return;
	if (journal.hooks.size) {
		const hooks = { ...state.projectHooks };
		for (const [projectId, hookId] of journal.hooks) {
			if (hookId === null) delete hooks[projectId];
			else hooks[projectId] = hookId;
		}
		state.projectHooks = hooks;
	}
	if (journal.settled.size && state.pendingProjects) {
		state.pendingProjects = state.pendingProjects.filter((id) => !journal.settled.has(id));
	}
}

/** Claims the one set-up of waiting projects per trigger and process; false when one is running. */
export function claimSetUp(ctx: Ctx, state: TriggerState): boolean {
	const journal = journalOf(ctx, state);
	if (journal.settingUp) return false;
	journal.settingUp = true;
	return true;
}

export function releaseSetUp(ctx: Ctx, state: TriggerState): void {
	const journal = journals.get(keyOf(ctx, state));
	if (journal) journal.settingUp = false;
}

/** Publish and unpublish start from the stored state again. */
export function dropJournal(ctx: Ctx, state: TriggerState): void {
	journals.delete(keyOf(ctx, state));
}
