import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { procoreApiRequest } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { explainTimecardError } from './errors';
import { timecardEntryLocator } from './read';

export const description: INodeProperties[] = forOperation('timecardEntry', 'delete', [
	projectLocator,
	timecardEntryLocator,
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'timecardEntryId', 'Timecard Entry', i);
	const path = `/rest/v1.0/projects/${projectId}/timecard_entries/${id}`;
	try {
		const previous = await procoreApiRequest.call(this, { method: 'GET', path, companyId, itemIndex: i });
		const party = previous.party as IDataObject | undefined;
		const detail = [party?.name, previous.date, previous.hours !== undefined && previous.hours !== null ? `${String(previous.hours)} h` : undefined]
			.filter((v) => v !== undefined && v !== null && v !== '')
			.map(String)
			.join(', ');
		return await procoreWrite.call(this, {
			itemIndex: i,
			action: 'delete',
			recordLabel: 'Timecard Entry',
			request: { method: 'DELETE', path, companyId },
			previous,
			summarize: (_r, _c, preview) => `${preview ? 'Would delete' : 'Deleted'} timecard entry ${id}${detail ? ` (${detail})` : ''}`,
		});
	} catch (error) {
		throw explainTimecardError(error as Error);
	}
}
