import { lookupResource } from '../shared/lookup';

export const crew = lookupResource(
	{
		resource: 'crew',
		label: 'Crew',
		plural: 'crews',
		purpose: 'A project\'s crews: a lead and the workers who clock in together',
		projectPath: (ids) => `/rest/v1.0/projects/${ids.projectId}/crews`,
		fields: ['id', 'name', 'lead.id', 'lead.name', 'members', 'employees', 'updated_at'],
		searchIn: (r) => [r.name, (r.lead as { name?: unknown } | undefined)?.name],
		codes: (r) => [r.name],
	},
	'List a project\'s crews with their IDs, lead and members (the members\' IDs are the coworkers of a clock-out)',
);
