import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../common.descriptions';
import { readLines, totalCents } from './body';
import { fromCents } from './money';

export const changeEventLocator = recordLocator({
	name: 'changeEventId',
	displayName: 'Change Event',
	searchListMethod: 'searchChangeEvents',
	urlPattern: 'change_events/(?:events/)?([0-9]+)',
	description: 'The Change Event. Pick it from the list, enter its ID, or paste its URL from Procore.',
});

/**
 * A lookup the user can pick from a list, or type as an ID or a name ("Pending", "Owner Request"):
 * names are what a person and an AI agent know; they are matched against Procore's list at run time.
 */
export function lookupLocator(options: {
	name: string;
	displayName: string;
	searchListMethod: string;
	placeholder: string;
	description: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{ displayName: 'By ID or Name', name: 'id', type: 'string', placeholder: options.placeholder },
		],
	};
}

export const statusLookup = lookupLocator({
	name: 'status',
	displayName: 'Status',
	searchListMethod: 'searchChangeEventStatuses',
	placeholder: 'e.g. Open, Pending, Closed or an ID',
	description:
		'The Change Event status (the project\'s Open, Pending or Closed). Empty: Procore\'s default status when the Change Event is created, unchanged when it is updated.',
});

export const reasonLookup = lookupLocator({
	name: 'reason',
	displayName: 'Change Reason',
	searchListMethod: 'searchChangeReasons',
	placeholder: 'e.g. Owner Request or an ID',
	description: 'Why the change happened (the company\'s change reasons)',
});

export const changeTypeLookup = lookupLocator({
	name: 'changeType',
	displayName: 'Change Type',
	searchListMethod: 'searchChangeTypes',
	placeholder: 'e.g. Owner Change or an ID',
	description: 'The company\'s configurable Change Event type',
});

export const scopeOptions = [
	{ name: 'In Scope', value: 'in_scope' },
	{ name: 'Out of Scope', value: 'out_of_scope' },
	{ name: 'TBD', value: 'tbd' },
];

export const eventTypeOptions = [
	{ name: 'Allowance', value: 'allowance' },
	{ name: 'Contingency', value: 'contingency' },
	{ name: 'Owner Change', value: 'owner_change' },
	{ name: 'TBD', value: 'tbd' },
	{ name: 'Transfer', value: 'transfer' },
];

/** What "Simplified" keeps of a Change Event (`total` and `line_count` are added by us). */
export const CHANGE_EVENT_FIELDS = [
	'id',
	'number',
	'title',
	'status',
	'change_event_status.name',
	'event_scope',
	'change_order_change_reason.change_reason',
	'origin_id',
	'total',
	'line_count',
];

/** Adds `total` (sum of the lines' estimated cost) and `line_count`, which Procore does not return. */
export function withTotals(changeEvent: IDataObject): IDataObject {
	if (!Array.isArray(changeEvent.change_event_line_items)) return changeEvent;
	const lines = readLines(changeEvent);
	return { ...changeEvent, total: fromCents(totalCents(lines)), line_count: lines.length };
}
