import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import { writeOptionsCollection } from '../../helpers/write';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { updateRecord } from '../shared/updateRecord';
import { submittalFieldOptions, submittalFieldsToBody } from './fields';
import { submittalLocator, submittalRead } from './read';
import type { OutputSpec } from '../../helpers/output';

export const description: INodeProperties[] = forOperation('submittal', 'update', [
	projectLocator,
	submittalLocator,
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: submittalFieldOptions },
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'submittalId', 'Submittal', i);
	return await updateRecord.call(this, {
		itemIndex: i,
		label: 'Submittal',
		companyId,
		path: `/rest/v1.1/projects/${projectId}/submittals/${id}`,
		wrapperKey: 'submittal',
		// Procore's PATCH schema requires the number even when it does not change.
		carry: [{ field: 'number', from: (r) => r.number }],
		changes: submittalFieldsToBody(this, this.getNodeParameter('updateFields', i, {}) as IDataObject, i),
	});
}

export const output: OutputSpec = { fields: submittalRead.fields };
