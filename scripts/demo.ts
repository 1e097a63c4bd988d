/**
 * The main job: a local Procore sandbox, a real n8n (SQLite) with this package installed the way
 * users get it (npm pack → <user folder>/.n8n/nodes), a Procore credential pointing at the sandbox,
 * and every template in workflows/ imported with n8n's own CLI. Ctrl-C stops everything.
 */
import { execFileSync, spawn } from 'child_process';
import fs from 'fs';
import path from 'path';

import { startSandbox } from '../sandbox';

const ROOT = path.resolve(__dirname, '..');
const N8N_PORT = Number(process.env.DEMO_N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.DEMO_SANDBOX_PORT ?? 4010);
const EMAIL = process.env.DEMO_EMAIL ?? 'demo@example.com';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Procore-demo-1';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd = ROOT): string {
	return execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
	throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
	const n8nDir = run('bash', ['scripts/provision-n8n.sh']).trim().split('\n').pop()!;
	const n8nBin = path.join(n8nDir, 'node_modules/.bin/n8n');
	const userFolder = process.env.DEMO_USER_FOLDER ?? path.join(ROOT, '.cache/demo');
	fs.rmSync(userFolder, { recursive: true, force: true });
	const nodesDir = path.join(userFolder, '.n8n/nodes');
	fs.mkdirSync(nodesDir, { recursive: true });

	const tgz = run('npm', ['pack', '--silent', '--pack-destination', userFolder]).trim().split('\n').pop()!;
	fs.writeFileSync(path.join(nodesDir, 'package.json'), '{"name":"installed-nodes","private":true}');
	run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', path.join(userFolder, tgz)], process.env, nodesDir);

	const sandbox = await startSandbox({ port: SANDBOX_PORT });
	const env: NodeJS.ProcessEnv = {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(N8N_PORT),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		WEBHOOK_URL: `http://127.0.0.1:${N8N_PORT}/`,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-procore-demo-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'warn',
	};

	const credentials = path.join(userFolder, 'credentials.json');
	fs.writeFileSync(
		credentials,
		JSON.stringify([
			{
				id: 'procoreSandbox',
				name: 'Procore (local sandbox)',
				type: 'procoreOAuth2Api',
				data: {
					grantType: 'clientCredentials',
					environment: 'custom',
					customLoginUrl: sandbox.url,
					customApiUrl: sandbox.url,
					clientId: 'sandbox-dmsa-client',
					clientSecret: 'sandbox-dmsa-secret',
					companyId: String(sandbox.companyId),
				},
			},
		]),
	);
	run(n8nBin, ['import:credentials', `--input=${credentials}`], env);
	const templates = fs.readdirSync(path.join(ROOT, 'workflows')).filter((f) => f.endsWith('.json'));
	if (templates.length) run(n8nBin, ['import:workflow', '--separate', `--input=${path.join(ROOT, 'workflows')}`], env);

	const n8n = spawn(n8nBin, ['start'], { env, stdio: 'inherit', detached: true });
	const stop = async () => {
		try {
			process.kill(-n8n.pid!, 'SIGTERM');
		} catch {
			// already gone
		}
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	await waitFor(`http://127.0.0.1:${N8N_PORT}/healthz/readiness`, 180_000);
	// The REST routes can come up a little after readiness; retry the owner set-up until it answers.
	let setup: Response | undefined;
	for (let attempt = 0; attempt < 30 && !setup?.ok; attempt++) {
		if (attempt) await new Promise((r) => setTimeout(r, 2000));
		setup = await fetch(`http://127.0.0.1:${N8N_PORT}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ email: EMAIL, firstName: 'Demo', lastName: 'User', password: PASSWORD }),
		}).catch(() => undefined);
	}
	if (!setup?.ok) throw new Error(`n8n owner set-up failed: ${setup?.status} ${await setup?.text()}`);

	console.log(`
n8n with n8n-nodes-procore is ready: http://127.0.0.1:${N8N_PORT}
  login:    ${EMAIL} / ${PASSWORD}
  sandbox:  ${sandbox.url} (company ${sandbox.companyId}); credential "Procore (local sandbox)"
  templates imported: ${templates.length} (${templates.join(', ')})
First: open "List active Procore projects" and click "Execute workflow".
Ctrl-C stops n8n and the sandbox.`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
