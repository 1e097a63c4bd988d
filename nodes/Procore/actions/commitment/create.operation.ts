import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { procoreWrite, writeOptions } from '../../helpers/write';
import { procoreApiRequestAllItems } from '../../transport';
import type { Scope } from '../changeEvent/lookups';
import { projectLocator, recordLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { money, planLines, readScheduleOfValues, scheduleOfValuesParameters, sumCents } from '../shared/scheduleOfValues';
import type { CommitmentType } from './common';
import { commitmentName } from './common';
import { COMMITMENT_FIELDS, flatVendor } from './get.operation';
import { applyPlan, lineChanges, planRequests } from '../shared/lineWrites';
import { contractPath, lineTarget, readContract, readLines, wrapperKey } from './scheduleWrites';
import { headerBody, headerFields } from './writeFields';

export const description: INodeProperties[] = [
	...forOperation('commitment', 'create', [
		projectLocator,
		{
			displayName: 'Commitment Type',
			name: 'contractType',
			type: 'options',
			options: [
				{ name: 'Purchase Order', value: 'PurchaseOrderContract', description: 'A purchase order contract' },
				{ name: 'Subcontract', value: 'WorkOrderContract', description: 'A work order contract' },
			],
			default: 'WorkOrderContract',
			required: true,
		},
		recordLocator({
			name: 'vendor',
			displayName: 'Vendor',
			searchListMethod: 'searchProjectVendors',
			description: 'The company the contract is with, from the project directory',
		}),
		{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true, placeholder: 'e.g. Electrical Subcontract' },
	]),
	...scheduleOfValuesParameters('commitment', 'create', 'How the schedule of values (the contract\'s line items on cost codes) is given'),
	...forOperation('commitment', 'create', [
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: headerFields(false) },
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: writeOptions },
	]),
];

/** The project's commitment with this origin ID (Procore filters on it) or, failing that, this number. */
async function findExisting(ctx: IExecuteFunctions, i: number, scope: Scope, type: CommitmentType, header: IDataObject): Promise<{ record: IDataObject; by: string } | undefined> {
	if (header.origin_id) {
		const [found] = await procoreApiRequestAllItems.call(ctx, {
			method: 'GET',
			path: contractPath(type),
			qs: { project_id: scope.projectId, 'filters[origin_id]': header.origin_id },
			companyId: scope.companyId,
			itemIndex: i,
		});
		if (found) return { record: found, by: `origin ID ${String(header.origin_id)}` };
	}
	if (header.number) {
		const all = await procoreApiRequestAllItems.call(ctx, { method: 'GET', path: '/rest/v1.0/commitments', qs: { project_id: scope.projectId }, companyId: scope.companyId, itemIndex: i });
		const number = String(header.number).trim().toLowerCase();
		const found = all.find((c) => String(c.number ?? '').trim().toLowerCase() === number);
		if (found) {
			const foundType = String(found.type ?? type);
			if (foundType !== type) {
				throw new NodeOperationError(ctx.getNode(), `Number ${String(header.number)} is already used by ${commitmentName(found)} of the other kind`, {
					description: 'Procore keeps one number per commitment in a project. Give this contract another number, or set Commitment Type to match the existing one.',
					itemIndex: i,
				});
			}
			return { record: found, by: `number ${String(header.number)}` };
		}
	}
	return undefined;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const scope: Scope = { companyId: await getCompanyId(this, i), projectId: getProjectId(this, i) };
	const type = this.getNodeParameter('contractType', i) as CommitmentType;
	const vendor = getRecordId(this, 'vendor', 'Vendor', i);
	const title = String(this.getNodeParameter('title', i, '')).trim();
	if (!title) throw new NodeOperationError(this.getNode(), 'Title is required', { description: 'Give the contract a title, e.g. "Electrical Subcontract".', itemIndex: i });
	const f = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const header = headerBody(this, i, type, { ...f, title, vendor });
	const lines = await readScheduleOfValues(this, i, scope);
	const previewOnly = this.getNodeParameter('options.previewOnly', i, false) as boolean;
	const tagEnabled = this.getNodeParameter('options.auditTag', i, true) as boolean;
	const total = sumCents(lines);

	const existing = await findExisting(this, i, scope, type, header);
	if (existing) {
		// A re-run: the contract is there. Lines a lost or refused earlier run did not write are
		// added; lines that differ are left to Update (a create never changes what is in Procore).
		const id = String(existing.record.id);
		const plan = planLines(await readLines(this, i, scope, type, id), lines, false);
		const differing = plan.change.length;
		plan.change = [];
		const name = commitmentName({ ...existing.record, ...header, id }, type);
		const rest = `${plan.add.length ? `${plan.add.length} missing line${plan.add.length === 1 ? '' : 's'} ${previewOnly ? 'would be ' : ''}added` : 'no line missing'}${differing ? `; ${differing} line${differing === 1 ? ' differs' : 's differ'} (use Update to change)` : ''}`;
		if (previewOnly) {
			return { preview: true, summary: `${name} is already in Procore (found by ${existing.by}): ${rest}`, request: { calls: planRequests(plan, lineTarget(type, id, scope.projectId)) }, changes: lineChanges(plan) as unknown as IDataObject[] };
		}
		await applyPlan(this, i, scope.companyId, lineTarget(type, id, scope.projectId), plan, tagEnabled);
		const record = await readContract(this, i, scope, type, id);
		return { ...record, skipped: plan.add.length === 0, summary: `${name} was already in Procore (found by ${existing.by}): ${rest}`, changes: lineChanges(plan) as unknown as IDataObject[] };
	}

	const written = await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: type === 'PurchaseOrderContract' ? 'Purchase Order' : 'Subcontract',
		request: { method: 'POST', path: contractPath(type), body: { project_id: Number(scope.projectId), [wrapperKey(type)]: header }, companyId: scope.companyId },
		wrapperKey: wrapperKey(type),
		auditField: 'origin_data',
		summarize: (record, _changes, preview) =>
			`${preview ? 'Would create' : 'Created'} ${commitmentName(record, type)} with ${lines.length} line${lines.length === 1 ? '' : 's'}, total ${money(total)}`,
	});
	if (written.preview) {
		const plan = planLines([], lines, false);
		return { ...written, line_items: planRequests(plan, lineTarget(type, '{id}', scope.projectId)).map((r) => r.body as IDataObject) };
	}
	const id = String(written.id);
	const plan = planLines([], lines, false);
	await applyPlan(this, i, scope.companyId, lineTarget(type, id, scope.projectId), plan, tagEnabled);
	const record = lines.length ? await readContract(this, i, scope, type, id) : written;
	return {
		...record,
		summary: written.summary,
		...(written.audit_tag ? { audit_tag: written.audit_tag } : {}),
	};
}

export const output: OutputSpec = { fields: COMMITMENT_FIELDS, simplify: flatVendor };
