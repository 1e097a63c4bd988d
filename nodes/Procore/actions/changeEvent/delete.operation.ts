import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { procoreApiRequest } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { v10ItemPath, v11ItemPath } from './body';
import { changeEventLocator } from './fields';

export const description: INodeProperties[] = forOperation('changeEvent', 'delete', [
	projectLocator,
	changeEventLocator,
	writeOptionsCollection,
]);

/** v1.1 DELETE (v1.0 has none): Procore moves the Change Event to the recycle bin. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'changeEventId', 'Change Event', i);
	// Read first: the output says what was deleted, and a wrong ID fails before the DELETE.
	const previous = await procoreApiRequest.call(this, { method: 'GET', path: v10ItemPath(id), qs: { project_id: projectId }, companyId, itemIndex: i });
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'delete',
		recordLabel: 'Change Event',
		request: { method: 'DELETE', path: v11ItemPath(id), qs: { project_id: projectId }, companyId },
		previous: { id: previous.id ?? id, title: previous.title, origin_id: previous.origin_id },
		summarize: (_r, _c, preview) =>
			`${preview ? 'Would delete' : 'Deleted'} Change Event ${id}${previous.title ? ` "${String(previous.title)}"` : ''} (Procore keeps it in the recycle bin)`,
	});
}
