import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Failed items are remembered so the router's output shaping leaves them as they are (a failed
 * item is not a record). Operations that build a failed item of their own mark it with markFailed.
 */
const failedItems = new WeakSet<INodeExecutionData>();

export function markFailed(item: INodeExecutionData): INodeExecutionData {
	failedItems.add(item);
	return item;
}

export function isFailedItem(item: INodeExecutionData): boolean {
	return failedItems.has(item);
}

/**
 * A failed item's output when "Continue On Fail" is on: the reason, how to fix it (`description`),
 * the HTTP status and what the operation adds (`extra`). With "Continue (using error output)" the
 * same fields go under `details`: n8n sends an item to the error output only when its json has no
 * key but error, message and details (an item's `error` object would do too, but n8n then cuts
 * its json down to the message, and the description is what a person needs).
 */
export function errorItem(ctx: IExecuteFunctions, error: Error, itemIndex: number, extra: IDataObject = {}): INodeExecutionData {
	const details: IDataObject = {};
	const description = (error as NodeApiError).description;
	if (description) details.description = description;
	const httpCode = (error as NodeApiError).httpCode;
	if (httpCode) details.httpCode = httpCode;
	Object.assign(details, extra);
	const toErrorOutput = ctx.getNode().onError === 'continueErrorOutput';
	const json: IDataObject = toErrorOutput
		? { error: error.message, ...(Object.keys(details).length ? { details } : {}) }
		: { error: error.message, ...details };
	const item = { json, pairedItem: { item: itemIndex } };
	return markFailed(item);
}

/** An operation's error as n8n's error for the item (keeps a NodeApiError's HTTP details). */
export function asNodeError(ctx: IExecuteFunctions, error: Error, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error, { itemIndex });
}
