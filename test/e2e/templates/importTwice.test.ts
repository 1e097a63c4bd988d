/**
 * A template imported twice into one n8n (an integrator with two clients) publishes both copies
 * without a webhook clash: each import gets its own webhook IDs and paths, as n8n's editor gives
 * them on import (scripts/lib/templates.ts: fillTemplate), and both copies answer. With a fixed
 * `webhookId` or `path` in a template the second publish fails with n8n's webhook conflict. Every template
 * that can be published is imported twice (schedules too: both copies stay published).
 */
import path from 'path';

import type { SeedIds } from '../../../sandbox';
import { INBOUND_CREDENTIAL, SANDBOX_CREDENTIAL_ID, SANDBOX_CREDENTIAL_NAME } from '../../../scripts/lib/n8n';
import { fillTemplate, MCP_TRIGGER, readTemplates, sandboxSettings } from '../../../scripts/lib/templates';
import { eventually, n8n, sandbox, state, type Workflow } from '../env';
import { live } from './patchSettings';

const TEMPLATES = readTemplates(path.resolve(__dirname, '../../../workflows'));
/** Nodes that start a run but never make a workflow publishable: n8n refuses to publish with only these. */
const NOT_PUBLISHING = ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.executeWorkflowTrigger'];
const startsRuns = (type: string) => /trigger$/i.test(type) || type === 'n8n-nodes-base.webhook';
/** Every template a client publishes: webhooks, Procore Triggers, MCP servers, and schedules too. */
const PUBLISHABLE = TEMPLATES.filter(({ template }) => template.nodes.some((n) => startsRuns(n.type) && !NOT_PUBLISHING.includes(n.type)));

describe('a template imported twice', () => {
	const created: string[] = [];
	/** The AI template's chat model needs a credential to publish (never called here). */
	let openAi: { id: string; name: string };

	beforeAll(async () => {
		await sandbox.reset();
		openAi = await n8n.api<{ id: string; name: string }>('POST', '/credentials', { name: 'e2e import-twice chat model', type: 'openAiApi', data: { apiKey: 'sk-unused', header: false } });
	});

	afterAll(async () => {
		await n8n.api('DELETE', `/credentials/${openAi.id}`).catch(() => undefined);
	});

	afterEach(async () => {
		for (const id of created.splice(0)) {
			await n8n.unpublish(id).catch(() => undefined);
			await n8n.api('DELETE', `/workflows/${id}`).catch(() => undefined);
		}
	});

	it('covers every template a client can publish: each one but those n8n cannot publish (a Manual Trigger only)', () => {
		const left = TEMPLATES.filter((t) => !PUBLISHABLE.includes(t));
		expect(left.map((t) => [t.file, [...new Set(t.template.nodes.filter((n) => startsRuns(n.type)).map((n) => n.type))]])).toEqual([['list-active-projects.json', ['n8n-nodes-base.manualTrigger']]]);
		expect(PUBLISHABLE.map((t) => t.file)).toEqual(
			expect.arrayContaining(['push-cor-to-change-event.json', 'coi-compliance-both-ways.json', 'clock-outs-to-timecards.json', 'procore-mcp-server-with-approval.json', 'cor-log-change-event-status.json', 'webhook-delivery-monitor.json']),
		);
		expect(PUBLISHABLE).toHaveLength(TEMPLATES.length - 1);
	});

	it.each(PUBLISHABLE.map((t) => [t.file, t.template] as const))('%s: both copies publish, on paths of their own, and both answer', async (_file, template) => {
		const copies: Workflow[] = [];
		for (const client of ['client A', 'client B']) {
			const filled = fillTemplate(template, {
				settings: sandboxSettings(state.seed as unknown as SeedIds),
				procore: { id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME },
				inboundHeader: INBOUND_CREDENTIAL,
			});
			for (const node of filled.nodes.filter((n) => n.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi')) node.credentials = { openAiApi: { id: openAi.id, name: openAi.name } };
			const wf = await n8n.api<Workflow>('POST', '/workflows', {
				name: `${template.name} (${client})`,
				nodes: filled.nodes,
				connections: filled.connections,
				settings: { executionOrder: 'v1' },
			});
			created.push(wf.id);
			copies.push(wf);
		}
		for (const copy of copies) await n8n.publish(copy.id);
		// Both stay published: the second publish did not take anything from the first.
		for (const copy of copies) expect({ copy: copy.name, active: (await n8n.workflow(copy.id)).active }).toEqual({ copy: copy.name, active: true });

		const paths = copies.map((c) => c.nodes.filter((n) => n.type === 'n8n-nodes-base.webhook').map((n) => String(n.parameters.path)));
		expect(new Set(paths.flat()).size).toBe(paths.flat().length);
		for (const p of paths.flat()) {
			// Answers with the secret, refuses without: a published, authenticated webhook of its own.
			expect((await n8n.webhook(p, {}, 'POST', {})).status).toBe(403);
		}
		// MCP servers: a path of their own each, published (n8n answers a client without the header 403, an unknown path 404).
		const mcpPaths = copies.flatMap((c) => c.nodes.filter((n) => n.type === MCP_TRIGGER).map((n) => String(n.parameters.path)));
		expect(new Set(mcpPaths).size).toBe(mcpPaths.length);
		for (const p of mcpPaths) {
			await eventually(async () => (await fetch(`${state.n8nUrl}/mcp/${p}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status === 403, {
				what: `MCP server ${p} published`,
				timeoutMs: 20_000,
			});
		}
		const triggers = copies.map((c) => c.nodes.find((n) => n.type === 'n8n-nodes-procore.procoreTrigger')?.webhookId).filter(Boolean);
		expect(new Set(triggers).size).toBe(triggers.length);
		for (const webhookId of triggers) {
			await eventually(
				async () => live(await sandbox.state<{ destination_url: string; deleted_at?: string | null }>('webhooks/hooks')).some((h) => h.destination_url.includes(`/webhook/${String(webhookId)}/`)),
				{ what: `a Procore hook for trigger ${String(webhookId)}`, timeoutMs: 20_000 },
			);
		}
	});
});
