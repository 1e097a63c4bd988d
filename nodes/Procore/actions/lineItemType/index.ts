import { lookupResource } from '../shared/lookup';

export const lineItemType = lookupResource(
	{
		resource: 'lineItemType',
		label: 'Line Item Type',
		plural: 'line item types',
		purpose: 'Cost categories (Labor, Materials…) that pair with cost codes',
		companyPath: () => '/rest/v1.0/line_item_types',
		projectPath: () => '/rest/v1.0/line_item_types',
		projectQuery: (ids) => ({ project_id: ids.projectId }),
		companyQuery: (ids) => ({ company_id: ids.companyId }),
		fields: ['id', 'code', 'name', 'base_type', 'origin_id'],
		searchIn: (r) => [r.code, r.name, r.base_type],
		codes: (r) => [r.code],
	},
	'List the categories (line item types, e.g. L = Labor) of a project or the company with their IDs and base types',
);
