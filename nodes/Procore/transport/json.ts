import type { IDataObject } from 'n8n-workflow';

/**
 * JSON.parse that keeps integers beyond 2^53 exact by reading them as strings. Procore's webhook
 * event ids are 19 digits and new regions mint record ids above 2^31 (and possibly 2^53), so a
 * plain JSON.parse would silently change them. Integers of 16+ digits outside string literals are
 * quoted before parsing; everything else parses as usual.
 */
export function parseJsonPreservingBigIds(text: string): unknown {
	if (!/\d{16}/.test(text)) return JSON.parse(text);
	let out = '';
	let inString = false;
	let i = 0;
	while (i < text.length) {
		const ch = text[i];
		if (inString) {
			out += ch;
			if (ch === '\\') {
				out += text[i + 1] ?? '';
				i += 2;
				continue;
			}
			if (ch === '"') inString = false;
			i++;
			continue;
		}
		if (ch === '"') {
			inString = true;
			out += ch;
			i++;
			continue;
		}
		if (ch === '-' || (ch >= '0' && ch <= '9')) {
			let j = i + 1;
			while (j < text.length && /[0-9.eE+-]/.test(text[j])) j++;
			const token = text.slice(i, j);
			out += /^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token)) ? `"${token}"` : token;
			i = j;
			continue;
		}
		out += ch;
		i++;
	}
	return JSON.parse(out);
}

export function asDataObject(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: {};
}
