jest.setTimeout(180_000);
/**
 * workflows/meeting-transcript-to-draft-rfis.json in the shared real n8n: a transcript file posted to
 * the webhook (Header Auth), or a meeting's topics read from Procore, goes to the AI Agent (a local
 * OpenAI-compatible stand-in model); each open question becomes a draft RFI with the transcript
 * attached, and the engineer is told in chat. Posting the same transcript again drafts nothing twice.
 */
import { INBOUND_HEADER } from '../../../scripts/lib/n8n';
import { n8n, sandbox, startStandIn, state } from '../env';
import { chats, completion, connectStandInModel, STAND_IN_MODEL, type ChatRequest } from './standInModel';

const WORKFLOW = 'ProcoreMtgToRfis';
const TRANSCRIPT = [
	'OAC Meeting 15, 2026-09-03.',
	'Dana (architect): the storefront at grid A/1 is on hold until the owner picks the glass tint.',
	'Luis (super): S-201 shows the slab edge 2 in. past the curtain wall embed at C/4. Which governs, the structural or the architectural edge?',
	'Priya (PE): we also need the fire rating of the corridor 3B ceiling; A-501 and the code analysis disagree.',
	'Dana: the level 9 pour sequence was settled: two placements.',
].join('\n');
const QUESTIONS = [
	{ subject: 'Slab edge vs curtain wall embed at C/4', question: 'S-201 shows the slab edge 2 in. past the curtain wall embed at grid C/4. Which edge governs?' },
	{ subject: 'Corridor 3B ceiling fire rating', question: 'A-501 and the code analysis give different fire ratings for the corridor 3B ceiling. Which rating applies?' },
];
const TOPIC_QUESTION = [{ subject: 'Revised embed detail at grid C/4', question: 'The architect was to confirm the revised embed plate detail at C/4. Which detail is issued?' }];

interface Rfi {
	id: number;
	subject: string;
	draft: boolean;
	rfi_manager_id?: number;
	question?: { body?: string; attachments?: Attachment[] };
	attachments?: Attachment[];
}
interface Attachment {
	name?: string;
	filename?: string;
}
/** Procore keeps an RFI's attachments on its question. */
const attached = (rfi: Rfi) => [...(rfi.attachments ?? []), ...(rfi.question?.attachments ?? [])].map((a) => a.name ?? a.filename);


/** Answers the open questions of what it was given (the posted transcript, or the meeting's topics), in a code fence as models often do. */
function model(request: ChatRequest) {
	const questions = JSON.stringify(request.messages).includes('Curtain wall embed conflict at grid C/4') ? TOPIC_QUESTION : QUESTIONS;
	return completion({ content: `\`\`\`json\n${JSON.stringify(questions)}\n\`\`\`` });
}

