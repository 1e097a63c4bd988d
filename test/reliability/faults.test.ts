/**
 * Faults: the write paths and a paginated list, run through n8n-core (workflow harness, real OAuth2
 * signing and refresh) against the sandbox while it injects Procore's failures. Every item must
 * either complete or come back failed with its reason (On Error: Continue), and no record may be
 * stored twice. Waits run on jest's fake clock, so a 65 s timeout or a 10 s Retry-After costs nothing.
 */
import nock from 'nock';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ConfigPatch, Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { FAKE_NOW, HARNESS_PROCORE_CREDENTIALS, runWorkflowFixture, settleWithFakeClock, useFakeClock } from '../harness';
import { trackClientRequests } from './requestRetention';
import { sandboxBusy } from './sandboxBusy';
import type { FaultProxy, ProxyFaults } from './faultProxy';
import { startFaultProxy } from './faultProxy';
import type { WritePath } from './writePaths';
import { NODE, WRITE_PATHS, procoreWorkflow } from './writePaths';

jest.setTimeout(30_000);

const ITEMS = 10;
const LIST_RFIS = 2_500;

interface Scenario {
	name: string;
	config?: ConfigPatch;
	proxy?: ProxyFaults;
}

const onRest = '^/rest/';
const SCENARIOS: Scenario[] = [
	{ name: '20% 503s with Retry-After', config: { faults: [{ kind: '503', rate: 0.2, pathPattern: onRest, retryAfterSeconds: 3 }] } },
	{ name: '20% dropped connections (before the server reads)', config: { faults: [{ kind: 'drop', rate: 0.2, pathPattern: onRest }] } },
	{ name: '25% of writes dropped after the server wrote', proxy: { dropAfterWrite: 0.25 } },
	{ name: '15% slow responses past the 60 s timeout', config: { faults: [{ kind: 'slow', rate: 0.15, delayMs: 65_000, pathPattern: onRest }] } },
	{ name: '429 storm (4 calls per 10 s, Retry-After)', config: { rateLimit: { hourly: 100_000, spike: 4, spikeWindowSeconds: 10, retryAfterOn429: true } } },
	{ name: 'access token expires every 7 calls (single-use refresh rotation)', proxy: { expireTokenEvery: 7 } },
	{
		name: 'all of them at once',
		config: {
			faults: [
				{ kind: '503', rate: 0.1, pathPattern: onRest, retryAfterSeconds: 2 },
				{ kind: 'drop', rate: 0.1, pathPattern: onRest },
				{ kind: 'slow', rate: 0.05, delayMs: 65_000, pathPattern: onRest },
			],
			rateLimit: { hourly: 100_000, spike: 6, spikeWindowSeconds: 10, retryAfterOn429: true },
		},
		proxy: { dropAfterWrite: 0.1, expireTokenEvery: 11 },
	},
];

/** Totals for docs/reliability.md, printed at the end. */
const totals = { runs: 0, items: 0, completed: 0, failed: 0, faults: 0, duplicates: 0, retried: 0, outcomeUnknown: 0, contentsChecked: 0 };
const faultCounts: Record<string, number> = {};
const failures: string[] = [];

let sb: Sandbox;
let proxy: FaultProxy;
let busy: () => boolean;
const requests = trackClientRequests();

// One fake timeline for the whole file (sandbox included: its rate-limit windows, token expiry and
// slow answers all read Date.now and setTimeout), so time never runs backwards between runs.
beforeAll(async () => {
	useFakeClock(FAKE_NOW);
	sb = await startSandbox({ port: 0, seed: { rfis: LIST_RFIS } });
	proxy = await startFaultProxy(sb);
	busy = sandboxBusy(sb, () => proxy.busy());
	// Every call here is real (n8n → fault proxy → sandbox), so nock's interceptor is switched off for
	// this file. Left on, it passes each request through a mock socket whose two HTTP parsers its
	// library (@mswjs/interceptors 0.39, under nock 14) frees but never closes: Node keeps a parser's
	// C++ half, and so the socket, the request and its body buffers, alive for the life of the
	// process (~480 MB of heap and buffers after ~2,000 calls). test/nockPerFile.ts takes each file's
	// interceptor off when the file ends, so none is left from the files this worker ran before.
	nock.restore();
});
afterAll(async () => {
	jest.useRealTimers();
	await proxy.close();
	await sb.stop();
	requests.stop();
	console.log(`faults suite: ${JSON.stringify({ ...totals, faultCounts })}`);
	if (process.env.RELIABILITY_VERBOSE) console.log(failures.join('\n'));
});

