/**
 * Clock-out allocation math, pure. A worker's time is split across milestones in whole units
 * (minutes, or hundredths of an hour) with the largest-remainder method, so the parts always add
 * up to exactly the worked time: no rounding drift however many milestones there are.
 */

export class AllocationError extends Error {}

/**
 * Splits an integer total into integer parts proportional to the weights; the units left after
 * flooring go to the largest remainders (ties: the earlier line), so the parts sum to the total.
 */
export function largestRemainder(total: number, weights: number[]): number[] {
	if (!Number.isInteger(total) || total < 0) throw new AllocationError(`Cannot split ${total}: not a whole number of units`);
	const sum = weights.reduce((a, b) => a + b, 0);
	if (!weights.length || sum <= 0) throw new AllocationError('Nothing to split the time over: every share is zero');
	const exact = weights.map((w) => (total * w) / sum);
	const parts = exact.map((x) => Math.floor(x + 1e-9));
	let left = total - parts.reduce((a, b) => a + b, 0);
	const order = exact
		.map((x, i) => ({ i, rest: x - parts[i] }))
		.sort((a, b) => b.rest - a.rest || a.i - b.i);
	for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i]++;
	return parts;
}

export interface ClockTime {
	epochMs: number;
	/** The offset as written ('Z', '+02:00', or '' for a local wall time), kept for the output. */
	offset: string;
}

const CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO date-time. A time without offset is a wall time at the project: arithmetic treats it as
 * UTC and the output is written back without an offset, so no server time zone leaks in.
 */
export function parseClockTime(value: unknown): ClockTime | undefined {
	const m = CLOCK.exec(String(value ?? '').trim());
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s, rawOffset] = m;
	const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(s ?? 0));
	const check = new Date(wall);
	if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59) return undefined;
	if (!rawOffset) return { epochMs: wall, offset: '' };
	if (rawOffset.toUpperCase() === 'Z') return { epochMs: wall, offset: 'Z' };
	const sign = rawOffset.startsWith('-') ? -1 : 1;
	const digits = rawOffset.slice(1).replace(':', '');
	const minutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
	return { epochMs: wall - minutes * 60_000, offset: `${rawOffset[0]}${digits.slice(0, 2)}:${digits.slice(2)}` };
}

function offsetMinutes(offset: string): number {
	if (!offset || offset === 'Z') return 0;
	const sign = offset.startsWith('-') ? -1 : 1;
	return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** Writes a time in the same offset style it was given in. */
export function formatClockTime(epochMs: number, offset: string): string {
	const local = new Date(epochMs + offsetMinutes(offset) * 60_000);
	const text = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
	return `${text}${offset}`;
}

/** The calendar day of a clock time where it was recorded (not in UTC). */
export function localDate(time: ClockTime): string {
	return formatClockTime(time.epochMs, time.offset).slice(0, 10);
}

/** Whole minutes between clock-in and clock-out, less lunch; refuses impossible shifts. */
export function workedMinutes(clockIn: ClockTime, clockOut: ClockTime, lunchMinutes: number): number {
	const span = Math.round((clockOut.epochMs - clockIn.epochMs) / 60_000);
	if (span <= 0) throw new AllocationError('Clock-out is not after clock-in');
	if (span > 24 * 60) throw new AllocationError(`The shift lasts ${(span / 60).toFixed(2)} h; Procore allows at most 24 h per entry`);
	if (!Number.isFinite(lunchMinutes) || lunchMinutes < 0 || !Number.isInteger(lunchMinutes)) {
		throw new AllocationError(`Lunch must be a whole number of minutes, not ${lunchMinutes}`);
	}
	if (lunchMinutes >= span) throw new AllocationError(`Lunch (${lunchMinutes} min) is as long as the whole shift (${span} min)`);
	return span - lunchMinutes;
}

export type AllocationUnit = 'percent' | 'hours';

export interface AllocationLine<K = string> {
	key: K;
	amount: number;
}

/** Within this much of the worked time, hours given per milestone are taken as exact (rounding on the phone). */
export const HOURS_TOLERANCE_MINUTES = 1;

function formatHours(minutes: number): string {
	return `${(minutes / 60).toFixed(2)} h (${Math.floor(minutes / 60)} h ${minutes % 60} min)`;
}

/**
 * Shares of `total` units (minutes or hundredths of an hour) per line. Percentages must add up
 * to 100; hours must add up to the worked time (within a minute). Lines for the same key are
 * merged; lines of zero get nothing (and no entry).
 */
export function allocate<K>(
	lines: Array<AllocationLine<K>>,
	unit: AllocationUnit,
	workedMinutesTotal: number,
	totalUnits: number,
	sameKey: (a: K, b: K) => boolean = (a, b) => a === b,
): Array<{ key: K; units: number }> {
	if (!lines.length) throw new AllocationError('The allocation is empty: give at least one milestone with its share');
	const merged: Array<AllocationLine<K>> = [];
	for (const line of lines) {
		if (!Number.isFinite(line.amount) || line.amount < 0) {
			throw new AllocationError(`A share of ${String(line.amount)} ${unit === 'percent' ? '%' : 'h'} is not allowed: use a number of 0 or more`);
		}
		const same = merged.find((m) => sameKey(m.key, line.key));
		if (same) same.amount += line.amount;
		else merged.push({ ...line });
	}
	const sum = merged.reduce((a, b) => a + b.amount, 0);
	if (unit === 'percent' && Math.abs(sum - 100) > 0.01) {
		throw new AllocationError(
			`The percentages add up to ${+sum.toFixed(4)}, not 100. Adjust them so they total exactly 100, or allocate in hours.`,
		);
	}
	if (unit === 'hours' && Math.abs(sum * 60 - workedMinutesTotal) > HOURS_TOLERANCE_MINUTES) {
		throw new AllocationError(
			`The hours allocated add up to ${+sum.toFixed(4)} h, but the worked time is ${formatHours(workedMinutesTotal)}. Adjust the hours, or allocate in percentages.`,
		);
	}
	const units = largestRemainder(totalUnits, merged.map((m) => m.amount));
	return merged.map((m, i) => ({ key: m.key, units: units[i] })).filter((r) => r.units > 0);
}

/** Worked minutes in hundredths of an hour (7 h 59 min → 798, shown as 7.98). */
export function minutesToHundredths(minutes: number): number {
	return Math.round((minutes * 100) / 60);
}

export function hundredthsToHours(hundredths: number): string {
	return (hundredths / 100).toFixed(2);
}

export interface TimeSegment {
	timeIn: number;
	timeOut: number;
	lunchMinutes: number;
}

/**
 * Consecutive time-in/time-out windows, from clock-in, one per share of minutes; the lunch is
 * carried by the largest share (the first, on a tie), so the last window ends at clock-out.
 */
export function timeSegments(clockInMs: number, minutes: number[], lunchMinutes: number): TimeSegment[] {
	let lunchAt = 0;
	minutes.forEach((m, i) => {
		if (m > minutes[lunchAt]) lunchAt = i;
	});
	let cursor = clockInMs;
	return minutes.map((m, i) => {
		const lunch = i === lunchAt ? lunchMinutes : 0;
		const timeIn = cursor;
		cursor += (m + lunch) * 60_000;
		return { timeIn, timeOut: cursor, lunchMinutes: lunch };
	});
}
