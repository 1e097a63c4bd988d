import type { IExecuteFunctions, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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

function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (typeof value === 'object' && !Array.isArray(value) && '__rl' in (value as object)) {
		return isEmpty((value as { value: unknown }).value);
	}
	return false;
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
	const values = ctx.getNode().parameters;
	for (const property of properties) {
		if (!property.required || !isShown(property, values)) continue;
		let value: unknown;
		try {
			value = ctx.getNodeParameter(property.name, itemIndex, undefined);
		} catch {
			value = undefined;
		}
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
