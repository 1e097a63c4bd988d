/**
 * No import circles in what ships: a circle makes a module read another's exports before they are
 * set (the Procore node once loaded `resources` as undefined through router → properties →
 * resources → an operation → router). A small walk over the relative imports of nodes/ and
 * credentials/; `import type` is left out, as TypeScript erases it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const ROOT = resolve(__dirname, '../..');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
	});
}

function resolveImport(from: string, spec: string): string | undefined {
	const base = resolve(dirname(from), spec);
	return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** Runtime imports of a file (`import type` and `export type` erased). */
export function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const specs = [...text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'(\.[^']+)'/gm)].map((m) => m[1]);
	return specs.map((spec) => resolveImport(file, spec)).filter((f): f is string => Boolean(f));
}

/** Every circle, each as the list of files around it (relative to the repository). */
export function circles(files: string[]): string[][] {
	const graph = new Map(files.map((f) => [f, importsOf(f)]));
	const found: string[][] = [];
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'open');
		stack.push(file);
		for (const next of graph.get(file) ?? []) {
			if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(ROOT, f)));
			else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of graph.keys()) if (!state.has(file)) visit(file);
	return found;
}

describe('import circles', () => {
	it('nodes/ and credentials/ have none', () => {
		const files = [...sources(join(ROOT, 'nodes')), ...sources(join(ROOT, 'credentials'))];
		expect(files.length).toBeGreaterThan(50);
		expect(circles(files)).toEqual([]);
	});

	it('the walk finds a circle when there is one (router → properties → resources → operation → router)', () => {
		const dir = join(ROOT, 'test/nodes/fixtures/importCycle');
		const found = circles(sources(dir));
		expect(found).toEqual([
			['a.ts', 'b.ts', 'c.ts', 'a.ts'].map((f) => relative(ROOT, join(dir, f))),
		]);
	});
});
