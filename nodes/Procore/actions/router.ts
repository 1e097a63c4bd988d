import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { assertRequiredParameters } from '../helpers/requiredParameters';
import type { ProcoreOperation } from './node.type';
import { properties } from './properties';
import { resources } from './resources';

function findOperation(ctx: IExecuteFunctions, resource: string, operation: string): ProcoreOperation {
	const op = resources[resource]?.operations[operation];
	if (!op) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" is not known for "${resource}"`, {
			description: 'Choose a Resource and an Operation from the lists in the node.',
		});
	}
	return op;
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
	return { json, pairedItem: { item: itemIndex } };
}

export function asNodeError(ctx: IExecuteFunctions, error: Error, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error, { itemIndex });
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = findOperation(this, resource, operation);
	if ('executeBatch' in op) return [await op.executeBatch.call(this, items)];

	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			assertRequiredParameters(this, properties, i);
			const data = await op.execute.call(this, i);
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(data), {
					itemData: { item: i },
				}),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push(errorItem(this, error as Error, i));
				continue;
			}
			throw asNodeError(this, error as Error, i);
		}
	}
	return [returnData];
}
