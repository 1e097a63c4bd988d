/**
 * One HTTP server plays Procore's login host, API host and the storage host: the API is addressed
 * as http://127.0.0.1:<port> and storage as http://localhost:<port>, so a redirect to storage
 * crosses hosts exactly as Procore's redirects to S3 do.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { handleApi, type ApiDeps } from './api';
import { type CallRecord, queryRecord } from './calls';
import { checkResponse } from './engine/response-check';
import type { Faults } from './limits/faults';
import { oauthRoute } from './oauth/routes';
import type { Reply } from './types';

export type Route = (
	req: http.IncomingMessage,
	res: http.ServerResponse,
	url: URL,
) => Promise<Reply | null | 'handled'>;

export interface ServerDeps extends ApiDeps {
	faults: Faults;
	calls: CallRecord[];
	/** Where `checkResponses` records replies that do not match their operation's 2xx schema. */
	responseProblems: string[];
	control: Route;
	files: Route;
}

export function send(
	res: http.ServerResponse,
	reply: Reply,
	extra: Record<string, string> = {},
): void {
	if (res.headersSent || res.destroyed) return;
	const headers: Record<string, string | number> = { ...extra, ...(reply.headers ?? {}) };
	let payload: string | Buffer | undefined;
	if (reply.raw !== undefined) {
		payload = reply.raw;
		headers['Content-Type'] = reply.contentType ?? 'application/json; charset=utf-8';
	} else if (reply.body !== undefined && reply.status !== 204) {
		payload = JSON.stringify(reply.body);
		headers['Content-Type'] = 'application/json; charset=utf-8';
	}
	if (payload !== undefined) headers['Content-Length'] = Buffer.byteLength(payload);
	res.writeHead(reply.status, headers);
	res.end(payload);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createServer(deps: ServerDeps): http.Server {
	const server = http.createServer((req, res) => {
		void serve(req, res, deps).catch((err: unknown) => {
			send(res, {
				status: 500,
				body: { errors: `sandbox error: ${err instanceof Error ? err.message : String(err)}` },
			});
		});
	});
	server.keepAliveTimeout = 1000;
	return server;
}

async function serve(
	req: http.IncomingMessage,
	res: http.ServerResponse,
	deps: ServerDeps,
): Promise<void> {
	const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
	const record: CallRecord = {
		at: deps.rt.clock.iso(),
		method: req.method ?? 'GET',
		path: url.pathname,
		query: queryRecord(url.searchParams),
		status: 0,
		companyHeader: (req.headers['procore-company-id'] as string | undefined) ?? null,
		authPresent: !!req.headers.authorization,
		host: url.hostname,
		operationId: null,
	};
	if (url.pathname.startsWith('/_sandbox/')) {
		const reply = await deps.control(req, res, url);
		if (reply && reply !== 'handled') send(res, reply);
		return;
	}
	deps.calls.push(record);
	// A bounded log: long benchmark runs keep the newest entries only.
	if (deps.calls.length > 20000) deps.calls.splice(0, deps.calls.length - 20000);
	const fault = deps.faults.pick(deps.rt.config.faults, url.pathname);
	if (fault) {
		record.fault = fault.kind;
		if (fault.kind === 'drop') {
			record.status = -1;
			req.socket.destroy();
			return;
		}
		if (fault.kind === '503') {
			record.status = 503;
			const retry = String(fault.retryAfterSeconds ?? 1);
			send(res, {
				status: 503,
				headers: { 'Retry-After': retry },
				body: { errors: 'Service Unavailable' },
			});
			return;
		}
		await sleep(fault.delayMs ?? 1000);
	}
	let reply: Reply | null | 'handled' = null;
	let extra: Record<string, string> = {};
	if (url.pathname.startsWith('/oauth/'))
		reply = await oauthRoute(req, url, deps.accounts, deps.tokens, deps.rt.config.oauthAutoApprove);
	else if (url.pathname.startsWith('/rest/')) {
		const result = await handleApi(req, res, url, deps);
		reply = result.reply;
		extra = result.extraHeaders;
		record.operationId = result.operationId;
		const check = deps.rt.config.checkResponses;
		if (result.op && (check === true || (Array.isArray(check) && check.includes(result.op.operationId))))
			deps.responseProblems.push(
				...checkResponse(result.op, result.reply, deps.rt.config.responseCheckWaivers),
			);
	} else reply = await deps.files(req, res, url);
	if (reply === 'handled') {
		record.status = res.statusCode;
		return;
	}
	const final = reply ?? {
		status: 404,
		body: { errors: `No route matches [${req.method}] "${url.pathname}"` },
	};
	record.status = final.status;
	// Drain unread bodies so keep-alive connections stay usable.
	if (!req.readableEnded) req.resume();
	send(res, final, extra);
}

export async function listen(server: http.Server, port: number, host: string): Promise<number> {
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	return (server.address() as AddressInfo).port;
}
