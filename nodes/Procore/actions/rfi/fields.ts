import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toProcoreId } from '../../helpers/context';
import { idList, isoDay } from '../../helpers/filters';

const IMPACT_OPTIONS = [
	{ name: 'No Impact', value: 'no_impact' },
	{ name: 'Not Applicable', value: 'n_a' },
	{ name: 'TBD', value: 'tbd' },
	{ name: 'Yes (Known)', value: 'yes_known' },
	{ name: 'Yes (Unknown)', value: 'yes_unknown' },
];

/** RFI fields shared by Create (Additional Fields) and Update (Update Fields). */
export const rfiFieldOptions: INodeProperties[] = [
	{
		displayName: 'Assignee User IDs',
		name: 'assigneeIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 101, 102',
		description: 'Users who must answer (comma-separated IDs; see RFI > Get Potential Assignees)',
	},
	{
		displayName: 'Attachment Upload IDs',
		name: 'uploadIds',
		type: 'string',
		default: '',
		description: 'Upload UUIDs from Document > Upload to attach to the question (comma-separated)',
	},
	{ displayName: 'Cost Code ID', name: 'costCodeId', type: 'string', default: '' },
	{ displayName: 'Cost Impact', name: 'costImpact', type: 'options', options: IMPACT_OPTIONS, default: 'tbd' },
	{ displayName: 'Cost Impact Amount', name: 'costImpactValue', type: 'number', default: 0 },
	{ displayName: 'Drawing Number', name: 'drawingNumber', type: 'string', default: '' },
	{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
	{ displayName: 'Location ID', name: 'locationId', type: 'string', default: '' },
	{ displayName: 'Private', name: 'private', type: 'boolean', default: false, description: 'Whether only the RFI\'s participants can see it' },
	{ displayName: 'Received From User ID', name: 'receivedFromId', type: 'string', default: '' },
	{ displayName: 'Reference', name: 'reference', type: 'string', default: '' },
	{ displayName: 'Responsible Contractor (Vendor) ID', name: 'responsibleContractorId', type: 'string', default: '' },
	{ displayName: 'Schedule Impact', name: 'scheduleImpact', type: 'options', options: IMPACT_OPTIONS, default: 'tbd' },
	{ displayName: 'Schedule Impact Days', name: 'scheduleImpactValue', type: 'number', default: 0 },
	{
		displayName: 'Specification Section ID',
		name: 'specificationSectionId',
		type: 'string',
		default: '',
		description: 'See Specification Section > Get Many',
	},
];

const ID_FIELDS: Record<string, string> = {
	costCodeId: 'cost_code_id',
	locationId: 'location_id',
	receivedFromId: 'received_from_login_information_id',
	responsibleContractorId: 'responsible_contractor_id',
	specificationSectionId: 'specification_section_id',
};

/** The Procore body fields for the chosen options (ids validated, dates as days). */
export function rfiFieldsToBody(ctx: IExecuteFunctions, f: IDataObject, i: number): IDataObject {
	const body: IDataObject = {};
	for (const [option, field] of Object.entries(ID_FIELDS)) {
		if (f[option] !== undefined && f[option] !== '') {
			const [id] = idList(ctx, f[option], option, i);
			body[field] = toProcoreId(id);
		}
	}
	if (f.assigneeIds) body.assignee_ids = idList(ctx, f.assigneeIds, 'Assignee User IDs', i).map(toProcoreId);
	if (f.reference !== undefined) body.reference = f.reference;
	if (f.drawingNumber !== undefined) body.drawing_number = f.drawingNumber;
	if (f.private !== undefined) body.private = f.private;
	if (f.dueDate) body.due_date = isoDay(ctx, f.dueDate, 'Due Date', i);
	if (f.scheduleImpact) body.schedule_impact = { status: f.scheduleImpact, value: f.scheduleImpactValue ?? null };
	if (f.costImpact) body.cost_impact = { status: f.costImpact, value: f.costImpactValue ?? null };
	return body;
}
