import { lookupResource } from '../shared/lookup';

export const timecardTimeType = lookupResource(
	{
		resource: 'timecardTimeType',
		label: 'Timecard Time Type',
		plural: 'timecard time types',
		purpose: 'Regular time, overtime, double time… for timecard entries',
		companyPath: (ids) => `/rest/v1.0/companies/${ids.companyId}/timecard_time_types`,
		projectPath: () => '/rest/v1.0/timecard_time_types',
		projectQuery: (ids) => ({ project_id: ids.projectId }),
		fields: ['id', 'time_type', 'abbreviated_time_type', 'global'],
		searchIn: (r) => [r.time_type, r.abbreviated_time_type],
		codes: (r) => [r.abbreviated_time_type, r.time_type],
	},
	'List the time types (regular, overtime…) with their IDs, for a project or the company',
);
