/**
 * Procore's two windows per (OAuth app, company) bucket: an hourly limit and a 10-second spike
 * limit. X-Rate-Limit-* headers describe whichever window is closer to exhaustion.
 */
import type { Clock } from '../clock';
import type { RateLimitConfig } from '../config';
import type { Reply } from '../types';

interface Window {
	start: number;
	count: number;
}

export const RATE_LIMIT_MESSAGE =
	'You have surpassed the max number of requests for an hour. Please wait until your limit resets.';

export class RateLimiter {
	private readonly buckets = new Map<string, { hour: Window; spike: Window }>();
	constructor(private readonly clock: Clock) {}

	/** Counts the request; returns headers for every response, and a 429 reply when over a limit. */
	take(
		bucketKey: string,
		cfg: RateLimitConfig,
	): { headers: Record<string, string>; reject?: Reply } {
		const now = this.clock.now();
		const b = this.buckets.get(bucketKey) ?? {
			hour: { start: now, count: 0 },
			spike: { start: now, count: 0 },
		};
		this.buckets.set(bucketKey, b);
		const hourMs = 3600 * 1000;
		const spikeMs = cfg.spikeWindowSeconds * 1000;
		if (now - b.hour.start >= hourMs) b.hour = { start: now, count: 0 };
		if (now - b.spike.start >= spikeMs) b.spike = { start: now, count: 0 };
		const over = b.hour.count >= cfg.hourly || b.spike.count >= cfg.spike;
		if (!over) {
			b.hour.count++;
			b.spike.count++;
		}
		const windows = [
			{
				limit: cfg.hourly,
				remaining: Math.max(0, cfg.hourly - b.hour.count),
				reset: b.hour.start + hourMs,
			},
			{
				limit: cfg.spike,
				remaining: Math.max(0, cfg.spike - b.spike.count),
				reset: b.spike.start + spikeMs,
			},
		];
		// Exhausted windows first, then the one with the smaller share left.
		windows.sort((x, y) => x.remaining / x.limit - y.remaining / y.limit || x.reset - y.reset);
		const tight = over
			? b.hour.count >= cfg.hourly
				? windows.find((w) => w.limit === cfg.hourly)!
				: windows.find((w) => w.limit === cfg.spike)!
			: windows[0];
		const headers = {
			'X-Rate-Limit-Limit': String(tight.limit),
			'X-Rate-Limit-Remaining': String(tight.remaining),
			'X-Rate-Limit-Reset': String(Math.ceil(tight.reset / 1000)),
		};
		if (!over) return { headers };
		const wait = Math.max(1, Math.ceil((tight.reset - now) / 1000));
		return {
			headers,
			reject: {
				status: 429,
				headers: cfg.retryAfterOn429 ? { 'Retry-After': String(wait) } : {},
				raw: RATE_LIMIT_MESSAGE,
				contentType: 'text/plain; charset=utf-8',
			},
		};
	}

	clear(): void {
		this.buckets.clear();
	}
}
