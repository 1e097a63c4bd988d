/**
 * Request validation against Procore's schemas: required fields, types, enums, nested objects.
 * Messages follow Rails ("can't be blank", "is not a number", "is not included in the list").
 */
import type { FieldErrors } from '../http/errors';
import type { Parameter, Schema } from '../types';

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const blank = (v: unknown) =>
	v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function add(errors: FieldErrors, field: string, msg: string): void {
	(errors[field] ??= []).push(msg);
}

/** Form bodies carry strings only; turn them into what the schema declares before validating. */
export function coerce(value: unknown, schema: Schema | undefined): unknown {
	if (!schema || value === undefined || value === null) return value;
	if (schema.type === 'object' && isObject(value) && schema.properties) {
		const out: Record<string, unknown> = { ...value };
		for (const [k, s] of Object.entries(schema.properties))
			if (k in out) out[k] = coerce(out[k], s);
		return out;
	}
	if (schema.type === 'array') {
		const arr = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [value];
		return arr.map((v) => coerce(v, schema.items));
	}
	if (typeof value !== 'string') return value;
	if (
		(schema.type === 'integer' || schema.type === 'number') &&
		value.trim() !== '' &&
		!Number.isNaN(Number(value))
	)
		return Number(value);
	if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
	return value;
}

function typeError(value: unknown, schema: Schema): string | null {
	switch (schema.type) {
		case 'integer':
			return typeof value === 'number' && Number.isInteger(value)
				? null
				: typeof value === 'number'
					? 'must be an integer'
					: 'is not a number';
		case 'number':
			return typeof value === 'number' ? null : 'is not a number';
		case 'string':
			// Procore's string ids also take numbers; numbers and booleans are accepted where a string is declared.
			// A multipart file part also fills a string field (`file[data]`).
			return typeof value === 'string' ||
				typeof value === 'number' ||
				(isObject(value) && Buffer.isBuffer(value.data))
				? null
				: 'must be a string';
		case 'boolean':
			return typeof value === 'boolean' ? null : 'must be true or false';
		case 'array':
			return Array.isArray(value) ? null : 'must be an array';
		case 'object':
			return isObject(value) ? null : 'must be an object';
		default:
			return null;
	}
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

function calendarDay(y: string, m: string, d: string): boolean {
	const t = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
	return (
		t.getUTCFullYear() === Number(y) && t.getUTCMonth() === Number(m) - 1 && t.getUTCDate() === Number(d)
	);
}

/**
 * The schema's `format`, as Rails would parse it (§8.5: malformed fields are refused). `date` is a
 * real calendar day (`2026-02-30` is not); `date-time` (also spelled `datetime`) is ISO 8601, a date
 * alone being midnight; `time` is `HH:MM[:SS]`; `email`, `uri`; `int32` bounds; `decimal`/`float`/
 * `double` on a string field must be a number. `uuid` is not checked: Procore's upload ids are
 * 26-character ULIDs in fields its schema marks `uuid`. An empty string clears a field.
 */
export function formatError(value: unknown, format: string | undefined): string | null {
	if (!format || value === '' || value === null || value === undefined) return null;
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const v = String(value);
	switch (format) {
		case 'date': {
			const m = DATE.exec(v);
			return m && calendarDay(m[1], m[2], m[3]) ? null : 'is not a valid date (YYYY-MM-DD)';
		}
		case 'date-time':
		case 'datetime': {
			const m = DATE_TIME.exec(v);
			const ok =
				!!m &&
				calendarDay(m[1], m[2], m[3]) &&
				(m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60));
			return ok ? null : 'is not a valid date-time (ISO 8601)';
		}
		case 'time':
			return /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(v) ? null : 'is not a valid time (HH:MM)';
		case 'email':
			return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : 'is not a valid email address';
		case 'uri':
			try {
				new URL(v);
				return null;
			} catch {
				return 'is not a valid URL';
			}
		case 'int32':
			return typeof value === 'number' && (value > 2147483647 || value < -2147483648)
				? 'is out of range (32-bit integer)'
				: null;
		case 'decimal':
		case 'float':
		case 'double':
			return typeof value === 'string' && (v.trim() === '' || Number.isNaN(Number(v)))
				? 'is not a number'
				: null;
		default:
			return null;
	}
}

/** A query value: date filters also take ISO 8601 ranges `a...b` (§8.2), each end a date or date-time. */
function paramFormatError(raw: string, format: string | undefined): string | null {
	if (format !== 'date' && format !== 'date-time' && format !== 'datetime') return formatError(raw, format);
	const ends = raw.includes('...') ? raw.split('...') : [raw];
	return ends.every((e) => !formatError(e, 'date') || !formatError(e, 'date-time'))
		? null
		: `is not a valid date or range (ISO 8601, \`start...end\`)`;
}

