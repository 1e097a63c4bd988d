import type { INodeProperties } from 'n8n-workflow';

import { companyLocator, projectLocator } from '../Procore/actions/common.descriptions';
import { DEFAULT_NAMESPACE, DEFAULT_PUBLISH_TIME_LIMIT_SECONDS } from './config';
import { RETIRED_EVENTS } from './retiredEvents';

const allProjectsOnly = { show: { scope: ['allProjects'] } };

/**
 * n8n 2.41 checks every locator's regex validation before each execution, in a sandbox with a
 * 250 ms timeout; on a starved CPU that check timed out after n8n had acknowledged the delivery and
 * the event was lost (2 of 1,000 in the webhook-burst benchmark). The trigger validates its IDs in
 * code when it publishes (getCompanyId / getProjectId), so its locators carry no regex.
 */
function withoutRegexValidation(locator: INodeProperties): INodeProperties {
	return {
		...locator,
		modes: locator.modes?.map((mode) => {
			const copy = { ...mode };
			delete copy.validation;
			return copy;
		}),
	};
}

export const properties: INodeProperties[] = [
	{
		displayName:
			'Procore calls this workflow\'s Production URL, so n8n must be reachable from the internet: if n8n runs on localhost or 127.0.0.1, set the N8N_WEBHOOK_URL environment variable to its public HTTPS address. Publishing registers the hook in Procore; the app needs the "Webhooks API" permission (Company Admin > App Management).',
		name: 'reachabilityNotice',
		type: 'notice',
		default: '',
	},
	withoutRegexValidation(companyLocator),
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'All Projects',
				value: 'allProjects',
				description: 'Events of project tools in every project of the company, including projects created or activated later (one hook per project)',
			},
			{
				name: 'One Project',
				value: 'project',
				description: 'Events of project tools (RFIs, Change Events, Submittals…) in one project',
			},
			{
				name: 'Whole Company',
				value: 'company',
				description: 'Events of company tools (Projects, Company Vendors, Company Users, Company Insurances…)',
			},
		],
		default: 'project',
	},
	{ ...withoutRegexValidation(projectLocator), displayOptions: { show: { scope: ['project'] } } },
	{
		displayName:
			'All Projects registers one Procore hook per project plus one company hook on Projects that adds a hook to each new or re-activated project and removes it from archived ones. Publishing Cost below shows what publishing takes for this company.',
		name: 'allProjectsNotice',
		type: 'notice',
		default: '',
		displayOptions: allProjectsOnly,
	},
	{
		displayName: 'Projects',
		name: 'projectStatus',
		type: 'options',
		options: [
			{ name: 'Active and Inactive Projects', value: 'all' },
			{ name: 'Active Projects', value: 'active', description: 'Active projects; a project gets its hook when activated and loses it when archived' },
		],
		default: 'active',
		displayOptions: allProjectsOnly,
	},
	{
		displayName: 'Only Project Names or IDs',
		name: 'projectIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCompanyProjects', loadOptionsDependsOn: ['company.value'] },
		default: [],
		description:
			'Limit All Projects to these projects (comma-separated IDs by expression). Leave empty for every matching project. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: allProjectsOnly,
	},
	{
		displayName: 'Publish Time Limit (Seconds)',
		name: 'publishTimeLimit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_PUBLISH_TIME_LIMIT_SECONDS,
		description:
			'No project hook set-up starts later than this after publishing begins; projects left wait and get their hooks after the next deliveries (up to 10 s of set-up after each) or on the next publish. n8n stops waiting for a publish after 84 s by default, so a larger value helps only when the publication lease of n8n is raised too (see docs/procore-trigger.md in the package repository).',
		displayOptions: allProjectsOnly,
	},
	{
		displayName: 'Publishing Cost Name or ID',
		name: 'publishCost',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'estimatePublishCost',
			loadOptionsDependsOn: ['company.value', 'projectStatus', 'projectIds'],
		},
		default: '',
		description:
			'Computed from the company\'s current projects: how many hooks publishing sets up and what it costs in the Procore rate limit. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: allProjectsOnly,
	},
	{
		displayName: 'Resource Names or IDs',
		name: 'resources',
		type: 'multiOptions',
		typeOptions: {
			loadOptionsMethod: 'getResources',
			loadOptionsDependsOn: ['scope', 'company.value', 'project.value', 'payloadVersion'],
		},
		required: true,
		default: [],
		description:
			'Procore resources to listen to, in Procore\'s own names (e.g. RFIs, Change Events, Timecard Entries), read from Procore for the chosen scope. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		options: [
			{ name: 'Create', value: 'create' },
			{ name: 'Delete', value: 'delete' },
			{ name: 'Update', value: 'update' },
		],
		required: true,
		default: ['create', 'update'],
	},
	{
		// Shown when any retired resource AND Update are chosen (retiredEvents.ts holds the table).
		displayName:
			'Procore stopped Update events on Project Users and Project Vendors on 2026-06-30, so this trigger does not subscribe those two pairs; their Create and Delete events and the other resources are still subscribed. For vendor or user changes, add a Procore Trigger with Scope "Whole Company" on Company Vendors or Company Users, Trigger On Update.',
		name: 'retiredEventsNotice',
		type: 'notice',
		default: '',
		displayOptions: {
			show: {
				resources: RETIRED_EVENTS.filter((r) => r.event_type === 'update').map((r) => r.resource_name),
				events: ['update'],
			},
		},
	},
	{
		displayName: 'Payload Version',
		name: 'payloadVersion',
		type: 'options',
		options: [
			{ name: 'v2.0', value: 'v2.0', description: 'Procore\'s default payload (numeric IDs, event ulid)' },
			{ name: 'v3.0', value: 'v3.0', description: 'Like v2.0, plus related resources (e.g. the Direct Cost of a line item)' },
			{ name: 'v4.0', value: 'v4.0', description: 'New flat schema: string IDs, reason and resource_type; no source application (so no loop guard by app)' },
		],
		default: 'v2.0',
		description: 'The shape Procore sends. The output is the same for all three; IDs are always strings.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fetch Full Record',
				name: 'fetchRecord',
				type: 'boolean',
				default: true,
				description:
					'Whether to read the changed record from Procore and output it as "record" beside the event (on unless turned off, so a test event shows the whole record). The delivery is acknowledged first, so Procore\'s 5-second limit is never at risk; resources the node does not cover, deletes and failed reads give "record_error" instead.',
			},
			{
				displayName: 'Ignore Changes Made by This Integration',
				name: 'ignoreOwnChanges',
				type: 'boolean',
				default: true,
				description:
					'Whether to drop events caused by this credential\'s own app (metadata.source_application_id equals its Client ID), and, with Fetch Full Record, records created by this package (its audit tag). Prevents loops where a workflow writes to Procore and triggers itself. Turn off to see every change. v4.0 payloads carry no source application.',
			},
			{
				displayName: 'Namespace',
				name: 'namespace',
				type: 'string',
				default: DEFAULT_NAMESPACE,
				description:
					'Procore groups an integration\'s hooks by namespace (lowercase a-z, 0-9 and "-" only). Keep the default unless several tools share one Procore app.',
			},
		],
	},
];
