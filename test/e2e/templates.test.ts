/**
 * Every template in workflows/ was imported by n8n's own CLI (`n8n import:workflow --separate`, in
 * globalSetup) into the real n8n, and n8n accepts every node: a known type and version, no parameter
 * the node does not have (or does not show with the chosen resource/operation), no required
 * parameter missing, credentials referenced by name and id (never embedded). compat.test.ts checks
 * the node types and versions in every supported n8n.
 */
import fs from 'fs';
import path from 'path';

import { n8n, state } from './env';
import { loadedTypes, nodeProblems, type NodeTypes } from './templateNodes';

const ROOT = path.resolve(__dirname, '../..');
const templateFiles = fs.readdirSync(path.join(ROOT, 'workflows')).filter((f) => f.endsWith('.json'));

describe('workflow templates in real n8n', () => {
	let types: NodeTypes;

	beforeAll(async () => {
		// The node types the running n8n loaded: its own and this package's (with the procoreTool
		// variant n8n derives for AI Agents), as its editor gets them.
		types = (await loadedTypes(state)).nodes;
	});

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
		expect(nodeProblems(workflow.nodes, types)).toEqual([]);
	});
});