describe('template: Meeting transcript to draft RFIs', () => {
	const project = state.seed.projects.tower;
	let llm: Awaited<ReturnType<typeof startStandIn>>;
	let chat: Awaited<ReturnType<typeof startStandIn>>;
	let path = '';

	const rfis = async () => (await sandbox.state<Rfi>(`projects/${project}/rfis`)).filter((r) => !('deleted_at' in r && r.deleted_at));
	const writes = async () => (await sandbox.calls()).filter((c) => c.method !== 'GET' && c.path.startsWith('/rest/'));
	const post = async (form: FormData | Record<string, unknown>) => {
		const body = form instanceof FormData ? form : JSON.stringify(form);
		const headers: Record<string, string> = { [INBOUND_HEADER.name]: INBOUND_HEADER.value, ...(form instanceof FormData ? {} : { 'Content-Type': 'application/json' }) };
		const response = await fetch(`${state.n8nUrl}/webhook/${path}`, { method: 'POST', body, headers });
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	};
	const transcriptForm = () => {
		const form = new FormData();
		form.append('meetingTitle', 'OAC Meeting 15');
		form.append('transcript', new Blob([TRANSCRIPT], { type: 'text/plain' }), 'oac-15.txt');
		return form;
	};

	beforeAll(async () => {
		await sandbox.reset();
		for (const e of await n8n.executions(WORKFLOW)) await n8n.api('DELETE', `/executions/${e.id}`).catch(() => undefined);
		chat = await startStandIn();
		llm = await connectStandInModel(WORKFLOW, model, { engineerChatWebhookUrl: `${chat.url}/chat/engineer` });
		path = await n8n.webhookPath(WORKFLOW);
		await n8n.publish(WORKFLOW);
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await llm?.stop();
		await chat?.stop();
	});

	it('a posted transcript: one draft RFI per open question, each with the transcript attached; the engineer is told', async () => {
		const before = await rfis();
		await sandbox.clearCalls();
		const reply = await post(transcriptForm());
		expect(reply).toEqual({ status: 202, body: { status: 'drafting RFIs', meeting: 'OAC Meeting 15' } });
		const [execution] = await n8n.waitForExecutions(WORKFLOW, 1, { timeoutMs: 90_000 });
		expect(execution.data?.resultData.error?.message).toBeUndefined();
		expect(execution.status).toBe('success');

		// The model read the transcript itself.
		const asked = chats(llm);
		expect(asked).toHaveLength(1);
		expect(asked[0].model).toBe(STAND_IN_MODEL);
		expect(JSON.stringify(asked[0].messages)).toContain('corridor 3B ceiling');

		const drafted = (await rfis()).filter((r) => !before.some((b) => b.id === r.id));
		expect(drafted.map((r) => r.subject).sort()).toEqual(QUESTIONS.map((q) => q.subject).sort());
		for (const rfi of drafted) {
			expect(rfi).toMatchObject({ draft: true, rfi_manager_id: state.seed.users.pm });
			expect(rfi.question?.body).toContain('Raised in OAC Meeting 15; the transcript is attached.');
			expect(attached(rfi)).toEqual(['OAC Meeting 15 transcript.txt']);
		}
		// Written once each (a 401 before n8n refreshes the sandbox-reset token is a refusal, not a write).
		const rfiWrites = (await writes()).filter((c) => c.method === 'POST' && c.path === `/rest/v1.0/projects/${project}/rfis` && Number(c.status) < 400);
		expect(rfiWrites).toHaveLength(2);

		expect(chat.received).toHaveLength(1);
		const told = chat.received[0].body as { text: string; rfis: Array<{ id: number; subject: string; link: string }> };
		expect(told.text).toMatch(/^@project-engineer 2 draft RFI\(s\) from OAC Meeting 15 are ready for your review in Procore/);
		expect(told.rfis.map((r) => r.id).sort()).toEqual(drafted.map((r) => r.id).sort());
		expect(told.rfis[0].link).toMatch(new RegExp(`^https://app\\.procore\\.com/${project}/project/rfi/show/\\d+$`));
	});

	it('the same transcript posted again drafts nothing twice and tells no one', async () => {
		const before = (await rfis()).length;
		await sandbox.clearCalls();
		const reply = await post(transcriptForm());
		expect(reply.status).toBe(202);
		const executions = await n8n.waitForExecutions(WORKFLOW, 2, { timeoutMs: 90_000 });
		expect(executions.every((e) => e.status === 'success')).toBe(true);
		expect(await writes()).toEqual([]);
		expect(await rfis()).toHaveLength(before);
		expect(chat.received).toHaveLength(1);
	});

	it('without a file: the meeting\'s topics in Procore are the transcript', async () => {
		await sandbox.clearCalls();
		const reply = await post({ meetingId: (state.seed as unknown as { meetings: { oac14: number } }).meetings.oac14 });
		expect(reply).toEqual({ status: 202, body: { status: 'drafting RFIs', meeting: 'OAC Meeting #14' } });
		await n8n.waitForExecutions(WORKFLOW, 3, { timeoutMs: 90_000 });
		const prompt = JSON.stringify(chats(llm).pop()?.messages);
		expect(prompt).toContain('14.2 Curtain wall embed conflict at grid C/4 (Open): Embed plate at C/4 conflicts with the slab edge');
		const created = (await rfis()).filter((r) => r.subject === TOPIC_QUESTION[0].subject);
		expect(created).toHaveLength(1);
		expect(attached(created[0])).toEqual(['OAC Meeting 14 transcript.txt']);
		expect(chat.received).toHaveLength(2);
	});

	it('neither a file nor a meeting: refused at once (422), nothing written', async () => {
		await sandbox.clearCalls();
		const reply = await post({ note: 'no transcript' });
		expect(reply.status).toBe(422);
		expect(reply.body).toMatchObject({ status: 'refused' });
		await n8n.waitForExecutions(WORKFLOW, 4, { timeoutMs: 90_000 });
		expect(await writes()).toEqual([]);
	});
});
