/**
 * `npm run check:live` against the local sandbox: every check holds, and the sandbox's live
 * records afterwards are the ones it had before (what the check made is gone; a re-read write
 * touches no record). The node is the built one (dist/, as the script runs it) when a build exists,
 * else the sources.
 */
import fs from 'fs';
import path from 'path';
import nock from 'nock';
import type { INodeType } from 'n8n-workflow';

import { Procore } from '../../nodes/Procore/Procore.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { runLiveCheck } from '../../scripts/lib/liveCheck';
import { HARNESS_PROCORE_CREDENTIALS } from '../harness';

const DIST = path.resolve(__dirname, '../../dist/nodes/Procore/Procore.node.js');

async function procoreNode(): Promise<INodeType> {
	if (fs.existsSync(DIST)) return new ((await import(DIST)) as { Procore: new () => INodeType }).Procore();
	return new Procore();
}

/** Every live record of every collection and every singleton (deleted ones are gone for a client). */
function snapshot(sb: Sandbox): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of [...sb.store.collections.keys()].sort()) {
		const live = sb.store.list(key);
		if (live.length) out[key] = live;
	}
	for (const [key, value] of sb.store.singletons) out[`singleton:${key}`] = value;
	return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}

let sb: Sandbox;
beforeAll(async () => {
	nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host));
	sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
	await sb.stop();
	nock.enableNetConnect();
});

it('holds on every check against the sandbox and leaves its records as it found them', async () => {
	const before = snapshot(sb);
	const lines: string[] = [];
	const report = await runLiveCheck({
		credential: {
			...HARNESS_PROCORE_CREDENTIALS,
			customApiUrl: sb.url,
			customLoginUrl: sb.url,
			companyId: String(sb.companyId),
			clientId: 'sandbox-client-id',
			clientSecret: 'sandbox-client-secret',
			oauthTokenData: { access_token: sb.issueToken(), token_type: 'Bearer' },
		},
		procoreNode: await procoreNode(),
		log: (l) => lines.push(l),
	});
	expect(report.results.filter((r) => !r.held)).toEqual([]);
	expect(report.results.length).toBeGreaterThanOrEqual(15);
	expect(report.leftBehind).toEqual([]);
	// It wrote: hooks, triggers, an insurance and a folder were created and deleted again.
	const writes = sb.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.status}`);
	expect(writes.filter((w) => w.startsWith('POST 201')).length).toBeGreaterThanOrEqual(4);
	expect(writes.filter((w) => w.startsWith('DELETE 2')).length).toBeGreaterThanOrEqual(4);
	expect(snapshot(sb)).toEqual(before);
	expect(lines.join('\n')).toMatch(/held +Insurance › Delete/);
});
