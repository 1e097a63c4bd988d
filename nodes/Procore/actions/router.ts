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

/** A failed item's output when "Continue On Fail" is on: the reason, and how to fix it. */
export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const description = (error as NodeApiError).description;
	if (description) json.description = description;
	const httpCode = (error as NodeApiError).httpCode;
	if (httpCode) json.httpCode = httpCode;
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
				returnData.push(errorItem(error as Error, i));
				continue;
			}
			throw asNodeError(this, error as Error, i);
		}
	}
	return [returnData];
}
