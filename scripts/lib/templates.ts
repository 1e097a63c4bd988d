/**
 * What a user does after importing a template from workflows/, done for the demo and the e2e suite
 * (never shipped): the `<…>` placeholders of its Settings node get the sandbox's values, every
 * Procore node gets the sandbox credential, every authenticated Webhook node the inbound header
 * credential, and every node with webhooks a webhook ID of its own.
 *
 * The templates carry no credentials, no webhook IDs and empty Webhook paths on purpose: n8n's editor
 * (2.41, useCanvasOperations on import) gives a node whose type has webhooks a fresh webhookId when it
 * has none, and a Webhook node with an empty path that ID as its path. A fixed webhookId or path
 * would be kept, and a second import of the same template (a second client) would clash with the
 * first on publish. `assignWebhookIds` does here what the editor does there.
 */
import { randomUUID } from 'crypto';
import fs from 'fs';
import path from 'path';

import type { SeedIds } from '../../sandbox';

export interface TemplateNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface Template {
	id?: string;
	name: string;
	nodes: TemplateNode[];
	[key: string]: unknown;
}

export interface CredentialRef {
	id: string;
	name: string;
}

export interface TemplateValues {
	/** Settings field → value, for every field whose value is a `<…>` placeholder. */
	settings: Record<string, string>;
	procore: CredentialRef;
	/** httpHeaderAuth credential for Webhook nodes with Authentication › Header Auth. */
	inboundHeader: CredentialRef;
}

export const MCP_TRIGGER = '@n8n/n8n-nodes-langchain.mcpTrigger';
/** Node types that declare webhooks (n8n gives each such node a webhookId). */
const WEBHOOK_NODE_TYPES = ['n8n-nodes-base.webhook', 'n8n-nodes-base.wait', 'n8n-nodes-base.formTrigger', 'n8n-nodes-procore.procoreTrigger', MCP_TRIGGER];
/** Node types whose empty Path takes the webhookId on import (n8n's editor: Webhook, Form Trigger, MCP Server Trigger). */
const PATH_FROM_WEBHOOK_ID = ['n8n-nodes-base.webhook', 'n8n-nodes-base.formTrigger', MCP_TRIGGER];
/** Inbound endpoints authenticated with the header credential (Authentication › Header Auth). */
const HEADER_AUTH_TYPES = ['n8n-nodes-base.webhook', MCP_TRIGGER];
const PROCORE_NODE_TYPES = /^n8n-nodes-procore\.procore(Trigger|Tool)?$/;
export const PLACEHOLDER = /^<[^>]+>$/;

/** The per-client values the templates ask for, taken from the sandbox's seed. */
export function sandboxSettings(seed: SeedIds): Record<string, string> {
	return {
		procoreProjectId: String(seed.projects.tower),
		observationTypeId: String(seed.observationTypes.safety),
		projectManagerUserId: String(seed.users.pm),
		albumId: String(seed.photoAlbums.walkthrough),
		// The COI platform's stand-ins in tests and the demo listen on this machine.
		certificateHosts: '127.0.0.1, localhost',
		corPdfHosts: '127.0.0.1, localhost',
	};
}

interface Assignment {
	name: string;
	value: unknown;
}

function settingsAssignments(template: Template): Assignment[] {
	const settings = template.nodes.find((n) => n.name === 'Settings');
	return (settings?.parameters.assignments as { assignments?: Assignment[] } | undefined)?.assignments ?? [];
}

/** The `<…>` placeholders a template's Settings node holds, by field name. */
export function placeholders(template: Template): Record<string, string> {
	return Object.fromEntries(
		settingsAssignments(template)
			.filter((a) => typeof a.value === 'string' && PLACEHOLDER.test(a.value))
			.map((a) => [a.name, String(a.value)]),
	);
}

/** Like n8n's editor on import: a webhookId for each node that has none; an empty Webhook path takes it. */
export function assignWebhookIds(template: Template): void {
	for (const node of template.nodes) {
		if (!WEBHOOK_NODE_TYPES.includes(node.type) || node.webhookId) continue;
		node.webhookId = randomUUID();
		if (PATH_FROM_WEBHOOK_ID.includes(node.type) && node.parameters.path === '') node.parameters.path = node.webhookId;
	}
}

/** A filled copy of the template; throws when a placeholder has no value. */
export function fillTemplate(template: Template, values: TemplateValues): Template {
	const filled = structuredClone(template);
	for (const assignment of settingsAssignments(filled)) {
		if (typeof assignment.value !== 'string' || !PLACEHOLDER.test(assignment.value)) continue;
		const value = values.settings[assignment.name];
		if (value === undefined) throw new Error(`${template.name}: no value for the Settings placeholder ${assignment.name} (${assignment.value})`);
		assignment.value = value;
	}
	for (const node of filled.nodes) {
		if (PROCORE_NODE_TYPES.test(node.type)) node.credentials = { ...node.credentials, procoreOAuth2Api: values.procore };
		if (HEADER_AUTH_TYPES.includes(node.type) && node.parameters.authentication === 'headerAuth') {
			node.credentials = { ...node.credentials, httpHeaderAuth: values.inboundHeader };
		}
		// A call to another system with Header Auth (the COR tool's API): the same header credential,
		// so the stand-in can check it was sent.
		if (node.type === 'n8n-nodes-base.httpRequest' && node.parameters.genericAuthType === 'httpHeaderAuth') {
			node.credentials = { ...node.credentials, httpHeaderAuth: values.inboundHeader };
		}
	}
	assignWebhookIds(filled);
	return filled;
}

export function readTemplates(dir: string): Array<{ file: string; template: Template }> {
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, template: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Template }));
}

/** Writes the filled copy of every template in `from` to `to` (for `n8n import:workflow --separate`). */
export function writeFilledTemplates(from: string, to: string, values: TemplateValues): number {
	fs.rmSync(to, { recursive: true, force: true });
	fs.mkdirSync(to, { recursive: true });
	const templates = readTemplates(from);
	for (const { file, template } of templates) fs.writeFileSync(path.join(to, file), JSON.stringify(fillTemplate(template, values), null, '\t'));
	return templates.length;
}
