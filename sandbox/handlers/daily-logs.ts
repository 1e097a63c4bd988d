/**
 * Daily log entries. Lists take `log_date`, or `start_date` + `end_date` (inclusive), on the
 * entry's `date` (without a date every entry is listed: the sandbox does not default to today for
 * these lists). Creates read as Procore returns them: manpower's `contact_id` (the vendor doing the
 * work) becomes `vendor: {id, name}` and `man_hours` is workers × hours; `vendor_id` and
 * `location_id` become `vendor` / `location` objects; weather's integer `is_weather_delay` reads as
 * the string the schema declares. A vendor or location that is not the project's is refused (422
 * naming the field) and nothing is stored.
 */
import { createRecord, keyOf, listRecords, listReply, readAttributes, respond } from '../engine/generic';
import { errorReply } from '../http/errors';
import type { Runtime } from '../runtime';
import type { StoredRec } from '../store';
import type { Ctx, Reply } from '../types';
import { defineHandler } from './registry';

function dayWindow(ctx: Ctx): [string, string] | null {
	const q = ctx.rawQuery;
	const log = q.get('log_date');
	if (log) return [log, log];
	const start = q.get('start_date');
	const end = q.get('end_date');
	return start || end ? [start ?? '0000-01-01', end ?? '9999-12-31'] : null;
}

function list(ctx: Ctx, rt: Runtime): Reply {
	const w = dayWindow(ctx);
	const records = listRecords(ctx, rt, keyOf(ctx).key);
	return listReply(ctx, rt, w ? records.filter((r) => typeof r.date === 'string' && r.date >= w[0] && r.date <= w[1]) : records);
}

const LOGS = ['manpower_logs', 'notes_logs', 'work_logs', 'delivery_logs', 'accident_logs'];

export const dailyLogLists = defineHandler(
	[...LOGS.map((l) => `GET /rest/v1.0/projects/{project_id}/${l}`), 'GET /rest/v1.1/projects/{project_id}/daily_logs/weather_logs'],
	list,
);

function vendorRef(rt: Runtime, companyId: number, id: unknown): StoredRec | undefined {
	return rt.store.get(`companies/${companyId}/vendors`, String(id));
}

function create(name: string) {
	return (ctx: Ctx, rt: Runtime): Reply => {
		const read = readAttributes(ctx, name, false);
		if ('error' in read) return read.error;
		const attrs = { ...read.attrs };
		const projectId = ctx.projectId!;
		const companyId = ctx.companyId ?? rt.companyId;
		const vendorField = attrs.contact_id !== undefined ? 'contact_id' : 'vendor_id';
		if (attrs[vendorField] !== undefined && attrs[vendorField] !== null) {
			const vendor = vendorRef(rt, companyId, attrs[vendorField]);
			if (!vendor) return errorReply(false, 422, `Vendor ${String(attrs[vendorField])} not found`, { [vendorField]: ['is not a vendor of this company'] });
			attrs.vendor = { id: vendor.id, name: vendor.name };
			delete attrs[vendorField];
		}
		if (attrs.location_id !== undefined && attrs.location_id !== null) {
			const location = rt.store.get(`projects/${projectId}/locations`, String(attrs.location_id));
			if (!location) return errorReply(false, 422, `Location ${String(attrs.location_id)} not found`, { location_id: ['is not a location of this project'] });
			attrs.location = { id: location.id, name: location.name, node_name: location.node_name };
			delete attrs.location_id;
		}
		if (attrs.date === undefined && typeof attrs.datetime === 'string') attrs.date = attrs.datetime.slice(0, 10);
		if (attrs.date === undefined) attrs.date = rt.clock.iso().slice(0, 10);
		if (name === 'manpower_logs') attrs.man_hours = (Number(attrs.num_workers ?? 0) * Number(attrs.num_hours ?? 0)).toFixed(1);
		if (attrs.is_weather_delay !== undefined) attrs.is_weather_delay = String(Boolean(Number(attrs.is_weather_delay)));
		return respond(ctx, rt, createRecord(ctx, rt, keyOf(ctx).key, { ...attrs, status: 'pending' }), 201);
	};
}

export const manpowerCreate = defineHandler('POST /rest/v1.0/projects/{project_id}/manpower_logs', create('manpower_logs'));
export const notesCreate = defineHandler('POST /rest/v1.0/projects/{project_id}/notes_logs', create('notes_logs'));
export const weatherCreate = defineHandler('POST /rest/v1.1/projects/{project_id}/daily_logs/weather_logs', create('weather_logs'));

/**
 * Drawing revisions: `drawing_area_id`, `drawing_id`, `drawing_discipline_id` and `drawing_set_id`
 * (a set's id; the catalog types it as a number, so its text's `current_set` is refused) filter; obsolete revisions are left
 * out unless `with_obsolete=true`, as the parameter's description says.
 */
export const drawingRevisionList = defineHandler('GET /rest/v1.0/projects/{project_id}/drawing_revisions', (ctx, rt) => {
	const q = ctx.rawQuery;
	const eq = (a: unknown, b: string | null) => b === null || String(a) === b;
	const nestedId = (v: unknown) => (v && typeof v === 'object' ? (v as { id?: unknown }).id : undefined);
	const set = q.get('drawing_set_id');
	const rows = listRecords(ctx, rt, keyOf(ctx).key).filter(
		(r) =>
			(q.get('with_obsolete') === 'true' || r.obsolete !== true) &&
			eq(r.drawing_id, q.get('drawing_id')) &&
			eq(nestedId(r.drawing_area) ?? r.drawing_area_id, q.get('drawing_area_id')) &&
			eq(nestedId(r.discipline), q.get('drawing_discipline_id')) &&
			(set === null || String(nestedId(r.drawing_set)) === set),
	);
	return listReply(ctx, rt, rows);
});

export const dailyLogHandlers = [dailyLogLists, manpowerCreate, notesCreate, weatherCreate, drawingRevisionList];