function setFaults(scenario: Scenario | undefined): void {
	sb.config({ faults: [], rateLimit: null, faultSeed: 42, ...(scenario?.config ?? {}) });
	proxy.faults = { ...(scenario?.proxy ?? {}) };
}

function credentials(): IDataObject {
	const grant = sb.tokens.issue('sandbox-client-id', sb.seed.users.pm, 'authorization_code', true);
	return {
		...HARNESS_PROCORE_CREDENTIALS,
		customApiUrl: proxy.url,
		customLoginUrl: sb.url,
		clientId: 'sandbox-client-id',
		clientSecret: 'sandbox-client-secret',
		oauthTokenData: { access_token: grant.token, refresh_token: grant.refreshToken, token_type: 'Bearer', expires_in: 5400 },
	};
}

async function run(parameters: IDataObject, items: INodeExecutionData[], creds: IDataObject) {
	return await settleWithFakeClock(
		runWorkflowFixture(procoreWorkflow(parameters), {
			items,
			nodeSettings: { [NODE]: { onError: 'continueRegularOutput' } },
			credentials: { procoreOAuth2Api: creds } as never,
		}),
		5_000,
		busy,
	);
}

/** Faults the sandbox injected (503, drop, slow) and the 429s its rate limit answered. */
function faultsSince(callsBefore: number): number {
	return sb.calls.slice(callsBefore).filter((c) => c.fault || c.status === 429).length;
}

const OUTCOME_UNKNOWN = /may (?:or may not )?have (?:been )?(?:written|created|stored)|did not answer/i;

