/** The least time Procore's two windows allow for a number of calls. */
import type { RateLimitConfig } from '../../sandbox';

/**
 * Seconds from the first call to the start of the last one when every call is sent the moment
 * the limits allow it. Windows are fixed and open at their first call (the sandbox's model, as
 * Procore describes it: a limit and a reset time per window).
 */
export function minimumSeconds(calls: number, cfg: RateLimitConfig): number {
	let t = 0;
	const hour = { start: 0, count: 0 };
	const spike = { start: 0, count: 0 };
	for (let k = 0; k < calls; k++) {
		if (t - hour.start >= 3600) Object.assign(hour, { start: t, count: 0 });
		if (t - spike.start >= cfg.spikeWindowSeconds) Object.assign(spike, { start: t, count: 0 });
		if (hour.count >= cfg.hourly) {
			t = hour.start + 3600;
			Object.assign(hour, { start: t, count: 0 });
			Object.assign(spike, { start: t, count: 0 });
		}
		if (spike.count >= cfg.spike) {
			t = spike.start + cfg.spikeWindowSeconds;
			Object.assign(spike, { start: t, count: 0 });
			if (t - hour.start >= 3600) Object.assign(hour, { start: t, count: 0 });
		}
		hour.count++;
		spike.count++;
	}
	return t;
}
