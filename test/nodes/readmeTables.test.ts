/**
 * The README's tables say what the package has: "Nodes, resources and operations" lists every
 * resource and operation the Procore node's description offers and none it does not, and
 * "Templates (`workflows/`)" has one row per file in workflows/ and none for a file that is gone.
 * Read from the node's description as n8n loads it, so a new operation, a renamed one or a template
 * without its row fails here instead of reaching a user who reads the README.
 */
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import type { INodePropertyOptions } from 'n8n-workflow';

import { Procore } from '../../nodes/Procore/Procore.node';
import { ProcoreTrigger } from '../../nodes/ProcoreTrigger/ProcoreTrigger.node';

const ROOT = resolve(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The rows of the first table under a `## heading`, as cells (the header and separator rows dropped). */
export function tableUnder(markdown: string, heading: string): string[][] {
	const lines = markdown.split('\n');
	const start = lines.findIndex((l) => l.trim() === heading);
	if (start < 0) throw new Error(`README has no heading "${heading}"`);
	const rows: string[][] = [];
	for (const line of lines.slice(start + 1)) {
		if (/^#{1,6} /.test(line)) break;
		if (!line.startsWith('|')) {
			if (rows.length) break;
			continue;
		}
		rows.push(line.slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined).split('|').map((c) => c.trim()));
	}
	return rows.slice(2);
}

/** Text with every parenthesis removed, nested ones and links' `(url)` included. */
const withoutParentheses = (text: string): string => {
	let out = text;
	for (let before = ''; before !== out; ) {
		before = out;
		out = out.replace(/\([^()]*\)/g, '');
	}
	return out;
};

/** Words an operation name may hold in lower case ("Create or Update", "Attach to Record", "Make an API Call"). */
const SMALL_WORDS = new Set(['a', 'an', 'or', 'to', 'of']);

/**
 * The operation names an Operations cell claims: comma-, semicolon- or sentence-separated phrases
 * that start with one of the node's operation verbs, cut at the first word that is not part of a
 * Title Case name; "Create Manpower / Notes / Weather Entry" names three operations.
 */
export function claimedOperations(cell: string, verbs: Set<string>): string[] {
	const names: string[] = [];
	for (const phrase of withoutParentheses(cell).split(/[,;]|\.\s|:\s/)) {
		const words = phrase.trim().split(/\s+/).filter(Boolean);
		if (!words.length || !verbs.has(words[0])) continue;
		const name: string[] = [];
		for (const word of words) {
			const bare = word.replace(/[.:]$/, '');
			if (bare === '/' || /^[A-Z0-9]/.test(bare) || (SMALL_WORDS.has(bare) && name.length)) name.push(bare);
			else break;
			if (bare !== word) break;
		}
		while (name.length && SMALL_WORDS.has(name[name.length - 1])) name.pop();
		const text = name.join(' ');
		if (!text.includes(' / ')) {
			names.push(text);
			continue;
		}
		// "Create Manpower / Notes / Weather Entry": the first part's leading words and the last part's
		// trailing words belong to every alternative.
		const parts = text.split(' / ').map((p) => p.split(' '));
		const prefix = parts[0].slice(0, -1);
		const suffix = parts[parts.length - 1].slice(1);
		const middles = parts.map((p, k) => (k === 0 ? p[p.length - 1] : k === parts.length - 1 ? p[0] : p.join(' ')));
		for (const middle of middles) names.push([...prefix, middle, ...suffix].join(' '));
	}
	return names;
}

const description = new Procore().description;
const resources = (description.properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[]).map((r) => ({
	name: r.name,
	operations: description.properties
		.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(String(r.value)))
		.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => o.name)),
}));
const VERBS = new Set(resources.flatMap((r) => r.operations.map((o) => o.split(' ')[0])));
const NODES_TABLE = tableUnder(README, '## Nodes, resources and operations');
const procoreRows = NODES_TABLE.filter(([node]) => node === description.displayName);
/** README rows may list several resources in one row ("Milestone · Cost Code · …"). */
const rowOf = (resource: string) => procoreRows.find(([, names]) => names.split(' · ').includes(resource));

describe('README › Nodes, resources and operations', () => {
	it('has a row for each node, and names no other node', () => {
		const nodes = [description.displayName, new ProcoreTrigger().description.displayName];
		expect([...new Set(NODES_TABLE.map(([node]) => node))].sort()).toEqual([...nodes].sort());
	});

	it('lists every resource of the Procore node, and none it does not have', () => {
		expect(resources.length).toBeGreaterThan(30);
		expect(resources.filter((r) => !rowOf(r.name)).map((r) => r.name)).toEqual([]);
		const listed = procoreRows.flatMap(([, names]) => names.split(' · '));
		expect(listed.filter((name) => !resources.some((r) => r.name === name))).toEqual([]);
	});

	it.each(resources.map((r) => [r.name, r.operations] as const))('%s: every operation listed, and none that does not exist', (resource, operations) => {
		const cell = rowOf(resource)?.[2] ?? '';
		const claimed = claimedOperations(cell, VERBS);
		expect({ resource, missing: operations.filter((o) => !claimed.includes(o)) }).toEqual({ resource, missing: [] });
		expect({ resource, unknown: claimed.filter((c) => !operations.includes(c)) }).toEqual({ resource, unknown: [] });
	});

	it('reads operation names out of the cells as a reader would', () => {
		const verbs = new Set(['Create', 'Get', 'Update', 'Attach', 'Make']);
		expect(claimedOperations('Create (draft by default), Get, Get Many (status, search), Update, Get Potential Assignees / Managers', verbs)).toEqual([
			'Create',
			'Get',
			'Get Many',
			'Update',
			'Get Potential Assignees',
			'Get Potential Managers',
		]);
		expect(claimedOperations('Get Many (with search) and list search for every ID a timecard needs', verbs)).toEqual(['Get Many']);
		expect(claimedOperations('Create Manpower / Notes / Weather Entry (a re-run writes nothing)', verbs)).toEqual(['Create Manpower Entry', 'Create Notes Entry', 'Create Weather Entry']);
		expect(claimedOperations('Potential change orders and packages. Create From Change Event (the PM\'s path), Attach to Record; the others at company scope', verbs)).toEqual(['Create From Change Event', 'Attach to Record']);
		expect(claimedOperations('Make an API Call (any method)', verbs)).toEqual(['Make an API Call']);
	});
});

describe('README › Templates', () => {
	it('has one row per template in workflows/, and none for a file that is not there', () => {
		const files = readdirSync(join(ROOT, 'workflows')).filter((f) => f.endsWith('.json')).sort();
		const rows = tableUnder(README, '## Templates (`workflows/`)').map(([file]) => file.replace(/`/g, ''));
		expect(files.length).toBeGreaterThan(10);
		expect([...rows].sort()).toEqual(files);
	});
});
