/**
 * What `GET …/webhooks/resources` lists, per scope. From a third-party sandbox dump (2026-02-24,
 * procore-api.md §2.6; UNCONFIRMED as authoritative). `except` lists events a resource cannot send.
 */
type Ev = 'create' | 'update' | 'delete';
interface Entry {
	name: string;
	category: string;
	tool: string;
	except?: Ev[];
}

export const COMPANY_RESOURCES: Entry[] = [
	{ name: 'Bids', category: 'Preconstruction', tool: 'Bidding', except: ['create', 'delete'] },
	{ name: 'Change Order Change Reasons', category: 'Financial Management', tool: 'Admin' },
	{ name: 'Change Types', category: 'Financial Management', tool: 'Admin' },
	{ name: 'Company File Versions', category: 'Core', tool: 'Documents' },
	{ name: 'Company Files', category: 'Core', tool: 'Documents' },
	{ name: 'Company Folders', category: 'Core', tool: 'Documents' },
	{ name: 'Company Insurances', category: 'Core', tool: 'Directory' },
	{ name: 'Company Users', category: 'Core', tool: 'Directory', except: ['delete'] },
	{ name: 'Company Vendors', category: 'Core', tool: 'Directory', except: ['delete'] },
	{ name: 'Departments', category: 'Core', tool: 'Admin' },
	{
		name: 'ERP Requests',
		category: 'Financial Management',
		tool: 'ERP Integrations',
		except: ['update', 'delete'],
	},
	{ name: 'Form Templates', category: 'Project Management', tool: 'Forms' },
	{ name: 'Line Item Types', category: 'Financial Management', tool: 'Admin' },
	{ name: 'Offices', category: 'Core', tool: 'Admin' },
	{ name: 'Programs', category: 'Core', tool: 'Portfolio' },
	{ name: 'Project Bid Types', category: 'Core', tool: 'Admin' },
	{ name: 'Project Owner Types', category: 'Core', tool: 'Admin' },
	{ name: 'Project Regions', category: 'Core', tool: 'Admin' },
	{ name: 'Project Stages', category: 'Core', tool: 'Admin' },
	{ name: 'Project Types', category: 'Core', tool: 'Admin' },
	{ name: 'Projects', category: 'Core', tool: 'Portfolio', except: ['delete'] },
	{
		name: 'Standard Cost Code Lists',
		category: 'Financial Management',
		tool: 'Admin',
		except: ['update', 'delete'],
	},
	{ name: 'Standard Cost Codes', category: 'Financial Management', tool: 'Admin' },
	{
		name: 'Timecard Time Types',
		category: 'Workforce Management',
		tool: 'Timesheets',
		except: ['update'],
	},
	{ name: 'Trades', category: 'Core', tool: 'Admin', except: ['update'] },
];

