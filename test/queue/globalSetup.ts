/**
 * n8n in queue mode, as users run it beyond one machine: Redis (Bull queue) and PostgreSQL (n8n
 * says scaling mode is "not officially supported with sqlite"), one main process that receives the
 * webhooks and enqueues executions, two `n8n worker` processes that run them. Plus the Procore
 * sandbox. All are children of this process, stopped by ./globalTeardown.ts.
 */
import fs from 'fs';
import path from 'path';

import { startN8n, startN8nWorker, type N8nInstance, type N8nWorker } from '../../scripts/lib/n8n';
import { startPostgres, startRedis, type Service } from '../../scripts/lib/services';
import { startSandbox, type Sandbox } from '../../sandbox';
import globalTeardown from './globalTeardown';
import { QUEUE_DIR, STATE_FILE } from './stateFile';
import type { QueueState } from './env';

export interface QueueGlobals {
	sandbox?: Sandbox;
	redis?: Service;
	postgres?: Service;
	n8n?: N8nInstance;
	workers: N8nWorker[];
}

const ROOT = path.resolve(__dirname, '../..');

/** Bull's lock and stall check shortened (n8n defaults 60 s / 30 s) so a killed worker's jobs surface in seconds. */
export const QUEUE_TIMINGS = {
	QUEUE_WORKER_LOCK_DURATION: '15000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
	QUEUE_WORKER_STALLED_INTERVAL: '5000',
	// Main's check for executions whose job is gone (default every 180 min): every minute.
	N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
};

export default async function globalSetup(): Promise<void> {
	const globals: QueueGlobals = { workers: [] };
	(globalThis as Record<string, unknown>).__procoreQueue = globals;
	try {
		await setUp(globals);
	} catch (error) {
		// jest skips globalTeardown when globalSetup fails: stop what did start.
		await globalTeardown();
		throw error;
	}
}

async function setUp(globals: QueueGlobals): Promise<void> {
	const started = Date.now();
	fs.rmSync(QUEUE_DIR, { recursive: true, force: true });
	fs.mkdirSync(QUEUE_DIR, { recursive: true });

	const [redis, postgres, sandbox] = await Promise.all([
		startRedis({ dir: path.join(QUEUE_DIR, 'redis') }),
		startPostgres({ parentDir: path.join(ROOT, '.cache/queue-postgres') }),
		startSandbox({ port: 0 }),
	]);
	Object.assign(globals, { redis, postgres, sandbox });
	const services = Math.round((Date.now() - started) / 1000);

	const env: Record<string, string> = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_DATABASE: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		// Workers log "Worker started execution <id> (job <n>)" at info: the suite reads who ran what.
		N8N_LOG_LEVEL: 'info',
		...QUEUE_TIMINGS,
	};
	const n8n = await startN8n({
		userFolder: path.join(QUEUE_DIR, 'n8n'),
		sandboxUrl: sandbox.url,
		companyId: sandbox.companyId,
		importTemplates: false,
		env,
	});
	globals.n8n = n8n;
	const mainReady = Math.round((Date.now() - started) / 1000);
	globals.workers = await Promise.all(
		[1, 2].map((i) => startN8nWorker(n8n, { concurrency: 10, logFile: path.join(QUEUE_DIR, `worker-${i}.log`) })),
	);

	const state: QueueState = {
		n8nUrl: n8n.url,
		apiKey: n8n.apiKey,
		userFolder: n8n.userFolder,
		bin: n8n.bin,
		env: n8n.env,
		mainLog: n8n.logFile!,
		workers: globals.workers.map((w) => ({ pid: w.pid, logFile: w.logFile })),
		sandboxUrl: sandbox.url,
		companyId: sandbox.companyId,
		seed: sandbox.seed as unknown as QueueState['seed'],
		redisPort: redis.port,
	};
	fs.writeFileSync(STATE_FILE, JSON.stringify(state));
	process.stderr.write(
		`\n[queue] redis :${redis.port}, postgres :${postgres.port}, sandbox ${sandbox.url} in ${services} s; ` +
			`n8n main ${n8n.url} in ${mainReady} s; 2 workers in ${Math.round((Date.now() - started) / 1000)} s\n`,
	);
}
