import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId, normalizeId, toProcoreId } from '../../helpers/context';
import { writeOptionsCollection } from '../../helpers/write';
import { pickFromList, projectLocator, sortedOptions } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { updateRecord } from '../shared/updateRecord';
import { rfiFieldOptions, rfiFieldsToBody } from './fields';
import { RFI_FIELDS, rfiLocator } from './read';
import type { OutputSpec } from '../../helpers/output';

export const description: INodeProperties[] = forOperation('rfi', 'update', [
	projectLocator,
	rfiLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortedOptions(rfiFieldOptions.filter((o) => o.name !== 'uploadIds'), [
			{
				displayName: 'Draft',
				name: 'draft',
				type: 'boolean',
				default: false,
				description: 'Whether the RFI stays a draft; set to false to send it (Procore then numbers it and notifies the assignees)',
			},
			{ displayName: 'Question', name: 'question', type: 'string', typeOptions: { rows: 4 }, default: '' },
			pickFromList('rfiManagerId', 'RFI Manager', 'searchRfiManagers'),
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
		]),
	},
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const rfiId = getRecordId(this, 'rfiId', 'RFI', i);
	const f = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes = rfiFieldsToBody(this, f, i);
	if (f.subject) changes.subject = f.subject;
	if (f.question) changes.question = { body: f.question };
	if (f.draft !== undefined) changes.draft = f.draft;
	if (normalizeId(f.rfiManagerId)) changes.rfi_manager_id = toProcoreId(normalizeId(f.rfiManagerId));
	return await updateRecord.call(this, {
		itemIndex: i,
		label: 'RFI',
		companyId,
		path: `/rest/v1.0/projects/${projectId}/rfis/${rfiId}`,
		wrapperKey: 'rfi',
		changes,
	});
}

export const output: OutputSpec = { fields: RFI_FIELDS };
