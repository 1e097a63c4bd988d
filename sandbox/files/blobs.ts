/**
 * Bytes behind storage URLs: small seeded files stay in memory, uploaded parts live on disk
 * (streamed in and out, never whole in memory).
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';

export interface Blob {
	key: string;
	filename: string;
	contentType: string;
	size: number;
	/** Either in-memory bytes (seed) or an ordered list of files on disk (upload parts). */
	data?: Buffer;
	paths?: string[];
}

export class BlobStore {
	private readonly blobs = new Map<string, Blob>();

	put(blob: Omit<Blob, 'key'> & { key?: string }): Blob {
		const b = { ...blob, key: blob.key ?? randomUUID() };
		this.blobs.set(b.key, b);
		return b;
	}

	get(key: string): Blob | undefined {
		return this.blobs.get(key);
	}

	/** Streams a blob's bytes to a writable (the HTTP response). */
	async pipeTo(blob: Blob, out: NodeJS.WritableStream): Promise<void> {
		if (blob.data) {
			out.write(blob.data);
			return;
		}
		for (const p of blob.paths ?? []) {
			for await (const chunk of fs.createReadStream(p, { highWaterMark: 1024 * 1024 })) {
				if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
			}
		}
	}

	clear(): void {
		for (const b of this.blobs.values())
			for (const p of b.paths ?? []) fs.rmSync(p, { force: true });
		this.blobs.clear();
	}
}
