/** What "Simplified" keeps of a project. */
export const PROJECT_FIELDS = [
	'id',
	'name',
	'display_name',
	'project_number',
	'active',
	'stage',
	'project_stage.name',
	'start_date',
	'completion_date',
	'total_value',
	'city',
	'state_code',
	'origin_id',
	'updated_at',
	'custom_fields',
];
