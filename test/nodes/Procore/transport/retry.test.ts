import { pacingDelayMs, recordRateLimit, retryDelayMs } from '../../../../nodes/Procore/transport/retry';

describe('retryDelayMs', () => {
	const now = Date.parse('2026-11-22T12:00:00Z');

	it('honours Retry-After in seconds first', () => {
		expect(retryDelayMs({ 'retry-after': '7', 'x-rate-limit-reset': String(now / 1000 + 60) }, 0, now)).toBe(7000);
	});

	it('honours Retry-After as an HTTP date', () => {
		expect(retryDelayMs({ 'retry-after': new Date(now + 3000).toUTCString() }, 0, now)).toBe(3000);
	});

	it('falls back to X-Rate-Limit-Reset', () => {
		expect(retryDelayMs({ 'x-rate-limit-reset': String(now / 1000 + 4) }, 0, now)).toBe(4250);
	});

	it('backs off exponentially without headers', () => {
		expect([0, 1, 2, 3].map((a) => retryDelayMs({}, a, now))).toEqual([1000, 2000, 4000, 8000]);
	});
});

describe('rate-limit pacing', () => {
	it('waits for the reset only when the window is spent', () => {
		const now = Date.parse('2026-11-22T12:00:00Z');
		const state = {};
		recordRateLimit(state, { 'x-rate-limit-remaining': '3', 'x-rate-limit-reset': String(now / 1000 + 10) });
		expect(pacingDelayMs(state, now)).toBe(0);
		recordRateLimit(state, { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(now / 1000 + 10) });
		expect(pacingDelayMs(state, now)).toBe(10_050);
	});
});
