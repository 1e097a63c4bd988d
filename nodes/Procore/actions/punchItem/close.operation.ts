import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId, toProcoreId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { procoreApiRequest } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { punchItemLocator, punchItemOutput } from './read';

export const description: INodeProperties[] = forOperation('punchItem', 'close', [projectLocator, punchItemLocator, writeOptionsCollection]);

const isClosed = (record: IDataObject) =>
	String(record.status ?? '').toLowerCase() === 'closed' || String(record.workflow_status ?? '') === 'closed';

/**
 * Closes a punch item (Procore: status and workflow status "closed"). An item already closed is
 * returned as it is, so a re-run writes nothing.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'punchItemId', 'Punch Item', i);
	const path = `/rest/v1.1/punch_items/${id}`;
	const current = await procoreApiRequest.call(this, { method: 'GET', path, qs: { project_id: projectId }, companyId, itemIndex: i });
	if (isClosed(current)) {
		return { ...current, summary: `Punch item ${id} "${String(current.name)}" is already closed; nothing written`, skipped: true };
	}
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'update',
		recordLabel: 'Punch Item',
		request: {
			method: 'PATCH',
			path,
			qs: { project_id: projectId },
			// Procore's PATCH schema requires the name even when it does not change.
			body: { project_id: toProcoreId(projectId), punch_item: { name: current.name, status: 'closed', workflow_status: 'closed' } },
			companyId,
		},
		wrapperKey: 'punch_item',
		auditField: null,
		previous: { ...current, status: String(current.status ?? '').toLowerCase() },
		summarize: (_r, _c, preview) => `${preview ? 'Would close' : 'Closed'} punch item ${id} "${String(current.name)}"`,
	});
}

export const output: OutputSpec = punchItemOutput;
