/**
 * A worker's shift placed in the project's time zone (luxon, which n8n provides at run time).
 *
 * Workforce apps send clock times in UTC. The day the time counts for, the times written to
 * Procore and the length of a shift across a daylight-saving change all depend on where the
 * project is, not on the server or on the offset the app happened to send:
 * - a time with an offset or `Z` is an instant, shown in the project's zone;
 * - a time without one is a wall-clock time at the project (DST applied by the zone's rules);
 * - the worked time is the real time elapsed between the two instants (a night across the
 *   autumn change is an hour longer on the wall clock's face than it looks).
 *
 * A shift across midnight is not split. Procore's timecard entry has one `date` and takes
 * `time_in` / `time_out` as full ISO date-times with up to 24 hours per entry
 * (procore-api.md §4.1), so one entry can run past midnight; Procore documents no rule that
 * splits it. Splitting would also give one clock-out two entries per milestone and break the
 * one-origin-ID-per-milestone scheme that keeps re-exports and edited clock-outs from doubling
 * hours. So the whole shift counts on the local day it started (the payroll "start day" rule).
 */
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

export class ShiftTimeError extends Error {
	constructor(
		message: string,
		readonly fix: string,
	) {
		super(message);
	}
}

/** Where the zone used for a shift came from (shown in the output so a wrong day can be traced). */
export type ZoneSource = 'option' | 'project' | 'offset' | 'utc';

export interface ShiftZone {
	/** An IANA name (America/Los_Angeles) or a fixed offset (UTC-8). */
	name: string;
	source: ZoneSource;
}

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

function isIana(name: unknown): name is string {
	return typeof name === 'string' && name.trim() !== '' && IANAZone.isValidZone(name.trim());
}

/** Whether a text is a time zone luxon knows (IANA name such as Europe/Berlin). */
export function isTimeZone(name: unknown): boolean {
	return isIana(name);
}

/**
 * The zone of a shift: the Time Zone option when set (an override), else the project's `tz_name`,
 * else the offset written in the clock-in time (a fallback for projects without a zone), else UTC.
 */
export function shiftZone(override: string, projectTzName: unknown, clockIn: unknown): ShiftZone {
	if (override.trim()) return { name: override.trim(), source: 'option' };
	if (isIana(projectTzName)) return { name: projectTzName.trim(), source: 'project' };
	const written = typeof clockIn === 'string' ? OFFSET.exec(clockIn.trim())?.[1] : undefined;
	if (written && written.toUpperCase() !== 'Z') {
		const probe = DateTime.fromISO(`2000-01-01T00:00:00${written}`, { setZone: true });
		if (probe.isValid) return { name: FixedOffsetZone.instance(probe.offset).name, source: 'offset' };
	}
	return { name: 'UTC', source: 'utc' };
}

/** A clock time (ISO text, JS Date or luxon DateTime) as an instant in the zone, or a ShiftTimeError. */
export function readClockTime(value: unknown, label: string, zone: string): DateTime {
	let time: DateTime | undefined;
	if (DateTime.isDateTime(value)) time = value.setZone(zone);
	else if (value instanceof Date) time = DateTime.fromJSDate(value, { zone });
	else if (typeof value === 'string' && value.trim()) {
		const text = value.trim().replace(' ', 'T');
		time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? DateTime.fromISO(text, { zone }) : undefined;
		// A wall time that does not exist (the spring-forward gap) is moved by luxon; refuse it.
		if (time?.isValid && !OFFSET.test(text) && time.toFormat("yyyy-MM-dd'T'HH:mm") !== text.slice(0, 16)) {
			throw new ShiftTimeError(
				`${label} "${value}" does not exist in ${zone}: the clocks skip that hour (daylight saving time)`,
				'Send the time in UTC (ending in Z) as the workforce app records it, or the local time after the change.',
			);
		}
	}
	if (!time?.isValid) {
		throw new ShiftTimeError(
			`${label} "${String(value ?? '')}" is not a date and time`,
			'Use ISO 8601, e.g. 2026-11-20T15:00:00Z (UTC, as workforce apps send it) or 2026-11-20T07:00:00 (the project\'s local time).',
		);
	}
	return time;
}

export interface Shift {
	zone: ShiftZone;
	start: DateTime;
	end: DateTime;
	/** The local day the shift started (YYYY-MM-DD): the entry's `date`. */
	date: string;
	/** Real minutes between clock-in and clock-out (before lunch). */
	spanMinutes: number;
}

function checkZone(zone: ShiftZone): void {
	if (!isIana(zone.name) && zone.source === 'option') {
		throw new ShiftTimeError(
			`Time Zone "${zone.name}" is not a time zone`,
			'Give an IANA time zone name such as America/Los_Angeles or Europe/Berlin, or leave Time Zone empty to use the project\'s.',
		);
	}
}

/** A clock-in alone (exported before the clock-out): the instant in the zone and its local day. */
export function readClockIn(clockIn: unknown, zone: ShiftZone): Pick<Shift, 'zone' | 'start' | 'date'> {
	checkZone(zone);
	const start = readClockTime(clockIn, 'Clock In', zone.name);
	return { zone, start, date: start.toISODate()! };
}

export function readShift(clockIn: unknown, clockOut: unknown, zone: ShiftZone): Shift {
	checkZone(zone);
	const start = readClockTime(clockIn, 'Clock In', zone.name);
	const end = readClockTime(clockOut, 'Clock Out', zone.name);
	return {
		zone,
		start,
		end,
		date: start.toISODate()!,
		spanMinutes: Math.round(end.diff(start, 'minutes').minutes),
	};
}

/** An instant written in the zone's offset at that instant (so the offset changes across DST). */
export function formatInZone(epochMs: number, zone: string): string {
	return DateTime.fromMillis(epochMs, { zone }).toISO({ suppressMilliseconds: true })!;
}
