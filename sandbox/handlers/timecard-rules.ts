/**
 * What Procore checks on a timecard entry beyond the schema's types, shared by every timecard
 * write (single create and update, both bulk endpoints): the project is active, the worker is in
 * the project's directory, the hours are 0..24, the time out is after the time in (lunch shorter
 * than the shift), the cost code is the project's and has that category (line item type), a WBS
 * code is the project's and is not combined with a cost code, and the time type, sub job and crew
 * exist. Messages follow Rails (`field: [reason]`).
 *
 * An in-progress entry (`in_progress: true`: the worker clocked in and has not clocked out) has a
 * time in and neither a time out nor hours; one worker has at most one open entry per time in
 * (Procore keeps clock-ins unique per worker: `clock_in_id` "must be unique per worker within
 * company to prevent duplicate clock-ins"). It is completed by an update giving its time out or hours.
 */
import type { FieldErrors } from '../http/errors';
import type { Runtime } from '../runtime';

const given = (v: unknown) => v !== undefined && v !== null && v !== '';
const idOf = (v: unknown): string | undefined =>
	typeof v === 'object' && v !== null ? idOf((v as Record<string, unknown>).id) : given(v) ? String(v) : undefined;

export function timecardEntryErrors(
	rt: Runtime,
	companyId: number,
	projectId: number,
	entry: Record<string, unknown>,
): FieldErrors {
	const errors: FieldErrors = {};
	const add = (f: string, m: string) => (errors[f] ??= []).push(m);
	const p = `projects/${projectId}`;
	const c = `companies/${companyId}`;
	const project = rt.store.get(`${c}/projects`, projectId);
	if (project && project.active === false) add('project_id', 'project is inactive: time cannot be added');
	const party = idOf(entry.party_id ?? entry.party);
	if (party !== undefined && !rt.store.get(`${p}/people`, party))
		add('party_id', 'is not in the project directory');
	if (given(entry.hours)) {
		const hours = Number(entry.hours);
		if (Number.isNaN(hours)) add('hours', 'is not a number');
		else if (hours < 0 || hours > 24) add('hours', 'must be between 0 and 24');
	}
	// A time in with hours and no time out is an hours entry saying when work began (a clock-in
	// completed on an hours timesheet); the times are checked as a pair otherwise.
	const timeInWithHours = given(entry.hours) && given(entry.time_in) && !given(entry.time_out);
	if (entry.in_progress !== true && !timeInWithHours && (given(entry.time_in) || given(entry.time_out))) {
		const tin = Date.parse(String(entry.time_in ?? ''));
		const tout = Date.parse(String(entry.time_out ?? ''));
		if (Number.isNaN(tin)) add('time_in', 'is not a time');
		if (Number.isNaN(tout)) add('time_out', 'is not a time');
		if (!Number.isNaN(tin) && !Number.isNaN(tout)) {
			const span = (tout - tin) / 60000;
			if (span <= 0) add('time_out', 'must be after time_in');
			else if (given(entry.lunch_time) && Number(entry.lunch_time) >= span)
				add('lunch_time', 'must be shorter than the time between time_in and time_out');
		}
	}
	if (entry.in_progress === true) {
		if (!given(entry.time_in)) add('time_in', "can't be blank for an in-progress entry");
		if (given(entry.time_out)) add('time_out', 'must be blank for an in-progress entry');
		if (given(entry.hours)) add('hours', 'must be blank for an in-progress entry');
		const tin = Date.parse(String(entry.time_in ?? ''));
		const open = party === undefined || Number.isNaN(tin)
			? undefined
			: rt.store.findAll('timecard_entries', (r) => r.in_progress === true && r.id !== entry.id && idOf(r.party_id ?? r.party) === party && Date.parse(String(r.time_in ?? '')) === tin);
		if (open?.length) add('party_id', `already has an in-progress timecard entry clocked in at ${String(entry.time_in)} (id ${String(open[0].rec.id)})`);
	}
	const costCodeId = idOf(entry.cost_code_id ?? entry.cost_code);
	const costCode = costCodeId === undefined ? undefined : rt.store.get(`${p}/cost_codes`, costCodeId);
	if (costCodeId !== undefined && !costCode) add('cost_code_id', 'is not a cost code of this project');
	const typeId = idOf(entry.line_item_type_id ?? entry.line_item_type);
	if (typeId !== undefined) {
		if (!rt.store.get(`${c}/line_item_types`, typeId)) add('line_item_type_id', 'is not a line item type of this company');
		else if (costCode && Array.isArray(costCode.line_item_types)) {
			const allowed = (costCode.line_item_types as Array<{ id: unknown }>).map((t) => String(t.id));
			if (!allowed.includes(typeId))
				add('line_item_type_id', `is not a category of cost code ${String(costCode.full_code ?? costCode.code)}`);
		}
	}
	const wbs = idOf(entry.wbs_code_id);
	if (wbs !== undefined) {
		if (!rt.store.get(`${p}/work_breakdown_structure/wbs_codes`, wbs)) add('wbs_code_id', 'is not a WBS code of this project');
		if (costCodeId !== undefined || typeId !== undefined)
			add('wbs_code_id', 'cannot be combined with cost_code_id or line_item_type_id');
	}
	const lookups: Array<[string, string[]]> = [
		['timecard_time_type_id', [`${p}/timecard_time_types`, `${c}/timecard_time_types`]],
		['sub_job_id', [`${p}/sub_jobs`]],
		['crew_id', [`${p}/crews`]],
	];
	for (const [field, keys] of lookups) {
		const id = idOf(entry[field]);
		if (id !== undefined && !keys.some((k) => rt.store.get(k, id))) add(field, 'is invalid');
	}
	return errors;
}

/** Time for the entry: hours, or a time in and out, or (in progress) a time in. */
export function missingTime(entry: Record<string, unknown>): FieldErrors {
	if (entry.in_progress === true || given(entry.hours) || (given(entry.time_in) && given(entry.time_out))) return {};
	return { hours: ["can't be blank"] };
}
