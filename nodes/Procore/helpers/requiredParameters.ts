import type { IExecuteFunctions, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolvedIdParameter } from './context';

function matches(condition: unknown[], value: unknown): boolean {
	// A multi-option value matches when any of its choices does, as in n8n's own check.
	if (Array.isArray(value)) return value.some((v) => matches(condition, v));
	return condition.some((allowed) => allowed === value || String(allowed) === String(value));
}

/** n8n's displayOptions show/hide, for the plain value conditions this node uses. */
export function isShown(property: INodeProperties, values: INodeParameters): boolean {
	const { show, hide } = property.displayOptions ?? {};
	for (const [name, condition] of Object.entries(show ?? {})) {
		if (name.startsWith('@') || !Array.isArray(condition)) continue;
		if (!matches(condition, values[name])) return false;
	}
	for (const [name, condition] of Object.entries(hide ?? {})) {
		if (name.startsWith('@') || !Array.isArray(condition)) continue;
		if (matches(condition, values[name])) return false;
	}
	return true;
}

function rawValue(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	try {
		return ctx.getNodeParameter(name, itemIndex, undefined);
	} catch {
		return undefined;
	}
}

function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (typeof value === 'object' && !Array.isArray(value) && '__rl' in (value as object)) {
		return isEmpty((value as { value: unknown }).value);
	}
	return false;
}

/**
 * The required parameters shown for this run's resource and operation. Which are shown depends on
 * the node's parameters as saved, which do not change during a run: worked out once per run, not
 * per item (the node has several hundred properties).
 */
const requiredByRun = new WeakMap<object, INodeProperties[]>();

function requiredShown(ctx: IExecuteFunctions, properties: INodeProperties[]): INodeProperties[] {
	let required = requiredByRun.get(ctx);
	if (!required) {
		const values = ctx.getNode().parameters;
		required = properties.filter((property) => property.required && isShown(property, values));
		requiredByRun.set(ctx, required);
	}
	return required;
}

/**
 * Every required parameter shown for this operation must have a value once expressions are
 * resolved (an AI agent's $fromAI or an upstream field can resolve to nothing). Checked before the
 * operation runs, so no write is attempted with a blank field and the message names the parameter.
 */
export function assertRequiredParameters(
	ctx: IExecuteFunctions,
	properties: INodeProperties[],
	itemIndex: number,
): void {
	for (const property of requiredShown(ctx, properties)) {
		let value: unknown;
		try {
			// An ID is resolved the way the operation reads it next (extractValue), and only once.
			value = property.type === 'resourceLocator' ? resolvedIdParameter(ctx, property.name, itemIndex) : ctx.getNodeParameter(property.name, itemIndex, undefined);
		} catch {
			value = undefined;
		}
		// A URL that does not match the locator's pattern is not empty: the operation says what is wrong.
		if (isEmpty(value) && property.type === 'resourceLocator') value = rawValue(ctx, property.name, itemIndex);
		if (isEmpty(value)) {
			throw new NodeOperationError(ctx.getNode(), `${property.displayName} is required`, {
				description: `Enter a value for "${property.displayName}"${
					property.type === 'resourceLocator' ? ' (pick it from the list, or enter its ID)' : ''
				}. If it comes from an expression or an AI agent, check that the expression resolves for item ${itemIndex}.`,
				itemIndex,
			});
		}
	}
}
