/**
 * The one table from stored collections to webhook resource names, with the scope whose hooks
 * receive the events (company vs project must match the hook's scope).
 */
export interface ResourceName {
	name: string;
	scope: 'company' | 'project';
	/** Key pattern with ids as `*`. */
	pattern: string;
}

export const RESOURCE_NAMES: ResourceName[] = [
	{ pattern: 'companies/*/projects', name: 'Projects', scope: 'company' },
	{ pattern: 'companies/*/users', name: 'Company Users', scope: 'company' },
	{ pattern: 'companies/*/vendors', name: 'Company Vendors', scope: 'company' },
	{ pattern: 'companies/*/insurances', name: 'Company Insurances', scope: 'company' },
	// UNCONFIRMED which scope fires for vendor-level insurances; we deliver them as Company Insurances.
	{ pattern: 'companies/*/vendors/*/insurances', name: 'Company Insurances', scope: 'company' },
	{ pattern: 'companies/*/files', name: 'Company Files', scope: 'company' },
	{ pattern: 'companies/*/folders', name: 'Company Folders', scope: 'company' },
	{ pattern: 'companies/*/line_item_types', name: 'Line Item Types', scope: 'company' },
	{ pattern: 'companies/*/timecard_time_types', name: 'Timecard Time Types', scope: 'company' },
	{ pattern: 'companies/*/change_types', name: 'Change Types', scope: 'company' },
	{
		pattern: 'companies/*/change_order_change_reasons',
		name: 'Change Order Change Reasons',
		scope: 'company',
	},
	{ pattern: 'companies/*/trades', name: 'Trades', scope: 'company' },
	{ pattern: 'projects/*/rfis', name: 'RFIs', scope: 'project' },
	{ pattern: 'projects/*/rfis/*/replies', name: 'RFI Replies', scope: 'project' },
	{ pattern: 'projects/*/change_events', name: 'Change Events', scope: 'project' },
	{ pattern: 'projects/*/change_order_requests', name: 'Change Order Requests', scope: 'project' },
	{
		pattern: 'projects/*/potential_change_orders',
		name: 'Potential Change Orders',
		scope: 'project',
	},
	{ pattern: 'projects/*/change_order_packages', name: 'Change Order Packages', scope: 'project' },
	// UNCONFIRMED: commitment and prime contract change orders fire as Change Order Packages (the
	// v1.0 package show types them CommitmentContractChangeOrder / PrimeContractChangeOrder).
	{ pattern: 'projects/*/commitment_change_orders', name: 'Change Order Packages', scope: 'project' },
	{ pattern: 'projects/*/prime_change_orders', name: 'Change Order Packages', scope: 'project' },
	{
		pattern: 'projects/*/potential_change_orders/*/line_items',
		name: 'Potential Change Order Line Items',
		scope: 'project',
	},
	{ pattern: 'projects/*/timecard_entries', name: 'Timecard Entries', scope: 'project' },
	{ pattern: 'projects/*/insurances', name: 'Project Insurances', scope: 'project' },
	{ pattern: 'projects/*/vendors/*/insurances', name: 'Project Insurances', scope: 'project' },
	{ pattern: 'projects/*/vendors', name: 'Project Vendors', scope: 'project' },
	{ pattern: 'projects/*/users', name: 'Project Users', scope: 'project' },
	{ pattern: 'projects/*/work_order_contracts', name: 'Work Order Contracts', scope: 'project' },
	{
		pattern: 'projects/*/work_order_contracts/*/line_items',
		name: 'Work Order Contract Line Items',
		scope: 'project',
	},
	{
		pattern: 'projects/*/purchase_order_contracts',
		name: 'Purchase Order Contracts',
		scope: 'project',
	},
	{
		pattern: 'projects/*/purchase_order_contracts/*/line_items',
		name: 'Purchase Order Contract Line Items',
		scope: 'project',
	},
	{ pattern: 'projects/*/prime_contracts', name: 'Prime Contracts', scope: 'project' },
	{ pattern: 'projects/*/direct_costs', name: 'Direct Costs', scope: 'project' },
	{ pattern: 'projects/*/files', name: 'Project Files', scope: 'project' },
	{ pattern: 'projects/*/folders', name: 'Project Folders', scope: 'project' },
	{ pattern: 'projects/*/observations/items', name: 'Observation Items', scope: 'project' },
	{ pattern: 'projects/*/submittals', name: 'Submittals', scope: 'project' },
	{ pattern: 'projects/*/cost_codes', name: 'Cost Codes', scope: 'project' },
	{ pattern: 'projects/*/sub_jobs', name: 'Sub Jobs', scope: 'project' },
	{ pattern: 'projects/*/drawing_areas', name: 'Drawing Areas', scope: 'project' },
	{ pattern: 'projects/*/drawing_areas/*/drawings', name: 'Drawings', scope: 'project' },
	{
		pattern: 'projects/*/specification_sections',
		name: 'Specification Sections',
		scope: 'project',
	},
	{ pattern: 'projects/*/manpower_logs', name: 'Manpower Logs', scope: 'project' },
	{ pattern: 'projects/*/notes_logs', name: 'Notes Logs', scope: 'project' },
	{ pattern: 'projects/*/work_logs', name: 'Work Logs', scope: 'project' },
	{ pattern: 'projects/*/delivery_logs', name: 'Delivery Logs', scope: 'project' },
	{ pattern: 'projects/*/weather_logs', name: 'Weather Logs', scope: 'project' },
	{ pattern: 'projects/*/accident_logs', name: 'Accident Logs', scope: 'project' },
	{ pattern: 'projects/*/punch_items', name: 'Punch Items', scope: 'project' },
	{ pattern: 'projects/*/images', name: 'Images', scope: 'project' },
	{ pattern: 'projects/*/checklist/lists', name: 'Inspection Checklists', scope: 'project' },
	{ pattern: 'projects/*/meetings', name: 'Meetings', scope: 'project' },
	{ pattern: 'projects/*/daily_logs/weather_logs', name: 'Weather Logs', scope: 'project' },
	{ pattern: 'projects/*/crews', name: 'Crews', scope: 'project' },
];

export function patternOf(key: string): string {
	return key
		.split('/')
		.map((s) => (/^\d+$/.test(s) ? '*' : s))
		.join('/');
}

export function resourceNameFor(key: string): ResourceName | undefined {
	const p = patternOf(key);
	return RESOURCE_NAMES.find((r) => r.pattern === p);
}

/** Collection key for a resource name in a scope (UI edits name resources the way webhooks do). */
export function keyForResource(
	resource: string,
	ids: { projectId?: number | null; companyId: number; parentId?: number | string | null },
): string | null {
	const entry =
		RESOURCE_NAMES.find((r) => r.name.toLowerCase() === resource.toLowerCase()) ??
		RESOURCE_NAMES.find((r) => r.pattern.split('/').pop() === resource);
	if (!entry) return null;
	const parts = entry.pattern.split('/');
	let stars = 0;
	return parts
		.map((s) => {
			if (s !== '*') return s;
			stars++;
			if (stars === 1) return String(entry.scope === 'project' ? ids.projectId : ids.companyId);
			return String(ids.parentId ?? '');
		})
		.join('/');
}
