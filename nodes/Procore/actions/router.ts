import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError, errorItem, isFailedItem } from '../helpers/errorItem';
import { shapeOutput } from '../helpers/output';
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

/** Shapes a batch operation's outputs by each item's Output choice; failed items stay as they are. */
function shapeBatch(ctx: IExecuteFunctions, op: ProcoreOperation, items: INodeExecutionData[]): INodeExecutionData[] {
	if (!op.output) return items;
	return items.map((item) => {
		if (isFailedItem(item)) return item;
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
		const itemIndex = typeof paired === 'number' ? paired : (paired?.item ?? 0);
		return { ...item, json: shapeOutput(ctx, itemIndex, item.json, op.output!) as IDataObject };
	});
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = findOperation(this, resource, operation);
	if ('executeBatch' in op) return [
			shapeBatch(this, op, await op.executeBatch.call(this, items, (i) => assertRequiredParameters(this, properties, i))),
		];

	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			assertRequiredParameters(this, properties, i);
			const result = await op.execute.call(this, i);
			const data = op.output ? shapeOutput(this, i, result, op.output) : result;
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
