/**
 * What a running n8n accepts in a template: the node types it loaded (its own and this package's,
 * as its editor gets them from /types/nodes.json) and each template node checked against them. Used
 * by templates.test.ts (the shared n8n) and compat.test.ts (every supported n8n).
 */
import { NodeHelpers, type INode, type INodeTypeDescription } from 'n8n-workflow';

import { login } from '../../scripts/lib/n8n';
import type { WorkflowNode } from './env';

export type NodeTypes = Map<string, INodeTypeDescription[]>;

/** What n8n serves its editor (node and credential types), with an editor session's cookie. */
async function editorGet<T>(n8nUrl: string, path: string, cookie: string): Promise<T> {
	const response = await fetch(`${n8nUrl}${path}`, { headers: { cookie, 'browser-id': 'n8n-nodes-procore' } });
	if (!response.ok) throw new Error(`GET ${path} → ${response.status}`);
	return (await response.json()) as T;
}

/** The node and credential types a running n8n loaded, as its editor sees them. */
export async function loadedTypes(target: { n8nUrl: string; email: string; password: string }): Promise<{ nodes: NodeTypes; credentials: string[] }> {
	const cookie = await login(target.n8nUrl, target.email, target.password);
	const nodes: NodeTypes = new Map();
	for (const d of await editorGet<INodeTypeDescription[]>(target.n8nUrl, '/types/nodes.json', cookie)) nodes.set(d.name, [...(nodes.get(d.name) ?? []), d]);
	const credentials = (await editorGet<Array<{ name: string }>>(target.n8nUrl, '/types/credentials.json', cookie)).map((c) => c.name);
	return { nodes, credentials };
}

export function versionsOf(d: INodeTypeDescription): number[] {
	return Array.isArray(d.version) ? d.version : [d.version];
}

/**
 * Why n8n would not take a template node as it is: an unknown type or version, a parameter the node
 * does not have (or does not show with the chosen resource/operation), a required parameter missing,
 * a credential embedded instead of referenced by id and name. Empty when n8n accepts every node.
 */
export function nodeProblems(nodes: WorkflowNode[], types: NodeTypes): string[] {
	const problems: string[] = [];
	for (const node of nodes) {
		const candidates = types.get(node.type);
		if (!candidates) {
			problems.push(`${node.name}: unknown node type ${node.type}`);
			continue;
		}
		const description = candidates.find((d) => versionsOf(d).includes(node.typeVersion));
		if (!description) {
			problems.push(`${node.name}: ${node.type} has no version ${node.typeVersion}`);
			continue;
		}
		const asNode = node as unknown as INode;
		const accepted = NodeHelpers.getNodeParameters(description.properties, node.parameters as never, true, false, asNode, description) ?? {};
		for (const key of Object.keys(node.parameters)) {
			if (!(key in accepted)) problems.push(`${node.name}: parameter "${key}" is not one ${node.type} v${node.typeVersion} shows`);
		}
		const issues = NodeHelpers.getNodeParametersIssues(description.properties, asNode, description);
		if (issues?.parameters) problems.push(`${node.name}: ${JSON.stringify(issues.parameters)}`);
		for (const [type, ref] of Object.entries(node.credentials ?? {})) {
			if (!ref.name || Object.keys(ref).some((k) => !['id', 'name'].includes(k))) problems.push(`${node.name}: credential ${type} must be a reference by id and name`);
		}
	}
	return problems;
}

/**
 * The n8n version a template says it needs: a sticky note reading "Requires n8n X.Y or newer" (one
 * note, so the template's other notes stay free to change). Undefined: every supported n8n.
 */
export const MINIMUM_NOTE = /Requires n8n (\d+\.\d+(?:\.\d+)?) or newer/;

export function minimumN8n(nodes: WorkflowNode[]): string | undefined {
	for (const node of nodes) {
		if (node.type !== 'n8n-nodes-base.stickyNote') continue;
		const match = MINIMUM_NOTE.exec(String(node.parameters.content ?? ''));
		if (match) return match[1];
	}
	return undefined;
}

/** Numeric comparison of dotted versions (1.123.81 < 2.0 < 2.41.1). */
export function compareVersions(a: string, b: string): number {
	const [pa, pb] = [a.split('.').map(Number), b.split('.').map(Number)];
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d) return Math.sign(d);
	}
	return 0;
}
