/**
 * Rules Procore's guides state for an operation beyond its schema's types, in one table so each is
 * cited once: required fields that depend on a mode, fields renamed between write and read, and
 * the filters a list applies when the client sends none. Defaults (`default` in the schema) and
 * path ids set on stored records are generic and live in generic.ts.
 */
import type { FieldErrors } from '../http/errors';
import type { SandboxConfig } from '../config';
import type { Operation, Schema } from '../types';

export interface OperationRules {
	/** Where the rule is written (procore-api.md §). */
	source: string;
	/**
	 * Groups of fields of which one must be complete; the schema's `required` loses every field
	 * named here (§4.1: total hours, or start/stop time).
	 */
	modes?: string[][];
	/** Fields the schema marks required that the guide makes optional (`lunch_time` in start/stop mode). */
	optional?: string[];
	/** Write name → read name (the stored record holds the read name). */
	renames?: Record<string, string>;
	/** A string written where the read is an object: field → the object key it becomes (`type` → `{name}`). */
	objects?: Record<string, string>;
	/** Values written in one spelling and read in another: field → written value → read value. */
	values?: Record<string, Record<string, string>>;
	/** Plain query parameters that filter a list as `filters[…]` would (the Photos list's `image_category_id`). */
	queryFilters?: string[];
	/** Filters a list applies unless the client sends that filter (config may switch it off). */
	defaultFilters?: (config: SandboxConfig) => Record<string, string>;
}

const TIMECARD_MODES: OperationRules = {
	source: '§4.1 (send `hours`, or `time_in` and `time_out`; `lunch_time` optional)',
	modes: [['hours'], ['time_in', 'time_out']],
	optional: ['lunch_time'],
};

const INSURANCE: OperationRules = {
	source: '§5.1 (`name` on write is `insurance_provider` on read)',
	renames: { name: 'insurance_provider' },
};

const TABLE: Array<[RegExp, OperationRules]> = [
	[
		/^(POST|PATCH) \/rest\/v1\.1\/projects\/\{project_id\}\/submittals(\/\{id\})?$/,
		{
			source: 'RestV11ProjectsProjectIdSubmittalsPost: `type` is a string on write, `{id, name}` on read',
			objects: { type: 'name' },
		},
	],
	[
		/^GET \/rest\/v1\.0\/images$/,
		{ source: 'RestV10ImagesGet: the album is the `image_category_id` query parameter, not a filter', queryFilters: ['image_category_id'] },
	],
	[
		/^(POST|PATCH) \/rest\/v1\.[01]\/punch_items(\/\{id\})?$/,
		{
			source: 'RestV11PunchItemsPost / RestV11PunchItemsGet: `due` on write is `due_date` on read; `status` is written open|closed and read Open|Closed',
			renames: { due: 'due_date' },
			values: { status: { open: 'Open', closed: 'Closed' } },
		},
	],
	[
		/^POST \/rest\/v1\.[01]\/projects\/\{project_id\}\/direct_costs$/,
		{
			source: 'RestV10ProjectsProjectIdDirectCostsPost: `invoice_number` "is required only if `direct_cost_type` is set to `invoice`" (handlers/direct-costs.ts checks it)',
			optional: ['invoice_number'],
		},
	],
	[/^(POST|PATCH) \/rest\/v1\.0\/(projects\/\{project_id\}\/|companies\/\{company_id\}\/)?timecard_entries(\/\{id\})?$/, TIMECARD_MODES],
	[/^(POST|PATCH) \/rest\/v1\.0\/.*insurances(\/\{id\})?$/, INSURANCE],
	[
		/^GET \/rest\/v1\.[01]\/projects$/,
		{
			source: '§7 (`GET /rest/v1.0/projects` lists active projects unless `filters[by_status]` says otherwise)',
			defaultFilters: (config) =>
				config.projectsListDefault === 'active' ? { by_status: 'Active' } : ({} as Record<string, string>),
		},
	],
];

export function rulesOf(op: Operation): OperationRules | undefined {
	const key = `${op.method} ${op.path}`;
	return TABLE.find(([re]) => re.test(key))?.[1];
}

/** The schema with mode fields no longer individually required. */
export function withoutModeFields(schema: Schema, rules: OperationRules | undefined): Schema {
	if (!rules?.modes && !rules?.optional) return schema;
	const modeFields = new Set([...(rules.modes ?? []).flat(), ...(rules.optional ?? [])]);
	return { ...schema, required: (schema.required ?? []).filter((r) => !modeFields.has(r)) };
}

const given = (v: unknown) => v !== undefined && v !== null && v !== '';

/** On create: one mode must be complete, else a 422 naming the fields of each mode. */
export function modeErrors(attrs: Record<string, unknown>, rules: OperationRules | undefined): FieldErrors {
	if (!rules?.modes) return {};
	if (rules.modes.some((group) => group.every((f) => given(attrs[f])))) return {};
	const ask = rules.modes.map((g) => g.join(' and ')).join(', or ');
	const missing = rules.modes[0].find((f) => !given(attrs[f])) ?? rules.modes[0][0];
	return { [missing]: [`can't be blank (send ${ask})`] };
}

export function applyRenames(attrs: Record<string, unknown>, rules: OperationRules | undefined): void {
	for (const [field, map] of Object.entries(rules?.values ?? {}))
		if (typeof attrs[field] === 'string' && map[attrs[field] as string]) attrs[field] = map[attrs[field] as string];
	for (const [field, key] of Object.entries(rules?.objects ?? {}))
		if (typeof attrs[field] === 'string') attrs[field] = { [key]: attrs[field] };
	for (const [write, read] of Object.entries(rules?.renames ?? {}))
		if (write in attrs) {
			attrs[read] = attrs[write];
			delete attrs[write];
		}
}
