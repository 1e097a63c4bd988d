/**
 * Webhook security and secret hygiene. Forged, missing and replayed deliveries are refused without
 * starting an execution; the webhook secret, the credential's access and refresh tokens and its
 * client secret never appear in anything a user or a log can see: node outputs, error messages and
 * descriptions (NodeApiError from 401/403/422 answers to requests that carried the bearer), the
 * serialised run data, and every logger line. Each captured string is grepped for each secret.
 */
import type { IDataObject, IHttpRequestOptions, IWebhookFunctions, Logger } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';
import nock from 'nock';

import { ProcoreTrigger } from '../../nodes/ProcoreTrigger/ProcoreTrigger.node';
import { HARNESS_API, HARNESS_PROCORE_CREDENTIALS, interceptProcore, runWorkflowFixture } from '../harness';
import { createHookContext, createWebhookContext } from '../helpers/triggerContext';
import { NODE, procoreWorkflow } from './writePaths';

jest.setTimeout(30_000);

const trigger = new ProcoreTrigger();
const SECRET = 'f00dfacecafe'.repeat(5) + 'beef';
const ACCESS_TOKEN = 'AT-7c1d2e9f40b8a6553e1d0c4b9a7f2e16';
const REFRESH_TOKEN = 'RT-2b9e8d7c6a5f40312e1d0c9b8a7f6e5d';
const CLIENT_SECRET = 'CS-91f0e8d7c6b5a4039281f7e6d5c4b3a2';
const SECRETS = { webhookSecret: SECRET, accessToken: ACCESS_TOKEN, refreshToken: REFRESH_TOKEN, clientSecret: CLIENT_SECRET };

/** Every string a person or a log could see, gathered per test and grepped at the end. */
let captured: string[] = [];
let grepped = 0;

/**
 * Everything an error (or any value) holds, nested keys included. A replacer list such as
 * `Object.getOwnPropertyNames(error)` applies at every depth, so it dropped `errorResponse`'s
 * nested keys and with them the secret it was meant to find (issue 22, finding 5).
 */
function serialize(value: unknown): string {
	// n8n's errors have a toJSON that leaves errorResponse out, and JSON.stringify calls it before
	// any replacer: every error is copied to a plain object first, own properties and cause included.
	const seen = new Set<unknown>();
	const plain = (v: unknown, depth: number): unknown => {
		if (v === null || typeof v !== 'object' || depth > 12) return v;
		if (seen.has(v)) return '[circular]';
		seen.add(v);
		if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
		const keys = v instanceof Error ? [...Object.getOwnPropertyNames(v), 'cause', 'description'] : Object.keys(v);
		return Object.fromEntries(keys.map((k) => [k, plain((v as Record<string, unknown>)[k], depth + 1)]));
	};
	return JSON.stringify(plain(value, 0));
}

function capture(label: string, value: unknown): void {
	let text: string;
	try {
		text = typeof value === 'string' ? value : serialize(value);
	} catch {
		text = String(value);
	}
	captured.push(`${label}: ${text}`);
}

function expectNoSecretIn(strings: string[]): void {
	for (const s of strings) {
		grepped++;
		for (const [name, secret] of Object.entries(SECRETS)) {
			// Whole, and the tail a masked copy would keep (Procore shows the last 5 characters of a hook's Authorization).
			if (s.includes(secret)) throw new Error(`${name} found in captured output: ${s.slice(0, 300)}`);
		}
	}
}

const logLines: string[] = [];
const logger = Object.fromEntries(
	(['error', 'warn', 'info', 'debug', 'verbose'] as const).map((level) => [level, (message: string, meta?: object) => logLines.push(`${level}: ${message} ${meta ? JSON.stringify(meta) : ''}`)]),
) as unknown as Logger;

beforeAll(() => LoggerProxy.init(logger));
beforeEach(() => {
	captured = [];
	logLines.length = 0;
	nock.disableNetConnect();
});
afterEach(() => {
	expectNoSecretIn([...captured, ...logLines]);
	nock.cleanAll();
	nock.enableNetConnect();
});
afterAll(() => {
	console.log(`secrets suite: ${grepped} captured strings grepped for ${Object.keys(SECRETS).length} secrets`);
});

function delivery(id: string): string {
	return JSON.stringify({
		id,
		ulid: `01HZX0V6Q2JQ8A6C7F1M3K${id.slice(-4)}`,
		timestamp: '2026-05-01T12:00:00.123456Z',
		metadata: { source_user_id: 111, source_company_id: 4264807, source_project_id: 101, source_application_id: 'another-app' },
		user_id: 111,
		company_id: 4264807,
		project_id: 101,
		api_version: 'v2.0',
		event_type: 'update',
		resource_name: 'RFIs',
		resource_id: 444,
	});
}

