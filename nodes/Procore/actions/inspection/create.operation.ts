import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId, normalizeId, toProcoreId } from '../../helpers/context';
import { idList, isoDay } from '../../helpers/filters';
import type { OutputSpec } from '../../helpers/output';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { procoreApiRequestAllItems } from '../../transport';
import { pickFromList, pickManyFromList, projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { INSPECTION_FIELDS, INSPECTIONS_PATH, inspectionTemplateLocator } from './read';

export const description: INodeProperties[] = forOperation('inspection', 'create', [
	projectLocator,
	inspectionTemplateLocator,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{ displayName: 'Due Date', name: 'dueAt', type: 'dateTime', default: '' },
			{ displayName: 'Inspection Date', name: 'inspectionDate', type: 'dateTime', default: '', description: 'The day the inspection is (or was) performed' },
			pickFromList('inspectionTypeId', 'Inspection Type', 'searchInspectionTypes', 'Leave empty for the template\'s type'),
			pickManyFromList('inspectorIds', 'Inspectors', 'getProjectUsers', 'Project users who perform the inspection'),
			pickFromList('locationId', 'Location', 'searchLocations'),
			{
				displayName: 'Number',
				name: 'number',
				type: 'number',
				default: 0,
				description: 'The inspection\'s number; Procore gives the next free one when empty. With a number a re-run finds the inspection by it.',
			},
			pickFromList('pointOfContactId', 'Point of Contact', 'searchProjectUsers'),
			{ displayName: 'Private', name: 'private', type: 'boolean', default: false, description: 'Whether only the inspection\'s participants and admins see it' },
			pickFromList('responsibleContractorId', 'Responsible Contractor', 'searchProjectVendors'),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Closed', value: 'closed' },
					{ name: 'In Review', value: 'in_review' },
					{ name: 'Open', value: 'open' },
				],
				default: 'open',
			},
			pickFromList('tradeId', 'Trade', 'searchTrades'),
		],
	},
	writeOptionsCollection,
]);

function listBody(ctx: IExecuteFunctions, f: IDataObject, i: number): IDataObject {
	const list: IDataObject = {};
	const ids: Record<string, string> = {
		inspectionTypeId: 'inspection_type_id',
		locationId: 'location_id',
		pointOfContactId: 'point_of_contact_id',
		responsibleContractorId: 'responsible_contractor_id',
		tradeId: 'trade_id',
	};
	for (const [option, field] of Object.entries(ids)) if (normalizeId(f[option])) list[field] = toProcoreId(normalizeId(f[option]));
	const inspectors = idList(ctx, f.inspectorIds, 'Inspectors', i);
	if (inspectors.length) list.inspector_ids = inspectors.map(toProcoreId);
	if (f.description) list.description = f.description;
	if (f.inspectionDate) list.inspection_date = isoDay(ctx, f.inspectionDate, 'Inspection Date', i);
	if (f.dueAt) list.due_at = new Date(String(f.dueAt)).toISOString();
	if (f.number) list.number = Number(f.number);
	if (f.status) list.status = f.status;
	if (f.private !== undefined) list.private = f.private;
	return list;
}

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as IDataObject).id : v);
const same = (a: unknown, b: unknown) => String(a ?? '') === String(b ?? '');

/**
 * The inspection a re-run would duplicate: from the same template and with the same number when
 * one is given, else with the same inspection date, location and description. Inspections have no
 * origin ID to carry the audit tag, so what a person would call "the same inspection" decides.
 */
function sameInspection(existing: IDataObject, list: IDataObject): boolean {
	if (list.number !== undefined) return same(existing.number, list.number);
	return (
		same(existing.inspection_date, list.inspection_date) &&
		same(idOf(existing.location) ?? existing.location_id, list.location_id) &&
		same(existing.description, list.description)
	);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const templateId = getRecordId(this, 'templateId', 'Inspection Template', i);
	const list = listBody(this, this.getNodeParameter('additionalFields', i, {}) as IDataObject, i);
	const path = INSPECTIONS_PATH.replace('{project_id}', projectId);
	const existing = (
		await procoreApiRequestAllItems.call(this, { method: 'GET', path, qs: { 'filters[template_id][]': templateId }, companyId, itemIndex: i })
	).find((r) => same(r.list_template_id ?? r.template_id, templateId) && sameInspection(r, list));
	if (existing) {
		return {
			...existing,
			skipped: true,
			summary: `Already in Procore: inspection #${String(existing.number)} "${String(existing.name)}" from this template; nothing written`,
		};
	}
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'Inspection',
		request: { method: 'POST', path, body: { list_template_id: toProcoreId(templateId), list }, companyId },
		wrapperKey: 'list',
		auditField: null,
		summarize: (record, _c, preview) =>
			preview
				? `Would create an inspection from template ${templateId}`
				: `Created inspection #${String(record.number)} "${String(record.name)}" with ${String(record.item_count ?? 0)} items from its template`,
	});
}

export const output: OutputSpec = { fields: INSPECTION_FIELDS };
