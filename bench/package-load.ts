/**
 * One measurement in a fresh process (bench/figures/packageLoad.ts runs it): how long n8n's own
 * community-package loader (n8n-core's PackageDirectoryLoader, what n8n runs at start-up for a
 * package in ~/.n8n/nodes) takes to load the built package, and how long the API Operation
 * catalog then takes on first use (the first list search or run), or eagerly when --eager.
 *   node --import tsx bench/package-load.ts --dir=<package root with dist/> [--eager]
 */
import * as path from 'path';

async function main(): Promise<void> {
	const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
	const dir = path.resolve(String(args.dir ?? path.join(__dirname, '..')));
	const catalogModule = path.join(dir, 'dist/nodes/Procore/actions/apiOperation/catalog.js');
	const { PackageDirectoryLoader } = await import('n8n-core');
	const t0 = process.hrtime.bigint();
	const loader = new PackageDirectoryLoader(dir);
	await loader.loadAll();
	// --eager: what start-up would cost if the catalog were imported with the node's description.
	let eagerMs = 0;
	if ('eager' in args) {
		const e0 = process.hrtime.bigint();
		await ((await import(catalogModule)) as { loadCatalog: () => Promise<unknown> }).loadCatalog();
		eagerMs = Number(process.hrtime.bigint() - e0) / 1e6;
	}
	const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
	let firstUseMs: number | null = null;
	try {
		const f0 = process.hrtime.bigint();
		const catalog = await ((await import(catalogModule)) as { loadCatalog: () => Promise<{ operations: unknown[] }> }).loadCatalog();
		firstUseMs = 'eager' in args ? 0 : Number(process.hrtime.bigint() - f0) / 1e6;
		if (catalog.operations.length < 2000) throw new Error('catalog not loaded');
	} catch (error) {
		// The package before the catalog: no module to load.
		if (!/Cannot find module|MODULE_NOT_FOUND/.test(String((error as Error).message) + String((error as NodeJS.ErrnoException).code))) throw error;
	}
	const nodes = Object.keys(loader.nodeTypes).length;
	console.log(JSON.stringify({ loadMs, eagerMs, firstUseMs, nodes }));
}

void main();
