/**
 * Responses take the shape of the operation's 2xx schema: every declared field appears (null when
 * nothing is stored), declared types win (v2 ids become strings), cut-off branches pass through.
 */
import type { Schema } from '../types';

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export function isOpenSchema(s: Schema | undefined): boolean {
	return !s || s.truncated === true || (!s.type && !s.properties && !s.items);
}

export function shape(schema: Schema | undefined, value: unknown, keepStored: boolean): unknown {
	if (value === undefined) value = null;
	if (isOpenSchema(schema) || schema === undefined) return value;
	if (schema.type === 'array' || (schema.items && !schema.properties)) {
		if (!Array.isArray(value)) return value === null ? null : value;
		return value.map((v) => shape(schema.items, v, keepStored));
	}
	if (schema.properties) {
		if (!isObject(value)) return value === null ? null : value;
		const out: Record<string, unknown> = keepStored ? { ...value } : {};
		for (const [k, s] of Object.entries(schema.properties)) out[k] = shape(s, value[k], keepStored);
		return out;
	}
	if (value === null) return null;
	if (schema.type === 'string' && (typeof value === 'number' || typeof value === 'bigint'))
		return String(value);
	if (
		(schema.type === 'integer' || schema.type === 'number') &&
		typeof value === 'string' &&
		/^-?\d+(\.\d+)?$/.test(value) &&
		value.length < 16
	)
		return Number(value);
	return value;
}

/** The 2xx response for an operation: its status code and schema (first declared). */
export function successOf(
	responses: Record<string, { schema: Schema }>,
	fallback: number,
): { status: number; schema: Schema | undefined } {
	const codes = Object.keys(responses).sort();
	if (!codes.length) return { status: fallback, schema: undefined };
	const code = codes.includes(String(fallback)) ? String(fallback) : codes[0];
	return { status: Number(code), schema: responses[code].schema };
}

/** Does this schema describe a list (bare array, or v2 `{data: [...]}`)? */
export function isListSchema(s: Schema | undefined): boolean {
	if (!s) return false;
	if (s.type === 'array') return true;
	const data = s.properties?.data;
	return !!data && data.type === 'array';
}
