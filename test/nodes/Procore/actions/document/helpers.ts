import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { createExecuteContext } from '../../../../helpers/executeContext';

export const API = 'https://api.procore.test';
export const STORAGE = 'https://storage.test';
export const project = { __rl: true, mode: 'id', value: '101' };
export const company = { __rl: true, mode: 'id', value: '4264807' };
export const MiB = 1024 * 1024;

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** ASCII bytes whose content differs part to part (period 26 does not divide 5 MiB). */
export function pattern(size: number): Buffer {
	const buffer = Buffer.alloc(size);
	for (let k = 0; k < size; k++) buffer[k] = 97 + (k % 26);
	return buffer;
}

/** The bytes nock hands a reply function: a string for UTF-8 bodies, hex for binary ones. */
export function bodyBytes(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	return Buffer.from(String(body), 'utf8');
}

/** The text fields of a multipart body, e.g. { 'file[upload_uuid]': 'U1' }. */
export function multipartFields(body: unknown): Record<string, string> {
	const text = bodyBytes(body).toString('utf8');
	const fields: Record<string, string> = {};
	for (const m of text.matchAll(/name="([^"]+)"(?:; filename="[^"]*")?\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/g)) fields[m[1]] = m[2];
	return fields;
}

export interface RunOptions {
	parameters: Record<string, unknown>;
	items?: INodeExecutionData[];
	/** Binary files "on disk" (n8n filesystem mode), addressed by id. */
	stored?: Record<string, Buffer>;
	requests?: IHttpRequestOptions[];
	continueOnFail?: boolean;
}

export async function run(options: RunOptions): Promise<INodeExecutionData[]> {
	const { Procore } = await import('../../../../../nodes/Procore/Procore.node');
	const ctx = createExecuteContext({
		parameters: options.parameters,
		items: options.items,
		requests: options.requests,
		continueOnFail: options.continueOnFail,
	}) as IExecuteFunctions & { __storeBinary(id: string, data: Buffer): void };
	for (const [id, data] of Object.entries(options.stored ?? {})) ctx.__storeBinary(id, data);
	const [out] = await new Procore().execute.call(ctx);
	return out;
}

export function inlineItem(data: Buffer, fileName: string, mimeType = 'application/pdf'): INodeExecutionData {
	return { json: {}, binary: { data: { data: data.toString('base64'), fileName, mimeType, fileSize: String(data.length) } } };
}

export function storedItem(id: string, size: number, fileName: string, mimeType = 'application/pdf'): INodeExecutionData {
	return { json: {}, binary: { data: { data: 'filesystem-v2', id, fileName, mimeType, fileSize: String(size) } } };
}

export const rootFolder = (files: IDataObject[] = [], folders: IDataObject[] = []): IDataObject => ({
	id: 1,
	name: 'Documents',
	name_with_path: 'Documents',
	folders,
	files,
});
