import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isProcoreHost, procoreApiBaseUrl, procoreRequest } from '../../transport';
import { getCompanyId } from '../context';
import { asNodeError, errorItem } from '../errorItem';
import type { NodeReadable } from './binary';
import { StorageError, getFromStorage } from './storage';

const MAX_HOPS = 5;

function header(headers: IDataObject, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return value === undefined || value === null ? undefined : String(Array.isArray(value) ? value[0] : value);
}

/** The file name in a Content-Disposition header (RFC 6266 `filename*` first). */
export function dispositionFileName(value: string | undefined): string | undefined {
	if (!value) return undefined;
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(value)?.[1];
	if (extended) {
		try {
			return decodeURIComponent(extended.trim());
		} catch {
			// Malformed percent-encoding: fall back to the plain parameter.
		}
	}
	return /filename\s*=\s*"?([^";]+)"?/.exec(value)?.[1]?.trim();
}

export interface FetchedFile {
	body: NodeReadable;
	headers: IDataObject;
	/** Whether the bytes came from the storage host (after a redirect or directly). */
	fromStorage: boolean;
}

/**
 * Fetches a Procore file link. The API origin and Procore's file host (transport/hosts.ts) get the
 * token, with redirects off so that the storage host they redirect to (S3) never sees it; that
 * signed storage link is then fetched with no credential at all. Links that already point at storage are fetched directly, also without it.
 */
export async function fetchProcoreFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	url: string,
	companyId: string,
): Promise<FetchedFile> {
	const baseUrl = await procoreApiBaseUrl.call(ctx);
	let current = url;
	for (let hop = 0; hop <= MAX_HOPS; hop++) {
		if (!isProcoreHost(current, baseUrl)) {
			try {
				const response = await getFromStorage(ctx, current);
				return { body: response.body as NodeReadable, headers: response.headers, fromStorage: true };
			} catch (error) {
				const status = error instanceof StorageError ? error.statusCode : 0;
				throw new NodeOperationError(ctx.getNode(), `Downloading from Procore's storage failed${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}`, {
					description: status === 403
						? 'The signed link expired. Run the node again: a fresh link is requested each time.'
						: 'Run the node again; if it persists, check that the file still exists in Procore.',
					itemIndex,
				});
			}
		}
		const response = await procoreRequest.call(ctx, {
			method: 'GET',
			path: current,
			companyId,
			itemIndex,
			followRedirects: false,
			responseType: 'stream',
		});
		const location = header(response.headers, 'location');
		if (response.statusCode >= 300 && response.statusCode < 400 && location) {
			(response.body as NodeReadable | undefined)?.destroy?.();
			current = new URL(location, current).href;
			continue;
		}
		return { body: response.body as NodeReadable, headers: response.headers, fromStorage: false };
	}
	throw new NodeOperationError(ctx.getNode(), `Procore redirected the download more than ${MAX_HOPS} times`, { itemIndex });
}

/**
 * A file name safe to hand to a downstream Write to Disk / FTP / S3 node: a name written in Procore
 * (or sent in Content-Disposition) may hold path separators, `..`, control characters or
 * characters Windows refuses. Those become `-`; leading dots and trailing dots/spaces go, so the
 * name can neither climb out of a folder nor hide; it stays under 200 characters, extension kept.
 */
export function safeFileName(name: string, fallback = 'file'): string {
	const printable = Array.from(name, (c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c)).join('');
	let clean = printable
		.replace(/[\\/:*?"<>|]+/g, '-')
		.replace(/\s+/g, ' ')
		.replace(/\.{2,}/g, '.')
		.replace(/^[\s.-]+/, '')
		.replace(/[\s.]+$/, '');
	if (clean.length > 200) {
		const dot = clean.lastIndexOf('.');
		const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
		clean = clean.slice(0, 200 - extension.length).trimEnd() + extension;
	}
	return clean || fallback;
}

/** A fetched file as n8n binary data, streamed into n8n's binary store (never held whole). */
export async function toBinary(
	ctx: IExecuteFunctions,
	file: FetchedFile,
	fileName: string | undefined,
	mimeType?: string,
): Promise<IBinaryData> {
	const name = safeFileName(fileName || dispositionFileName(header(file.headers, 'content-disposition')) || '', 'download');
	const type = mimeType || header(file.headers, 'content-type')?.split(';')[0].trim() || undefined;
	const binary = await ctx.helpers.prepareBinaryData(file.body, name, type);
	// prepareBinaryData treats its second argument as a path; keep the (made safe) name whole.
	binary.fileName = name;
	return binary;
}

/** One file a download operation found for an input item: where it is, and the item that carries it. */
export interface FileToDownload {
	/** Procore's download link; absent while Procore still processes the file. */
	url?: string;
	fileName?: string;
	mimeType?: string;
	json: IDataObject;
	/** What the error says when Procore gave no link. */
	noLink: { message: string; description: string };
}

/**
 * The loop every download operation shares: per input item, the files `find` names, each streamed
 * into n8n's binary store under the item's Output Data Field Name and paired with its input item;
 * a failed item follows Continue On Fail.
 */
export async function downloadFiles(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	assertRequired: (itemIndex: number) => void,
	find: (itemIndex: number, companyId: string) => Promise<FileToDownload[]>,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			assertRequired(i);
			const companyId = await getCompanyId(ctx, i);
			const property = (ctx.getNodeParameter('binaryPropertyName', i, 'data') as string).trim() || 'data';
			for (const target of await find(i, companyId)) {
				if (!target.url) {
					throw new NodeOperationError(ctx.getNode(), target.noLink.message, { description: target.noLink.description, itemIndex: i });
				}
				const file = await fetchProcoreFile(ctx, i, target.url, companyId);
				const binary = await toBinary(ctx, file, target.fileName, target.mimeType);
				out.push({ json: target.json, binary: { [property]: binary }, pairedItem: { item: i } });
			}
		} catch (error) {
			if (ctx.continueOnFail()) {
				out.push(errorItem(ctx, error as Error, i));
				continue;
			}
			throw asNodeError(ctx, error as Error, i);
		}
	}
	return out;
}
