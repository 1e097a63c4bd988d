import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizeId, toProcoreId } from '../../helpers/context';
import { idList, isoDay } from '../../helpers/filters';
import { pickFromList } from '../common.descriptions';

export const submittalFieldOptions: INodeProperties[] = [
	pickFromList('costCodeId', 'Cost Code', 'searchCostCodes'),
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
	pickFromList('locationId', 'Location', 'searchLocations'),
	{ displayName: 'Private', name: 'private', type: 'boolean', default: false, description: 'Whether only participants can see it' },
	{ displayName: 'Required On-Site Date', name: 'requiredOnSiteDate', type: 'dateTime', default: '' },
	pickFromList('responsibleContractorId', 'Responsible Contractor', 'searchProjectVendors'),
	{ displayName: 'Revision', name: 'revision', type: 'string', default: '' },
	pickFromList('specificationSectionId', 'Specification Section', 'searchSpecificationSections'),
	pickFromList('statusId', 'Status', 'searchSubmittalStatuses'),
	pickFromList('submittalManagerId', 'Submittal Manager', 'searchProjectUsers'),
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
		if (normalizeId(f[option])) body[field] = toProcoreId(idList(ctx, f[option], option, i)[0]);
	}
	for (const key of ['description', 'private', 'revision', 'title', 'type']) {
		if (f[key] !== undefined && f[key] !== '') body[key] = f[key];
	}
	if (f.dueDate) body.due_date = isoDay(ctx, f.dueDate, 'Due Date', i);
	if (f.requiredOnSiteDate) body.required_on_site_date = isoDay(ctx, f.requiredOnSiteDate, 'Required On-Site Date', i);
	return body;
}
