import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ProcoreRequest } from '../transport';

/**
 * A write is sent once per execution, node, run, item and request in this n8n process; a repeat of it
 * gets the first one's answer (or waits for it while it is in flight).
 *
 * Why: n8n 1.x resumes a waiting execution twice when its resume URL is requested twice at the same
 * moment (an Approve link double-clicked, or opened on two devices): both runs reach the write after the
 * Wait node with the same execution ID, the same run and item, and the same request. n8n 2.x resumes it
 * once. Within one run the same key can only be such a repeat, or a "Retry On Fail" of the node after a
 * later item failed: neither should write again. Runs in other processes (queue mode workers) are not
 * covered; docs/n8n-versions.md has the n8n source lines.
 */
const sent = new Map<string, { at: number; answer: Promise<IDataObject> }>();
/** Long enough for a duplicate resume (milliseconds apart) and a node's retries, short enough to stay small. */
const KEEP_MS = 15 * 60 * 1000;
const MAX_KEPT = 5_000;

function runIndexOf(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	try {
		const runIndex = (ctx.getWorkflowDataProxy?.(itemIndex) as { $runIndex?: unknown } | undefined)?.$runIndex;
		return typeof runIndex === 'number' ? runIndex : undefined;
	} catch {
		return undefined;
	}
}

/** The write's identity, or undefined where there is none to go by (no execution ID or run index). */
export function writeKey(ctx: IExecuteFunctions, itemIndex: number, request: ProcoreRequest): string | undefined {
	const executionId = ctx.getExecutionId?.();
	if (!executionId) return undefined;
	const runIndex = runIndexOf(ctx, itemIndex);
	if (runIndex === undefined) return undefined;
	return JSON.stringify([
		String(ctx.getWorkflow().id ?? ''),
		String(executionId),
		ctx.getNode().name,
		runIndex,
		itemIndex,
		request.method,
		request.path,
		request.qs ?? {},
		request.body ?? null,
	]);
}

function forget(now: number): void {
	for (const [key, entry] of sent) {
		if (now - entry.at < KEEP_MS && sent.size <= MAX_KEPT) break;
		sent.delete(key);
	}
}

/**
 * Sends the write unless this process already sent it: then a copy of the first one's output (callers may
 * reassign its fields). A failed send is forgotten.
 */
export async function sendOnce(ctx: IExecuteFunctions, itemIndex: number, request: ProcoreRequest, send: () => Promise<IDataObject>): Promise<IDataObject> {
	const key = writeKey(ctx, itemIndex, request);
	if (key === undefined) return await send();
	const now = Date.now();
	forget(now);
	const earlier = sent.get(key);
	if (earlier) return { ...(await earlier.answer) };
	const answer = send();
	sent.set(key, { at: now, answer });
	// A failed write is forgotten (before the caller sees the failure), so a retry sends it again.
	answer.catch(() => sent.delete(key));
	return { ...(await answer) };
}
