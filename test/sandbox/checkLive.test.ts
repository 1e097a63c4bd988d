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

/** The live check as a user runs it, with a fresh token for the sandbox; each line it prints goes to `lines`. */
async function checkSandbox(lines: string[]): ReturnType<typeof runLiveCheck> {
	return await runLiveCheck({
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
	const report = await checkSandbox(lines);
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

/**
 * The in-progress checks read what they claim: with an open clock-in and a finished entry in the
 * window, 'Only' lists the open one alone and says what the company list carries of it.
 */
it('Clock-Ins Still Open: lists the open entry alone and tells what the company list carries of it', async () => {
	sb.reset();
	const day = new Date().toISOString().slice(0, 10);
	const tower = sb.seed.projects.tower;
	const entry = (over: Record<string, unknown>) => ({
		project_id: tower,
		party_id: sb.seed.people.carpenter,
		date: day,
		cost_code_id: sb.seed.costCodes['03-300'],
		line_item_type_id: sb.seed.lineItemTypes.labor,
		...over,
	});
	const res = await fetch(`${sb.url}/rest/v1.1/projects/${tower}/project_timecard_entries/bulk_create`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${sb.issueToken()}`, 'Procore-Company-Id': String(sb.companyId), 'Content-Type': 'application/json' },
		body: JSON.stringify({ timecard_entries: [entry({ in_progress: true, time_in: `${day}T07:00:00Z`, origin_id: 'ci_live:1' }), entry({ hours: '8' })] }),
	});
	expect(res.status).toBe(201);
	const lines: string[] = [];
	const report = await checkSandbox(lines);
	expect(report.results.filter((r) => !r.held)).toEqual([]);
	const names = report.results.map((r) => r.name);
	expect(names).toEqual(expect.arrayContaining([
		'Timecard Entry › Get Many (company, Clock-Ins Still Open: Only)',
		'Timecard Entry › Get Many (company, Clock-Ins Still Open: Include)',
		'Commitment › Get Project Subcontractors (Include Project Directory Vendors)',
	]));
	expect(lines).toContain('          open entries: 1; origin_id yes, project yes, time_in yes');
	const lists = sb.calls.filter((c) => c.method === 'GET' && c.path === `/rest/v1.0/companies/${sb.companyId}/timecard_entries`);
	expect(lists.map((c) => c.query)).toEqual(
		expect.arrayContaining([expect.objectContaining({ 'filters[in_progress_only]': 'true' }), expect.objectContaining({ 'filters[include_in_progress]': 'true' })]),
	);
	expect(sb.calls.some((c) => c.method === 'GET' && /^\/rest\/v1\.0\/projects\/\d+\/vendors$/.test(c.path))).toBe(true);
});
