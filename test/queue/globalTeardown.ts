import type { QueueGlobals } from './globalSetup';

/** Stops everything globalSetup started, workers first (they hold jobs), the databases last. */
export default async function globalTeardown(): Promise<void> {
	const g = (globalThis as Record<string, unknown>).__procoreQueue as QueueGlobals | undefined;
	if (!g) return;
	await Promise.all(g.workers.map((w) => w.stop()));
	await g.n8n?.stop();
	await g.sandbox?.stop();
	await Promise.all([g.redis?.stop(), g.postgres?.stop()]);
}
