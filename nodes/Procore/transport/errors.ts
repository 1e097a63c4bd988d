import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asDataObject } from './json';

export interface ProcoreErrorContext {
	method: string;
	path: string;
	statusCode: number;
	body: unknown;
	itemIndex?: number;
	companyId?: string;
	/** The credential's tokens and client secret: removed from anything Procore's answer repeats. */
	secrets?: string[];
}

/**
 * `value` with every occurrence of each secret replaced. An API (or a proxy in front of it) that
 * echoes the request in its error body would otherwise put the bearer token into the message a
 * user sees, the execution data n8n stores and the logs.
 */
export function redactSecrets<T>(value: T, secrets: string[] = []): T {
	const list = secrets.filter((s) => typeof s === 'string' && s.length >= 8);
	if (!list.length) return value;
	const scrub = (v: unknown): unknown => {
		if (typeof v === 'string') return list.reduce((text, secret) => text.split(secret).join('[redacted]'), v);
		if (Array.isArray(v)) return v.map(scrub);
		if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, inner]) => [k, scrub(inner)]));
		return v;
	};
	return scrub(value) as T;
}

/** Reads Procore's message out of every error body shape it uses (v1 variants and the v2 envelope). */
export function procoreErrorMessage(body: unknown): string {
	if (typeof body === 'string') return body.trim().slice(0, 500);
	const data = asDataObject(body);
	const error = data.error;
	if (error && typeof error === 'object' && !Array.isArray(error)) {
		const v2 = asDataObject(error);
		const details = Array.isArray(v2.details)
			? v2.details
					.map((d) => {
						const detail = asDataObject(d);
						const source = detail.source ? `${String(detail.source)}: ` : '';
						return `${source}${String(detail.message ?? detail.reason_code ?? '')}`;
					})
					.filter((s) => s.trim() !== '')
			: [];
		return [String(v2.message ?? v2.code ?? ''), ...details].filter(Boolean).join('; ');
	}
	const parts: string[] = [];
	for (const key of ['message', 'error', 'error_description', 'errors', 'reason']) {
		const value = data[key];
		if (value === undefined || value === null || value === '') continue;
		parts.push(flattenErrors(value));
	}
	return [...new Set(parts)].filter(Boolean).join('; ');
}

/** Field errors as "field: reason" strings, for both `{errors:{field:[msg]}}` and `errors[]`. */
export function flattenErrors(value: unknown): string {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(flattenErrors).join(', ');
	if (value && typeof value === 'object') {
		return Object.entries(value as Record<string, unknown>)
			.map(([field, reasons]) =>
				field === 'base' ? flattenErrors(reasons) : `${field}: ${flattenErrors(reasons)}`,
			)
			.join('; ');
	}
	return value === undefined || value === null ? '' : String(value);
}

function fixFor(ctx: ProcoreErrorContext, procoreText: string): string {
	const where = `${ctx.method} ${ctx.path}`;
	switch (ctx.statusCode) {
		case 400:
			return `Procore could not read the request (${where}). Check the parameters named in the message.`;
		case 401:
			return 'The access token was refused. Open the Procore credential and reconnect it (or check that its Environment matches the Procore account: production and sandbox tokens are not interchangeable).';
		case 403:
			return /company/i.test(procoreText)
				? `Procore refused access for company ${ctx.companyId ?? '(none)'}: check the Company parameter, and that the app is installed in that company (Company Admin > App Management).`
				: 'The connected Procore user or service account lacks a permission for this call. In Procore, give it at least the permission level the tool needs (for writes usually Standard or Admin on that tool), check the tool is enabled on the project, and for a service account check the projects it was granted.';
		case 404:
			return `Procore found nothing at ${where}. Check the record ID and the Project it belongs to; Procore also answers 404 when the user cannot see the record.`;
		case 409:
			return 'Procore reported a conflict, usually a duplicate origin ID or a record edited at the same time. Re-read the record and retry.';
		case 413:
			return 'The request was too large for Procore. Send fewer records per call (the node splits batches to Procore\'s maximums; lower the batch size option if you set one).';
		case 422:
			return `Procore rejected the values sent (${where}). Fix each field listed in the message; IDs such as cost codes, statuses or vendors must exist in this project or company.`;
		case 429:
			return 'Procore\'s rate limit was still exceeded after the node waited and retried for up to 2 minutes. Spread the workflow\'s calls over time (fewer items per run, or a Wait between batches), or run it when other integrations of this Procore app are quiet.';
		default:
			return ctx.statusCode >= 500
				? 'Procore had a temporary problem and did not recover within the retry limit. Run the workflow again later.'
				: `Procore answered ${ctx.statusCode} to ${where}.`;
	}
}

/** The one place a Procore HTTP failure becomes an n8n error a user can act on. */
export function toProcoreApiError(node: INode, context: ProcoreErrorContext): NodeApiError {
	const ctx = { ...context, body: redactSecrets(context.body, context.secrets) };
	const procoreText = procoreErrorMessage(ctx.body) || `HTTP ${ctx.statusCode}`;
	const body = asDataObject(ctx.body);
	return new NodeApiError(node, { ...body, httpCode: String(ctx.statusCode) } as JsonObject, {
		message: `Procore: ${procoreText}`,
		description: fixFor(ctx, procoreText),
		httpCode: String(ctx.statusCode),
		itemIndex: ctx.itemIndex,
	});
}
