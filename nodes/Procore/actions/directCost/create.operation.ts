import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import { isoDay } from '../../helpers/filters';
import type { OutputSpec } from '../../helpers/output';
import { procoreWrite, writeOptions } from '../../helpers/write';
import { procoreApiRequest, procoreApiRequestAllItems } from '../../transport';
import type { Scope } from '../changeEvent/lookups';
import { projectLocator, recordLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import type { LineTarget } from '../shared/lineWrites';
import { applyPlan, lineChanges, planRequests } from '../shared/lineWrites';
import { money, planLines, readScheduleOfValues, scheduleOfValuesParameters, sumCents } from '../shared/scheduleOfValues';
import { DIRECT_COST_FIELDS, DIRECT_COST_STATUSES, DIRECT_COST_TYPES, directCostLinesPath, directCostPath, directCostsPath } from './common';

export const description: INodeProperties[] = [
	...forOperation('directCost', 'create', [
		projectLocator,
		{ displayName: 'Type', name: 'directCostType', type: 'options', options: DIRECT_COST_TYPES, default: 'invoice', required: true },
		recordLocator({ name: 'vendor', displayName: 'Vendor', searchListMethod: 'searchProjectVendors', description: 'Who the cost was paid to, from the project directory' }),
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', required: true, description: 'The day of the cost (invoice date, expense date or pay period end)' },
		{
			displayName: 'Invoice Number',
			name: 'invoiceNumber',
			type: 'string',
			default: '',
			displayOptions: { show: { directCostType: ['invoice'] } },
			required: true,
			description: 'The vendor\'s invoice number. A re-run finds the direct cost with this vendor and number instead of creating another.',
		},
	]),
	...scheduleOfValuesParameters('directCost', 'create', 'How the lines (the cost on each cost code and cost type) are given'),
	...forOperation('directCost', 'create', [
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 2 }, default: '' },
				{
					displayName: 'Origin ID',
					name: 'originId',
					type: 'string',
					default: '',
					description: 'The ID of this cost in your ERP or other system. A re-run finds the direct cost by it instead of creating another.',
				},
				{ displayName: 'Payment Date', name: 'paymentDate', type: 'dateTime', default: '' },
				{ displayName: 'Received Date', name: 'receivedDate', type: 'dateTime', default: '' },
				{ displayName: 'Status', name: 'status', type: 'options', options: DIRECT_COST_STATUSES, default: 'draft' },
				{ displayName: 'Terms', name: 'terms', type: 'string', default: '', placeholder: 'e.g. Net 30' },
			],
		},
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: writeOptions },
	]),
];

const target = (projectId: string, id: string): LineTarget => ({ label: `Direct cost ${id}`, linesPath: directCostLinesPath(projectId, id), bodyExtra: {}, deleteQs: {}, numeric: true });

/** The project's direct cost with this origin ID or, for an invoice, this vendor and invoice number. */
async function findExisting(ctx: IExecuteFunctions, i: number, scope: Scope, item: IDataObject): Promise<{ record: IDataObject; by: string } | undefined> {
	const list = async (qs: IDataObject) =>
		await procoreApiRequestAllItems.call(ctx, { method: 'GET', path: directCostsPath(scope.projectId), qs, companyId: scope.companyId, itemIndex: i });
	if (item.origin_id) {
		const [found] = await list({ 'filters[origin_id]': item.origin_id });
		if (found) return { record: found, by: `origin ID ${String(item.origin_id)}` };
	}
	if (item.invoice_number) {
		const found = (await list({ 'filters[invoice_number]': item.invoice_number })).find((d) => String(d.vendor_id ?? '') === String(item.vendor_id));
		if (found) return { record: found, by: `invoice ${String(item.invoice_number)} of this vendor` };
	}
	return undefined;
}

