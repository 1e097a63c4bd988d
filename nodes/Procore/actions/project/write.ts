import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizeId, toProcoreId } from '../../helpers/context';
import { idList, isoDay } from '../../helpers/filters';
import { pickFromList } from '../common.descriptions';
import { procoreTimeZone, timeZoneOptions } from './timeZones';

/** The fields a project is created or updated with, sorted by display name. */
export const projectWriteOptions: INodeProperties[] = [
	{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether the project is active (inactive projects are read-only in most tools)' },
	{ displayName: 'Address', name: 'address', type: 'string', default: '' },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'Completion Date', name: 'completionDate', type: 'dateTime', default: '', description: 'When the project must reach substantial completion' },
	{ displayName: 'Country Code', name: 'countryCode', type: 'string', default: '', placeholder: 'e.g. US', description: 'ISO 3166 two-letter country code' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{ displayName: 'Flag', name: 'flag', type: 'options', options: [{ name: 'Green', value: 'Green' }, { name: 'Red', value: 'Red' }, { name: 'Yellow', value: 'Yellow' }], default: 'Green' },
	pickFromList('officeId', 'Office', 'searchOffices', 'The company office that runs the project'),
	{ displayName: 'Origin ID', name: 'originId', type: 'string', default: '', description: 'The project\'s ID in the system it comes from (ERP, CRM); Create finds an existing project by it' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{ displayName: 'Project Number', name: 'projectNumber', type: 'string', default: '', placeholder: 'e.g. 2026-014' },
	pickFromList('projectStageId', 'Project Stage', 'searchProjectStages', 'Where the project is in its life (e.g. Course of Construction)'),
	pickFromList('projectTemplateId', 'Project Template', 'searchProjectTemplates', 'A project template of the company whose tools and settings the new project copies'),
	pickFromList('projectTypeId', 'Project Type', 'searchProjectTypes'),
	{ displayName: 'Square Feet', name: 'squareFeet', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
	{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '', description: 'When the contract was signed' },
	{ displayName: 'State Code', name: 'stateCode', type: 'string', default: '', placeholder: 'e.g. CA', description: 'ISO 3166 two-letter state or province code' },
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'options',
		options: timeZoneOptions(),
		default: 'Pacific Time (US & Canada)',
		description: 'Where the project is: Procore dates its daily logs and timecards in this zone. An expression may give Procore\'s name or an IANA zone (e.g. America/Chicago).',
	},
	{ displayName: 'Total Value', name: 'totalValue', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'The value of the construction work' },
	{ displayName: 'Zip', name: 'zip', type: 'string', default: '' },
];

/** The options above → Procore's `project` body. */
export function projectFieldsToBody(ctx: IExecuteFunctions, f: IDataObject, i: number): IDataObject {
	const body: IDataObject = {};
	const strings: Record<string, string> = {
		name: 'name', address: 'address', city: 'city', description: 'description', flag: 'flag', originId: 'origin_id', phone: 'phone',
		projectNumber: 'project_number', zip: 'zip',
	};
	for (const [option, field] of Object.entries(strings)) if (f[option] !== undefined && f[option] !== '') body[field] = String(f[option]).trim();
	for (const [option, field] of [['countryCode', 'country_code'], ['stateCode', 'state_code']] as const) {
		if (f[option]) body[field] = String(f[option]).trim().toUpperCase();
	}
	const ids: Record<string, [string, string]> = {
		officeId: ['office_id', 'Office'],
		projectStageId: ['project_stage_id', 'Project Stage'],
		projectTemplateId: ['project_template_id', 'Project Template'],
		projectTypeId: ['project_type_id', 'Project Type'],
	};
	for (const [option, [field, label]] of Object.entries(ids)) {
		if (normalizeId(f[option])) body[field] = toProcoreId(idList(ctx, f[option], label, i)[0]);
	}
	if (typeof f.active === 'boolean') body.active = f.active;
	if (f.squareFeet !== undefined && f.squareFeet !== '') body.square_feet = Number(f.squareFeet);
	if (f.totalValue !== undefined && f.totalValue !== '') body.total_value = Number(f.totalValue);
	if (f.startDate) body.start_date = isoDay(ctx, f.startDate, 'Start Date', i);
	if (f.completionDate) body.completion_date = isoDay(ctx, f.completionDate, 'Completion Date', i);
	if (f.timeZone) body.time_zone = procoreTimeZone(ctx, f.timeZone, i);
	return body;
}
