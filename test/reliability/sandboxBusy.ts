/**
 * "Is real HTTP work still in flight?" for settleWithFakeClock's `busy`, so the fake clock never
 * jumps to an HTTP client's 60 s timeout while the in-process sandbox (or the fault proxy in front
 * of it) is really working. Client requests are seen through Node's `http.client.request.start`
 * diagnostics channel from creation until closed. A request held by the sandbox's 'slow' fault
 * waits on a fake timer and must not count (the jump past the timeout is the point): it holds two
 * client requests (n8n → proxy, proxy → sandbox) and one sandbox request.
 */
import diagnosticsChannel from 'diagnostics_channel';
import type * as http from 'http';

import type { Sandbox } from '../../sandbox';

const openClientRequests = new Set<http.ClientRequest>();
diagnosticsChannel.subscribe('http.client.request.start', (message) => {
	const { request } = message as { request: http.ClientRequest };
	openClientRequests.add(request);
	request.once('close', () => openClientRequests.delete(request));
});

export function sandboxBusy(sb: Sandbox, proxyBusy: () => boolean): () => boolean {
	const server = (sb as unknown as { server: http.Server }).server;
	let inFlight = 0;
	server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
		inFlight++;
		res.once('close', () => inFlight--);
	});
	const sleeping = () => sb.calls.filter((c) => c.fault === 'slow' && c.status === 0).length;
	return () => {
		const held = sleeping();
		return proxyBusy() || inFlight > held || openClientRequests.size > 2 * held;
	};
}