function webhookCall(authorization: string | undefined, rawBody: string, staticData: IDataObject) {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (authorization !== undefined) headers.Authorization = authorization;
	const logs: string[] = [];
	const { ctx, response } = createWebhookContext({
		parameters: { scope: 'project', resources: ['RFIs'], events: ['create', 'update'], options: {} },
		staticData,
		logs,
		credentials: { clientSecret: CLIENT_SECRET, oauthTokenData: { access_token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN } },
		request: { headers, rawBody },
	});
	(ctx as unknown as { logger: Logger }).logger = logger;
	return { run: async () => await trigger.webhook.call(ctx as IWebhookFunctions), response, logs };
}

describe('webhook deliveries: only the real secret starts an execution', () => {
	const forged: Array<[string, string | undefined]> = [
		['missing Authorization header', undefined],
		['empty Authorization header', ''],
		['another secret', `Bearer ${'0'.repeat(64)}`],
		['the secret without "Bearer"', SECRET],
		['the secret in another scheme', `Basic ${SECRET}`],
		['the secret with a character changed', `Bearer ${SECRET.slice(0, -1)}0`],
		['a prefix of the secret', `Bearer ${SECRET.slice(0, 32)}`],
		['the secret with a suffix', `Bearer ${SECRET}x`],
		['Procore\'s masked copy of the header', `Bearer ${'*'.repeat(59)}${SECRET.slice(-5)}`],
		['the secret of an earlier publish', 'Bearer 5e0b6b1f2f3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d'],
	];

	it.each(forged)('%s: 401, no execution, nothing recorded for dedupe', async (_name, authorization) => {
		const state: IDataObject = { secret: SECRET, companyId: '4264807', hookId: '77' };
		const { run, response, logs } = webhookCall(authorization, delivery('5982324300946918154'), state);
		const result = await run();
		capture('result', result);
		capture('response', response);
		logs.forEach((l) => capture('log', l));
		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBe(true);
		expect(response.statusCode).toBe(401);
		expect(state.recentEvents ?? []).toEqual([]);
	});

	it('a replayed delivery (same event, valid secret) starts one execution, not two', async () => {
		const state: IDataObject = { secret: SECRET, companyId: '4264807', hookId: '77' };
		const body = delivery('5982324300946918155');
		const first = await webhookCall(`Bearer ${SECRET}`, body, state).run();
		const second = webhookCall(`Bearer ${SECRET}`, body, state);
		const replay = await second.run();
		capture('first', first);
		capture('replay', replay);
		capture('response', second.response);
		expect(first.workflowData).toHaveLength(1);
		expect(replay.workflowData).toBeUndefined();
		expect(second.response.statusCode).toBe(200);
	});

	it('a replay with a forged secret is refused before the dedupe window is even read', async () => {
		const state: IDataObject = { secret: SECRET, companyId: '4264807', hookId: '77' };
		const body = delivery('5982324300946918156');
		await webhookCall(`Bearer ${SECRET}`, body, state).run();
		const window = JSON.stringify(state.recentEvents);
		const forgedReplay = webhookCall('Bearer not-the-secret', body, state);
		const result = await forgedReplay.run();
		capture('result', result);
		expect(result.workflowData).toBeUndefined();
		expect(forgedReplay.response.statusCode).toBe(401);
		expect(JSON.stringify(state.recentEvents)).toBe(window);
	});

	it('a delivery with no secret stored (never published) is refused', async () => {
		const { run, response } = webhookCall(`Bearer ${SECRET}`, delivery('5982324300946918157'), { companyId: '4264807' });
		const result = await run();
		expect(result.workflowData).toBeUndefined();
		expect(response.statusCode).toBe(401);
	});
});

