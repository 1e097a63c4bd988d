import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizeId, toProcoreId } from '../../helpers/context';
import { idList, isoDay } from '../../helpers/filters';
import { pickFromList, pickManyFromList } from '../common.descriptions';

const IMPACT_OPTIONS = [
	{ name: 'No Impact', value: 'no_impact' },
	{ name: 'Not Applicable', value: 'n_a' },
	{ name: 'TBD', value: 'tbd' },
	{ name: 'Yes (Known)', value: 'yes_known' },
	{ name: 'Yes (Unknown)', value: 'yes_unknown' },
];

/** RFI fields shared by Create (Additional Fields) and Update (Update Fields). */
export const rfiFieldOptions: INodeProperties[] = [
	pickManyFromList('assigneeIds', 'Assignee Names or IDs', 'getProjectUsers', 'Users who must answer'),
	{
		displayName: 'Attachment Upload IDs',
		name: 'uploadIds',
		type: 'string',
		default: '',
		description: 'Upload UUIDs from Document > Upload to attach to the question (comma-separated)',
	},
	pickFromList('costCodeId', 'Cost Code', 'searchCostCodes'),
	{ displayName: 'Cost Impact', name: 'costImpact', type: 'options', options: IMPACT_OPTIONS, default: 'tbd' },
	{ displayName: 'Cost Impact Amount', name: 'costImpactValue', type: 'number', default: 0 },
	{ displayName: 'Drawing Number', name: 'drawingNumber', type: 'string', default: '' },
	{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
	pickFromList('locationId', 'Location', 'searchLocations'),
	{ displayName: 'Private', name: 'private', type: 'boolean', default: false, description: 'Whether only the RFI\'s participants can see it' },
	pickFromList('receivedFromId', 'Received From', 'searchProjectUsers'),
	{ displayName: 'Reference', name: 'reference', type: 'string', default: '' },
	pickFromList('responsibleContractorId', 'Responsible Contractor', 'searchProjectVendors'),
	{ displayName: 'Schedule Impact', name: 'scheduleImpact', type: 'options', options: IMPACT_OPTIONS, default: 'tbd' },
	{ displayName: 'Schedule Impact Days', name: 'scheduleImpactValue', type: 'number', default: 0 },
	pickFromList('specificationSectionId', 'Specification Section', 'searchSpecificationSections'),
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
		if (normalizeId(f[option])) {
			const [id] = idList(ctx, f[option], option, i);
			body[field] = toProcoreId(id);
		}
	}
	if (idList(ctx, f.assigneeIds, 'Assignees', i).length) body.assignee_ids = idList(ctx, f.assigneeIds, 'Assignee User IDs', i).map(toProcoreId);
	if (f.reference !== undefined) body.reference = f.reference;
	if (f.drawingNumber !== undefined) body.drawing_number = f.drawingNumber;
	if (f.private !== undefined) body.private = f.private;
	if (f.dueDate) body.due_date = isoDay(ctx, f.dueDate, 'Due Date', i);
	if (f.scheduleImpact) body.schedule_impact = { status: f.scheduleImpact, value: f.scheduleImpactValue ?? null };
	if (f.costImpact) body.cost_impact = { status: f.costImpact, value: f.costImpactValue ?? null };
	return body;
}
