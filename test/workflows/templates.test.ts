/**
 * What every template in workflows/ must be before an integrator hands it to a client: nothing of
 * the local sandbox in it, credentials and webhook IDs left to the import, inbound webhooks
 * authenticated, the per-client values as `<…>` placeholders in one Settings node whose sticky note
 * says where to find each, and sticky text that fits its note. The demo and the e2e suite fill the
 * placeholders themselves (scripts/lib/templates.ts), tested here too.
 */
import path from 'path';

import { INBOUND_CREDENTIAL, INBOUND_HEADER, SANDBOX_CREDENTIAL_ID, SANDBOX_CREDENTIAL_NAME } from '../../scripts/lib/n8n';
import { fillTemplate, MCP_TRIGGER, placeholders, readTemplates, sandboxSettings, type Template } from '../../scripts/lib/templates';
import { Sandbox, type SeedIds } from '../../sandbox';
import { stickyTextHeight } from './stickyFit';

const TEMPLATES = readTemplates(path.resolve(__dirname, '../../workflows'));
const each = TEMPLATES.map(({ file, template }) => [file, template] as const);
const stickies = (t: Template) => t.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
const text = (t: Template) => stickies(t).map((n) => String(n.parameters.content)).join('\n');

/**
 * Wording and names of the test tooling: the sandbox, the credentials the demo and the e2e suite
 * create (taken from scripts/lib/n8n.ts, so a renamed credential is still caught), the inbound
 * header's demo value, and the ids the sandbox seed uses (the 42xxxxx range as a backstop; the
 * exact ids come from a real seed below).
 */
