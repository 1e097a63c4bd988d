import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizeId, toProcoreId } from '../../helpers/context';
import { idList, isoDay } from '../../helpers/filters';
import { pickFromList, pickManyFromList } from '../common.descriptions';
import { PUNCH_PRIORITY_OPTIONS } from './read';

/**
 * Procore's punch workflow: the status decides whose court the ball is in (the creator while a
 * draft, the punch item manager once initiated or ready for review, the assignees while work is
 * required, the final approver when ready to close).
 */
export const WORKFLOW_STATUS_OPTIONS = [
	{ name: 'Closed', value: 'closed', description: 'Closed by the final approver' },
	{ name: 'Draft', value: 'draft', description: 'Ball in the creator\'s court; nobody is notified' },
	{ name: 'In Dispute', value: 'in_dispute', description: 'An assignee disputes the item' },
	{ name: 'Initiated', value: 'initiated', description: 'Ball in the punch item manager\'s court' },
	{ name: 'Not Accepted by Creator', value: 'not_accepted_by_creator' },
	{ name: 'Ready for Review', value: 'ready_for_review', description: 'Assignees are done; ball in the punch item manager\'s court' },
	{ name: 'Ready to Close', value: 'ready_to_close', description: 'Ball in the final approver\'s court' },
	{ name: 'Work Not Accepted', value: 'work_not_accepted', description: 'Ball back in the assignees\' court' },
	{ name: 'Work Required', value: 'work_required', description: 'Ball in the assignees\' court: they are asked to do the work' },
];


/** The fields of a punch item that Create and Update share, sorted by display name. */
export const punchItemFieldOptions: INodeProperties[] = [
	pickManyFromList('assigneeIds', 'Assignee Names or IDs', 'getPunchItemAssignees', 'The people asked to do the work (Procore\'s punch item assignments)'),
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '' },
	pickManyFromList('distributionIds', 'Distribution Member Names or IDs', 'getProjectUsers', 'People who receive the punch item\'s emails'),
	{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
	pickFromList('finalApproverId', 'Final Approver', 'searchPunchItemFinalApprovers', 'Who closes the item once it is ready to close'),
	{
		displayName: 'Input Data Field Names',
		name: 'binaryPropertyName',
		type: 'string',
		default: '',
		placeholder: 'e.g. data, photo_2',
		hint: 'Names of the input binary fields holding files to attach (photos of the defect), separated by commas',
	},
	pickFromList('locationId', 'Location', 'searchLocations', 'Where on site the item is'),
	pickManyFromList('imageIds', 'Photo Names or IDs', 'getProjectPhotos', 'Photos already in the project\'s Photos tool to attach (e.g. the photo that shows the defect)'),
	{ displayName: 'Priority', name: 'priority', type: 'options', options: PUNCH_PRIORITY_OPTIONS, default: 'medium' },
	{ displayName: 'Private', name: 'private', type: 'boolean', default: false, description: 'Whether only the people on the item and admins can see it' },
	pickFromList('punchItemManagerId', 'Punch Item Manager', 'searchPunchItemManagers', 'Who manages the item through its workflow'),
	pickFromList('punchItemTypeId', 'Punch Item Type', 'searchPunchItemTypes'),
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		description: 'The item\'s ID or name in another system (Procore keeps it as a reference point); Create finds an existing item by it',
	},
	pickFromList('tradeId', 'Trade', 'searchTrades'),
	{
		displayName: 'Workflow Status (Ball in Court)',
		name: 'workflowStatus',
		type: 'options',
		options: WORKFLOW_STATUS_OPTIONS,
		default: 'initiated',
		description: 'Where the item is in Procore\'s punch workflow, which decides whose court the ball is in',
	},
];

/** The files to attach, by binary field name (uploaded by the operation, not here). */
export function attachmentFields(f: IDataObject): string {
	return String(f.binaryPropertyName ?? '').trim();
}

/** Additional / Update Fields → Procore's `punch_item` body (ids as Procore's integers). */
export function punchItemFieldsToBody(ctx: IExecuteFunctions, f: IDataObject, i: number): IDataObject {
	const body: IDataObject = {};
	const ids: Record<string, [string, string]> = {
		locationId: ['location_id', 'Location'],
		tradeId: ['trade_id', 'Trade'],
		punchItemTypeId: ['punch_item_type_id', 'Punch Item Type'],
		punchItemManagerId: ['punch_item_manager_id', 'Punch Item Manager'],
		finalApproverId: ['final_approver_id', 'Final Approver'],
	};
	for (const [option, [field, label]] of Object.entries(ids)) {
		if (normalizeId(f[option])) body[field] = toProcoreId(idList(ctx, f[option], label, i)[0]);
	}
	const lists: Record<string, [string, string]> = {
		assigneeIds: ['login_information_ids', 'Assignee Names or IDs'],
		distributionIds: ['distribution_member_ids', 'Distribution Member Names or IDs'],
		imageIds: ['image_ids', 'Photo Names or IDs'],
	};
	for (const [option, [field, label]] of Object.entries(lists)) {
		const values = idList(ctx, f[option], label, i);
		if (values.length) body[field] = values.map(toProcoreId);
	}
	for (const key of ['name', 'description', 'priority', 'reference']) {
		if (f[key] !== undefined && f[key] !== '') body[key] = typeof f[key] === 'string' ? (f[key] as string).trim() : f[key];
	}
	if (typeof f.private === 'boolean') body.private = f.private;
	if (f.workflowStatus) body.workflow_status = f.workflowStatus;
	// Procore writes the due date as `due` and reads it back as `due_date`.
	if (f.dueDate) body.due = isoDay(ctx, f.dueDate, 'Due Date', i);
	return body;
}
