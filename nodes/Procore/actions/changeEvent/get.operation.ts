import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequest } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { v10ItemPath } from './body';
import { CHANGE_EVENT_FIELDS, changeEventLocator, withTotals } from './fields';

export const description: INodeProperties[] = forOperation('changeEvent', 'get', [projectLocator, changeEventLocator]);

/** v1.0 show: it carries the origin ID, the status and the lines with their codes and amounts. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'changeEventId', 'Change Event', i);
	const record = await procoreApiRequest.call(this, {
		method: 'GET',
		path: v10ItemPath(id),
		qs: { project_id: projectId },
		companyId,
		itemIndex: i,
	});
	return withTotals(record);
}

export const output: OutputSpec = { fields: CHANGE_EVENT_FIELDS };
