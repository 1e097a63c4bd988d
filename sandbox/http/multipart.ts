/**
 * A streaming multipart/form-data parser: part bodies are handed out chunk by chunk, so a 1 GB
 * file part never sits in memory (only a boundary-sized tail is kept between chunks).
 */
export interface PartHeaders {
	name: string;
	filename?: string;
	contentType?: string;
}

export interface PartSink {
	onPart(headers: PartHeaders): void;
	/** May return a promise to apply back-pressure (e.g. a file write). */
	onData(chunk: Buffer): void | Promise<void>;
	onPartEnd(): void | Promise<void>;
}

export function boundaryOf(contentType: string | undefined): string | null {
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
	return m ? (m[1] ?? m[2]).trim() : null;
}

function parseHeaders(block: string): PartHeaders {
	const out: PartHeaders = { name: '' };
	for (const line of block.split('\r\n')) {
		const [k, ...rest] = line.split(':');
		const v = rest.join(':').trim();
		if (/^content-disposition$/i.test(k)) {
			out.name = /name="([^"]*)"/i.exec(v)?.[1] ?? '';
			const f = /filename="([^"]*)"/i.exec(v);
			if (f) out.filename = f[1];
		} else if (/^content-type$/i.test(k)) out.contentType = v;
	}
	return out;
}

export async function parseMultipart(
	source: AsyncIterable<Buffer> | Iterable<Buffer>,
	boundary: string,
	sink: PartSink,
): Promise<void> {
	const delimiter = Buffer.from(`\r\n--${boundary}`);
	// Prepending CRLF lets the first boundary match the same delimiter as the others.
	let buf: Buffer = Buffer.from('\r\n');
	let state: 'preamble' | 'headers' | 'body' | 'done' = 'preamble';
	for await (const chunk of source) {
		if (state === 'done') continue;
		buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
		for (;;) {
			if (state === 'preamble') {
				const i = buf.indexOf(delimiter);
				if (i < 0) {
					buf = buf.subarray(Math.max(0, buf.length - delimiter.length));
					break;
				}
				buf = buf.subarray(i + delimiter.length);
				state = 'headers';
			}
			if (state === 'headers') {
				if (buf.length < 2) break;
				if (buf.subarray(0, 2).toString() === '--') {
					state = 'done';
					break;
				}
				const end = buf.indexOf('\r\n\r\n');
				if (end < 0) break;
				sink.onPart(parseHeaders(buf.subarray(2, end).toString('utf8')));
				buf = buf.subarray(end + 4);
				state = 'body';
			}
			if (state === 'body') {
				const i = buf.indexOf(delimiter);
				if (i < 0) {
					const keep = Math.min(buf.length, delimiter.length);
					const out = buf.subarray(0, buf.length - keep);
					if (out.length) await sink.onData(Buffer.from(out));
					buf = Buffer.from(buf.subarray(buf.length - keep));
					break;
				}
				if (i > 0) await sink.onData(Buffer.from(buf.subarray(0, i)));
				await sink.onPartEnd();
				buf = buf.subarray(i + delimiter.length);
				state = 'headers';
				continue;
			}
			break;
		}
	}
}

/** Small API bodies: collect every field (files as Buffers) into bracket-keyed pairs. */
export async function collectMultipart(
	body: Buffer,
	boundary: string,
): Promise<Array<[string, unknown]>> {
	const pairs: Array<[string, unknown]> = [];
	let current: PartHeaders | null = null;
	let chunks: Buffer[] = [];
	await parseMultipart([body], boundary, {
		onPart: (h) => {
			current = h;
			chunks = [];
		},
		onData: (c) => {
			chunks.push(c);
		},
		onPartEnd: () => {
			const h = current as PartHeaders | null;
			if (!h) return;
			const data = Buffer.concat(chunks);
			pairs.push([
				h.name,
				h.filename !== undefined
					? { filename: h.filename, contentType: h.contentType, size: data.length, data }
					: data.toString('utf8'),
			]);
		},
	});
	return pairs;
}
