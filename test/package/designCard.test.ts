/**
 * The design card's packages are used where they are the right tool, and a card package installed
 * but imported nowhere is removed (issue 21: zod, luxon and axios were installed and imported
 * nowhere). The package ships no runtime `dependencies`: n8n provides n8n-workflow, zod and luxon.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
};
const installed = new Set([...Object.keys(pkg.devDependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return ['node_modules', 'dist', '.cache'].includes(name) ? [] : sources(full);
		return /\.(ts|js|mjs)$/.test(name) ? [full] : [];
	});
}

/** The files under `dirs` that import `name` (or a subpath of it). */
export function importersOf(name: string, dirs: string[]): string[] {
	const pattern = new RegExp(`(?:from\\s+|require\\(\\s*|import\\(\\s*)'${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:/[^']*)?'`);
	return dirs.flatMap((d) => sources(join(ROOT, d))).filter((file) => pattern.test(readFileSync(file, 'utf8')));
}

const SHIPPED = ['nodes', 'credentials'];
const EVERYWHERE = ['nodes', 'credentials', 'test', 'scripts', 'sandbox'];

describe('design-card packages', () => {
	it('no runtime dependencies: n8n provides n8n-workflow (peer), zod and luxon', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(Object.keys(pkg.peerDependencies ?? {})).toEqual(['n8n-workflow']);
	});

	it.each([
		['zod', 'validating inbound payloads (COR lines, clock-out allocations, the COI callback)'],
		['luxon', 'dates and time zones (the project\'s zone for a clock-out)'],
		['n8n-workflow', 'the node API'],
	])('%s is installed and the shipped code imports it (%s)', (name) => {
		expect(installed.has(name)).toBe(true);
		expect(importersOf(name, SHIPPED).length).toBeGreaterThan(0);
	});

	it.each(['axios', 'n8n-core', 'nock', 'zod', 'luxon'])('%s: installed only if something imports it', (name) => {
		if (installed.has(name)) expect({ name, importers: importersOf(name, EVERYWHERE).length > 0 }).toEqual({ name, importers: true });
		else expect(importersOf(name, EVERYWHERE)).toEqual([]);
	});

	it('finds imports as TypeScript writes them, and nothing else', () => {
		expect(importersOf('zod', ['nodes']).some((f) => f.endsWith('changeEvent/corInput.ts'))).toBe(true);
		expect(importersOf('luxon', ['nodes']).some((f) => f.endsWith('helpers/shiftTime.ts'))).toBe(true);
		expect(importersOf('no-such-package-here', EVERYWHERE)).toEqual([]);
	});
});
