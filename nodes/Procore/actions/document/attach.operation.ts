import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AttachmentRecordType, AttachmentTarget } from '../../helpers/attachments';
import { ATTACHMENT_TARGETS, attachmentPath, attachmentScope, attachmentTarget, confirmAttachedOnReread } from '../../helpers/attachments';
import { getCompanyId, getProjectId, normalizeId, toProcoreId } from '../../helpers/context';
import { binaryPropertyNames, binarySource } from '../../helpers/files/binary';
import type { UploadResult } from '../../helpers/files/upload';
import { partBytesOf, partSizeOption, planUpload, uploadToProcore } from '../../helpers/files/upload';
import { procoreWrite, writeOptions } from '../../helpers/write';
import { isWriteOutcomeUnknown, procoreApiRequest } from '../../transport';
import { projectLocator, recordLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import type { OutputSpec } from '../../helpers/output';
import { CHANGE_EVENT_FIELDS } from '../changeEvent/fields';
import { COMMITMENT_FIELDS } from '../commitment/get.operation';
import { COMPLIANCE_DOCUMENT_FIELDS } from '../complianceDocument/getAll.operation';
import { observationRead } from '../observation/read';
import { createPhotos, PHOTO_FIELDS } from '../photo/create';
import { PUNCH_ITEM_FIELDS } from '../punchItem/read';
import { RFI_FIELDS } from '../rfi/read';

const recordTypes = Object.entries(ATTACHMENT_TARGETS as Record<string, AttachmentTarget>)
	.map(([value, target]) => ({ name: target.label, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

const withParent = Object.entries(ATTACHMENT_TARGETS as Record<string, AttachmentTarget>)
	.filter(([, target]) => target.parent)
	.map(([value]) => value);

export const description: INodeProperties[] = forOperation('document', 'attach', [
	projectLocator,
	{
		displayName: 'Record Type',
		name: 'recordType',
		type: 'options',
		options: recordTypes,
		default: 'changeEvent',
		description: 'The kind of Procore record to attach the files to. Photos creates one photo per file in the project\'s Photos tool.',
	},
	{
		...recordLocator({
			name: 'parentId',
			displayName: 'Contract',
			searchListMethod: 'searchAttachmentContracts',
			urlPattern: '(?:work_order_contracts|purchase_order_contracts|commitments)/([0-9]+)',
			description: 'The subcontract or purchase order the compliance document belongs to',
		}),
		displayOptions: { show: { recordType: withParent } },
	},
	{
		...recordLocator({
			name: 'recordId',
			displayName: 'Record',
			searchListMethod: 'searchAttachableRecords',
			urlPattern: '(?:change_events|rfis|work_order_contracts|purchase_order_contracts|items|compliance_documents|punch_list|punch_items)/(?:show/)?([0-9]+)',
			description: 'The record to attach the files to: the list shows the project\'s records of the chosen type',
		}),
		displayOptions: { hide: { recordType: ['image'] } },
	},
	{
		displayName: 'Input Data Field Names',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'Names of the input binary fields holding the files, separated by commas',
		placeholder: 'e.g. data, photo_2',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				...recordLocator({
					name: 'imageCategoryId',
					displayName: 'Photo Album',
					searchListMethod: 'searchPhotoAlbums',
					urlPattern: 'image_categories/([0-9]+)',
					required: false,
					description: 'For Photos: the album to put the photos in',
				}),
				displayOptions: { show: { '/recordType': ['image'] } },
			},
			{
				displayName: 'Photo Description',
				name: 'imageDescription',
				type: 'string',
				default: '',
				displayOptions: { show: { '/recordType': ['image'] } },
			},
			partSizeOption,
			...writeOptions,
		],
	},
]);

function numericId(ctx: IExecuteFunctions, value: unknown, label: string, i: number): string {
	const id = String(value ?? '').trim();
	if (!/^\d{1,20}$/.test(id)) {
		throw new NodeOperationError(ctx.getNode(), `${label} "${id}" is not a Procore ID`, {
			description: `Choose the ${label.toLowerCase()} from the list, or enter its numeric ID (digits only).`,
			itemIndex: i,
		});
	}
	return id;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject | IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const recordType = this.getNodeParameter('recordType', i) as AttachmentRecordType;
	const target = attachmentTarget(recordType);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const partBytes = partBytesOf(options);
	const parentId = target.parent ? numericId(this, this.getNodeParameter('parentId', i, '', { extractValue: true }), 'Contract', i) : undefined;
	const id = target.createPath ? undefined : numericId(this, this.getNodeParameter('recordId', i, '', { extractValue: true }), 'Record', i);
	// Every binary property is checked before anything is read or uploaded.
	const sources = [];
	for (const name of binaryPropertyNames(this.getNodeParameter('binaryPropertyName', i))) sources.push(await binarySource(this, i, name));
	if (!sources.length) {
		throw new NodeOperationError(this.getNode(), 'Input Binary Fields is empty', {
			description: 'Enter the binary property that holds the file (usually "data").',
			itemIndex: i,
		});
	}
	const preview = this.getNodeParameter('options.previewOnly', i, false) as boolean;
	const { qs, bodyExtra } = attachmentScope(target, projectId);
	const path = attachmentPath(target, { projectId, parentId, id });
	// For an existing record, read it first: a missing record fails here, before any upload.
	const current = target.createPath
		? undefined
		: await procoreApiRequest.call(this, { method: 'GET', path, qs, companyId, itemIndex: i });
	const uploads: Array<UploadResult | ReturnType<typeof planUpload>> = [];
	for (const source of sources) {
		uploads.push(preview ? planUpload(source, { partBytes }) : await uploadToProcore(this, i, { companyId, projectId }, source, { partBytes }));
	}
	const uuids = uploads.map((u) => ('uuid' in u ? u.uuid : `(upload of ${u.fileName})`));
	const uploadInfo = uploads.map((u) => ({ file_name: u.fileName, size: u.size, parts: u.parts, uuid: 'uuid' in u ? u.uuid : null })) as IDataObject[];

	if (target.createPath) {
		const image: IDataObject = {};
		if (normalizeId(options.imageCategoryId)) image.image_category_id = toProcoreId(numericId(this, this.getNodeParameter('options.imageCategoryId', i, '', { extractValue: true }), 'Photo Album', i));
		if (options.imageDescription) image.description = options.imageDescription;
		const photos = await createPhotos(this, i, { companyId, projectId, image, uploads: uploads.map((u, k) => ({ uuid: uuids[k], fileName: u.fileName })) });
		return photos.map((photo, k) => ({ ...photo, uploads: [uploadInfo[k]] }));
	}

	const fields = target.fields(uuids, current);
	const names = uploads.map((u) => `"${u.fileName}"`).join(', ');
	const result = await procoreWrite.call(this, {
		itemIndex: i,
		action: 'update',
		recordLabel: target.label,
		request: { method: 'PATCH', path, qs, body: { ...bodyExtra, [target.wrapperKey]: fields }, companyId },
		wrapperKey: target.wrapperKey,
		auditField: null,
		previous: current,
		summarize: (_r, _c, isPreview) =>
			isPreview ? `Would attach ${names} to ${target.label} ${id}` : `Attached ${names} to ${target.label} ${id}`,
	}).catch(async (error: unknown) => {
		// Unanswered: not re-sent (transport/retry.ts); the record says whether the files are on it.
		if (!isWriteOutcomeUnknown(error)) throw error;
		const after = await confirmAttachedOnReread(error, current, uuids.length, async () =>
			await procoreApiRequest.call(this, { method: 'GET', path, qs, companyId, itemIndex: i }),
		);
		return { ...after, summary: `Attached ${names} to ${target.label} ${id}`, confirmed_by: `${target.label} re-read after Procore did not answer` } as IDataObject;
	});
	return { ...result, uploads: uploadInfo };
}

/** The record the files were attached to, in the shape its own Get gives it. */
export const output: OutputSpec = {
	fields: ['id'],
	variants: {
		parameter: 'recordType',
		fields: {
			changeEvent: CHANGE_EVENT_FIELDS,
			rfi: RFI_FIELDS,
			workOrderContract: COMMITMENT_FIELDS,
			purchaseOrderContract: COMMITMENT_FIELDS,
			observation: observationRead.fields,
			punchItem: PUNCH_ITEM_FIELDS,
			workOrderComplianceDocument: COMPLIANCE_DOCUMENT_FIELDS,
			purchaseOrderComplianceDocument: COMPLIANCE_DOCUMENT_FIELDS,
			image: PHOTO_FIELDS,
		},
	},
};
