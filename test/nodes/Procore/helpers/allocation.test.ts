import {
	AllocationError,
	allocate,
	formatClockTime,
	hundredthsToHours,
	largestRemainder,
	localDate,
	minutesToHundredths,
	parseClockTime,
	timeSegments,
	workedMinutes,
} from '../../../../nodes/Procore/helpers/allocation';

describe('largestRemainder', () => {
	it('always sums to the total', () => {
		for (let total = 0; total < 200; total += 7) {
			for (const weights of [[1, 1, 1], [33.3, 33.3, 33.4], [5, 0, 95], [1, 2, 3, 4, 5, 6, 7]]) {
				const parts = largestRemainder(total, weights);
				expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
				expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
			}
		}
	});

	it('gives left-over units to the largest remainders, earlier line on a tie', () => {
		expect(largestRemainder(479, [1, 1, 1])).toEqual([160, 160, 159]);
		expect(largestRemainder(10, [1, 2])).toEqual([3, 7]);
	});

	it('refuses all-zero shares', () => {
		expect(() => largestRemainder(10, [0, 0])).toThrow(AllocationError);
	});
});

describe('clock times', () => {
	it('keeps the offset it was given and the local day', () => {
		const t = parseClockTime('2026-11-20T23:30:00-08:00')!;
		expect(new Date(t.epochMs).toISOString()).toBe('2026-11-21T07:30:00.000Z');
		expect(localDate(t)).toBe('2026-11-20');
		expect(formatClockTime(t.epochMs + 60 * 60_000, t.offset)).toBe('2026-11-21T00:30:00-08:00');
	});

	it('treats a time without offset as a wall time and writes it back without one', () => {
		const t = parseClockTime('2026-11-20 07:00')!;
		expect(t.offset).toBe('');
		expect(formatClockTime(t.epochMs, t.offset)).toBe('2026-11-20T07:00:00');
	});

	it('refuses what is not a date-time', () => {
		expect(parseClockTime('tomorrow')).toBeUndefined();
		expect(parseClockTime('2026-02-30T07:00:00Z')).toBeUndefined();
	});

	it('counts worked minutes and refuses impossible shifts', () => {
		const a = parseClockTime('2026-11-20T07:00:00Z')!;
		const b = parseClockTime('2026-11-20T15:29:00Z')!;
		expect(workedMinutes(a, b, 30)).toBe(479);
		expect(() => workedMinutes(b, a, 0)).toThrow(/not after clock-in/);
		expect(() => workedMinutes(a, b, 600)).toThrow(/Lunch/);
		expect(() => workedMinutes(a, parseClockTime('2026-11-22T07:00:00Z')!, 0)).toThrow(/24 h/);
	});
});

describe('allocate', () => {
	it('7 h 59 min over three milestones in hundredths adds up to exactly 7.98 h', () => {
		const worked = 479;
		const total = minutesToHundredths(worked);
		const shares = allocate(
			[{ key: 'a', amount: 33.33 }, { key: 'b', amount: 33.33 }, { key: 'c', amount: 33.34 }],
			'percent',
			worked,
			total,
		);
		expect(shares.map((s) => hundredthsToHours(s.units))).toEqual(['2.66', '2.66', '2.66']);
		expect(shares.reduce((a, s) => a + s.units, 0)).toBe(798);
	});

	it('in minutes, the shares add up to the worked minutes', () => {
		const shares = allocate([{ key: 'a', amount: 20 }, { key: 'b', amount: 30 }, { key: 'c', amount: 50 }], 'percent', 479, 479);
		expect(shares.map((s) => s.units)).toEqual([96, 144, 239]);
	});

	it('percentages that do not add up to 100 get a clear error', () => {
		expect(() => allocate([{ key: 'a', amount: 50 }, { key: 'b', amount: 40 }], 'percent', 480, 800)).toThrow(
			'The percentages add up to 90, not 100',
		);
	});

	it('hours must match the worked time within a minute', () => {
		const shares = allocate([{ key: 'a', amount: 4 }, { key: 'b', amount: 3.98 }], 'hours', 479, 798);
		expect(shares.map((s) => s.units)).toEqual([400, 398]);
		expect(() => allocate([{ key: 'a', amount: 8 }, { key: 'b', amount: 1 }], 'hours', 479, 798)).toThrow(
			/add up to 9 h, but the worked time is 7.98 h \(7 h 59 min\)/,
		);
	});

	it('merges repeated milestones and drops zero shares', () => {
		expect(
			allocate([{ key: 'a', amount: 25 }, { key: 'b', amount: 0 }, { key: 'a', amount: 75 }], 'percent', 60, 100),
		).toEqual([{ key: 'a', units: 100 }]);
	});

	it('refuses negative and empty allocations', () => {
		expect(() => allocate([{ key: 'a', amount: -5 }, { key: 'b', amount: 105 }], 'percent', 60, 100)).toThrow(/not allowed/);
		expect(() => allocate([], 'percent', 60, 100)).toThrow(/empty/);
	});
});

describe('timeSegments', () => {
	it('lays windows end to end from clock-in; the largest carries lunch and the last ends at clock-out', () => {
		const start = Date.parse('2026-11-20T07:00:00Z');
		const segments = timeSegments(start, [120, 240, 119], 30);
		expect(segments.map((s) => s.lunchMinutes)).toEqual([0, 30, 0]);
		expect(new Date(segments[2].timeOut).toISOString()).toBe('2026-11-20T15:29:00.000Z');
		expect(segments[1].timeIn).toBe(segments[0].timeOut);
	});
});
