import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fileOutput, listFileTargets, sourceParameters } from './sources';

export const description: INodeProperties[] = sourceParameters('getAll');

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const targets = await listFileTargets(this, i);
	return targets.map((t) => ({ ...t.record, file_name: t.fileName, downloadable: Boolean(t.url) }));
}

export const output = fileOutput;
