import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId, normalizeId } from '../../helpers/context';
import { idList } from '../../helpers/filters';
import type { OutputSpec } from '../../helpers/output';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { confirmAttachedOnReread } from '../../helpers/attachments';
import { isWriteOutcomeUnknown, procoreApiRequest } from '../../transport';
import { projectLocator, sortedOptions } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { v10Header, v10ItemPath, v11Extras, v11ItemPath } from './body';
import { CHANGE_EVENT_FIELDS, changeEventLocator, changeTypeLookup, eventTypeOptions, reasonLookup, scopeOptions, statusLookup, withTotals } from './fields';
import type { Scope } from './lookups';
import { KINDS, Unmatched } from './lookups';
import { resolveOne } from './resolve';

export const description: INodeProperties[] = forOperation('changeEvent', 'update', [
	projectLocator,
	changeEventLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Header fields to change. To change lines, use Push COR (it replaces lines instead of appending).',
		options: sortedOptions([
			{ displayName: 'Attachment Upload UUIDs', name: 'attachmentUuids', type: 'string', default: '', description: 'Completed Procore uploads to attach (comma-separated UUIDs)' },
			changeTypeLookup,
			reasonLookup,
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{ displayName: 'Event Type', name: 'eventType', type: 'options', options: eventTypeOptions, default: 'tbd' },
			{ displayName: 'Number', name: 'number', type: 'string', default: '' },
			{ displayName: 'Origin ID', name: 'originId', type: 'string', default: '', description: 'The ID of the record this Change Event comes from in another system (e.g. a COR ID)' },
			{ displayName: 'Procore File Version IDs', name: 'fileVersionIds', type: 'string', default: '', description: 'Files in Procore Documents to attach (comma-separated)' },
			{ displayName: 'Scope', name: 'scope', type: 'options', options: scopeOptions, default: 'tbd' },
			statusLookup,
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		]),
	},
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const scope: Scope = { companyId, projectId };
	const id = getRecordId(this, 'changeEventId', 'Change Event', i);
	const f = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const unmatched = new Unmatched();
	const statusId = await resolveOne(this, i, scope, KINDS.status, normalizeId(f.status), unmatched);
	const reasonId = await resolveOne(this, i, scope, KINDS.reason, normalizeId(f.reason), unmatched);
	const changeTypeId = await resolveOne(this, i, scope, KINDS.changeType, normalizeId(f.changeType), unmatched);
	unmatched.throwIfAny(this, i, projectId);
	const header = {
		title: f.title ? String(f.title) : undefined,
		number: f.number ? String(f.number) : undefined,
		statusId,
		scope: f.scope ? String(f.scope) : undefined,
		eventType: f.eventType ? String(f.eventType) : undefined,
		reasonId,
		originId: f.originId ? String(f.originId) : undefined,
		attachmentUuids: String(f.attachmentUuids ?? '').split(',').map((s) => s.trim()).filter(Boolean),
		fileVersionIds: f.fileVersionIds ? idList(this, f.fileVersionIds, 'Procore File Version IDs', i) : [],
		description: f.description !== undefined && f.description !== '' ? String(f.description) : undefined,
		changeTypeId,
	};
	const v10 = v10Header(header);
	const v11 = v11Extras(header, []);
	if (!Object.keys(v10).length && !v11) {
		throw new NodeOperationError(this.getNode(), 'No fields to update on the Change Event', {
			description: 'Add at least one field under "Update Fields". To change lines, use Push COR.',
			itemIndex: i,
		});
	}
	const current = await procoreApiRequest.call(this, { method: 'GET', path: v10ItemPath(id), qs: { project_id: projectId }, companyId, itemIndex: i });
	const status = current.change_event_status as IDataObject | undefined;
	const reason = current.change_order_change_reason as IDataObject | undefined;
	const previous: IDataObject = {
		...current,
		change_event_status_id: (status?.id ?? null) as IDataObject[string],
		change_order_change_reason_id: (reason?.id ?? null) as IDataObject[string],
	};
	let result: IDataObject | undefined;
	if (Object.keys(v10).length) {
		result = await procoreWrite.call(this, {
			itemIndex: i,
			action: 'update',
			recordLabel: 'Change Event',
			request: { method: 'PATCH', path: v10ItemPath(id), qs: { project_id: projectId }, body: { project_id: projectId, change_event: v10 }, companyId },
			wrapperKey: 'change_event',
			auditField: 'origin_data',
			previous,
		}).catch(async (error: unknown) => {
			// An unanswered PATCH that attaches files is not re-sent (transport/retry.ts): re-read instead.
			if (!isWriteOutcomeUnknown(error)) throw error;
			const added = header.attachmentUuids.length + header.fileVersionIds.length;
			const after = await confirmAttachedOnReread(error, current, added, async () =>
				await procoreApiRequest.call(this, { method: 'GET', path: v10ItemPath(id), qs: { project_id: projectId }, companyId, itemIndex: i }),
			);
			return { ...after, summary: `Change Event ${id} updated`, confirmed_by: 'Change Event re-read after Procore did not answer', changes: [] } as IDataObject;
		});
	}
	if (v11) {
		const second = await procoreWrite.call(this, {
			itemIndex: i,
			action: 'update',
			recordLabel: 'Change Event',
			request: { method: 'PATCH', path: v11ItemPath(id), qs: { project_id: projectId }, body: { change_event: v11 }, companyId },
			wrapperKey: 'change_event',
			auditField: null,
			previous: current,
		});
		if (!result) return second;
		const changes = [...(result.changes as IDataObject[]), ...(second.changes as IDataObject[])];
		result.changes = changes;
		const fields = changes.map((c) => String(c.field)).join(', ');
		result.summary = `${result.preview ? `Would update Change Event ${id}` : `Change Event ${id} updated`}: ${changes.length} field${changes.length === 1 ? '' : 's'} changed (${fields})`;
		if (result.preview) result.followUpRequest = second.request as IDataObject;
	}
	return result!;
}

export const output: OutputSpec = { fields: CHANGE_EVENT_FIELDS, simplify: withTotals };
