/**
 * workflows/procore-mcp-server-with-approval.json, read as a file: each write the approver is asked about is
 * the write that runs after Approve (same node type and parameters, only Preview Only differs), both tagged
 * as an agent's; each write tool reaches its own preview, and the approved run its own writer, by the same
 * key; the tools fix which write they ask for (not an argument of the client). The end-to-end test
 * (test/e2e/templates/procore-mcp-server-with-approval.test.ts) drives it with a real MCP client.
 */
import path from 'path';

import { readTemplates, type Template, type TemplateNode } from '../../scripts/lib/templates';

const template = readTemplates(path.resolve(__dirname, '../../workflows')).find((t) => t.file === 'procore-mcp-server-with-approval.json')!.template as Template & {
	connections: Record<string, { main?: Array<Array<{ node: string }>>; ai_tool?: Array<Array<{ node: string }>> }>;
};
const node = (name: string): TemplateNode => template.nodes.find((n) => n.name === name)!;
const targets = (name: string): string[] => (template.connections[name]?.main ?? []).map((out) => out[0]?.node ?? '');
interface Rule {
	outputKey: string;
	conditions: { conditions: Array<{ rightValue: string }> };
}
const rules = (name: string) => (node(name).parameters.rules as { values: Rule[] }).values;
const writeTools = template.nodes.filter((n) => n.type === '@n8n/n8n-nodes-langchain.toolWorkflow');

describe('MCP template: what is approved is what is written', () => {
	it('has write tools', () => {
		expect(writeTools.map((t) => t.name).sort()).toEqual(['Create a draft RFI', 'Reply to an RFI', 'Request a Procore API operation', 'Update a change event']);
	});

	it.each(writeTools.map((t) => [t.name, t] as const))('%s: its key leads to a preview and, once approved, to the same node with Preview Only off', (_name, tool) => {
		const key = (tool.parameters.workflowInputs as { value: Record<string, string> }).value.write;
		const previewAt = rules('Which write?').findIndex((r) => r.conditions.conditions[0].rightValue === key);
		const writeAt = rules('Which write? (approved)').findIndex((r) => r.conditions.conditions[0].rightValue === key);
		expect(previewAt).toBeGreaterThanOrEqual(0);
		expect(writeAt).toBeGreaterThanOrEqual(0);
		const preview = node(targets('Which write?')[previewAt]);
		const write = node(targets('Which write? (approved)')[writeAt]);
		expect(preview.type).toBe('n8n-nodes-procore.procore');
		expect(write.type).toBe(preview.type);
		expect(preview.parameters.options).toEqual({ agentRequest: true, previewOnly: true });
		expect(write.parameters.options).toEqual({ agentRequest: true, previewOnly: false });
		expect({ ...preview.parameters, options: {} }).toEqual({ ...write.parameters, options: {} });
		expect(targets(preview.name)).toEqual(['Would Procore refuse it?']);
		expect(targets(write.name)).toEqual(['Did Procore refuse it?']);
		expect([preview.onError, write.onError]).toEqual(['continueRegularOutput', 'continueRegularOutput']);
	});

	// n8n 1.x sends an item to a node's error output only when its json is { error } or { error, message }
	// (2.x also lets `details` through): the Procore node's failed item carries `description` and the HTTP
	// status, so on 1.123 a refused write left on the success output and was asked about, or reported as
	// written. The template therefore keeps failed items on the one output and routes them with an If node.
	it.each([
		['Would Procore refuse it?', ['Tell the agent: refused', 'Start the approval']],
		['Did Procore refuse it?', ['Tell the approver: write failed', 'Tell the approver: written']],
	])('%s: a failed item (it has `error`) goes to the refusal branch, any other to the next step', (name, next) => {
		expect(node(name).type).toBe('n8n-nodes-base.if');
		expect((node(name).parameters.conditions as { conditions: Array<{ leftValue: string; operator: unknown }> }).conditions).toEqual([
			expect.objectContaining({ leftValue: '={{ $json.error !== undefined }}', operator: { type: 'boolean', operation: 'true', singleValue: true } }),
		]);
		expect(targets(name)).toEqual(next);
	});

	it('no node of the template relies on n8n\'s error output', () => {
		expect(template.nodes.filter((n) => (n as { onError?: string }).onError === 'continueErrorOutput').map((n) => n.name)).toEqual([]);
	});

	it.each(writeTools.map((t) => [t.name, t] as const))('%s: which write and the approval step are fixed, not the client\'s to choose', (_name, tool) => {
		const value = (tool.parameters.workflowInputs as { value: Record<string, string> }).value;
		expect(value.write).toMatch(/^[a-z_]+$/);
		expect(value).not.toHaveProperty('step');
		expect(value).not.toHaveProperty('approval_id');
		expect(String(tool.parameters.description)).toContain('pending approval');
	});

	it('only Approve resumes into a write; the approval run is started without waiting', () => {
		expect(template.connections['Approved?'].main).toEqual([[expect.objectContaining({ node: 'Which write? (approved)' })], []]);
		expect((node('Approved?').parameters.conditions as { conditions: Array<{ leftValue: string; rightValue: string }> }).conditions[0]).toMatchObject({
			leftValue: "={{ $json.query?.decision ?? '' }}",
			rightValue: 'approve',
		});
		expect(node('Start the approval').parameters.options).toEqual({ waitForSubWorkflow: false });
		expect((node('Start the approval').parameters.workflowInputs as { value: Record<string, string> }).value.step).toBe('decide');
	});

	it('the read tool for any API operation only previews writes', () => {
		expect(node('Call a Procore API operation').parameters.options).toEqual({ previewOnly: true });
	});
});
