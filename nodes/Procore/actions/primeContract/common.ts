import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../common.descriptions';

export const primeContractLocator: INodeProperties = recordLocator({
	name: 'primeContract',
	displayName: 'Prime Contract',
	searchListMethod: 'searchPrimeContracts',
	urlPattern: 'prime_contracts?/([0-9]+)',
	description: 'The contract with the owner. Pick it from the project\'s list, enter its ID, or paste its URL from Procore.',
});

/** v1.0 lists take the project in the query; the show path is singular (`prime_contract/{id}`), as Procore has it. */
export const PRIME_CONTRACTS_PATH = '/rest/v1.0/prime_contracts';
export const primeContractPath = (id: string) => `/rest/v1.0/prime_contract/${id}`;
export const primeContractLineItemsPath = (id: string) => `/rest/v1.0/prime_contracts/${id}/line_items`;

export const PRIME_CONTRACT_FIELDS = [
	'id',
	'number',
	'title',
	'status',
	'executed',
	'vendor.name',
	'grand_total',
	'revised_contract_amount',
	'pending_change_orders_amount',
	'updated_at',
];

/** "Prime contract 7 (PC-001 Harbor View Tower)": how summaries and errors name one. */
export function primeContractName(record: IDataObject): string {
	const detail = [record.number, record.title].filter((v) => v !== undefined && v !== null && v !== '').join(' ');
	return `Prime contract ${String(record.id)}${detail ? ` (${detail})` : ''}`;
}
