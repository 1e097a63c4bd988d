/**
 * Rate limits and injected faults. Procore sends X-Rate-Limit-* on every response (§8.4): the
 * default `generous` limit does too; `rateLimit: null` (off) sends none. UNCONFIRMED choice: 429
 * carries Retry-After by default (switchable).
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { RATE_LIMIT_MESSAGE } from '../../sandbox/limits/rate-limit';
import { call } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(() => sb.stop());
afterEach(() => sb.reset());
afterEach(() => sb.config({ rateLimit: null, faults: [] }));

const me = (token?: string, company?: number | null) =>
	call(sb, 'GET', '/rest/v1.0/me', { token, company: company === undefined ? null : company });

describe('rate limits', () => {
	it('sends no rate-limit headers while limiting is off', async () => {
		sb.config({ rateLimit: null });
		expect((await me()).headers.get('x-rate-limit-limit')).toBeNull();
	});

	it("counts down the spike window and answers 429 with Retry-After and Procore's text", async () => {
		sb.config({
			rateLimit: { hourly: 100, spike: 3, spikeWindowSeconds: 10, retryAfterOn429: true },
		});
		const t = sb.issueToken();
		const seen = [];
		for (let i = 0; i < 3; i++) {
			const r = await me(t);
			seen.push([
				r.status,
				r.headers.get('x-rate-limit-limit'),
				r.headers.get('x-rate-limit-remaining'),
			]);
		}
		expect(seen).toEqual([
			[200, '3', '2'],
			[200, '3', '1'],
			[200, '3', '0'],
		]);
		const limited = await me(t);
		expect(limited.status).toBe(429);
		expect(limited.text).toBe(RATE_LIMIT_MESSAGE);
		expect(limited.text).toBe(
			'You have surpassed the max number of requests for an hour. Please wait until your limit resets.',
		);
		const retry = Number(limited.headers.get('retry-after'));
		expect(retry).toBeGreaterThanOrEqual(1);
		expect(retry).toBeLessThanOrEqual(10);
		expect(Number(limited.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
		// A new window opens after the spike interval.
		sb.rt.clock.advance(10);
		expect((await me(t)).status).toBe(200);
	});

	it('reports the hourly window once it is the closer one to exhaustion', async () => {
		sb.config({
			rateLimit: { hourly: 4, spike: 25, spikeWindowSeconds: 10, retryAfterOn429: false },
		});
		const t = sb.issueToken();
		const r1 = await me(t);
		expect([
			r1.headers.get('x-rate-limit-limit'),
			r1.headers.get('x-rate-limit-remaining'),
		]).toEqual(['4', '3']);
		for (let i = 0; i < 3; i++) await me(t);
		const limited = await me(t);
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBeNull();
		expect(limited.headers.get('x-rate-limit-limit')).toBe('4');
	});

	it('keeps one bucket per (app, company)', async () => {
		sb.config({
			rateLimit: { hourly: 100, spike: 1, spikeWindowSeconds: 10, retryAfterOn429: true },
		});
		const user = sb.issueToken();
		expect((await me(user)).status).toBe(200);
		expect((await me(user)).status).toBe(429);
		expect((await me(sb.issueToken('dmsa'), sb.companyId)).status).toBe(200);
		expect((await me(user, sb.companyId)).status).toBe(200);
	});

	it('offers the documented example as a preset', async () => {
		sb.config({ rateLimit: 'doc-example' });
		const r = await me();
		expect(r.headers.get('x-rate-limit-limit')).toBe('25');
		expect(sb.rt.config.rateLimit).toMatchObject({
			hourly: 3600,
			spike: 25,
			spikeWindowSeconds: 10,
		});
	});
});

describe('faults', () => {
	it('answers 503 with Retry-After for the next N matching calls only', async () => {
		sb.config({ faults: [{ kind: '503', next: 2, retryAfterSeconds: 7, pathPattern: '/rfis' }] });
		const path = `/rest/v1.0/projects/${sb.seed.projects.tower}/rfis`;
		expect((await me()).status).toBe(200);
		const a = await call(sb, 'GET', path);
		const b = await call(sb, 'GET', path);
		expect([a.status, a.headers.get('retry-after'), b.status]).toEqual([503, '7', 503]);
		expect((await call(sb, 'GET', path)).status).toBe(200);
		expect(sb.calls.filter((c) => c.fault === '503')).toHaveLength(2);
	});

	it('drops connections (socket destroyed, no response)', async () => {
		sb.config({ faults: [{ kind: 'drop', next: 1 }] });
		await expect(
			fetch(`${sb.url}/rest/v1.0/me`, { headers: { Authorization: `Bearer ${sb.issueToken()}` } }),
		).rejects.toThrow();
		expect((await me()).status).toBe(200);
	});

	it('delays slow responses before answering normally', async () => {
		sb.config({ faults: [{ kind: 'slow', next: 1, delayMs: 50 }] });
		const r = await me();
		expect(r.status).toBe(200);
		expect(sb.calls[sb.calls.length - 1].fault).toBe('slow');
	});

	it('fires at a seeded rate, identically on every run with the same seed', async () => {
		const pattern = async () => {
			sb.config({ faultSeed: 1234, faults: [{ kind: '503', rate: 0.3 }] });
			const out: number[] = [];
			for (let i = 0; i < 20; i++) out.push((await me()).status);
			return out;
		};
		const first = await pattern();
		const second = await pattern();
		expect(first).toEqual(second);
		const failures = first.filter((s) => s === 503).length;
		expect(failures).toBeGreaterThan(0);
		expect(failures).toBeLessThan(20);
	});
});
