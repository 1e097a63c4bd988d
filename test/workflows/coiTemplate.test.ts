/**
 * workflows/coi-compliance-both-ways.json, its two Code nodes run as n8n's Code node runs them (the
 * node's JavaScript with `$`, `$input` and `$getWorkflowStaticData`): the first load sends every
 * project's subcontractors (names, contacts) to Settings › coiPlatformUrl the moment the workflow is
 * published, so nothing may go out while that is still the template's example, and a key carried in
 * the URL is never written to the workflow's static data. The end-to-end test
 * (test/e2e/templates/coi-compliance-both-ways.test.ts) runs the whole template in n8n.
 */
import path from 'path';

import { readTemplates, type TemplateNode } from '../../scripts/lib/templates';

const template = readTemplates(path.resolve(__dirname, '../../workflows')).find((t) => t.file === 'coi-compliance-both-ways.json')!.template;
const code = (name: string): string => String((template.nodes.find((n: TemplateNode) => n.name === name)!.parameters as { jsCode: string }).jsCode);
const settingsUrl = (): string => {
	const settings = template.nodes.find((n: TemplateNode) => n.name === 'Settings')!;
	return String((settings.parameters.assignments as { assignments: Array<{ name: string; value: string }> }).assignments.find((a) => a.name === 'coiPlatformUrl')!.value);
};

type Item = { json: Record<string, unknown>; pairedItem?: unknown };
const PROJECT = { project_id: '11', company_id: '9', reason: 'first load' };
const SUB = { project_id: '11', vendor_id: 5, vendor_name: 'Acme Electric', in_directory: true, commitments: [{ id: 71 }], contacts: [{ email_address: 'pm@acme.test' }] };

function runCode(name: string, url: string, staticData: Record<string, unknown>, input: Item[], compared: Item[] = []): Item[] {
	const $ = (node: string) => ({
		first: () => ({ json: node === 'Settings' ? { coiPlatformUrl: url } : {} }),
		all: () => (node === 'Projects to read' ? [{ json: PROJECT }] : []),
		itemMatching: (i: number) => compared[i],
	});
	const body = new Function('$', '$input', '$getWorkflowStaticData', code(name)) as (...a: unknown[]) => Item[];
	return body($, { all: () => input }, () => staticData);
}

describe('COI template: nothing is sent before Settings names the platform; no key is stored', () => {
	it.each([
		['the template\'s example', settingsUrl()],
		['empty', ''],
		['not a URL', '<COI platform URL>'],
	])('coiPlatformUrl %s: the comparison stops the run naming the setting, with nothing to send', (_label, url) => {
		expect(() => runCode('Compare with what the COI platform has', url, {}, [{ json: SUB }])).toThrow(/Settings › coiPlatformUrl is .*set it to your COI platform's endpoint.*Nothing was sent/);
	});

	it('a platform URL of the user\'s own: the sub is sent (added), and what is remembered carries no key from the URL', () => {
		const url = 'https://user:pass@coi.acme-builders.com/procore/subs?api_key=SECRET123';
		const memory: Record<string, unknown> = {};
		const out = runCode('Compare with what the COI platform has', url, memory, [{ json: SUB }]);
		expect(out.map((o) => [o.json.action, o.json.vendor_id, o.json.idempotency_key])).toEqual([['added', '5', 'procore:9:11:5:1']]);
		runCode('Remember what the platform has', url, memory, out, out);
		expect(Object.keys(memory.coiPlatforms as object)).toEqual(['https://coi.acme-builders.com/procore/subs']);
		expect(JSON.stringify(memory)).not.toMatch(/SECRET123|pass@/);
		// The same platform read back by the next run: nothing new to send.
		expect(runCode('Compare with what the COI platform has', url, memory, [{ json: SUB }])).toEqual([]);
	});
});