const label = (record: IDataObject, type: string) =>
	`${type.charAt(0).toUpperCase()}${type.slice(1)} ${String(record.id)}${record.invoice_number ? ` (${String(record.invoice_number)})` : ''}`;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const scope: Scope = { companyId: await getCompanyId(this, i), projectId: getProjectId(this, i) };
	const type = this.getNodeParameter('directCostType', i) as string;
	const vendorId = getRecordId(this, 'vendor', 'Vendor', i);
	const f = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const item: IDataObject = {
		direct_cost_type: type,
		vendor_id: Number(vendorId),
		direct_cost_date: isoDay(this, this.getNodeParameter('date', i, ''), 'Date', i),
	};
	if (type === 'invoice') {
		const number = String(this.getNodeParameter('invoiceNumber', i, '')).trim();
		if (!number) {
			throw new NodeOperationError(this.getNode(), 'Invoice Number is required for an invoice', {
				description: 'Give the vendor\'s invoice number, or set Type to Expense or Payroll.',
				itemIndex: i,
			});
		}
		item.invoice_number = number;
	}
	if (f.description) item.description = f.description;
	if (f.originId) item.origin_id = String(f.originId).trim();
	if (f.status) item.status = f.status;
	if (f.terms) item.terms = f.terms;
	if (f.paymentDate) item.payment_date = isoDay(this, f.paymentDate, 'Payment Date', i);
	if (f.receivedDate) item.received_date = isoDay(this, f.receivedDate, 'Received Date', i);
	const lines = await readScheduleOfValues(this, i, scope);
	if (!lines.length) {
		throw new NodeOperationError(this.getNode(), 'A direct cost needs at least one line', {
			description: 'Add a line with its cost code, cost type and amount under "Line Items".',
			itemIndex: i,
		});
	}
	const missingCode = lines.find((l) => !l.costCodeId);
	if (missingCode) {
		throw new NodeOperationError(this.getNode(), `Line ${missingCode.index} has no cost code`, {
			description: 'Procore books a direct cost on cost codes: give each line its cost code (and cost type).',
			itemIndex: i,
		});
	}
	const previewOnly = this.getNodeParameter('options.previewOnly', i, false) as boolean;
	const tagEnabled = this.getNodeParameter('options.auditTag', i, true) as boolean;
	const total = sumCents(lines);

	const existing = await findExisting(this, i, scope, item);
	if (existing) {
		// A re-run: lines an interrupted run did not write are added; nothing else is changed.
		const id = String(existing.record.id);
		const current = await procoreApiRequestAllItems.call(this, { method: 'GET', path: directCostLinesPath(scope.projectId, id), companyId: scope.companyId, itemIndex: i });
		const plan = planLines(current, lines, false);
		plan.change = [];
		const rest = plan.add.length ? `${plan.add.length} missing line${plan.add.length === 1 ? '' : 's'} ${previewOnly ? 'would be ' : ''}added` : 'no line missing';
		const name = label(existing.record, type);
		if (previewOnly) return { preview: true, summary: `${name} is already in Procore (found by ${existing.by}): ${rest}`, request: { calls: planRequests(plan, target(scope.projectId, id)) as unknown as IDataObject[] }, changes: lineChanges(plan) as unknown as IDataObject[] };
		await applyPlan(this, i, scope.companyId, target(scope.projectId, id), plan, tagEnabled);
		const record = await procoreApiRequest.call(this, { method: 'GET', path: directCostPath(scope.projectId, id), companyId: scope.companyId, itemIndex: i });
		return { ...record, skipped: plan.add.length === 0, summary: `${name} was already in Procore (found by ${existing.by}): ${rest}`, changes: lineChanges(plan) as unknown as IDataObject[] };
	}

	const written = await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'Direct Cost',
		request: { method: 'POST', path: directCostsPath(scope.projectId), body: { item }, companyId: scope.companyId },
		wrapperKey: 'item',
		auditField: 'origin_data',
		summarize: (record, _c, preview) =>
			`${preview ? 'Would create' : 'Created'} ${label({ ...item, ...record, id: record.id ?? '' }, type).replace(/ {2,}/g, ' ')} with ${lines.length} line${lines.length === 1 ? '' : 's'}, total ${money(total)}`,
	});
	const plan = planLines([], lines, false);
	if (written.preview) return { ...written, line_items: planRequests(plan, target(scope.projectId, '{id}')).map((r) => r.body as IDataObject) };
	const id = String(written.id);
	await applyPlan(this, i, scope.companyId, target(scope.projectId, id), plan, tagEnabled);
	const record = await procoreApiRequest.call(this, { method: 'GET', path: directCostPath(scope.projectId, id), companyId: scope.companyId, itemIndex: i });
	return { ...record, summary: written.summary, ...(written.audit_tag ? { audit_tag: written.audit_tag } : {}) };
}

export const output: OutputSpec = { fields: DIRECT_COST_FIELDS };