describe('publishing: Procore echoing the hook back in an error never shows the secret', () => {
	it('a 422 whose body repeats destination_headers.Authorization', async () => {
		const HOOKS = '/rest/v2.0/companies/4264807/projects/101/webhooks/hooks';
		let sentSecret = '';
		nock(HARNESS_API)
			.get(HOOKS)
			.query(true)
			.reply(200, { data: [] })
			.post(HOOKS)
			.reply(422, (_uri, body) => {
				const hook = (body as { data?: IDataObject }).data ?? (body as IDataObject);
				sentSecret = String((hook.destination_headers as IDataObject | undefined)?.Authorization ?? '');
				return { error: { code: 'invalid', message: 'Destination url is not reachable', details: [{ source: 'destination_url', submitted: hook }] } };
			});
		const requests: IHttpRequestOptions[] = [];
		const logs: string[] = [];
		const staticData: IDataObject = {};
		const ctx = createHookContext({
			parameters: { company: { __rl: true, mode: 'id', value: '4264807' }, scope: 'project', project: { __rl: true, mode: 'id', value: '101' }, resources: ['RFIs'], events: ['create'], payloadVersion: 'v2.0', options: {} },
			staticData,
			requests,
			logs,
			credentials: { clientSecret: CLIENT_SECRET, oauthTokenData: { access_token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN } },
		});
		(ctx as unknown as { logger: Logger }).logger = logger;
		const error = await trigger.webhookMethods.default.create.call(ctx).then(
			() => undefined,
			(e: unknown) => e,
		);
		expect(error).toBeDefined();
		expect(sentSecret).toMatch(/^Bearer [0-9a-f]{64}$/);
		const secret = sentSecret.slice('Bearer '.length);
		const seen = [serialize(error), String((error as Error).message), String((error as { description?: string }).description), ...logs, ...logLines];
		// Procore's answer is in the error (so the check reads what it claims to read).
		expect(serialize(error)).toContain('Destination url is not reachable');
		expect(serialize(error)).toContain('destination_headers');
		for (const s of seen) expect(s).not.toContain(secret);
		seen.forEach((s) => capture('publish error', s));
	});
});

describe('credential tokens never reach what the user sees', () => {
	const credentials = {
		procoreOAuth2Api: {
			...HARNESS_PROCORE_CREDENTIALS,
			clientSecret: CLIENT_SECRET,
			oauthTokenData: { access_token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN, token_type: 'Bearer' },
		},
	};
	const rfiCreate = {
		resource: 'rfi',
		operation: 'create',
		project: { __rl: true, mode: 'id', value: '101' },
		subject: 'Door hardware',
		question: 'Which hinge?',
		rfiManager: { __rl: true, mode: 'id', value: '5' },
		draft: true,
		additionalFields: {},
		options: {},
	};
	const projectGet = { resource: 'project', operation: 'get', project: { __rl: true, mode: 'id', value: '101' } };

	const answers: Array<[string, number, unknown]> = [
		['401 (refresh refused)', 401, { error: 'invalid_token', error_description: 'The access token is invalid' }],
		['403', 403, { errors: 'You do not have permission to perform this action' }],
		['422 echoing the request headers', 422, { errors: { base: ['is invalid'] }, request: { headers: { Authorization: `Bearer ${ACCESS_TOKEN}` } } }],
		['500 with an HTML page', 500, `<html>token=${ACCESS_TOKEN}</html>`],
	];

	it('a dropped connection: the wrapped HTTP error (whose request carried the bearer) is not shown', async () => {
		for (const onError of ['continueRegularOutput', 'stopWorkflow'] as const) {
			nock(HARNESS_API).post(/\/rest\/v1\.0\/projects\/101\/rfis/).query(true).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
			const result = await runWorkflowFixture(procoreWorkflow(rfiCreate), { credentials: credentials as never, nodeSettings: { [NODE]: { onError } } });
			if (onError === 'continueRegularOutput') capture('output', result.outputOf(NODE));
			else capture('error', result.errorOf(NODE));
			capture('run data', result.runData);
			nock.cleanAll();
		}
	});

	it.each(answers)('%s: outputs, errors (continue on fail and stop), run data and logs', async (_name, status, body) => {
		for (const [parameters, method, path] of [
			[rfiCreate, 'POST', /\/rest\/v1\.0\/projects\/101\/rfis/],
			[projectGet, 'GET', /\/rest\/v1\.0\/projects\/101$/],
		] as const) {
			for (const onError of ['continueRegularOutput', 'stopWorkflow'] as const) {
				nock('https://login.procore.test').post('/oauth/token').times(5).reply(400, { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid' });
				const calls = interceptProcore(method, path, () => {
					const echoed = JSON.stringify(body).includes(ACCESS_TOKEN);
					// A body that repeats the bearer is what a careless proxy or API would do.
					return [status, echoed ? JSON.parse(JSON.stringify(body)) : body] as [number, unknown];
				}, { times: 20 });
				interceptProcore('GET', /.*/, () => [200, []], { times: 20 });
				const result = await runWorkflowFixture(procoreWorkflow(parameters), {
					credentials: credentials as never,
					nodeSettings: { [NODE]: { onError } },
				});
				expect(calls.length).toBeGreaterThan(0);
				expect(calls[0].headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
				const error = result.errorOf(NODE);
				if (onError === 'continueRegularOutput') {
					const out = result.outputOf(NODE);
					expect(out[0].json.error).toBeDefined();
					capture('output', out);
				} else {
					expect(error).toBeDefined();
					capture('error', error);
					capture('error message', String(error?.message));
					capture('error description', String(error?.description));
				}
				capture('run data', result.runData);
				capture('workflow error', result.error);
				nock.cleanAll();
			}
		}
	});
});