const SANDBOX_TRACES = [
	/\b42\d{5}\b/,
	/sandbox/i,
	/the demo's/i,
	...[SANDBOX_CREDENTIAL_ID, SANDBOX_CREDENTIAL_NAME, INBOUND_CREDENTIAL.id, INBOUND_CREDENTIAL.name, INBOUND_HEADER.value].map((text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i')),
];

/**
 * Every id the sandbox seed gives a record (top-level and nested `id` / `*_id` / `*_ids` values, the
 * company's and the OAuth apps' ids), read from a fresh seed rather than a hand list that goes stale
 * when the seed grows.
 */
const SEEDED = new Sandbox();
SEEDED.reset();
function seededIds(sandbox: Sandbox): Set<string> {
	const ids = new Set<string>([String(sandbox.companyId), String(sandbox.seed.otherCompanyId)]);
	const walk = (value: unknown, key = ''): void => {
		if (Array.isArray(value)) value.forEach((v) => walk(v, key));
		else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
		else if ((key === 'id' || key.endsWith('_id') || key.endsWith('_ids')) && /^\d{4,}$/.test(String(value))) ids.add(String(value));
	};
	for (const records of sandbox.store.collections.values()) for (const rec of records.values()) walk(rec);
	walk(sandbox.seed, 'id');
	for (const app of sandbox.accounts.apps.values()) [app.clientId, app.clientSecret].forEach((v) => ids.add(v));
	return ids;
}
const SEEDED_IDS = seededIds(SEEDED);

/** The seeded ids (and OAuth client ids/secrets) a template's JSON carries, as numbers or inside strings. */
function seededIdsIn(template: unknown): string[] {
	const json = JSON.stringify(template);
	const tokens = json.match(/[A-Za-z0-9_-]+/g) ?? [];
	const digits = json.match(/\d{4,}/g) ?? [];
	return [...new Set([...tokens, ...digits].filter((t) => SEEDED_IDS.has(t)))];
}

const SEED = {
	projects: { tower: 101 },
	observationTypes: { safety: 202 },
	users: { pm: 303 },
	photoAlbums: { walkthrough: 404 },
} as unknown as SeedIds;

describe('templates in workflows/', () => {
	it('are there', () => {
		expect(TEMPLATES.length).toBeGreaterThan(5);
	});

	it.each(each)('%s: no sandbox ID, credential name or sandbox wording', (_file, template) => {
		const json = JSON.stringify(template);
		expect(SANDBOX_TRACES.filter((re) => re.test(json)).map(String)).toEqual([]);
		expect(seededIdsIn(template)).toEqual([]);
	});

	it('the sandbox check knows the seed: every seeded record id, nested ids, the company and the OAuth apps', () => {
		const sandbox = SEEDED;
		const { projects, costCodes, changeEvents } = sandbox.seed;
		const line = (sandbox.store.list(`projects/${projects.tower}/change_events`)[0]?.change_event_line_items as Array<{ id: number }> | undefined)?.[0];
		expect(SEEDED_IDS.size).toBeGreaterThan(150);
		// A seeded id anywhere a template could carry one: a Settings value, an expression, a URL, a nested line id.
		const planted = [projects.hospital, Object.values(costCodes)[0], changeEvents.slabRework, line?.id, sandbox.companyId].map(String);
		for (const id of planted) {
			expect(seededIdsIn({ nodes: [{ parameters: { value: Number(id) } }] })).toEqual([id]);
			expect(seededIdsIn({ nodes: [{ parameters: { url: `={{ 'https://x.example/' + ${id} + '/y' }}` } }] })).toEqual([id]);
		}
		expect(seededIdsIn({ nodes: [{ parameters: { clientId: 'sandbox-client-id' } }] })).toEqual(['sandbox-client-id']);
		// Numbers that are not seeded ids pass (amounts, thresholds, waits).
		expect(seededIdsIn({ nodes: [{ parameters: { amount: 3000, percent: 90 } }] })).toEqual([]);
		// The credentials the demo and the e2e suite create are named, whatever they are called now.
		for (const name of [SANDBOX_CREDENTIAL_NAME, INBOUND_CREDENTIAL.name, INBOUND_HEADER.value]) expect(SANDBOX_TRACES.some((re) => re.test(JSON.stringify({ name })))).toBe(true);
	});

	it.each(each)('%s: node IDs are unique (n8n refuses to import a workflow where two nodes share one)', (_file, template) => {
		const ids = template.nodes.map((n) => String(n.id));
		expect(ids.filter((id, k) => ids.indexOf(id) !== k)).toEqual([]);
	});

	it.each(each)('%s: no credential and no webhook ID: both are the import\'s', (_file, template) => {
		expect(template.nodes.filter((n) => n.credentials).map((n) => n.name)).toEqual([]);
		expect(template.nodes.filter((n) => n.webhookId).map((n) => n.name)).toEqual([]);
	});

	it.each(each)('%s: every Webhook node has an empty path and authenticates its caller', (_file, template) => {
		for (const node of template.nodes.filter((n) => n.type === 'n8n-nodes-base.webhook')) {
			expect({ node: node.name, path: node.parameters.path }).toEqual({ node: node.name, path: '' });
			expect({ node: node.name, authentication: node.parameters.authentication }).toEqual({ node: node.name, authentication: expect.stringMatching(/^(headerAuth|jwtAuth|basicAuth)$/) });
		}
	});

	// n8n 1.x sends an item to a node's error output only when its json is { error } or { error, message }; the
	// Procore node's failed item also has `details`, so on 1.123 it took the success branch (docs/n8n-versions.md).
	// A template that claims 1.123 continues on the regular output and routes on `$json.error` with an If node.
	it.each(each)('%s: no Procore node relies on the error output, unless the template requires n8n 2.x', (_file, template) => {
		if (/Requires n8n 2\.\d+(\.\d+)? or newer/.test(text(template))) return;
		const onErrorOutput = template.nodes.filter((n) => n.type.startsWith('n8n-nodes-procore.') && (n as { onError?: string }).onError === 'continueErrorOutput');
		expect(onErrorOutput.map((n) => n.name)).toEqual([]);
	});

	it.each(each)('%s: every MCP Server Trigger has an empty path and authenticates its client', (_file, template) => {
		for (const node of template.nodes.filter((n) => n.type === MCP_TRIGGER)) {
			expect({ node: node.name, path: node.parameters.path }).toEqual({ node: node.name, path: '' });
			expect({ node: node.name, authentication: node.parameters.authentication }).toEqual({ node: node.name, authentication: expect.stringMatching(/^(headerAuth|bearerAuth)$/) });
		}
	});

	it.each(each)('%s: at most one Settings node; placeholders only there, each explained in a sticky note', (_file, template) => {
		expect(template.nodes.filter((n) => /settings/i.test(n.name) && n.type !== 'n8n-nodes-base.stickyNote').length).toBeLessThanOrEqual(1);
		const elsewhere = template.nodes
			.filter((n) => n.name !== 'Settings' && n.type !== 'n8n-nodes-base.stickyNote')
			.filter((n) => JSON.stringify(n.parameters).match(/"<[^"<>]+>"/));
		expect(elsewhere.map((n) => n.name)).toEqual([]);
		for (const field of Object.keys(placeholders(template))) expect({ field, explained: text(template).includes(`\`${field}\``) }).toEqual({ field, explained: true });
	});

	// Nothing may leave n8n for a host the user did not set: a URL the user replaces in Settings is an
	// example host (RFC 2606, never resolves), not a real service's (a Slack hook left as it is sent the
	// message to Slack); Procore's own web address is the one real host allowed there.
	it.each(each)('%s: every URL in Settings is an example host or Procore\'s own', (_file, template) => {
		const settings = template.nodes.find((n) => n.name === 'Settings');
		const assignments = ((settings?.parameters.assignments as { assignments?: Array<{ name: string; value: unknown }> } | undefined)?.assignments ?? []);
		const urls = assignments.filter((a) => /^https?:\/\//i.test(String(a.value))).map((a) => ({ name: a.name, host: new URL(String(a.value)).hostname }));
		expect(urls.filter((u) => !/(^|\.)example\.(com|org|net)$/.test(u.host) && u.host !== 'app.procore.com')).toEqual([]);
	});

	it.each(each)('%s: every sticky note is tall enough for its text', (_file, template) => {
		for (const note of stickies(template)) {
			const needed = stickyTextHeight(String(note.parameters.content), Number(note.parameters.width ?? 240));
			expect({ note: note.name, fits: needed <= Number(note.parameters.height ?? 160), needed }).toMatchObject({ note: note.name, fits: true });
		}
	});

	it('the placeholders are the ones the demo fills', () => {
		const all = TEMPLATES.flatMap(({ template }) => Object.keys(placeholders(template)));
		expect(all.length).toBeGreaterThan(0);
		expect([...new Set(all)].sort()).toEqual(Object.keys(sandboxSettings(SEED)).sort());
	});

	it.each(each)('%s: the demo\'s fill leaves no placeholder, puts every Procore node and authenticated webhook on a credential, and gives each import its own webhook IDs', (_file, template) => {
		const values = { settings: sandboxSettings(SEED), procore: { id: 'p', name: 'Procore' }, inboundHeader: { id: 'h', name: 'Header' } };
		const shipped = JSON.stringify(template);
		const [a, b] = [fillTemplate(template, values), fillTemplate(template, values)];
		expect(JSON.stringify(a)).not.toMatch(/"<[^"<>]+>"/);
		expect(a.nodes.filter((n) => n.type.startsWith('n8n-nodes-procore.') && !n.credentials?.procoreOAuth2Api).map((n) => n.name)).toEqual([]);
		expect(a.nodes.filter((n) => n.parameters.authentication === 'headerAuth' && !n.credentials?.httpHeaderAuth).map((n) => n.name)).toEqual([]);
		expect(a.nodes.filter((n) => n.parameters.genericAuthType === 'httpHeaderAuth' && !n.credentials?.httpHeaderAuth).map((n) => n.name)).toEqual([]);
		const ids = [...a.nodes, ...b.nodes].map((n) => n.webhookId).filter(Boolean);
		expect(new Set(ids).size).toBe(ids.length);
		for (const node of a.nodes.filter((n) => ['n8n-nodes-base.webhook', MCP_TRIGGER].includes(n.type))) expect(node.parameters.path).toBe(node.webhookId);
		// The shipped template itself is untouched (a copy is filled).
		expect(JSON.stringify(template)).toBe(shipped);
	});

	it('a placeholder the fill has no value for is an error naming it', () => {
		const template = { name: 'T', nodes: [{ name: 'Settings', type: 'n8n-nodes-base.set', parameters: { assignments: { assignments: [{ name: 'vendorId', value: '<vendor ID>' }] } } }] };
		expect(() => fillTemplate(template, { settings: {}, procore: { id: 'p', name: 'P' }, inboundHeader: { id: 'h', name: 'H' } })).toThrow('T: no value for the Settings placeholder vendorId (<vendor ID>)');
	});
});
