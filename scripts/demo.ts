/**
 * The main job: a local Procore sandbox, a real n8n (SQLite) with this package installed the way
 * users get it, a Procore credential pointing at the sandbox and every template in workflows/
 * imported with n8n's own CLI, its Settings placeholders filled with the sandbox's IDs and its nodes
 * on the sandbox credential (scripts/lib/templates.ts; scripts/lib/n8n.ts does the n8n part).
 * Ctrl-C, SIGTERM or SIGHUP stops everything it started, and so does the end of the process that
 * started it.
 */
import fs from 'fs';
import path from 'path';

import { startSandbox } from '../sandbox';
import { INBOUND_HEADER, SANDBOX_CREDENTIAL_NAME, startN8n } from './lib/n8n';

const ROOT = path.resolve(__dirname, '..');

async function main(): Promise<void> {
	const started = Date.now();
	const sandbox = await startSandbox({ port: Number(process.env.DEMO_SANDBOX_PORT ?? 4010) });
	const n8n = await startN8n({
		userFolder: process.env.DEMO_USER_FOLDER ?? path.join(ROOT, '.cache/demo'),
		port: Number(process.env.DEMO_N8N_PORT ?? 5678),
		sandboxUrl: sandbox.url,
		companyId: sandbox.companyId,
		seed: sandbox.seed,
		email: process.env.DEMO_EMAIL ?? 'demo@example.com',
		password: process.env.DEMO_PASSWORD ?? 'Procore-demo-1',
		log: 'inherit',
	}).catch(async (error: unknown) => {
		await sandbox.stop();
		throw error;
	});
	// Whoever reads the output may be gone before the demo (a closed pipe): stopping must not fail on it.
	process.stdout.on('error', () => undefined);
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandbox…');
		await n8n.stop();
		await sandbox.stop();
		process.exit(0);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
	n8n.process.once('exit', () => void stop());
	// n8n runs in a process group of its own (so that stopping it ends its task runners too): a
	// signal to the demo's group never reaches it, and only the demo stops it. A SIGTERM to the
	// demo's main process alone (a container stop, a supervisor) ends `npm run`'s shell without
	// passing it on; the demo, orphaned, sees its parent change and stops everything all the same.
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) void stop();
	}, 500).unref();

	const templates = fs.readdirSync(path.join(ROOT, 'workflows')).filter((f) => f.endsWith('.json'));
	console.log(`
n8n with n8n-nodes-procore is ready (${Math.round((Date.now() - started) / 1000)} s): ${n8n.url}
  login:     ${n8n.email} / ${n8n.password}
  sandbox:   ${sandbox.url} (company ${sandbox.companyId}); credential "${SANDBOX_CREDENTIAL_NAME}"
  webhooks:  the templates' inbound webhooks expect the header ${INBOUND_HEADER.name}: ${INBOUND_HEADER.value}
  templates: ${templates.length} imported (Overview lists them)
  API key:   ${n8n.apiKey.slice(0, 12)}… (public API, header X-N8N-API-KEY)
First: open "List active Procore projects" and click "Execute workflow".
Ctrl-C stops n8n and the sandbox.
DEMO_READY ${n8n.url}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
