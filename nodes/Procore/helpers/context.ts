import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../transport';

type ParameterContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

/** Procore ids are kept as strings end to end: some exceed 2^31 and future ones may pass 2^53. */
export function normalizeId(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'object' && 'value' in (value as object)) {
		return normalizeId((value as { value: unknown }).value);
	}
	return String(value).trim();
}

/** The credential's company: a service account's (required) Company ID, a signed-in user's optional Default Company ID. */
export function credentialCompanyId(credentials: ICredentialDataDecryptedObject): string {
	return normalizeId(credentials.grantType === 'clientCredentials' ? credentials.companyId : credentials.defaultCompanyId);
}

/**
 * Resolved ID parameters of one node run, per item: n8n evaluates an expression on every
 * getNodeParameter call (in an isolate, the largest per-item cost in the benchmark's profile, issue
 * #27), and the same ID is read by the required-parameter check and then by the operation. Keyed by
 * the run's context object, so it lives exactly as long as the run; an item's input does not
 * change during a run, so neither does what its expressions resolve to.
 */
const resolvedIds = new WeakMap<object, Map<string, unknown>>();

/** getNodeParameter(name, itemIndex, undefined, { extractValue: true }), once per run, item and name. */
export function resolvedIdParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	let run = resolvedIds.get(ctx);
	if (!run) {
		run = new Map();
		resolvedIds.set(ctx, run);
	}
	const key = `${itemIndex}:${name}`;
	if (run.has(key)) return run.get(key);
	// Not cached when it throws (a hidden parameter, a URL that does not match): callers handle it.
	const value = ctx.getNodeParameter(name, itemIndex, undefined, { extractValue: true });
	run.set(key, value);
	return value;
}

function readLocator(ctx: ParameterContext, name: string, itemIndex?: number): string {
	try {
		const value =
			itemIndex === undefined
				? (ctx as ILoadOptionsFunctions).getNodeParameter(name, undefined, { extractValue: true })
				: resolvedIdParameter(ctx as IExecuteFunctions, name, itemIndex);
		return normalizeId(value);
	} catch {
		// The parameter is not shown for this resource/operation.
		return '';
	}
}

function assertNumericId(ctx: ParameterContext, id: string, label: string, itemIndex?: number): string {
	if (!/^\d{1,20}$/.test(id)) {
		throw new NodeOperationError(ctx.getNode(), `${label} "${id}" is not a Procore ID`, {
			description: `Choose the ${label.toLowerCase()} from the list, or enter its numeric ID (digits only), or paste the URL of the record in Procore.`,
			itemIndex,
		});
	}
	return id;
}

/** The company for the Procore-Company-Id header: the node's Company, else the credential's default. */
export async function getCompanyId(ctx: ParameterContext, itemIndex?: number): Promise<string> {
	let id = readLocator(ctx, 'company', itemIndex);
	if (!id) {
		id = credentialCompanyId(await ctx.getCredentials(CREDENTIAL_TYPE));
	}
	if (!id) {
		throw new NodeOperationError(ctx.getNode(), 'No Procore company chosen', {
			description:
				'Choose a Company in the node, or set the Default Company ID of the Procore credential. Procore needs it on every call (Procore-Company-Id header).',
			itemIndex,
		});
	}
	return assertNumericId(ctx, id, 'Company', itemIndex);
}

export function getProjectId(ctx: ParameterContext, itemIndex?: number, name = 'project'): string {
	const id = readLocator(ctx, name, itemIndex);
	if (!id) {
		throw new NodeOperationError(ctx.getNode(), 'No Procore project chosen', {
			description: 'Choose a Project from the list, or enter its ID or the URL of the project in Procore.',
			itemIndex,
		});
	}
	return assertNumericId(ctx, id, 'Project', itemIndex);
}

/** A required record id from a resource locator parameter, validated as a Procore id. */
export function getRecordId(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	const id = readLocator(ctx, name, itemIndex);
	if (!id) {
		throw new NodeOperationError(ctx.getNode(), `${label} is required`, {
			description: `Choose the ${label.toLowerCase()} from the list, or enter its ID.`,
			itemIndex,
		});
	}
	return assertNumericId(ctx, id, label, itemIndex);
}

/**
 * An id as Procore's JSON bodies expect it: a number while it is exact in JavaScript, the digit
 * string beyond 2^53 (Procore's Rails API reads both).
 */
export function toProcoreId(id: string): number | string {
	const n = Number(id);
	return Number.isSafeInteger(n) ? n : id;
}
