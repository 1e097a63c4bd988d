/**
 * A fault the sandbox cannot inject by itself: the connection drops AFTER Procore wrote the record
 * (the answer is lost on the way back), plus an access token that expires mid-run. The proxy sits
 * in front of the sandbox's API host, forwards every request, and for the chosen ones lets the
 * sandbox finish (the write happens) before destroying the client's socket.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import type { Sandbox } from '../../sandbox';

export interface ProxyFaults {
	/** 0..1: share of writes (POST/PATCH/PUT/DELETE under /rest/) whose answer is lost after the write. */
	dropAfterWrite?: number;
	/** Every N-th API call, the sandbox clock jumps past the access token's lifetime. */
	expireTokenEvery?: number;
}

export interface FaultProxy {
	url: string;
	faults: ProxyFaults;
	/** Writes whose answer was dropped after the sandbox stored them. */
	droppedAfterWrite: number;
	tokenExpiries: number;
	/** True while the proxy itself is moving bytes (reading a request, or writing an answer). */
	busy(): boolean;
	close(): Promise<void>;
}

/** A small seeded PRNG (mulberry32), so a scenario injects the same faults on every run. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export async function startFaultProxy(sb: Sandbox, seed = 7): Promise<FaultProxy> {
	const target = new URL(sb.url);
	const random = seeded(seed);
	let apiCalls = 0;
	let moving = 0;
	const proxy: FaultProxy = {
		url: '',
		faults: {},
		droppedAfterWrite: 0,
		tokenExpiries: 0,
		busy: () => moving > 0,
		close: async () => {
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		moving++;
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			moving--;
			const path = req.url ?? '/';
			const isApi = path.startsWith('/rest/');
			if (isApi) {
				apiCalls++;
				const every = proxy.faults.expireTokenEvery;
				if (every && apiCalls % every === 0) {
					sb.rt.clock.advance(sb.rt.config.tokenTtlSeconds + 1);
					proxy.tokenExpiries++;
				}
			}
			const isWrite = isApi && req.method !== 'GET';
			const drop = isWrite && random() < (proxy.faults.dropAfterWrite ?? 0);
			const upstream = http.request(
				{ host: target.hostname, port: target.port, method: req.method, path, headers: { ...req.headers, host: target.host } },
				(answer) => {
					const body: Buffer[] = [];
					moving++;
					answer.on('data', (c: Buffer) => body.push(c));
					answer.on('end', () => {
						moving--;
						// Only a write the sandbox accepted counts as "written, answer lost".
						if (drop && (answer.statusCode ?? 500) < 300) {
							proxy.droppedAfterWrite++;
							req.socket.destroy();
							return;
						}
						res.writeHead(answer.statusCode ?? 502, answer.headers);
						res.end(Buffer.concat(body));
					});
				},
			);
			upstream.on('error', () => req.socket.destroy());
			upstream.end(Buffer.concat(chunks));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return proxy;
}
