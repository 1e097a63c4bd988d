import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId } from '../../helpers/context';
import { fetchProcoreFile, toBinary } from '../../helpers/files/download';
import { asNodeError, errorItem } from '../../helpers/errorItem';
import { forOperation } from '../operationSelector';
import { fileOutput, listFileTargets, sourceParameters } from './sources';

export const description: INodeProperties[] = [
	...sourceParameters('download'),
	...forOperation('document', 'download', [
		{
			displayName: 'Drawing Format',
			name: 'drawingFormat',
			type: 'options',
			options: [
				{ name: 'PDF', value: 'pdf' },
				{ name: 'PNG', value: 'png' },
			],
			default: 'pdf',
			displayOptions: { show: { source: ['drawings'] } },
		},
		{
			displayName: 'Output Data Field Name',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the output binary field to put the file in',
		},
	]),
];

/**
 * One output item per file, each with its binary data streamed into n8n's binary store (a 2 GB
 * drawing set never sits in memory) and paired with the input item that asked for it.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	assertRequired: (itemIndex: number) => void,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			assertRequired(i);
			const companyId = await getCompanyId(this, i);
			const property = (this.getNodeParameter('binaryPropertyName', i, 'data') as string).trim() || 'data';
			const format = this.getNodeParameter('drawingFormat', i, 'pdf') as string;
			for (const target of await listFileTargets(this, i, format)) {
				if (!target.url) {
					throw new NodeOperationError(this.getNode(), `Procore gave no download link for "${target.fileName}"`, {
						description: 'The file may still be processing in Procore (new drawings take a while), or the connected user cannot download it.',
						itemIndex: i,
					});
				}
				const file = await fetchProcoreFile(this, i, target.url, companyId);
				const binary = await toBinary(this, file, target.fileName, target.mimeType);
				out.push({ json: { ...target.record, file_name: target.fileName }, binary: { [property]: binary }, pairedItem: { item: i } });
			}
		} catch (error) {
			if (this.continueOnFail()) {
				out.push(errorItem(this, error as Error, i));
				continue;
			}
			throw asNodeError(this, error as Error, i);
		}
	}
	return out;
}

export const output = fileOutput;
