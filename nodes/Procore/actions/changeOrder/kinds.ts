import type { IDataObject } from 'n8n-workflow';

/**
 * The change orders Procore keeps, each under its own endpoints (catalog: Change Orders). Which of
 * them a contract has depends on Procore's change order tier setting of its contract type
 * (Commitments and Prime Contracts tools, "Number of Change Order Tiers"); the catalog's note on
 * `GET /rest/v1.0/commitments/{id}`: 1-tier shows change order packages only, 2-tier adds potential
 * change orders, 3-tier adds change order requests. Commitment and prime contract change orders
 * (CCO / PCCO) are the change orders themselves and exist at every tier.
 */
export type ChangeOrderKind = 'potentialChangeOrder' | 'commitmentChangeOrder' | 'primeChangeOrder' | 'changeOrderPackage';

/** Which contracts a kind can be written against. */
export type ContractSide = 'commitment' | 'prime' | 'either';

export interface KindSpec {
	/** Procore's name, e.g. "Potential Change Order". */
	label: string;
	/** Procore's acronym (PCO, CCO, PCCO): summaries and errors use it. */
	acronym: string;
	contract: ContractSide;
	listPath(projectId: string): string;
	itemPath(projectId: string, id: string): string;
	/** The show requires `contract_id` besides the project (catalog: `GET /rest/v1.0/potential_change_orders/{id}`). */
	showNeedsContract?: boolean;
	/** Query every call needs (the query-scoped v1.0 paths want project_id). */
	scopeQuery(projectId: string): IDataObject;
	/**
	 * Where the node keeps the origin ID that makes a re-run find the record it wrote: `origin_id`
	 * where Procore has it; CCO and PCCO create bodies have no origin field, so their `reference`
	 * (Procore's free-text "Reference") carries it.
	 */
	originField: 'origin_id' | 'reference';
	/** Where the audit tag goes (null: the record has no integration field for it). */
	auditField: 'origin_data' | null;
	/** The fewest change order tiers at which the kind exists. */
	minTiers: number;
	/** v1.0 PCO and package bodies carry project_id and contract_id beside `change_order`. */
	contractOutside: boolean;
	/** Procore's list filters by status itself (`filters[status]`). */
	serverStatusFilter: boolean;
	/** Query name of the contract filter on the list. */
	contractFilter: string;
	/** Where line items are written (none: the kind takes no lines of its own). */
	linePath?: (ids: { companyId: string; projectId: string; id: string }) => string;
}

export const KINDS: Record<ChangeOrderKind, KindSpec> = {
	potentialChangeOrder: {
		label: 'Potential Change Order',
		acronym: 'PCO',
		contract: 'either',
		listPath: () => '/rest/v1.0/potential_change_orders',
		itemPath: (_p, id) => `/rest/v1.0/potential_change_orders/${id}`,
		scopeQuery: (projectId) => ({ project_id: projectId }),
		showNeedsContract: true,
		originField: 'origin_id',
		auditField: 'origin_data',
		minTiers: 2,
		contractOutside: true,
		serverStatusFilter: false,
		contractFilter: 'filters[contract_id]',
		linePath: ({ id }) => `/rest/v1.0/potential_change_orders/${id}/line_items`,
	},
	commitmentChangeOrder: {
		label: 'Commitment Change Order',
		acronym: 'CCO',
		contract: 'commitment',
		listPath: (projectId) => `/rest/v1.0/projects/${projectId}/commitment_change_orders`,
		itemPath: (projectId, id) => `/rest/v1.0/projects/${projectId}/commitment_change_orders/${id}`,
		scopeQuery: () => ({}),
		originField: 'reference',
		auditField: null,
		minTiers: 1,
		contractOutside: false,
		serverStatusFilter: true,
		contractFilter: 'filters[contract_id]',
		linePath: ({ companyId, projectId, id }) =>
			`/rest/v2.0/companies/${companyId}/projects/${projectId}/commitment_change_orders/${id}/line_items`,
	},
	primeChangeOrder: {
		label: 'Prime Contract Change Order',
		acronym: 'PCCO',
		contract: 'prime',
		listPath: (projectId) => `/rest/v1.0/projects/${projectId}/prime_change_orders`,
		itemPath: (projectId, id) => `/rest/v1.0/projects/${projectId}/prime_change_orders/${id}`,
		scopeQuery: () => ({}),
		originField: 'reference',
		auditField: null,
		minTiers: 1,
		contractOutside: false,
		serverStatusFilter: true,
		contractFilter: 'filters[contract_id]',
		linePath: ({ companyId, projectId, id }) =>
			`/rest/v2.0/companies/${companyId}/projects/${projectId}/prime_change_orders/${id}/line_items`,
	},
	changeOrderPackage: {
		label: 'Change Order Package',
		acronym: 'Package',
		contract: 'either',
		listPath: () => '/rest/v1.0/change_order_packages',
		itemPath: (_p, id) => `/rest/v1.0/change_order_packages/${id}`,
		scopeQuery: (projectId) => ({ project_id: projectId }),
		originField: 'origin_id',
		auditField: 'origin_data',
		minTiers: 1,
		contractOutside: true,
		serverStatusFilter: false,
		contractFilter: 'contract_id',
	},
};

export function kindOf(value: unknown): KindSpec {
	return KINDS[(value as ChangeOrderKind) in KINDS ? (value as ChangeOrderKind) : 'potentialChangeOrder'];
}

/** Procore's change order statuses (the v1.0 `status` enum of PCOs and packages). */
export const STATUSES: Array<{ name: string; value: string }> = [
	{ name: 'Approved', value: 'approved' },
	{ name: 'Draft', value: 'draft' },
	{ name: 'No Charge', value: 'no_charge' },
	{ name: 'Not Pricing', value: 'not_pricing' },
	{ name: 'Not Proceeding', value: 'not_proceeding' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Pricing', value: 'pricing' },
	{ name: 'Proceeding', value: 'proceeding' },
	{ name: 'Rejected', value: 'rejected' },
	{ name: 'Revised', value: 'revised' },
	{ name: 'Void', value: 'void' },
];
