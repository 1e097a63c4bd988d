/** Reads a request body and parses JSON, form-urlencoded and multipart alike (Procore's material uses all three). */
import type { IncomingMessage } from 'http';
import { boundaryOf, collectMultipart } from './multipart';
import { nest } from './nested';

export class BodyError extends Error {}

export async function readRaw(req: IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const c of req as AsyncIterable<Buffer>) {
		size += c.length;
		if (size > limit) throw new BodyError('request body too large');
		chunks.push(c);
	}
	return Buffer.concat(chunks);
}

export async function parseBody(req: IncomingMessage): Promise<unknown> {
	const raw = await readRaw(req);
	if (raw.length === 0) return undefined;
	const type = (req.headers['content-type'] ?? '').toLowerCase();
	if (type.includes('multipart/form-data')) {
		const boundary = boundaryOf(req.headers['content-type']);
		if (!boundary) throw new BodyError('multipart body without boundary');
		return nest(await collectMultipart(raw, boundary));
	}
	if (type.includes('application/x-www-form-urlencoded'))
		return nest(new URLSearchParams(raw.toString('utf8')));
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		throw new BodyError('body is not valid JSON');
	}
}

/** True when the body came as form fields (every scalar is a string and must be coerced by schema). */
export function isFormBody(req: IncomingMessage): boolean {
	const type = (req.headers['content-type'] ?? '').toLowerCase();
	return type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded');
}
