import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getProjectId, getRecordId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { ITEM_FIELDS, inspectionItems, inspectionLocator, isFailed } from './read';

export const description: INodeProperties[] = forOperation('inspection', 'getFailedItems', [projectLocator, inspectionLocator]);

/** One output item per failed (deficient) item of the inspection; none when everything passed. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'inspectionId', 'Inspection', i);
	const items = await inspectionItems(this, i, projectId, id);
	return items.filter(isFailed);
}

export const output: OutputSpec = { fields: ITEM_FIELDS };
