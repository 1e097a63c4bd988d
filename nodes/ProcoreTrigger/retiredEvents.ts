import type { TriggerSpec } from './hooksApi';

/**
 * Resource/event pairs Procore has retired: the trigger never subscribes them (whether Procore
 * now refuses such a trigger or accepts it and never delivers is UNCONFIRMED, so neither is asked).
 * The other pairs of the same choice are still subscribed. One row per pair, in Procore's words.
 */
export interface RetiredEvent {
	resource_name: string;
	event_type: string;
	/** The day Procore stopped sending it. */
	since: string;
	/** What Procore says to use instead. */
	instead: string;
	source: string;
}

const FANOUT_MIGRATION = 'Procore Developers, announcements: Webhook fan-out migration';

export const RETIRED_EVENTS: RetiredEvent[] = [
	{ resource_name: 'Project Users', event_type: 'update', since: '2026-06-30', instead: 'Company Users update (Scope: Whole Company)', source: FANOUT_MIGRATION },
	{ resource_name: 'Project Vendors', event_type: 'update', since: '2026-06-30', instead: 'Company Vendors update (Scope: Whole Company)', source: FANOUT_MIGRATION },
];

export function retiredEventOf(spec: TriggerSpec): RetiredEvent | undefined {
	return RETIRED_EVENTS.find((r) => r.resource_name === spec.resource_name && r.event_type === spec.event_type);
}

/** One sentence per retired pair, for errors and logs. */
export function describeRetired(retired: RetiredEvent): string {
	return `Procore stopped "${retired.resource_name}" ${retired.event_type} events on ${retired.since}; use ${retired.instead}`;
}
