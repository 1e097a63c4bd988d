import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId, toProcoreId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { writeOptionsCollection } from '../../helpers/write';
import { projectLocator, sortedOptions } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { updateRecord } from '../shared/updateRecord';
import { attachmentFields, punchItemFieldOptions, punchItemFieldsToBody } from './fields';
import { checkPunchFiles, filesSentence, uploadPunchFiles } from './files';
import { punchItemLocator, punchItemOutput } from './read';

export const description: INodeProperties[] = forOperation('punchItem', 'update', [
	projectLocator,
	punchItemLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortedOptions(punchItemFieldOptions, [{ displayName: 'Name', name: 'name', type: 'string', default: '' }]),
	},
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'punchItemId', 'Punch Item', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes = punchItemFieldsToBody(this, fields, i);
	const property = attachmentFields(fields);
	const names = await checkPunchFiles(this, i, property);
	const preview = this.getNodeParameter('options.previewOnly', i, false) as boolean;
	// Files only: the update is the attach, so "no fields" does not stop it.
	const files = names.length ? await uploadPunchFiles(this, i, { companyId, projectId, property, preview }) : { uploadIds: [], files: [] };
	if (files.uploadIds.length) changes.upload_ids = files.uploadIds;
	else if (preview && files.files.length) changes.upload_ids = files.files.map((f) => `(upload of ${String(f.file_name)})`);
	const result = await updateRecord.call(this, {
		itemIndex: i,
		label: 'Punch Item',
		companyId,
		path: `/rest/v1.1/punch_items/${id}`,
		qs: { project_id: projectId },
		wrapperKey: 'punch_item',
		bodyExtra: { project_id: toProcoreId(projectId) },
		// Procore's PATCH schema requires the name even when it does not change.
		carry: [{ field: 'name', from: (r) => r.name }],
		changes,
		summarize: files.files.length
			? (record, c, isPreview) =>
					`${isPreview ? 'Would update' : 'Updated'} punch item ${id}${c.length ? ` (${c.map((x) => x.field).join(', ')})` : ''}${filesSentence(files.files, isPreview)}`
			: undefined,
	});
	return files.files.length ? { ...result, uploads: files.files } : result;
}

export const output: OutputSpec = punchItemOutput;
