import type { ReadSpec } from '../shared/readOperations';
import { projectQuery } from '../shared/path';
import { sinceRange } from '../../helpers/filters';
import { PRIME_CONTRACT_FIELDS, PRIME_CONTRACTS_PATH, primeContractLocator } from './common';

/** Get and Get Many read v1.0: its show carries every money figure of the contract page. */
export const primeContractRead: ReadSpec = {
	resource: 'primeContract',
	label: 'Prime Contract',
	projectScoped: true,
	listPath: PRIME_CONTRACTS_PATH,
	itemPath: '/rest/v1.0/prime_contract/{id}',
	scopeQuery: projectQuery,
	idLocator: primeContractLocator,
	fields: PRIME_CONTRACT_FIELDS,
	filters: [
		{
			displayName: 'Updated Since',
			name: 'updatedSince',
			type: 'dateTime',
			default: '',
			description: 'Only prime contracts changed at or after this time (for incremental syncs)',
		},
	],
	buildFilters: (ctx, f, i) => (f.updatedSince ? { 'filters[updated_at]': sinceRange(ctx, f.updatedSince, i) } : {}),
};
