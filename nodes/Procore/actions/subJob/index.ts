import { lookupResource } from '../shared/lookup';

export const subJob = lookupResource(
	{
		resource: 'subJob',
		label: 'Sub Job',
		plural: 'sub jobs',
		purpose: 'A project\'s sub jobs (the level between the job and its cost codes)',
		projectPath: () => '/rest/v1.0/sub_jobs',
		projectQuery: (ids) => ({ project_id: ids.projectId }),
		fields: ['id', 'code', 'name', 'origin_id'],
		searchIn: (r) => [r.code, r.name],
		codes: (r) => [r.code],
	},
	'List a project\'s sub jobs with their IDs and codes (a worker picks parent job → sub job → milestone)',
);
