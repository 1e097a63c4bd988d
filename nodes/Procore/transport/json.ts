import type { IDataObject } from 'n8n-workflow';

/** An integer literal long enough to pass 2^53 (the sign included). */
const BIG_INTEGER = /^-?\d{16,}$/;

type Reviver = (this: unknown, key: string, value: unknown, context?: { source?: string }) => unknown;

/** Keeps an integer beyond 2^53 as the digits Procore sent (JSON.parse has already rounded `value`). */
const keepBigIntegers: Reviver = (_key, value, context) =>
	typeof value === 'number' && !Number.isSafeInteger(value) && context?.source !== undefined && BIG_INTEGER.test(context.source)
		? context.source
		: value;

/**
 * Whether JSON.parse hands revivers the source text of each value (V8's JSON.parse with source:
 * Node 21 and later). n8n 1.x may run on Node 20, where the scanner below does the same job.
 */
const PARSE_WITH_SOURCE = (() => {
	let seen: unknown;
	try {
		JSON.parse('[1]', ((_key, value, context) => {
			if (typeof value === 'number') seen = context?.source;
			return value;
		}) as Reviver as Parameters<typeof JSON.parse>[1]);
	} catch {
		return false;
	}
	return seen === '1';
})();

/** Node 21+: JSON.parse itself, with a reviver that swaps each big integer for its source digits. */
export function parseWithSource(text: string): unknown {
	return JSON.parse(text, keepBigIntegers as Parameters<typeof JSON.parse>[1]);
}

/**
 * Node 20: big integers outside string literals are quoted before JSON.parse. Copies the text in
 * slices between the numbers it quotes, not character by character.
 */
export function parseWithScanner(text: string): unknown {
	const out: string[] = [];
	let copiedTo = 0;
	let inString = false;
	let i = 0;
	while (i < text.length) {
		const ch = text.charCodeAt(i);
		if (inString) {
			if (ch === 92 /* \\ */) i += 2;
			else {
				if (ch === 34 /* " */) inString = false;
				i++;
			}
			continue;
		}
		if (ch === 34) {
			inString = true;
			i++;
			continue;
		}
		if (ch === 45 /* - */ || (ch >= 48 && ch <= 57)) {
			let j = i + 1;
			while (j < text.length && /[0-9.eE+-]/.test(text[j])) j++;
			const token = text.slice(i, j);
			if (BIG_INTEGER.test(token) && !Number.isSafeInteger(Number(token))) {
				out.push(text.slice(copiedTo, i), '"', token, '"');
				copiedTo = j;
			}
			i = j;
			continue;
		}
		i++;
	}
	out.push(text.slice(copiedTo));
	return JSON.parse(out.join(''));
}

/**
 * JSON.parse that keeps integers beyond 2^53 exact by reading them as strings. Procore's webhook
 * event ids are 19 digits and new regions mint record ids above 2^31 (and possibly 2^53), so a
 * plain JSON.parse would silently change them. It runs on every Procore answer, so the common
 * case costs what JSON.parse costs: a body with no run of 16 digits anywhere has no such integer
 * and is parsed as it is (issue #27 measured the node against a bare HTTP Request node).
 */
export function parseJsonPreservingBigIds(text: string): unknown {
	if (!/\d{16}/.test(text)) return JSON.parse(text);
	return PARSE_WITH_SOURCE ? parseWithSource(text) : parseWithScanner(text);
}

export function asDataObject(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: {};
}