const p = (name: string, category: string, tool: string, except?: Ev[]): Entry => ({
	name,
	category,
	tool,
	except,
});
export const PROJECT_RESOURCES: Entry[] = [
	p('RFIs', 'Project Management', 'RFIs'),
	p('RFI Replies', 'Project Management', 'RFIs'),
	p('Submittals', 'Project Management', 'Submittals'),
	p('Submittal Packages', 'Project Management', 'Submittals'),
	p('Daily Logs', 'Project Management', 'Daily Log'),
	p('Manpower Logs', 'Project Management', 'Daily Log'),
	p('Notes Logs', 'Project Management', 'Daily Log'),
	p('Work Logs', 'Project Management', 'Daily Log'),
	p('Delivery Logs', 'Project Management', 'Daily Log'),
	p('Weather Logs', 'Project Management', 'Daily Log'),
	p('Accident Logs', 'Project Management', 'Daily Log'),
	p('Equipment Logs', 'Project Management', 'Daily Log'),
	p('Visitor Logs', 'Project Management', 'Daily Log'),
	p('Change Events', 'Financial Management', 'Change Events'),
	p('Change Event Line Items', 'Financial Management', 'Change Events'),
	p('Change Order Packages', 'Financial Management', 'Change Orders'),
	p('Change Order Requests', 'Financial Management', 'Change Orders'),
	p('Potential Change Orders', 'Financial Management', 'Change Orders'),
	p('Potential Change Order Line Items', 'Financial Management', 'Change Orders'),
	p('Budget Line Items', 'Financial Management', 'Budget'),
	p('Budget Changes', 'Financial Management', 'Budget'),
	p('Budget Modifications', 'Financial Management', 'Budget'),
	p('Budget View Snapshots', 'Financial Management', 'Budget', ['update', 'delete']),
	p('Purchase Order Contracts', 'Financial Management', 'Commitments'),
	p('Purchase Order Contract Line Items', 'Financial Management', 'Commitments'),
	p('Work Order Contracts', 'Financial Management', 'Commitments'),
	p('Work Order Contract Line Items', 'Financial Management', 'Commitments'),
	p('Prime Contracts', 'Financial Management', 'Prime Contracts'),
	p('Prime Contract Line Items', 'Financial Management', 'Prime Contracts'),
	p('Contract Payments', 'Financial Management', 'Commitments'),
	p('Payment Applications', 'Financial Management', 'Prime Contracts'),
	p('Direct Costs', 'Financial Management', 'Direct Costs'),
	p('Direct Cost Line Items', 'Financial Management', 'Direct Costs'),
	p('Project Files', 'Core', 'Documents'),
	p('Project File Versions', 'Core', 'Documents'),
	p('Project Folders', 'Core', 'Documents'),
	p('Drawings', 'Project Management', 'Drawings'),
	p('Drawing Sets', 'Project Management', 'Drawings'),
	p('Drawing Uploads', 'Project Management', 'Drawings'),
	p('Drawing Areas', 'Project Management', 'Drawings'),
	p('Specification Sections', 'Project Management', 'Specifications', ['delete']),
	p('Specification Section Revisions', 'Project Management', 'Specifications'),
	p('Specification Sets', 'Project Management', 'Specifications'),
	p('Observation Items', 'Quality & Safety', 'Observations'),
	p('Observation Item Response Logs', 'Quality & Safety', 'Observations', ['update', 'delete']),
	p('Inspection Checklists', 'Quality & Safety', 'Inspections', ['delete']),
	p('Incidents', 'Quality & Safety', 'Incidents'),
	p('Punch Items', 'Project Management', 'Punch List'),
	p('Meetings', 'Project Management', 'Meetings'),
	p('Images', 'Project Management', 'Photos'),
	p('Timecard Entries', 'Workforce Management', 'Timesheets'),
	p('Sub Jobs', 'Financial Management', 'Admin'),
	p('Cost Codes', 'Financial Management', 'Admin'),
	p('Project Insurances', 'Core', 'Directory'),
	p('Project Users', 'Core', 'Directory'),
	p('Project Vendors', 'Core', 'Directory'),
	p('Tasks', 'Project Management', 'Tasks'),
	p('Forms', 'Project Management', 'Forms'),
	p('Locations', 'Core', 'Admin'),
	p('Crews', 'Workforce Management', 'Crews'),
];

export const PAYLOAD_VERSIONS = ['v2.0', 'v3.0', 'v4.0'];

export function resourcesFor(scope: 'company' | 'project'): Entry[] {
	return scope === 'company' ? COMPANY_RESOURCES : PROJECT_RESOURCES;
}

/**
 * Pairs Procore stopped sending (procore-api.md §2.5, "Webhook fan-out migration"): `update` on
 * Project Users / Project Vendors since 2026-06-30, replaced by the company-scope update. What
 * Procore does with a new trigger on one is UNCONFIRMED: config `retiredTriggers`.
 */
export const RETIRED_TRIGGERS: Array<{ name: string; event: Ev; since: string; instead: string }> = [
	{ name: 'Project Users', event: 'update', since: '2026-06-30', instead: 'Company Users' },
	{ name: 'Project Vendors', event: 'update', since: '2026-06-30', instead: 'Company Vendors' },
];

export function retiredTrigger(name: string, event: string) {
	return RETIRED_TRIGGERS.find((r) => r.name === name && r.event === event);
}

export function allowed(scope: 'company' | 'project', name: string, event: string): string | null {
	const entry = resourcesFor(scope).find((r) => r.name === name);
	if (!entry) return `resource_name "${name}" is not a ${scope}-level webhook resource`;
	if (!['create', 'update', 'delete'].includes(event))
		return `event_type "${event}" is not one of create, update, delete`;
	if (entry.except?.includes(event as Ev))
		return `event_type "${event}" is not supported for ${name}`;
	return null;
}

/** v1.0 shape: one entry per resource, the supported events as their own keys. */
export function v1Entry(e: Entry, apiVersion: string): Record<string, unknown> {
	const ev = (x: Ev) => (e.except?.includes(x) ? null : x);
	return {
		name: e.name,
		api_version: apiVersion,
		product_category: e.category,
		tools: e.tool,
		except: e.except ?? [],
		create: ev('create'),
		update: ev('update'),
		delete: ev('delete'),
	};
}

export function v2Entry(e: Entry, payloadVersion: string): Record<string, unknown> {
	return {
		category: e.category,
		tool: e.tool,
		name: e.name,
		payload_version: payloadVersion,
		actions: (['create', 'update', 'delete'] as Ev[])
			.filter((x) => !e.except?.includes(x))
			.map((x) => ({ name: x })),
	};
}
