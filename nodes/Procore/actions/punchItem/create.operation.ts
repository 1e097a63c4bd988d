import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, toProcoreId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { createOptionsCollection, procoreWrite } from '../../helpers/write';
import { procoreApiRequestAllItems } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { attachmentFields, punchItemFieldOptions, punchItemFieldsToBody } from './fields';
import { checkPunchFiles, filesSentence, uploadPunchFiles } from './files';
import { punchItemOutput } from './read';

export const description: INodeProperties[] = forOperation('punchItem', 'create', [
	projectLocator,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Touch up paint at door 204 frame',
		description: 'What is wrong, as the assignee should read it',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: punchItemFieldOptions,
	},
	createOptionsCollection(
		'Whether to create a second punch item with the same name at the same location (or the same Reference). Off: the existing one is returned and nothing is uploaded, so re-runs never duplicate.',
	),
]);

const sameText = (a: unknown, b: unknown) => String(a ?? '').trim().toLowerCase() === String(b ?? '').trim().toLowerCase();

/** The punch item a previous run created: same Reference when one is given, else same name at the same location. */
function isSame(existing: IDataObject, item: IDataObject): boolean {
	if (item.reference) return sameText(existing.reference, item.reference);
	if (!sameText(existing.name, item.name)) return false;
	const location = (existing.location as IDataObject | undefined)?.id ?? existing.location_id;
	return item.location_id === undefined || String(location ?? '') === String(item.location_id);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const punchItem: IDataObject = {
		name: String(this.getNodeParameter('name', i)).trim(),
		...punchItemFieldsToBody(this, additional, i),
	};
	const property = attachmentFields(additional);
	// The files are checked before anything is read or written: a wrong field name fails fast.
	await checkPunchFiles(this, i, property);
	if (!options.allowDuplicate) {
		const found = await procoreApiRequestAllItems.call(this, {
			method: 'GET',
			path: '/rest/v1.1/punch_items',
			qs: { project_id: projectId, 'filters[query]': punchItem.reference ?? punchItem.name },
			companyId,
			itemIndex: i,
		});
		const existing = found.find((p) => isSame(p, punchItem));
		if (existing) {
			return {
				...existing,
				summary: `Punch item ${String(existing.id)} "${String(existing.name)}" already exists${punchItem.reference ? ` with reference "${String(punchItem.reference)}"` : ''}; nothing created`,
				skipped: true,
			};
		}
	}
	// Uploaded only now: a re-run that finds the punch item uploads nothing.
	const preview = options.previewOnly === true;
	const files = await uploadPunchFiles(this, i, { companyId, projectId, property, preview });
	if (files.uploadIds.length) punchItem.upload_ids = files.uploadIds;
	const result = await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'Punch Item',
		request: {
			method: 'POST',
			path: '/rest/v1.1/punch_items',
			body: { project_id: toProcoreId(projectId), punch_item: punchItem },
			companyId,
		},
		wrapperKey: 'punch_item',
		auditField: null,
		summarize: (record, _c, isPreview) =>
			`${isPreview ? 'Would create' : 'Created'} punch item${record.id !== undefined ? ` ${String(record.id)}` : ''} "${String(punchItem.name)}"${filesSentence(files.files, isPreview)}`,
	});
	return files.files.length ? { ...result, uploads: files.files } : result;
}

export const output: OutputSpec = punchItemOutput;
