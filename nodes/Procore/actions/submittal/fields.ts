import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toProcoreId } from '../../helpers/context';
import { idList, isoDay } from '../../helpers/filters';

export const submittalFieldOptions: INodeProperties[] = [
	{ displayName: 'Cost Code ID', name: 'costCodeId', type: 'string', default: '' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
	{ displayName: 'Location ID', name: 'locationId', type: 'string', default: '' },
	{ displayName: 'Private', name: 'private', type: 'boolean', default: false, description: 'Whether only participants can see it' },
	{ displayName: 'Required On-Site Date', name: 'requiredOnSiteDate', type: 'dateTime', default: '' },
	{ displayName: 'Responsible Contractor (Vendor) ID', name: 'responsibleContractorId', type: 'string', default: '' },
	{ displayName: 'Revision', name: 'revision', type: 'string', default: '' },
	{ displayName: 'Specification Section ID', name: 'specificationSectionId', type: 'string', default: '' },
	{ displayName: 'Status ID', name: 'statusId', type: 'string', default: '' },
	{ displayName: 'Submittal Manager User ID', name: 'submittalManagerId', type: 'string', default: '' },
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	{ displayName: 'Type', name: 'type', type: 'string', default: '', placeholder: 'e.g. Shop Drawing' },
];

const ID_FIELDS: Record<string, string> = {
	costCodeId: 'cost_code_id',
	locationId: 'location_id',
	responsibleContractorId: 'responsible_contractor_id',
	specificationSectionId: 'specification_section_id',
	statusId: 'status_id',
	submittalManagerId: 'submittal_manager_id',
};

export function submittalFieldsToBody(ctx: IExecuteFunctions, f: IDataObject, i: number): IDataObject {
	const body: IDataObject = {};
	for (const [option, field] of Object.entries(ID_FIELDS)) {
		if (f[option] !== undefined && f[option] !== '') body[field] = toProcoreId(idList(ctx, f[option], option, i)[0]);
	}
	for (const key of ['description', 'private', 'revision', 'title', 'type']) {
		if (f[key] !== undefined && f[key] !== '') body[key] = f[key];
	}
	if (f.dueDate) body.due_date = isoDay(ctx, f.dueDate, 'Due Date', i);
	if (f.requiredOnSiteDate) body.required_on_site_date = isoDay(ctx, f.requiredOnSiteDate, 'Required On-Site Date', i);
	return body;
}
