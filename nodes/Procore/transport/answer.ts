/** Reading Procore's answers: the response inside an n8n error, a streamed error body, JSON with big ids. */
import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { parseJsonPreservingBigIds } from './json';

/** The HTTP response inside an error from n8n's HTTP helpers (n8n-core wraps it in a NodeApiError). */
export function responseOfError(error: unknown): IN8nHttpFullResponse | undefined {
	for (const candidate of [error, (error as { cause?: unknown })?.cause]) {
		const response = (candidate as { response?: { status?: unknown; headers?: unknown; data?: unknown } })
			?.response;
		if (response && typeof response.status === 'number') {
			return {
				statusCode: response.status,
				headers: (response.headers ?? {}) as IDataObject,
				body: response.data as IN8nHttpFullResponse['body'],
			};
		}
	}
	return undefined;
}

/** The text of a streamed error body (capped: only Procore's message is wanted from it). */
export async function streamText(raw: unknown): Promise<string> {
	if (!raw || typeof raw !== 'object' || !(Symbol.asyncIterator in raw)) return typeof raw === 'string' ? raw : '';
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of raw as AsyncIterable<Buffer | string>) {
		const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
		if (size < 64 * 1024) chunks.push(buffer);
		size += buffer.length;
	}
	return Buffer.concat(chunks).toString('utf8');
}

export function parseBody(raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	const text = raw.trim();
	if (text === '') return {};
	try {
		return parseJsonPreservingBigIds(text);
	} catch {
		return text;
	}
}
