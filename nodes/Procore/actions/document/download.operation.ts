import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { downloadFiles } from '../../helpers/files/download';
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
	return downloadFiles(this, items, assertRequired, async (i) => {
		const format = this.getNodeParameter('drawingFormat', i, 'pdf') as string;
		return (await listFileTargets(this, i, format)).map((target) => ({
			url: target.url,
			fileName: target.fileName,
			mimeType: target.mimeType,
			json: { ...target.record, file_name: target.fileName },
			noLink: {
				message: `Procore gave no download link for "${target.fileName}"`,
				description: 'The file may still be processing in Procore (new drawings take a while), or the connected user cannot download it.',
			},
		}));
	});
}

export const output = fileOutput;
