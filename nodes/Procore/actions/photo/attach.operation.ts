import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AttachmentTarget } from '../../helpers/attachments';
import { ATTACHMENT_TARGETS, attachmentPath, attachmentScope } from '../../helpers/attachments';
import { getCompanyId, getProjectId, getRecordId, toProcoreId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { procoreApiRequest } from '../../transport';
import { projectLocator, recordLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { photoLocator } from './read';

/** The records that take photos by ID (helpers/attachments.ts: targets with `images`). */
const photoTargets = Object.entries(ATTACHMENT_TARGETS as Record<string, AttachmentTarget>).filter(([, target]) => target.images);

export const description: INodeProperties[] = forOperation('photo', 'attach', [
	projectLocator,
	photoLocator,
	{
		displayName: 'Record Type',
		name: 'recordType',
		type: 'options',
		options: photoTargets.map(([value, target]) => ({ name: target.label, value })).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'punchItem',
		description: 'The kind of Procore record to attach the photo to',
	},
	recordLocator({
		name: 'recordId',
		displayName: 'Record',
		searchListMethod: 'searchAttachableRecords',
		urlPattern: '(?:change_events|rfis|work_order_contracts|purchase_order_contracts|punch_list|punch_items)/(?:show/)?([0-9]+)',
		description: 'The record to attach the photo to: the list shows the project\'s records of the chosen type',
	}),
	writeOptionsCollection,
]);

/** The photo IDs a record already carries, wherever Procore lists them. */
function attachedImageIds(record: IDataObject): Set<string> {
	const ids = new Set<string>();
	const scan = (value: unknown, depth: number) => {
		if (!value || typeof value !== 'object' || depth > 2) return;
		const obj = value as IDataObject;
		if (Array.isArray(obj.image_ids)) for (const id of obj.image_ids) ids.add(String(id));
		for (const key of ['images', 'attachments_by_image']) {
			const list = obj[key];
			if (Array.isArray(list)) for (const entry of list as IDataObject[]) if (entry?.id !== undefined) ids.add(String(entry.id));
		}
		if (obj.question) scan(obj.question, depth + 1);
	};
	scan(record, 0);
	return ids;
}

/**
 * Attaches a photo already in Procore's Photos tool to a record, by the photo's ID (no new
 * upload). A record that already carries the photo is returned as it is.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const photoId = getRecordId(this, 'photoId', 'Photo', i);
	const recordType = this.getNodeParameter('recordType', i) as string;
	const target = (ATTACHMENT_TARGETS as Record<string, AttachmentTarget>)[recordType];
	const id = getRecordId(this, 'recordId', 'Record', i);
	const { qs, bodyExtra } = attachmentScope(target, projectId);
	const path = attachmentPath(target, { projectId, id });
	// The photo and the record are both read first: a wrong ID of either fails before any write.
	await procoreApiRequest.call(this, { method: 'GET', path: `/rest/v1.0/images/${photoId}`, qs: { project_id: projectId }, companyId, itemIndex: i });
	const current = (await procoreApiRequest.call(this, { method: 'GET', path, qs, companyId, itemIndex: i })) as IDataObject;
	if (attachedImageIds(current).has(photoId)) {
		return { ...current, summary: `Photo ${photoId} is already on ${target.label} ${id}; nothing written`, skipped: true };
	}
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'update',
		recordLabel: target.label,
		request: { method: 'PATCH', path, qs, body: { ...bodyExtra, [target.wrapperKey]: target.images!([toProcoreId(photoId)], current) }, companyId },
		wrapperKey: target.wrapperKey,
		auditField: null,
		previous: current,
		summarize: (_r, _c, preview) => `${preview ? 'Would attach' : 'Attached'} photo ${photoId} to ${target.label} ${id}`,
	});
}

export const output: OutputSpec = { fields: ['id', 'name', 'title', 'subject', 'number', 'status', 'updated_at'] };
