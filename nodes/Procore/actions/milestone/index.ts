import type { IDataObject } from 'n8n-workflow';

import type { CostCodeLike } from '../../helpers/milestone';
import { milestonesFor } from '../../helpers/milestone';
import { lookupResource } from '../shared/lookup';

export const milestone = lookupResource(
	{
		resource: 'milestone',
		label: 'Milestone',
		plural: 'milestones',
		purpose: 'Cost code × category pairs of a project as milestone strings (procore:budget_line:cc:…:cat:…), for a workforce app',
		projectPath: () => '/rest/v1.0/cost_codes',
		projectQuery: (ids) => ({ project_id: ids.projectId }),
		extraFilters: [
			{
				displayName: 'Category Base Types',
				name: 'baseTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. labor',
				description: 'Only categories of these base types (comma-separated), e.g. labor for time tracking',
			},
		],
		rows: (records, f) =>
			milestonesFor(records as CostCodeLike[], String(f.baseTypes ?? '').split(',')) as unknown as IDataObject[],
		fields: ['milestone', 'name', 'cost_code_id', 'cost_code', 'cost_code_name', 'line_item_type_id', 'line_item_type', 'line_item_type_name', 'base_type'],
		searchIn: (r) => [r.name, r.cost_code, r.line_item_type],
		codes: (r) => [r.milestone, r.cost_code],
	},
	'List every cost code + category pair of a project as a milestone string with a readable name (e.g. "01-100 General Labor / Labor"), optionally labor categories only: the list to sync to a workforce app',
);
