/**
 * One way to run a real n8n with this package installed the way users get it: used by the demo
 * (`npm run demo`), the end-to-end suite (test/e2e) and the benchmarks (bench/).
 *
 * provision (scripts/provision-n8n.sh) → `npm pack` → install into <userFolder>/.n8n/nodes (node types
 * `n8n-nodes-procore.procore` / `.procoreTrigger`) → import the sandbox credential and the templates
 * with n8n's own CLI → `n8n start` (SQLite, or the database `env` names) → owner account → login →
 * a public-API key. Queue mode: startN8nWorker adds `n8n worker` processes to such an instance.
 *
 * Must run under Node 24 (scripts/node24.sh), like everything in this repository.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import path from 'path';
import { promisify } from 'util';

import type { SeedIds } from '../../sandbox';
import { sandboxSettings, writeFilledTemplates } from './templates';

const ROOT = path.resolve(__dirname, '../..');
const execFileAsync = promisify(execFile);

/**
 * The n8n versions the package is tested in (package.json `config.n8nVersions`, oldest first: the
 * newest 1.x that installs from the npm registry, and the 2.x line), each by the compatibility suite
 * (test/e2e/compat.test.ts). The last one is the default everywhere else (demo, end-to-end and queue
 * suites, benchmarks), as in scripts/provision-n8n.sh.
 */
export const N8N_VERSIONS: readonly string[] = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { config: { n8nVersions: string } }).config.n8nVersions.split(' ');
export const DEFAULT_N8N_VERSION = N8N_VERSIONS[N8N_VERSIONS.length - 1];

/**
 * How a self-hoster installs the package in n8n's nodes folder (the README's command line): like
 * n8n's Community Nodes panel, which unpacks the package, drops its peerDependencies and installs
 * only its own dependencies, so `n8n-workflow` is never installed beside it and resolves to n8n's
 * own copy (n8n puts its own node_modules on NODE_PATH before loading community packages).
 */
export const NODES_FOLDER_INSTALL_ARGS = ['install', '--legacy-peer-deps', '--ignore-scripts'] as const;

export const SANDBOX_CREDENTIAL_ID = 'procoreSandbox';
export const SANDBOX_CREDENTIAL_NAME = 'Procore (local sandbox)';
/**
 * The header every authenticated template Webhook (Authentication › Header Auth) expects here: the
 * demo and the e2e suite create this httpHeaderAuth credential and send the header.
 */
export const INBOUND_CREDENTIAL = { id: 'inboundWebhookSecret', name: 'Inbound webhook secret (demo)' };
export const INBOUND_HEADER = { name: 'X-Webhook-Secret', value: 'demo-inbound-secret' };

export interface StartN8nOptions {
	/** Which n8n (provisioned on first use); default DEFAULT_N8N_VERSION. */
	version?: string;
	/** n8n's home (its SQLite database, the nodes folder); wiped first unless `restart` is set. */
	userFolder: string;
	/** Start again on an existing user folder (a restart: same database, package, owner and workflows). */
	restart?: boolean;
	/** Procore sandbox the imported credential points at. */
	sandboxUrl: string;
	companyId: number | string;
	/** 0 or unset: a free port. */
	port?: number;
	/** Import every template in workflows/ (default true), filled with this seed's values (templates.ts). */
	importTemplates?: boolean;
	/** The sandbox's seed: the values the templates' Settings placeholders get. Needed to import them. */
	seed?: SeedIds;
	email?: string;
	password?: string;
	/** Extra or overriding environment for n8n (e.g. EXECUTIONS_MODE for queue mode). */
	env?: Record<string, string>;
	/** Where n8n's stdout/stderr go (default <userFolder>/n8n.log); `inherit` prints them. */
	log?: string | 'inherit';
	readinessTimeoutMs?: number;
}

