import { lookupResource } from '../shared/lookup';

export const person = lookupResource(
	{
		resource: 'person',
		label: 'Person',
		plural: 'people',
		purpose: 'People in a project\'s or the company\'s directory, with or without a Procore login (the workers of timecards)',
		companyPath: (ids) => `/rest/v1.0/companies/${ids.companyId}/people`,
		projectPath: (ids) => `/rest/v1.0/projects/${ids.projectId}/people`,
		serverSearch: 'filters[search]',
		extraFilters: [
			{ displayName: 'Employees Only', name: 'employeesOnly', type: 'boolean', default: false, description: 'Whether to list only employees of your company' },
		],
		buildFilters: (f) => (f.employeesOnly ? { 'filters[is_employee]': true } : {}),
		fields: ['id', 'name', 'employee_id', 'is_employee', 'email_address', 'job_title', 'user_id', 'vendor.name', 'origin_id'],
		searchIn: (r) => [r.name, r.first_name, r.last_name, r.email_address, r.employee_id],
		codes: (r) => [r.employee_id, r.email_address],
	},
	'List people of a project or the company with their party IDs (the worker ID a timecard entry needs); filter by name, or by exact employee ID or email',
);
