/**
 * Every template in workflows/ was imported by n8n's own CLI (`n8n import:workflow --separate`, in
 * globalSetup) into the real n8n, and n8n accepts every node: a known type and version, no parameter
 * the node does not have (or does not show with the chosen resource/operation), no required
 * parameter missing, credentials referenced by name and id (never embedded).
 */
import fs from 'fs';
import { createRequire } from 'module';
import path from 'path';
import { NodeHelpers, type INode, type INodeTypeDescription } from 'n8n-workflow';

import { n8n, state } from './env';

const ROOT = path.resolve(__dirname, '../..');
const templateFiles = fs.readdirSync(path.join(ROOT, 'workflows')).filter((f) => f.endsWith('.json'));

/** The node descriptions the running n8n loaded: n8n's own packages and this package's dist. */
function loadDescriptions(): Map<string, INodeTypeDescription[]> {
	const n8nModules = path.dirname(path.dirname(state.bin));
	const byType = new Map<string, INodeTypeDescription[]>();
	const add = (type: string, description: INodeTypeDescription) => byType.set(type, [...(byType.get(type) ?? []), description]);
	for (const [pkg, prefix] of [
		['n8n-nodes-base', 'n8n-nodes-base.'],
		['@n8n/n8n-nodes-langchain', '@n8n/n8n-nodes-langchain.'],
	] as const) {
		const list = JSON.parse(fs.readFileSync(path.join(n8nModules, pkg, 'dist/types/nodes.json'), 'utf8')) as INodeTypeDescription[];
		for (const d of list) add(prefix + d.name, d);
	}
	const installed = path.join(state.userFolder, '.n8n/nodes/node_modules/n8n-nodes-procore');
	const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	for (const file of manifest.n8n.nodes) {
		const module = createRequire(__filename)(path.join(installed, file)) as Record<string, new () => { description: INodeTypeDescription }>;
		for (const NodeClass of Object.values(module)) {
			const { description } = new NodeClass();
			add(`n8n-nodes-procore.${description.name}`, description);
		}
	}
	return byType;
}

function versions(d: INodeTypeDescription): number[] {
	return Array.isArray(d.version) ? d.version : [d.version];
}

describe('workflow templates in real n8n', () => {
	const descriptions = loadDescriptions();

	it('are all imported by n8n import:workflow, with their ids', async () => {
		expect(templateFiles.length).toBeGreaterThan(0);
		const imported = new Map((await n8n.workflows()).map((w) => [w.id, w]));
		for (const file of templateFiles) {
			const template = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8')) as { id: string; name: string };
			expect(template.id).toBeTruthy();
			expect(imported.get(template.id)?.name).toBe(template.name);
		}
	});

	it.each(templateFiles)('%s: every node type, version and parameter is one n8n accepts', async (file) => {
		const template = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8')) as { id: string };
		const workflow = await n8n.workflow(template.id);
		const problems: string[] = [];
		for (const node of workflow.nodes) {
			const candidates = descriptions.get(node.type);
			if (!candidates) {
				problems.push(`${node.name}: unknown node type ${node.type}`);
				continue;
			}
			const description = candidates.find((d) => versions(d).includes(node.typeVersion));
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
		expect(problems).toEqual([]);
	});
});
