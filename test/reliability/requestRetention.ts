/**
 * "Does anything keep finished HTTP requests alive?" for the fault suite: every client request the
 * process starts (Node's `http.client.request.start` diagnostics channel) is held only weakly, and
 * `alive()` counts those a full garbage collection leaves. A request is small, but what it reaches
 * is not (its socket, the body buffers, the parsed JSON of a 1,000-RFI page): a leak of requests
 * is what grew the fault suite's worker by gigabytes under load.
 */
import diagnosticsChannel from 'diagnostics_channel';
import type * as http from 'http';
import * as v8 from 'v8';
import * as vm from 'vm';

export interface RequestRetention {
	/** Client requests started since `trackClientRequests()`. */
	started(): number;
	/** How many of them survive a full garbage collection. */
	alive(): Promise<number>;
	stop(): void;
}

/** V8's gc() without --expose-gc on the command line (the flag only has to be set before the context). */
function collector(): () => void {
	v8.setFlagsFromString('--expose-gc');
	return vm.runInNewContext('gc') as () => void;
}

export function trackClientRequests(): RequestRetention {
	const refs: Array<WeakRef<http.ClientRequest>> = [];
	const onStart = (message: unknown) => refs.push(new WeakRef((message as { request: http.ClientRequest }).request));
	diagnosticsChannel.subscribe('http.client.request.start', onStart);
	const gc = collector();
	return {
		started: () => refs.length,
		alive: async () => {
			// WeakRefs keep their target until the current job ends: collect on a later turn, twice
			// (objects with finalizers need a second pass).
			for (let pass = 0; pass < 2; pass++) {
				await new Promise<void>((resolve) => setImmediate(resolve));
				gc();
			}
			return refs.filter((r) => r.deref() !== undefined).length;
		},
		stop: () => diagnosticsChannel.unsubscribe('http.client.request.start', onStart),
	};
}