describe.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
	it.each(WRITE_PATHS.map((p) => [p.name, p] as const))('%s: every item completes or reports its reason; nothing stored twice', async (_p, path: WritePath) => {
		const tag = `${scenario.name.replace(/[^a-z0-9]+/gi, '').slice(0, 12)}-${path.name.replace(/[^a-z0-9]+/gi, '').slice(0, 8)}${path.prepare ? 'u' : ''}`;
		if (path.prepare) {
			// The records the faulted run updates, written while Procore is healthy.
			setFaults(undefined);
			const prepared = await run(path.prepare.parameters(sb), path.prepare.items(sb, ITEMS, tag), credentials());
			expect(prepared.outputOf(NODE).filter((o) => o.json.error !== undefined).map((o) => o.json)).toEqual([]);
		}
		const items = path.items(sb, ITEMS, tag);
		const keys = items.map(path.itemKey);
		const creds = credentials();
		setFaults(scenario);
		const callsBefore = sb.calls.length;
		const dropsBefore = proxy.droppedAfterWrite;
		const expiriesBefore = proxy.tokenExpiries;
		const result = await run(path.parameters(sb), items, creds);
		setFaults(undefined);
		const injected = faultsSince(callsBefore) + proxy.droppedAfterWrite - dropsBefore + proxy.tokenExpiries - expiriesBefore;
		faultCounts[scenario.name] = (faultCounts[scenario.name] ?? 0) + injected;

		expect(result.error).toBeUndefined();
		const out = result.outputOf(NODE);
		// One output per input item, each paired to its input.
		expect(out.map((o) => (o.pairedItem as { item: number }).item).sort((a, b) => a - b)).toEqual(keys.map((_, k) => k));
		const records = (key: string) => sb.store.list(path.collection(sb)).filter((r) => path.keyOf(r as IDataObject) === key) as IDataObject[];
		const stored = (key: string) => records(key).length;
		// Lines, their total and files of the record: a write sent twice shows here.
		const contents = (key: string) => (path.contents && stored(key) === 1 ? path.contents(records(key)[0]) : undefined);
		const complete = (key: string) => !path.contents || JSON.stringify(contents(key)) === JSON.stringify(path.expected);
		for (const o of out) {
			const k = (o.pairedItem as { item: number }).item;
			const count = stored(keys[k]);
			expect({ key: keys[k], count: Math.min(count, 1) }).toEqual({ key: keys[k], count: count > 1 ? -1 : Math.min(count, 1) });
			const held = contents(keys[k]);
			if (held) {
				totals.contentsChecked++;
				// Never more than the item asked for, whatever failed.
				for (const [field, want] of Object.entries(path.expected ?? {})) {
					expect({ key: keys[k], field, held: Number(held[field]) <= Number(want) }).toEqual({ key: keys[k], field, held: true });
				}
			}
			if (o.json.error === undefined) {
				expect({ key: keys[k], stored: count }).toEqual({ key: keys[k], stored: 1 });
				if (held) expect({ key: keys[k], held }).toEqual({ key: keys[k], held: path.expected });
				totals.completed++;
			} else {
				expect(typeof o.json.error).toBe('string');
				// An access token that expires (and rotates) mid-run is refreshed, never an item's failure.
				expect(String(o.json.error)).not.toMatch(/invalid_token|invalid_grant/);
				expect(String(o.json.error).length).toBeGreaterThan(10);
				// A failure report never hides a write: if the record is there, the item says it may be.
				if (count === 1 && (!path.prepare || complete(keys[k]))) expect(`${String(o.json.error)} ${String(o.json.description ?? '')}`).toMatch(OUTCOME_UNKNOWN);
				if (OUTCOME_UNKNOWN.test(`${String(o.json.error)} ${String(o.json.description ?? '')}`)) totals.outcomeUnknown++;
				totals.failed++;
				failures.push(`${scenario.name} / ${path.name} #${k}: ${String(o.json.error)}`);
			}
		}
		totals.runs++;
		totals.items += items.length;
		totals.faults += injected;

		// The user re-runs the failed items with Procore healthy again: each ends up stored exactly once.
		const failed = out.filter((o) => o.json.error !== undefined).map((o) => (o.pairedItem as { item: number }).item);
		if (failed.length && path.rerunSafe) {
			totals.retried += failed.length;
			const again = await run(path.parameters(sb), failed.map((k) => items[k]), credentials());
			expect(again.outputOf(NODE).filter((o) => o.json.error !== undefined).map((o) => o.json)).toEqual([]);
		}
		const duplicates = keys.filter((key) => stored(key) > 1);
		totals.duplicates += duplicates.length;
		expect(duplicates).toEqual([]);
		if (path.rerunSafe) {
			expect(keys.filter((key) => stored(key) !== 1)).toEqual([]);
			// After the re-run every record holds exactly what its item asked for: lines, total, files.
			expect(keys.filter((key) => !complete(key)).map((key) => ({ key, held: contents(key) }))).toEqual([]);
		}
	});

	it(`a paginated list of ${LIST_RFIS}+ RFIs reads every record exactly once`, async () => {
		setFaults(scenario);
		const callsBefore = sb.calls.length;
		const result = await run(
			{ resource: 'rfi', operation: 'getAll', project: { __rl: true, mode: 'id', value: String(sb.seed.projects.tower) }, returnAll: true, filters: {}, output: 'raw' },
			[{ json: {} }],
			credentials(),
		);
		setFaults(undefined);
		faultCounts[scenario.name] = (faultCounts[scenario.name] ?? 0) + faultsSince(callsBefore);
		totals.faults += faultsSince(callsBefore);
		const out = result.outputOf(NODE);
		const expected = sb.store.list(`projects/${sb.seed.projects.tower}/rfis`).length;
		expect(out.filter((o) => o.json.error !== undefined).map((o) => o.json)).toEqual([]);
		const ids = out.map((o) => String(o.json.id));
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toHaveLength(expected);
		totals.runs++;
		totals.items += 1;
		totals.completed += 1;
	});
});

// Last in the file: every run above is over, so a request still reachable is one something kept.
it('keeps no finished request alive (the worker does not grow with the number of calls)', async () => {
	expect(requests.started()).toBeGreaterThan(20);
	expect(await requests.alive()).toBeLessThan(10);
});