export interface N8nInstance {
	/** n8n's version, e.g. 2.41.1. */
	version: string;
	url: string;
	port: number;
	userFolder: string;
	email: string;
	password: string;
	/** Public API key (header X-N8N-API-KEY). */
	apiKey: string;
	/** Environment every n8n process of this instance shares (CLI commands included). */
	env: NodeJS.ProcessEnv;
	bin: string;
	logFile?: string;
	/** What `n8n import:workflow` printed when the templates were imported. */
	importOutput: string;
	process: ChildProcess;
	/** Runs an n8n CLI command against this instance's database; resolves with stdout. */
	cli(args: string[], extraEnv?: Record<string, string>): Promise<string>;
	/** Public REST API (/api/v1), JSON in and out; throws with n8n's message on a non-2xx. */
	api<T = unknown>(method: string, apiPath: string, body?: unknown): Promise<T>;
	stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** The folder of one n8n version (installed on first use; idempotent). */
export function provisionN8n(version: string = DEFAULT_N8N_VERSION): string {
	const out = execFileSync('bash', [path.join(ROOT, 'scripts/provision-n8n.sh'), version], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return out.trim().split('\n').pop()!;
}

/** `npm pack` of the built package (dist/ must be current: scripts/build.sh). */
function pack(destination: string): string {
	const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return path.join(destination, out.trim().split('\n').pop()!);
}

function installPackage(userFolder: string): void {
	const nodesDir = path.join(userFolder, '.n8n/nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const tgz = pack(userFolder);
	fs.writeFileSync(path.join(nodesDir, 'package.json'), '{"name":"installed-nodes","private":true}');
	execFileSync('npm', [...NODES_FOLDER_INSTALL_ARGS, '--no-audit', '--no-fund', '--loglevel=error', tgz], {
		cwd: nodesDir,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
}

/**
 * A Procore Trigger node named "Procore Trigger", first in its workflow, on the sandbox credential
 * every instance started here imports: the node the e2e, queue and bench workflows start with.
 */
export function procoreTriggerNode(id: string, webhookId: string, parameters: Record<string, unknown>): Record<string, unknown> {
	return {
		id,
		name: 'Procore Trigger',
		type: 'n8n-nodes-procore.procoreTrigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters,
		credentials: { procoreOAuth2Api: { id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME } },
	};
}

export function sandboxCredential(sandboxUrl: string, companyId: number | string): object {
	return {
		id: SANDBOX_CREDENTIAL_ID,
		name: SANDBOX_CREDENTIAL_NAME,
		type: 'procoreOAuth2Api',
		data: {
			grantType: 'clientCredentials',
			environment: 'custom',
			customLoginUrl: sandboxUrl,
			customApiUrl: sandboxUrl,
			clientId: 'sandbox-dmsa-client',
			clientSecret: 'sandbox-dmsa-secret',
			companyId: String(companyId),
		},
	};
}

function inboundCredential(): object {
	return { ...INBOUND_CREDENTIAL, type: 'httpHeaderAuth', data: { name: INBOUND_HEADER.name, value: INBOUND_HEADER.value } };
}

async function waitForOk(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode} before ${url} answered`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** n8n's internal REST wraps answers in {data}; its public API does not (`unwrap: false`). */
async function rest<T>(url: string, init: RequestInit, unwrap = true): Promise<{ data: T; response: Response }> {
	const response = await fetch(url, init);
	const text = await response.text();
	if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${response.status}: ${text.slice(0, 500)}`);
	const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
	return { data: (unwrap ? (parsed.data ?? parsed) : parsed) as T, response };
}

const BROWSER = { 'Content-Type': 'application/json', 'browser-id': 'n8n-nodes-procore' };

/** Logs in to n8n's internal REST API (what the editor uses); resolves with the session cookie. */
export async function login(url: string, email: string, password: string): Promise<string> {
	const { response } = await rest(`${url}/rest/login`, {
		method: 'POST',
		headers: BROWSER,
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	return (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
}

/** Owner account, session cookie, API key with every scope the owner may hold. */
async function createApiKey(url: string, email: string, password: string): Promise<string> {
	// The REST routes can come up a moment after readiness: retry the owner set-up.
	let lastError: unknown;
	for (let attempt = 0; attempt < 40; attempt++) {
		try {
			await rest(`${url}/rest/owner/setup`, {
				method: 'POST',
				headers: BROWSER,
				body: JSON.stringify({ email, firstName: 'Demo', lastName: 'Owner', password }),
			});
			lastError = undefined;
			break;
		} catch (error) {
			lastError = error;
			// Already set up (a kept user folder) is fine: login below proves the password.
			if (String(error).includes('→ 400')) {
				lastError = undefined;
				break;
			}
			await new Promise((r) => setTimeout(r, 1000));
		}
	}
	if (lastError) throw lastError;
	const headers = { ...BROWSER, cookie: await login(url, email, password) };
	const { data: scopes } = await rest<string[]>(`${url}/rest/api-keys/scopes`, { headers });
	const { data: key } = await rest<{ rawApiKey: string }>(`${url}/rest/api-keys`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ label: `procore-${Date.now()}`, scopes, expiresAt: null }),
	});
	return key.rawApiKey;
}

export async function startN8n(options: StartN8nOptions): Promise<N8nInstance> {
	const version = options.version ?? DEFAULT_N8N_VERSION;
	const dir = provisionN8n(version);
	const bin = path.join(dir, 'node_modules/.bin/n8n');
	const { userFolder } = options;
	if (!options.restart) {
		fs.rmSync(userFolder, { recursive: true, force: true });
		fs.mkdirSync(userFolder, { recursive: true });
		installPackage(userFolder);
	}

	const port = options.port || (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		WEBHOOK_URL: `${url}/`,
		N8N_EDITOR_BASE_URL: `${url}/`,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-procore-local-key',
		// Nothing here reaches the internet: switch off what would call n8n's cloud services.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
		// Each instance's task-runner broker on its own port, so a demo and a test run can coexist.
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		// 2.x fetches its registry of MCP servers from api.n8n.io at start and on a timer (1.x has no
		// such module, and refuses to start when told to disable a module it does not know).
		...(version.startsWith('1.') ? {} : { N8N_DISABLED_MODULES: 'mcp-registry' }),
		DB_SQLITE_POOL_SIZE: '2',
		...options.env,
	};
	// Under jest NODE_ENV is `test`, which silences n8n's logger and changes its start-up: n8n must
	// run as users run it.
	delete env.NODE_ENV;
	delete env.JEST_WORKER_ID;

	const cli = async (args: string[], extraEnv: Record<string, string> = {}): Promise<string> => {
		const cliEnv = { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extraEnv };
		const { stdout } = await execFileAsync(bin, args, { env: cliEnv, cwd: userFolder, maxBuffer: 64 * 1024 * 1024 });
		return stdout;
	};

	let importOutput = '';
	if (!options.restart) {
		const credentialsFile = path.join(userFolder, 'credentials.json');
		fs.writeFileSync(credentialsFile, JSON.stringify([sandboxCredential(options.sandboxUrl, options.companyId), inboundCredential()]));
		await cli(['import:credentials', `--input=${credentialsFile}`]);
		if (options.importTemplates !== false) {
			if (!options.seed) throw new Error('startN8n: importing the templates needs the sandbox seed (options.seed) for their Settings');
			const filledDir = path.join(userFolder, 'templates');
			const count = writeFilledTemplates(path.join(ROOT, 'workflows'), filledDir, {
				settings: sandboxSettings(options.seed),
				procore: { id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME },
				inboundHeader: INBOUND_CREDENTIAL,
			});
			if (count) importOutput = await cli(['import:workflow', '--separate', `--input=${filledDir}`]);
		}
	}

	const logFile = options.log === 'inherit' ? undefined : (options.log ?? path.join(userFolder, 'n8n.log'));
	const out = logFile ? fs.openSync(logFile, 'a') : 'inherit';
	// Its own process group, so stop() ends n8n and its task runners together.
	const child = spawn(bin, ['start'], { env, cwd: userFolder, stdio: ['ignore', out, out], detached: true });
	if (typeof out === 'number') fs.closeSync(out);

	const stop = async (): Promise<void> => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		try {
			process.kill(-child.pid!, 'SIGTERM');
		} catch {
			return;
		}
		const killer = setTimeout(() => {
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// gone
			}
		}, 20_000);
		await exited;
		clearTimeout(killer);
	};

	try {
		await waitForOk(`${url}/healthz/readiness`, options.readinessTimeoutMs ?? 240_000, child);
		const email = options.email ?? 'owner@example.com';
		const password = options.password ?? 'Procore-owner-1';
		const apiKey = await createApiKey(url, email, password);
		const api = async <T>(method: string, apiPath: string, body?: unknown): Promise<T> => {
			for (let attempt = 1; ; attempt++) {
				try {
					const { data } = await rest<T>(`${url}/api/v1${apiPath}`, {
						method,
						headers: { 'X-N8N-API-KEY': apiKey, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
						body: body === undefined ? undefined : JSON.stringify(body),
					}, false);
					return data;
				} catch (error) {
					// n8n answers 503 "Database is not ready" while its database health check lags (a loaded
					// machine): nothing was done, so the call is repeated a few times before failing.
					if (attempt >= 5 || !/→ 503: .*Database is not ready/.test((error as Error).message)) throw error;
					await new Promise((resolve) => setTimeout(resolve, 2000 * attempt));
				}
			}
		};
		return { version, url, port, userFolder, email, password, apiKey, env, bin, logFile, importOutput, process: child, cli, api, stop };
	} catch (error) {
		await stop();
		const tail = logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-4000) : '';
		throw new Error(`${(error as Error).message}\n--- n8n log (tail) ---\n${tail}`);
	}
}

export interface N8nWorker {
	/** The worker's process (its own process group: the worker and its task runners). */
	process: ChildProcess;
	pid: number;
	logFile: string;
	/** Port of the worker's health server (/healthz, /healthz/readiness). */
	healthPort: number;
	/** Graceful stop (SIGTERM to the group; SIGKILL after 20 s). */
	stop(): Promise<void>;
	/** SIGKILL to the whole group: a machine that dies mid-job. */
	kill(): Promise<void>;
}

/**
 * `n8n worker` for a queue-mode instance started with startN8n (EXECUTIONS_MODE=queue in its env):
 * the same environment (database, Redis, encryption key, user folder with the package installed),
 * its own health-server and task-runner broker ports. Resolves once the worker reports ready.
 */
export async function startN8nWorker(
	instance: Pick<N8nInstance, 'bin' | 'env' | 'userFolder'>,
	options: { concurrency?: number; logFile: string; env?: Record<string, string>; readinessTimeoutMs?: number },
): Promise<N8nWorker> {
	const healthPort = await freePort();
	const env: NodeJS.ProcessEnv = {
		...instance.env,
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		...options.env,
	};
	const out = fs.openSync(options.logFile, 'a');
	const args = ['worker', `--concurrency=${options.concurrency ?? 10}`];
	const child = spawn(instance.bin, args, { env, cwd: instance.userFolder, stdio: ['ignore', out, out], detached: true });
	fs.closeSync(out);
	const signalGroup = (signal: NodeJS.Signals): boolean => {
		try {
			process.kill(-child.pid!, signal);
			return true;
		} catch {
			return false;
		}
	};
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const gone = () => child.exitCode !== null || child.signalCode !== null;
	const stop = async (): Promise<void> => {
		if (gone() || !signalGroup('SIGTERM')) return;
		const killer = setTimeout(() => signalGroup('SIGKILL'), 20_000);
		await exited;
		clearTimeout(killer);
	};
	const kill = async (): Promise<void> => {
		if (gone() || !signalGroup('SIGKILL')) return;
		await exited;
	};
	try {
		await waitForOk(`http://127.0.0.1:${healthPort}/healthz/readiness`, options.readinessTimeoutMs ?? 180_000, child);
	} catch (error) {
		await stop();
		const tail = fs.existsSync(options.logFile) ? fs.readFileSync(options.logFile, 'utf8').slice(-4000) : '';
		throw new Error(`n8n worker: ${(error as Error).message}\n--- worker log (tail) ---\n${tail}`);
	}
	return { process: child, pid: child.pid!, logFile: options.logFile, healthPort, stop, kill };
}
