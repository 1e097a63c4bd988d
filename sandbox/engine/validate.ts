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

export interface ValidateOptions {
	/** PATCH bodies: nothing is required. */
	partial?: boolean;
}

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
	if (schema.enum && schema.enum.length && !schema.enum.some((e) => String(e) === String(value)))
		return add(errors, field, 'is not included in the list');
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
	}
	return errors;
}
