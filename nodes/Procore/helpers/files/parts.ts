import { createHash } from 'crypto';

import type { BinarySource, NodeReadable } from './binary';

/** Procore (S3) refuses parts under 5 MiB, except the last one. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
/** 16 MiB parts: few requests, and a failed part costs little to resend. */
export const DEFAULT_PART_BYTES = 16 * 1024 * 1024;
export const MAX_PART_BYTES = 5 * 1024 * 1024 * 1024;
export const MAX_PARTS = 10_000;

/** The sizes of the parts of a file of `size` bytes. */
export function partSizes(size: number, partBytes: number): number[] {
	const sizes: number[] = [];
	for (let offset = 0; offset < size; offset += partBytes) sizes.push(Math.min(partBytes, size - offset));
	return sizes.length ? sizes : [0];
}

async function* chunksOf(data: NodeReadable | Buffer): AsyncGenerator<Buffer> {
	if (Buffer.isBuffer(data)) {
		yield data;
		return;
	}
	for await (const chunk of data as AsyncIterable<Buffer | string>) {
		yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
	}
}

/**
 * SHA-256 of every part, in one streaming pass over the file (Procore signs each part's URL with its
 * hash, so the hashes must be known before the first byte is sent).
 */
export async function hashParts(source: BinarySource, sizes: number[]): Promise<{ sha256: string[]; bytes: number }> {
	const hashes: string[] = [];
	let index = 0;
	let left = sizes[0];
	let hash = createHash('sha256');
	let bytes = 0;
	for await (let chunk of chunksOf(await source.open())) {
		bytes += chunk.length;
		while (chunk.length > 0 && index < sizes.length) {
			const take = Math.min(left, chunk.length);
			hash.update(chunk.subarray(0, take));
			chunk = chunk.subarray(take);
			left -= take;
			if (left === 0) {
				hashes.push(hash.digest('hex'));
				index++;
				left = sizes[index];
				hash = createHash('sha256');
			}
		}
	}
	if (index < sizes.length && sizes[index] === 0) hashes.push(hash.digest('hex'));
	return { sha256: hashes, bytes };
}

type ReadableClass = { from(source: AsyncIterable<Buffer>, options?: { objectMode?: boolean }): NodeReadable };

/**
 * Readable.from, reached through the class of a stream n8n handed us: community nodes may not import
 * `stream`, and every Node stream class inherits the static from Readable.
 */
function readableClassOf(stream: unknown): ReadableClass | undefined {
	let ctor = (stream as { constructor?: unknown })?.constructor as ReadableClass | undefined;
	while (ctor && typeof ctor.from !== 'function') ctor = Object.getPrototypeOf(ctor) as ReadableClass | undefined;
	return ctor && typeof ctor.from === 'function' ? ctor : undefined;
}

interface Cursor {
	stream: NodeReadable;
	iterator: AsyncIterator<Buffer | string>;
	position: number;
	leftover: Buffer;
}

/**
 * Hands out each part's bytes as a stream. Parts in order share one read of the file; a part sent
 * again (a retry) reopens the file and skips to its offset, so memory stays at a few chunks whatever
 * the file size.
 */
export class PartReader {
	private cursor?: Cursor;
	/** Where the last part handed out ends: the next part in order starts there. */
	private handedOutEnd = 0;

	constructor(private readonly source: BinarySource) {}

	async body(offset: number, size: number): Promise<NodeReadable | Buffer> {
		if (this.source.buffer) return this.source.buffer.subarray(offset, offset + size);
		// Anything but the next part in order (a retry) gets a fresh read: the failed attempt may have
		// left its stream half-read.
		if (!this.cursor || offset !== this.handedOutEnd || this.cursor.position !== offset) {
			this.close();
			const stream = (await this.source.open()) as NodeReadable;
			this.cursor = {
				stream,
				iterator: (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator](),
				position: 0,
				leftover: Buffer.alloc(0),
			};
		}
		const cursor = this.cursor;
		this.handedOutEnd = offset + size;
		await this.skip(cursor, offset - cursor.position);
		const bytes = this.take(cursor, size);
		const Readable = readableClassOf(cursor.stream);
		if (Readable) return Readable.from(bytes, { objectMode: false });
		const chunks: Buffer[] = [];
		for await (const chunk of bytes) chunks.push(chunk);
		return Buffer.concat(chunks);
	}

	close(): void {
		this.cursor?.stream.destroy();
		this.cursor = undefined;
	}

	private async next(cursor: Cursor): Promise<Buffer | undefined> {
		if (cursor.leftover.length) {
			const chunk = cursor.leftover;
			cursor.leftover = Buffer.alloc(0);
			return chunk;
		}
		const { value, done } = await cursor.iterator.next();
		if (done) return undefined;
		return Buffer.isBuffer(value) ? value : Buffer.from(value);
	}

	private async skip(cursor: Cursor, bytes: number): Promise<void> {
		let left = bytes;
		while (left > 0) {
			const chunk = await this.next(cursor);
			if (!chunk) return;
			const used = Math.min(left, chunk.length);
			cursor.leftover = chunk.subarray(used);
			cursor.position += used;
			left -= used;
		}
	}

	private async *take(cursor: Cursor, bytes: number): AsyncGenerator<Buffer> {
		let left = bytes;
		while (left > 0) {
			const chunk = await this.next(cursor);
			if (!chunk) return;
			const used = Math.min(left, chunk.length);
			cursor.leftover = chunk.subarray(used);
			cursor.position += used;
			left -= used;
			yield chunk.subarray(0, used);
		}
	}
}
