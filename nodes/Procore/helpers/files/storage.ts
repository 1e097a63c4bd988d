/**
 * The storage side of Procore's file flows: presigned upload URLs and the storage links downloads
 * redirect to. These are the one justified exception to "HTTP only through the authenticated
 * transport": a presigned URL carries its own signature, and the storage host (S3) rejects a request
 * that also carries the Procore token (two auth mechanisms) — and must never see it. So these calls
 * use n8n's plain httpRequest, with no credential, and nothing in this file reads one.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import type { NodeReadable } from './binary';

export interface StorageResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** A storage failure: its HTTP status (0 when the connection failed) and S3's own message. */
export class StorageError extends Error {
	constructor(
		readonly statusCode: number,
		message: string,
	) {
		super(message);
	}

	/** Worth another try: the connection dropped, S3 was busy, or it timed out. */
	get transient(): boolean {
		return this.statusCode === 0 || this.statusCode === 408 || this.statusCode === 429 || this.statusCode >= 500;
	}
}

function s3Message(body: unknown): string {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
	const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
	const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
	return [code, message].filter(Boolean).join(': ') || text.slice(0, 300);
}

async function send(ctx: IExecuteFunctions, options: IHttpRequestOptions): Promise<StorageResponse> {
	let response: IN8nHttpFullResponse;
	try {
		response = (await ctx.helpers.httpRequest({
			...options,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		// Status 0: the connection failed; callers decide whether to try again.
		return { statusCode: 0, headers: {}, body: `the storage service could not be reached: ${(error as Error).message}` };
	}
	return { statusCode: response.statusCode, headers: (response.headers ?? {}) as IDataObject, body: response.body };
}

function header(headers: IDataObject, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return value === undefined || value === null ? undefined : String(Array.isArray(value) ? value[0] : value);
}

/** PUT one part to its presigned URL with exactly the headers Procore returned; resolves to the ETag. */
export async function putPart(
	ctx: IExecuteFunctions,
	url: string,
	signedHeaders: IDataObject,
	body: NodeReadable | Buffer,
	size: number,
): Promise<string> {
	const headers: IDataObject = { ...signedHeaders };
	if (header(headers, 'content-type') === undefined) headers['Content-Type'] = 'application/octet-stream';
	// A streamed body must announce its length: S3 refuses chunked uploads to presigned PUTs.
	if (header(headers, 'content-length') === undefined) headers['Content-Length'] = String(size);
	const response = await send(ctx, {
		method: 'PUT',
		url,
		headers,
		body: body as IHttpRequestOptions['body'],
		encoding: 'text',
		// No redirects: following them would make n8n's HTTP client keep a copy of the part in memory.
		disableFollowRedirect: true,
		timeout: 15 * 60_000,
	});
	if (response.statusCode === 0 || response.statusCode >= 300) throw new StorageError(response.statusCode, s3Message(response.body));
	const etag = header(response.headers, 'etag');
	if (!etag) throw new StorageError(response.statusCode, 'the storage service accepted the part but returned no ETag');
	return etag;
}

/** POST a small file with the presigned form fields, unchanged, and the file last under `file`. */
export async function postForm(
	ctx: IExecuteFunctions,
	url: string,
	fields: IDataObject,
	file: Buffer,
	fileName: string,
	mimeType: string,
): Promise<void> {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, String(value ?? ''));
	form.append('file', new Blob([file], { type: mimeType }), fileName);
	const response = await send(ctx, {
		method: 'POST',
		url,
		body: form as unknown as IHttpRequestOptions['body'],
		encoding: 'text',
		disableFollowRedirect: true,
		timeout: 15 * 60_000,
	});
	if (response.statusCode === 0 || response.statusCode >= 300) throw new StorageError(response.statusCode, s3Message(response.body));
}

/** GET a storage link (already signed) as a stream, without any credential. */
export async function getFromStorage(ctx: IExecuteFunctions, url: string): Promise<StorageResponse> {
	const response = await send(ctx, { method: 'GET', url, encoding: 'stream', timeout: 15 * 60_000 });
	if (response.statusCode === 0) throw new StorageError(0, s3Message(response.body));
	if (response.statusCode >= 400) {
		const chunks: Buffer[] = [];
		for await (const chunk of response.body as AsyncIterable<Buffer>) if (chunks.length < 16) chunks.push(Buffer.from(chunk));
		throw new StorageError(response.statusCode, s3Message(Buffer.concat(chunks)));
	}
	return response;
}
