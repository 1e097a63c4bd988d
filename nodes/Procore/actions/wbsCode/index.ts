import { lookupResource } from '../shared/lookup';

export const wbsCode = lookupResource(
	{
		resource: 'wbsCode',
		label: 'WBS Code',
		plural: 'WBS codes',
		purpose: 'A project\'s work breakdown structure codes (the newer model combining cost code and category)',
		projectPath: (ids) => `/rest/v1.0/projects/${ids.projectId}/work_breakdown_structure/wbs_codes`,
		serverSearch: 'query',
		fields: ['id', 'flat_code', 'flat_name', 'description', 'status'],
		searchIn: (r) => [r.flat_code, r.flat_name, r.description],
		codes: (r) => [r.flat_code],
	},
	'List a project\'s WBS codes with their IDs; filter by exact flat code to resolve a code to its ID',
);
