/**
 * The approval steps the AI-proposal templates share (photos-to-punch-items, submittal-log-from-
 * specification, change-order-scope-drafting-with-ai): a run previews its writes and asks an
 * approver in chat, the run waits on a Wait node, and only a click on the approve link writes.
 */
import fs from 'fs';
import path from 'path';

import { eventually, n8n, sandbox, type Execution } from '../env';

/** A browser's User-Agent: the Wait node ignores bots (such as chat apps' link previews). */
export const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

/** Opens an approve / reject link as the approver's browser does. */
export const click = async (url: string, userAgent = BROWSER) => await fetch(url, { headers: { 'User-Agent': userAgent } });

/** Procore writes the sandbox received since its calls were last cleared. */
export const apiWrites = async () => (await sandbox.calls()).filter((c) => c.method !== 'GET' && c.path.startsWith('/rest/'));

/** The approval requests among what the approver's chat received (it also gets the outcomes). */
export const approvalRequests = <T extends { approveUrl?: string }>(chat: { received: Array<{ body: unknown }> }): T[] =>
	chat.received.map((r) => r.body as T).filter((b) => b.approveUrl);

/** The template's preview node and its write node are one operation, differing only in Preview Only. */
export function expectPreviewIsTheWrite(template: string, previewNode: string, writeNode: string): void {
	const workflow = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../workflows', template), 'utf8')) as {
		nodes: Array<{ name: string; parameters: { options: Record<string, unknown> } & Record<string, unknown> }>;
	};
	const preview = workflow.nodes.find((n) => n.name === previewNode)!;
	const write = workflow.nodes.find((n) => n.name === writeNode)!;
	expect(preview.parameters.options).toEqual({ previewOnly: true });
	expect(write.parameters.options).toEqual({ previewOnly: false });
	expect({ ...preview.parameters, options: {} }).toEqual({ ...write.parameters, options: {} });
}

/**
 * The status of the run an approve link resumes (`…/webhook-waiting/<execution ID>…`), read by its ID:
 * n8n 1.x's public API leaves out of its execution list every run it still holds in memory, and a run
 * that went to wait in the same process stays there (docs/n8n-versions.md §2).
 */
export async function linkedRunStatus(approveUrl: string): Promise<string> {
	const id = /\/webhook-waiting\/(\d+)/.exec(approveUrl)?.[1];
	if (!id) throw new Error(`not a resume link: ${approveUrl}`);
	return (await n8n.api<Execution>('GET', `/executions/${id}`)).status;
}

/** After a run asked (its `asked`-th request), the run its links resume waits for the decision, nothing written yet. */
export async function expectWaitingForDecision(_workflow: string, asks: () => Array<{ approveUrl?: string }>, asked: number): Promise<void> {
	await eventually(async () => asks().length === asked, { what: `approval request ${asked} in chat` });
	const link = String(asks()[asked - 1].approveUrl);
	await eventually(async () => (await linkedRunStatus(link)) === 'waiting', { what: 'the execution waiting for the decision' });
	expect(await apiWrites()).toEqual([]);
}

/** Approves, and waits until the workflow has `runs` finished executions, every one a success. */
export async function approveAndFinish(workflow: string, approveUrl: string, runs: number): Promise<void> {
	expect((await click(approveUrl)).status).toBe(200);
	const done = await n8n.waitForExecutions(workflow, runs, { timeoutMs: 90_000 });
	expect(done.every((e) => e.status === 'success')).toBe(true);
}

/** Rejecting: the run ends (its `runs`-th), nothing is written and the approver is told so. */
export async function rejectWritesNothing(
	workflow: string,
	rejectUrl: string,
	runs: number,
	chat: { received: Array<{ body: unknown }> },
	added: () => Promise<unknown[]>,
): Promise<void> {
	expect((await click(rejectUrl)).status).toBe(200);
	await n8n.waitForExecutions(workflow, runs, { timeoutMs: 90_000 });
	expect(await apiWrites()).toEqual([]);
	expect(await added()).toEqual([]);
	expect(chat.received[chat.received.length - 1].body).toMatchObject({ approved: false, decision: 'reject' });
}

/** A used approve link is refused, and a moment later still nothing more is written. */
export async function expectSecondClickRefused(approveUrl: string, added: () => Promise<unknown[]>, count: number): Promise<void> {
	expect((await click(approveUrl)).status).toBeGreaterThanOrEqual(400);
	await new Promise((r) => setTimeout(r, 1500));
	expect(await added()).toHaveLength(count);
}
