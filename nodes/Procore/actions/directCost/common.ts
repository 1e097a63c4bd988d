/** Direct costs are v1.0 records of the project; these are the paths, spelled out. */
export const directCostsPath = (projectId: string) => `/rest/v1.0/projects/${projectId}/direct_costs`;
export const directCostPath = (projectId: string, id: string) => `/rest/v1.0/projects/${projectId}/direct_costs/${id}`;
export const directCostLinesPath = (projectId: string, id: string) => `/rest/v1.0/projects/${projectId}/direct_costs/${id}/line_items`;
export const allDirectCostLinesPath = (projectId: string) => `/rest/v1.0/projects/${projectId}/direct_costs/line_items`;

export const DIRECT_COST_TYPES = [
	{ name: 'Expense', value: 'expense', description: 'A cost paid directly, e.g. a receipt' },
	{ name: 'Invoice', value: 'invoice', description: 'A vendor\'s invoice not tied to a commitment (needs an invoice number)' },
	{ name: 'Payroll', value: 'payroll', description: 'Labor cost from payroll' },
];

export const DIRECT_COST_STATUSES = [
	{ name: 'Approved', value: 'approved' },
	{ name: 'Draft', value: 'draft' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Revise and Resubmit', value: 'revise_and_resubmit' },
];

export const DIRECT_COST_FIELDS = [
	'id',
	'direct_cost_type',
	'direct_cost_date',
	'status',
	'vendor_name',
	'invoice_number',
	'description',
	'grand_total',
	'origin_id',
	'updated_at',
];
