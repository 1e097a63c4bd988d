/**
 * Drives a run to completion under jest's fake timers without real waiting, so back-off and
 * pacing can be asserted in exact fake-clock milliseconds (n8n-workflow's `sleep` is a
 * setTimeout). The clock only jumps to the next fake timer when nothing real is in flight: an
 * HTTP exchange with nock still holds a real timer for a moment, and jumping then would fire the
 * HTTP client's own (fake) request timeout instead of letting the reply arrive.
 */
const realSetImmediate = setImmediate;
const realSetTimeout = setTimeout;

const turn = () => new Promise<void>((resolve) => realSetImmediate(resolve));
const realPause = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));
const realTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

export const FAKE_NOW = Date.parse('2026-11-22T12:00:00Z');

/** Fakes timers and Date, leaving the ticks nock and the HTTP client need for I/O real. */
export function useFakeClock(now = FAKE_NOW): void {
	jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'], now });
}

/**
 * Awaits `promise` while the fake clock jumps from timer to timer. Call after `useFakeClock()`;
 * start the work first, then pass its promise here. `busy`, when given, reports real work the
 * clock must not overtake, such as an in-process server (the sandbox) still handling a request:
 * no jump happens while it returns true (for at most 10 s of real time in a row).
 */
export async function settleWithFakeClock<T>(
	promise: Promise<T>,
	maxTimers = 500,
	busy?: () => boolean,
): Promise<T> {
	let settled = false;
	const tracked = promise.finally(() => {
		settled = true;
	});
	tracked.catch(() => {});
	const baseline = realTimers();
	let fired = 0;
	let realWaited = 0;
	let busyWaited = 0;
	while (!settled) {
		for (let i = 0; i < 10 && !settled; i++) {
			await turn();
			await jest.advanceTimersByTimeAsync(0);
		}
		if (settled) break;
		// Something real (an HTTP exchange) is still in flight: give it real time, briefly.
		if (realTimers() > baseline && realWaited < 2000) {
			await realPause(2);
			realWaited += 2;
			continue;
		}
		realWaited = 0;
		if (busy?.() && busyWaited < 10_000) {
			await realPause(2);
			busyWaited += 2;
			continue;
		}
		busyWaited = 0;
		if (jest.getTimerCount() === 0) {
			await realPause(1);
			continue;
		}
		// A loaded machine can leave a reply on the socket with no real timer pending: give real I/O a
		// quiet period before jumping, so the jump never lands on the HTTP client's own timeout.
		for (let q = 0; q < 5 && !settled; q++) {
			await realPause(10);
			await turn();
			await jest.advanceTimersByTimeAsync(0);
		}
		if (settled) break;
		if (realTimers() > baseline || busy?.()) continue;
		if (++fired > maxTimers) throw new Error(`settleWithFakeClock: more than ${maxTimers} timers fired`);
		await jest.advanceTimersToNextTimerAsync();
	}
	return await tracked;
}
