/** What "Simplified" keeps of a project. */
export const PROJECT_FIELDS = [
	'id',
	'name',
	'project_number',
	'active',
	'project_stage.name',
	'start_date',
	'completion_date',
	'city',
	'origin_id',
	'updated_at',
];
