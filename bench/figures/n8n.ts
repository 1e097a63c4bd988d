/**
 * Figures that need a real n8n process (issue #12 figures 3–5): webhook burst through a published
 * workflow with the Procore Trigger, RSS of the n8n process moving 1–2 GB files, and the node's
 * per-item overhead against an HTTP Request node. They start n8n with the shared launcher
 * (scripts/lib/n8n.ts); until each is written it is listed as not run, with the reason.
 */
import type { FigureResult } from '../lib/report';

export const pendingN8nFigures: Array<{ title: string; plan: string }> = [
	{
		title: 'Webhook burst in real n8n',
		plan: '1,000 sandbox events, 10% delivered twice (duplicateDeliveries 0.1), to a published Procore Trigger workflow: exactly 1,000 executions, p50/p99 acknowledgement time from sandbox deliveries',
	},
	{ title: 'Memory of the n8n process', plan: 'peak RSS of n8n uploading and downloading 1 GB and 2 GB, against its idle RSS (goal: growth < 150 MB)' },
	{ title: 'Cost of the node itself', plan: 'per-item overhead of the Procore node against an HTTP Request node doing the same call, in the same n8n' },
];

export async function n8nFigures(): Promise<FigureResult[]> {
	return pendingN8nFigures.map(({ title, plan }) => ({ title, rows: [], skipped: `not implemented yet: ${plan}` }));
}
