/**
 * The one map from a webhook resource name to the GET that reads the changed record, for the
 * resources this package covers ("Fetch Full Record"). Placeholders: {company_id}, {project_id},
 * {id} (the event's resource_id); `query` lists the scope parameters the endpoint requires.
 * Every path is an operation of Procore's OpenAPI catalog.
 */
export interface RecordEndpoint {
	path: string;
	query?: Array<'company_id' | 'project_id'>;
	/** The record is company-level: no project id is needed. */
	companyLevel?: boolean;
	/**
	 * Procore has no GET of one record here: `path` is a list, filtered by this query parameter
	 * set to the event's resource id; the row `pick` chooses is the record.
	 */
	listFilter?: { param: string; pick: (rows: Array<Record<string, unknown>>) => Record<string, unknown> | undefined };
}

/** A drawing is read as its current revision (number, title, set, PDF), the newest when none is current. */
const currentRevision = (rows: Array<Record<string, unknown>>) =>
	rows.find((r) => r.current === true) ??
	[...rows].sort((a, b) => String(a.revision_number ?? '').localeCompare(String(b.revision_number ?? ''), undefined, { numeric: true })).pop();

export const RECORD_ENDPOINTS: Record<string, RecordEndpoint> = {
	'Budget Line Items': { path: '/rest/v1.0/budget_line_items/{id}', query: ['project_id'] },
	'Change Events': { path: '/rest/v1.1/change_events/{id}', query: ['project_id'] },
	// Commitment and prime contract change orders are delivered as Change Order Packages (their
	// `type` says which: CommitmentContractChangeOrder, PrimeContractChangeOrder, ChangeOrderPackage).
	'Change Order Packages': { path: '/rest/v1.0/change_order_packages/{id}', query: ['project_id'] },
	'Company Insurances': { path: '/rest/v1.0/companies/{company_id}/insurances/{id}', companyLevel: true },
	'Company Users': { path: '/rest/v1.0/companies/{company_id}/users/{id}', companyLevel: true },
	'Company Vendors': { path: '/rest/v1.0/vendors/{id}', query: ['company_id'], companyLevel: true },
	'Direct Costs': { path: '/rest/v1.0/projects/{project_id}/direct_costs/{id}' },
	Drawings: { path: '/rest/v1.0/projects/{project_id}/drawing_revisions', listFilter: { param: 'drawing_id', pick: currentRevision } },
	Images: { path: '/rest/v1.0/images/{id}', query: ['project_id'] },
	Incidents: { path: '/rest/v1.0/projects/{project_id}/incidents/{id}' },
	'Inspection Checklists': { path: '/rest/v1.0/projects/{project_id}/checklist/lists/{id}' },
	'Manpower Logs': { path: '/rest/v1.0/projects/{project_id}/manpower_logs/{id}' },
	Meetings: { path: '/rest/v1.0/meetings/{id}', query: ['project_id'] },
	'Observation Items': { path: '/rest/v1.0/observations/items/{id}', query: ['project_id'] },
	'Payment Applications': { path: '/rest/v1.0/payment_applications/{id}', query: ['project_id'] },
	'Project Files': { path: '/rest/v1.0/files/{id}', query: ['project_id'] },
	'Project Folders': { path: '/rest/v1.0/folders/{id}', query: ['project_id'] },
	'Project Insurances': { path: '/rest/v1.0/projects/{project_id}/insurances/{id}' },
	'Project Users': { path: '/rest/v1.0/projects/{project_id}/users/{id}' },
	'Project Vendors': { path: '/rest/v1.0/projects/{project_id}/vendors/{id}' },
	// v1.0 shows a prime contract at the singular path, with every money figure of its page.
	'Prime Contracts': { path: '/rest/v1.0/prime_contract/{id}', query: ['project_id'] },
	Projects: { path: '/rest/v1.0/projects/{id}', query: ['company_id'], companyLevel: true },
	// The PCO show requires a contract_id the event does not carry: the project's list, by id.
	'Potential Change Orders': { path: '/rest/v1.0/potential_change_orders', query: ['project_id'], listFilter: { param: 'filters[id]', pick: (rows) => rows[0] } },
	'Punch Items': { path: '/rest/v1.1/punch_items/{id}', query: ['project_id'] },
	'Purchase Order Contracts': { path: '/rest/v1.0/purchase_order_contracts/{id}', query: ['project_id'] },
	RFIs: { path: '/rest/v1.0/projects/{project_id}/rfis/{id}' },
	Submittals: { path: '/rest/v1.1/projects/{project_id}/submittals/{id}' },
	Tasks: { path: '/rest/v1.0/tasks/{id}', query: ['project_id'] },
	'Timecard Entries': { path: '/rest/v1.0/projects/{project_id}/timecard_entries/{id}' },
	'Work Order Contracts': { path: '/rest/v1.0/work_order_contracts/{id}', query: ['project_id'] },
};
