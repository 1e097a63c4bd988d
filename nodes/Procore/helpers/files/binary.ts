import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The Readable n8n's binary helpers return (typed through n8n-workflow: nodes may not import `stream`). */
export type NodeReadable = Awaited<ReturnType<IExecuteFunctions['helpers']['getBinaryStream']>>;

/**
 * Size of the reads from n8n's binary store: 64 KiB, the size of Node's own file streams (and of
 * n8n's Read/Write Files node). An upload reads the file twice (hashes, then parts), and every read
 * allocates a fresh buffer that lives until V8 collects it: 1 MiB reads are few JS objects, so
 * collections are rare and up to ~100 MiB of spent buffers piled up in n8n's process (issue #27);
 * 64 KiB buffers are collected and their memory reused as fast as they are spent.
 */
export const READ_CHUNK_BYTES = 64 * 1024;

/** One n8n binary file, readable in order as many times as needed without holding it in memory. */
export interface BinarySource {
	property: string;
	fileName: string;
	mimeType: string;
	size: number;
	/** Set for inline (base64) data, which is small and already in memory. */
	buffer?: Buffer;
	/** A fresh stream of the whole file (or the buffer). */
	open(): Promise<NodeReadable | Buffer>;
}

/**
 * The binary property `property` of item `itemIndex`. Files n8n keeps outside the execution data
 * (filesystem, S3 or database mode: they have an `id`) are streamed; inline base64 data is small by
 * construction and is used as a buffer.
 */
export async function binarySource(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	fileNameOverride?: string,
): Promise<BinarySource> {
	const name = property.trim();
	const item = ctx.getInputData()[itemIndex];
	const binary = item?.binary?.[name];
	if (!binary) {
		const available = Object.keys(item?.binary ?? {});
		throw new NodeOperationError(ctx.getNode(), `No binary property "${name}" on item ${itemIndex}`, {
			description: available.length
				? `Set "Input Binary Field" to one of this item's binary properties: ${available.join(', ')}.`
				: 'This item has no binary data. Put a node that reads or downloads the file (Read/Write Files from Disk, HTTP Request, an email or form trigger…) before this one, and name its binary property here.',
			itemIndex,
		});
	}
	const fileName = (fileNameOverride ?? '').trim() || binary.fileName || `${name}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	const mimeType = binary.mimeType || 'application/octet-stream';
	if (binary.id) {
		const id = binary.id;
		const metadata = await ctx.helpers.getBinaryMetadata(id);
		return {
			property: name,
			fileName,
			mimeType,
			size: Number(metadata.fileSize ?? binary.bytes ?? binary.fileSize ?? 0),
			open: async () => await ctx.helpers.getBinaryStream(id, READ_CHUNK_BYTES),
		};
	}
	const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, name);
	return { property: name, fileName, mimeType, size: buffer.length, buffer, open: async () => buffer };
}

/** Comma-separated binary property names, e.g. "data, attachment_1". */
export function binaryPropertyNames(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}
