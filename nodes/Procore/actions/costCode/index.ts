import { lookupResource } from '../shared/lookup';

export const costCode = lookupResource(
	{
		resource: 'costCode',
		label: 'Cost Code',
		plural: 'cost codes',
		purpose: 'A project\'s cost codes, with the categories (line item types) enabled on each',
		projectPath: () => '/rest/v1.0/cost_codes',
		projectQuery: (ids) => ({ project_id: ids.projectId }),
		fields: ['id', 'code', 'full_code', 'name', 'biller_type', 'budgeted', 'origin_id', 'line_item_types'],
		searchIn: (r) => [r.code, r.full_code, r.name],
		codes: (r) => [r.code, r.full_code],
	},
	'List a project\'s cost codes with their IDs and categories; filter by exact code (e.g. 01-100) to resolve a code to its ID',
);
