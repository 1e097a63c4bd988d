import type { N8nInstance } from '../../scripts/lib/n8n';
import type { Sandbox } from '../../sandbox';

export default async function globalTeardown(): Promise<void> {
	const state = (globalThis as Record<string, unknown>).__procoreE2E as { sandbox: Sandbox; n8n: N8nInstance } | undefined;
	if (!state) return;
	await state.n8n.stop();
	await state.sandbox.stop();
}
