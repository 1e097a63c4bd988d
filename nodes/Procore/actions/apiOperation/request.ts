import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { toProcoreId } from '../../helpers/context';
import type { CatalogField, CatalogOperation } from './catalog';

/** Filled from the node's Company and Project locators, never typed among the fields. */
export const SCOPE_PARAMETERS = ['company_id', 'project_id'];

export interface CatalogRequest {
	method: IHttpRequestMethods;
	path: string;
	qs: IDataObject;
	body?: IDataObject | IDataObject[];
}

/** Reports a mistake in the values given (message, what to do); the node throws NodeOperationError for the item. */
export type Fail = (message: string, hint: string) => never;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Whether a field is filled from the Company / Project locators: company_id and project_id in the
 * path, the query, or at the top of the body (v1 creates such as punch items take project_id there).
 */
export function isScopeField(field: CatalogField): boolean {
	return SCOPE_PARAMETERS.includes(field.name);
}

function parseJson(field: CatalogField, value: string, fail: Fail): unknown {
	try {
		return JSON.parse(value);
	} catch {
		fail(`"${field.name}" is not valid JSON`, `Enter ${field.name} as JSON, e.g. ${field.type.startsWith('a') ? '[1, 2]' : '{"name": "…"}'}.`);
	}
}

/** Procore ids beyond 2^53 stay digit strings (the node keeps ids as strings end to end). */
function toNumber(field: CatalogField, value: unknown, integer: boolean, fail: Fail): number | string {
	if (typeof value === 'number') return value;
	const text = String(value).trim();
	if (integer ? /^-?\d+$/.test(text) : text !== '' && !Number.isNaN(Number(text))) {
		const n = Number(text);
		return integer && !Number.isSafeInteger(n) ? text : n;
	}
	fail(`"${field.name}" must be ${integer ? 'a whole number' : 'a number'}, got "${text}"`, `Enter a number for ${field.name}${integer ? ' (for an ID: digits only)' : ''}.`);
}

/** A value as the field's type wants it: numbers, booleans, arrays from JSON or comma lists. */
export function coerce(field: CatalogField, value: unknown, fail: Fail): unknown {
	const type = field.type;
	if (type === 'i' || type === 'n') return toNumber(field, value, type === 'i', fail);
	if (type === 'b') {
		if (typeof value === 'boolean') return value;
		if (/^(true|false)$/i.test(String(value).trim())) return String(value).trim().toLowerCase() === 'true';
		fail(`"${field.name}" must be true or false, got "${String(value)}"`, `Set ${field.name} to true or false.`);
	}
	if (type.startsWith('a')) {
		let list: unknown = value;
		if (typeof value === 'string') list = value.trim().startsWith('[') ? parseJson(field, value, fail) : value.split(',').map((s) => s.trim()).filter(Boolean);
		if (!Array.isArray(list)) list = [list];
		const item = type.slice(1);
		return item === 'i' || item === 'n' ? (list as unknown[]).map((v) => toNumber(field, v, item === 'i', fail)) : list;
	}
	if ((type === 'o' || type === 'j') && typeof value === 'string') {
		const text = value.trim();
		return text.startsWith('{') || text.startsWith('[') ? parseJson(field, text, fail) : value;
	}
	if (field.values && !field.values.includes(String(value))) {
		fail(`"${field.name}" cannot be "${String(value)}"`, `Procore accepts: ${field.values.join(', ')}.`);
	}
	return value;
}

function setPath(target: IDataObject, keys: string[], value: unknown): void {
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (!node[key] || typeof node[key] !== 'object' || Array.isArray(node[key])) node[key] = {};
		node = node[key] as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject[string];
}

function deepMerge(target: IDataObject, source: IDataObject): void {
	for (const [key, value] of Object.entries(source)) {
		const current = target[key];
		if (value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current)) {
			deepMerge(current as IDataObject, value as IDataObject);
		} else target[key] = value;
	}
}

/** The body path of a body field (`rfi.subject` → ['rfi', 'subject']; `body.x` when it shares a parameter's name). */
export function bodyKeys(field: CatalogField, op: CatalogOperation): string[] {
	const clash = field.name.startsWith('body.') && op.fields.some((f) => f.in !== 'body' && f.name === field.name.slice(5));
	return (clash ? field.name.slice(5) : field.name).split('.');
}

