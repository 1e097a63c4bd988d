/**
 * The main job: a local Procore sandbox, a real n8n (SQLite) with this package installed the way
 * users get it, a Procore credential pointing at the sandbox and every template in workflows/
 * imported with n8n's own CLI, its Settings placeholders filled with the sandbox's IDs and its nodes
 * on the sandbox credential (scripts/lib/templates.ts; scripts/lib/n8n.ts does the n8n part).
 * Ctrl-C stops everything.
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
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandbox…');
		await n8n.stop();
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	n8n.process.once('exit', () => void stop());

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
