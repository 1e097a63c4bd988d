/**
 * The language model of the AI templates in the e2e suite: a local OpenAI-compatible stand-in on the
 * template's "OpenAI Chat Model" node (an openAiApi credential whose Base URL is the stand-in), and
 * Settings › model set to the stand-in's model name.
 */
import { n8n, startStandIn, type Received } from '../env';

export const STAND_IN_MODEL = 'stand-in-model';

export interface ChatRequest {
	model: string;
	messages: Array<{ role: string; content?: unknown; tool_calls?: unknown[]; tool_call_id?: string }>;
	tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: unknown } }>;
	stream?: boolean;
}

/** A Chat Completions answer whose message is `message` (text `content`, or `tool_calls`). */
export function completion(message: Record<string, unknown>, finish = 'stop') {
	return {
		id: `chatcmpl-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: STAND_IN_MODEL,
		choices: [{ index: 0, message: { role: 'assistant', content: null, ...message }, finish_reason: finish }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** The chat requests the model received, in order. */
export const chats = (llm: { received: Received[] }) => llm.received.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as ChatRequest);

/**
 * Starts the stand-in (answering chat requests with `answer(request)`) and wires it into the
 * workflow; `settings` sets other Settings values (e.g. the chat webhook of a stand-in chat).
 */
export async function connectStandInModel(
	workflowId: string,
	answer: (request: ChatRequest) => Record<string, unknown>,
	settings: Record<string, unknown> = {},
): Promise<Awaited<ReturnType<typeof startStandIn>>> {
	const llm = await startStandIn((req) => (req.path.endsWith('/chat/completions') ? { body: answer(req.body as ChatRequest) } : undefined));
	const credential = await n8n.api<{ id: string; name: string }>('POST', '/credentials', {
		name: `e2e stand-in chat model (${workflowId})`,
		type: 'openAiApi',
		data: { apiKey: 'sk-stand-in', url: `${llm.url}/v1`, header: false },
	});
	await n8n.patchNodes(workflowId, {
		'OpenAI Chat Model': (node) => {
			node.credentials = { openAiApi: { id: credential.id, name: credential.name } };
		},
		Settings: (node) => {
			const list = (node.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }).assignments;
			for (const [name, value] of Object.entries({ model: STAND_IN_MODEL, ...settings })) {
				const assignment = list.find((a) => a.name === name);
				if (!assignment) throw new Error(`${workflowId}: Settings has no ${name}`);
				assignment.value = value;
			}
		},
	});
	return llm;
}