/** The record's wrapper (`rfi` in `{"rfi": {...}}`): the one top-level key that nests fields, if there is one. */
export function wrapperKey(op: CatalogOperation): string | undefined {
	if (op.wholeBody) return undefined;
	const nesting = new Set(op.fields.filter((f) => f.in === 'body').map((f) => bodyKeys(f, op)).filter((k) => k.length > 1).map((k) => k[0]));
	return nesting.size === 1 ? [...nesting][0] : undefined;
}

/**
 * The request for one catalog operation from the values given (the field mapper's, or a JSON
 * object whose keys are parameter names and body keys). Company and project come from the node's
 * locators. Calls `fail` naming what is missing or wrong.
 */
export function buildCatalogRequest(
	op: CatalogOperation,
	values: IDataObject,
	scope: { companyId: string; projectId?: string },
	fail: Fail,
): CatalogRequest {
	const byName = new Map(op.fields.map((f) => [f.name, f]));
	const qs: IDataObject = {};
	const body: IDataObject = {};
	let wholeBody: unknown;
	const pathValues: Record<string, string> = {};
	const missing: string[] = [];
	const write = op.method !== 'GET';
	const companyInQuery = op.fields.some((f) => f.in === 'query' && f.name === 'company_id');

	for (const [key, raw] of Object.entries(values)) {
		if (isEmpty(raw)) continue;
		const field = byName.get(key);
		if (field && isScopeField(field)) continue;
		if (!field) {
			// A JSON object for a body key that holds nested fields (`{"rfi": {...}}`).
			const nested = op.fields.some((f) => f.in === 'body' && bodyKeys(f, op)[0] === key);
			if (nested && raw && typeof raw === 'object' && !Array.isArray(raw)) {
				deepMerge(body, { [key]: raw });
				continue;
			}
			const known = op.fields.filter((f) => !isScopeField(f)).map((f) => f.name);
			fail(
				`"${key}" is not a field of ${op.summary} (${op.method} ${op.path})`,
				known.length ? `Its fields are: ${known.slice(0, 40).join(', ')}${known.length > 40 ? ', …' : ''}.` : 'This operation takes no fields besides the company and project.',
			);
		}
		const value = coerce(field, raw, fail);
		if (field.in === 'path') pathValues[field.name] = String(value);
		else if (field.in === 'query') qs[field.name] = value as IDataObject[string];
		else if (op.wholeBody) wholeBody = value;
		else setPath(body, bodyKeys(field, op), value);
	}

	const put = (field: CatalogField, value: string) => {
		if (field.in === 'path') pathValues[field.name] = value;
		else if (field.in === 'query') qs[field.name] = value;
		else if (write) body[field.name] = toProcoreId(value);
	};
	for (const field of op.fields) {
		if (field.name === 'company_id') put(field, scope.companyId);
		else if (field.name === 'project_id') {
			if (scope.projectId) put(field, scope.projectId);
			else if (field.in === 'path' || (field.required && !companyInQuery && (field.in === 'query' || op.method === 'POST'))) missing.push('Project');
		} else if (field.in !== 'body' && field.required && isEmpty(field.in === 'path' ? pathValues[field.name] : qs[field.name])) missing.push(field.name);
	}
	// Procore reads required body fields on creates; an update sends only what changes.
	if (op.method === 'POST') {
		for (const field of op.fields.filter((f) => f.in === 'body' && f.required && !isScopeField(f))) {
			const keys = op.wholeBody ? [] : bodyKeys(field, op);
			const present = op.wholeBody ? !isEmpty(wholeBody) : !isEmpty(keys.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as IDataObject)[k] : undefined), body));
			if (!present) missing.push(field.name);
		}
	}
	if (missing.length) {
		fail(
			`${op.summary} needs ${missing.map((m) => (m === 'Project' ? 'a Project' : `"${m}"`)).join(', ')}`,
			missing.includes('Project')
				? 'Choose the Project in the node (it fills project_id), and fill the other required fields.'
				: 'Fill the required fields (marked in the field list), or map them from the input with an expression.',
		);
	}

	const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name]));
	const hasBody = write && (op.wholeBody ? wholeBody !== undefined : Object.keys(body).length > 0);
	return {
		method: op.method,
		path,
		qs,
		...(hasBody ? { body: (op.wholeBody ? wholeBody : body) as IDataObject | IDataObject[] } : {}),
	};
}