/** `minimum` / `maximum` / `minLength` / `maxLength` / `maxItems`, where a schema states them. */
function boundsError(value: unknown, schema: Schema): string | null {
	if (typeof value === 'number') {
		if (schema.minimum !== undefined && value < schema.minimum)
			return `must be greater than or equal to ${schema.minimum}`;
		if (schema.maximum !== undefined && value > schema.maximum)
			return `must be less than or equal to ${schema.maximum}`;
	}
	if (typeof value === 'string') {
		if (schema.minLength !== undefined && value.length < schema.minLength)
			return `is too short (minimum is ${schema.minLength} characters)`;
		if (schema.maxLength !== undefined && value.length > schema.maxLength)
			return `is too long (maximum is ${schema.maxLength} characters)`;
	}
	if (Array.isArray(value) && schema.maxItems !== undefined && value.length > schema.maxItems)
		return `is too long (maximum is ${schema.maxItems} items)`;
	return null;
}

export interface ValidateOptions {
	/** PATCH bodies: nothing is required. */
	partial?: boolean;
}

/**
 * An "enum" that is a sentence, not values: line items' `uom` says "Any value present in the Company
 * list of Units of Measure". The handler that stores the line checks it against that list.
 */
const proseEnum = (values: unknown[]) => values.length === 1 && /^Any value present in /.test(String(values[0]));

export function validateValue(
	value: unknown,
	schema: Schema | undefined,
	field: string,
	errors: FieldErrors,
	opts: ValidateOptions = {},
): void {
	if (!schema || schema.truncated || value === undefined || value === null) return;
	const t = typeError(value, schema);
	if (t) return add(errors, field, t);
	if (schema.enum && schema.enum.length && !proseEnum(schema.enum) && !schema.enum.some((e) => String(e) === String(value)))
		return add(errors, field, 'is not included in the list');
	const f = formatError(value, schema.format) ?? boundsError(value, schema);
	if (f) return add(errors, field, f);
	if (schema.type === 'array' && Array.isArray(value)) {
		for (const item of value) validateValue(item, schema.items, field, errors, opts);
	}
	if (schema.type === 'object' && isObject(value) && schema.properties)
		validateObject(value, schema, field, errors, opts);
}

export function validateObject(
	value: Record<string, unknown>,
	schema: Schema,
	prefix: string,
	errors: FieldErrors,
	opts: ValidateOptions = {},
): void {
	const name = (k: string) => (prefix ? `${prefix}.${k}` : k);
	if (!opts.partial)
		for (const r of schema.required ?? [])
			if (blank(value[r])) add(errors, name(r), "can't be blank");
	for (const [k, s] of Object.entries(schema.properties ?? {}))
		if (k in value) validateValue(value[k], s, name(k), errors, opts);
}

/** Path and query parameters: required ones present, integers numeric. */
export function validateParams(
	parameters: Parameter[],
	pathParams: Record<string, string>,
	query: URLSearchParams,
	bodyHas: (name: string) => boolean,
	eitherScope = false,
): FieldErrors {
	const errors: FieldErrors = {};
	// The extract marks both (or only one of) company_id and project_id required where Procore wants either.
	const scopePair =
		eitherScope ||
		['company_id', 'project_id'].every((n) =>
			parameters.some((p) => p.in === 'query' && p.name === n && p.required),
		);
	const hasScope = ['company_id', 'project_id'].some(
		(n) => (query.get(n) ?? '') !== '' || bodyHas(n),
	);
	for (const p of parameters) {
		if (
			scopePair &&
			hasScope &&
			p.in === 'query' &&
			(p.name === 'company_id' || p.name === 'project_id') &&
			(query.get(p.name) ?? '') === ''
		)
			continue;
		if (p.in !== 'path' && p.in !== 'query') continue;
		const raw = p.in === 'path' ? pathParams[p.name] : (query.get(p.name) ?? undefined);
		if (raw === undefined || raw === '') {
			// v1 paths that take project_id/company_id "in query" accept it in the JSON body as well.
			if (p.required && !(p.in === 'query' && bodyHas(p.name)))
				add(errors, p.name, "can't be blank");
			continue;
		}
		if (p.schema.type === 'integer' && !/^-?\d+$/.test(raw)) add(errors, p.name, 'is not a number');
		else if (p.schema.enum && p.schema.enum.length && !p.schema.enum.some((e) => String(e) === raw))
			add(errors, p.name, 'is not included in the list');
		else {
			const f = paramFormatError(raw, p.schema.format);
			if (f) add(errors, p.name, f);
		}
	}
	return errors;
}
