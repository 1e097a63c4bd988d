/**
 * docs/templates.md names, for each issue 21 finding, the test that proves it fixed (`file › test
 * title`). A renamed or deleted test would leave the table pointing at nothing; this fails then,
 * naming the title, and when a cited test file is gone.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';

const ROOT = resolve(__dirname, '../..');
const DOC = readFileSync(join(ROOT, 'docs/templates.md'), 'utf8');

function testFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return testFiles(full);
		return name.endsWith('.test.ts') ? [full] : [];
	});
}

/** The titles of every `it(…)`, `it.each(…)(…)` and `describe(…)` in the test suites, `%s` as `<file>`. */
const TITLES = testFiles(join(ROOT, 'test')).flatMap((file) =>
	[...readFileSync(file, 'utf8').matchAll(/\b(?:it|test|describe)(?:\.each\([^]*?\))?\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'").replace(/%s/g, '<file>')),
);

/** A cited title: `…` stands for left-out words at the start, middle or end. */
export function citedTitleFound(cited: string, titles: string[]): boolean {
	const parts = cited.split('…').map((p) => p.trim());
	return titles.some((title) => {
		if (parts[0] && !title.startsWith(parts[0])) return false;
		const last = parts[parts.length - 1];
		if (parts.length > 1 && last && !title.endsWith(last)) return false;
		if (parts.length === 1) return title === parts[0];
		let at = 0;
		for (const part of parts) {
			const found = title.indexOf(part, at);
			if (found < 0) return false;
			at = found + part.length;
		}
		return true;
	});
}

const findings = DOC.slice(DOC.indexOf('## Issue 21 findings and their tests'));
const cited = [...findings.matchAll(/›\s*`([^`]+)`/g)].map((m) => m[1]);
const files = [...new Set([...DOC.matchAll(/`(test\/[^`\s<>]+\.test\.ts)`/g)].map((m) => m[1]))];

describe('docs/templates.md › Issue 21 findings and their tests', () => {
	it('cites tests', () => {
		expect(cited.length).toBeGreaterThan(30);
		expect(files.length).toBeGreaterThan(10);
	});

	it('every cited test file exists', () => {
		expect(files.filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
	});

	it('every cited test title is a test (or describe) in the suites', () => {
		expect(cited.filter((title) => !citedTitleFound(title, TITLES))).toEqual([]);
	});

	it('a title that is not there, or only part of one without "…", is not found', () => {
		const titles = ['a pushed Change Event deleted in Procore: the COR tool is told it is deleted, by its ID'];
		expect(citedTitleFound('a pushed Change Event deleted in Procore: the COR tool is told it is deleted, by its ID', titles)).toBe(true);
		expect(citedTitleFound('a pushed Change Event deleted in Procore…', titles)).toBe(true);
		expect(citedTitleFound('…told it is deleted, by its ID', titles)).toBe(true);
		expect(citedTitleFound('a pushed Change Event deleted in Procore', titles)).toBe(false);
		expect(citedTitleFound('a pushed Change Event archived in Procore…', titles)).toBe(false);
	});
});
