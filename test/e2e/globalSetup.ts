/**
 * One real n8n and one Procore sandbox for the whole end-to-end run (booting n8n takes about a
 * minute, so every e2e file shares them; the files run in band). Tests reach both over HTTP through
 * ./env.ts, which reads the state file written here.
 */
import fs from 'fs';
import path from 'path';

import { DEFAULT_N8N_VERSION, N8N_VERSIONS, startN8n } from '../../scripts/lib/n8n';
import { startSandbox } from '../../sandbox';
import { E2E_DIR, STATE_FILE } from './stateFile';

/**
 * Which n8n the run boots: DEFAULT_N8N_VERSION, or PROCORE_E2E_N8N_VERSION when set (one of
 * package.json `config.n8nVersions`), to run an e2e file against an older supported n8n, e.g.
 * `PROCORE_E2E_N8N_VERSION=1.123.81 PROCORE_E2E_DIR=/tmp/me-e2e-1x npx jest --selectProjects e2e <file>`.
 */
function chosenVersion(): string {
	const wanted = process.env.PROCORE_E2E_N8N_VERSION;
	if (!wanted) return DEFAULT_N8N_VERSION;
	if (!N8N_VERSIONS.includes(wanted)) throw new Error(`PROCORE_E2E_N8N_VERSION=${wanted} is not a supported n8n; use one of ${N8N_VERSIONS.join(', ')} (package.json config.n8nVersions)`);
	return wanted;
}

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const version = chosenVersion();
	const sandbox = await startSandbox({ port: 0 });
	const userFolder = path.join(E2E_DIR, 'n8n');
	fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
	const n8n = await startN8n({ version, userFolder, sandboxUrl: sandbox.url, companyId: sandbox.companyId, seed: sandbox.seed });
	(globalThis as Record<string, unknown>).__procoreE2E = { sandbox, n8n };
	fs.writeFileSync(
		STATE_FILE,
		JSON.stringify({
			version: n8n.version,
			n8nUrl: n8n.url,
			apiKey: n8n.apiKey,
			userFolder,
			bin: n8n.bin,
			env: n8n.env,
			logFile: n8n.logFile,
			importOutput: n8n.importOutput,
			email: n8n.email,
			password: n8n.password,
			sandboxUrl: sandbox.url,
			companyId: sandbox.companyId,
			seed: sandbox.seed,
		}),
	);
	process.stderr.write(`\n[e2e] n8n ${n8n.url} and sandbox ${sandbox.url} ready in ${Math.round((Date.now() - started) / 1000)} s\n`);
}
