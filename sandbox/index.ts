/**
 * The Procore sandbox: a local server that behaves like Procore's REST API, login host and
 * storage host. `const sb = await startSandbox({ port: 0 })`, then point clients at `sb.url`.
 */
import { Sandbox, type StartOptions } from './sandbox';

export { Sandbox, type StartOptions, runningSandboxes, setStartDefaults } from './sandbox';
export type { SeedIds, SeedOptions } from './seed';
export type { SandboxConfig, ConfigPatch, FaultRule, RateLimitConfig } from './config';
export { RATE_LIMIT_PRESETS } from './config';
export { defineHandler, type Handler } from './handlers/registry';
export type { UiEdit } from './control';
export type { DeliveryRecord } from './webhooks/dispatcher';

export async function startSandbox(options: StartOptions = {}): Promise<Sandbox> {
	return new Sandbox(options).start();
}
