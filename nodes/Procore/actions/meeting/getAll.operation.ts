import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { flattenMeetingGroups, MEETING_FIELDS, MEETINGS_LIST_PATH } from './read';

export const description: INodeProperties[] = [
	...forOperation('meeting', 'getAll', [projectLocator]),
	...returnAllOrLimit({ resource: ['meeting'], operation: ['getAll'] }),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const limit = readLimit(this, i);
	// Pages hold groups, not meetings: read them all, then keep the limit of meetings.
	const groups = await procoreApiRequestAllItems.call(this, {
		method: 'GET',
		path: MEETINGS_LIST_PATH,
		qs: { project_id: projectId },
		companyId,
		itemIndex: i,
	});
	const meetings = flattenMeetingGroups(groups);
	return limit === undefined ? meetings : meetings.slice(0, limit);
}

export const output: OutputSpec = { fields: MEETING_FIELDS };
