import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { diffFields, procoreWrite, writeOptions } from '../../helpers/write';
import { toCents } from '../changeEvent/money';
import type { Scope } from '../changeEvent/lookups';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { money, planLines, planSentence, readScheduleOfValues, scheduleOfValuesParameters } from '../shared/scheduleOfValues';
import type { LinePlan } from '../shared/scheduleOfValues';
import { commitmentLocator, commitmentName, commitmentType, commitmentTypeParameter, getCommitment } from './common';
import { COMMITMENT_FIELDS, flatVendor } from './get.operation';
import { applyPlan, lineChanges, planRequests } from '../shared/lineWrites';
import { contractPath, lineTarget, readContract, readLines, wrapperKey } from './scheduleWrites';
import { headerBody, headerFields } from './writeFields';

const withMode = (params: INodeProperties[]): INodeProperties[] =>
	params.map((p) => ({ ...p, displayOptions: { show: { ...p.displayOptions?.show, lineItemsMode: ['merge', 'replace'] } } }));

export const description: INodeProperties[] = [
	...forOperation('commitment', 'update', [
		projectLocator,
		commitmentLocator,
		commitmentTypeParameter,
		{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: headerFields(true) },
		{
			displayName: 'Line Items',
			name: 'lineItemsMode',
			type: 'options',
			options: [
				{ name: 'Keep As They Are', value: 'keep', description: 'Change only the fields above' },
				{ name: 'Add or Change the Lines Below', value: 'merge', description: 'Lines with the same cost code, cost type and description are changed, others added; lines not listed stay' },
				{ name: 'Replace With the Lines Below', value: 'replace', description: 'The lines below become the schedule of values: lines not listed are deleted' },
			],
			default: 'keep',
		},
	]),
	...withMode(scheduleOfValuesParameters('commitment', 'update', 'How the lines to add or change are given')),
	...forOperation('commitment', 'update', [{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: writeOptions }]),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const scope: Scope = { companyId: await getCompanyId(this, i), projectId: getProjectId(this, i) };
	const id = getRecordId(this, 'commitment', 'Commitment', i);
	const mode = this.getNodeParameter('lineItemsMode', i, 'keep') as 'keep' | 'merge' | 'replace';
	const f = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const chosen = this.getNodeParameter('commitmentType', i, 'auto') as string;
	// Read first (also proves the commitment is in this project: Procore answers 404 otherwise).
	const known = await getCommitment(this, i, scope.companyId, scope.projectId, id);
	const type = await commitmentType(this, i, scope.companyId, scope.projectId, id, chosen, known);
	const header = headerBody(this, i, type, f);
	if (!Object.keys(header).length && mode === 'keep') {
		throw new NodeOperationError(this.getNode(), 'Nothing to update on the commitment', {
			description: 'Add a field under "Update Fields", or choose how to change the Line Items.',
			itemIndex: i,
		});
	}
	const current = await readContract(this, i, scope, type, id);
	const previous = { ...current, vendor_id: current.vendor_id ?? (current.vendor as IDataObject | undefined)?.id };
	let plan: LinePlan = { add: [], change: [], remove: [], unchanged: 0 };
	if (mode !== 'keep') {
		const wanted = await readScheduleOfValues(this, i, scope);
		plan = planLines(await readLines(this, i, scope, type, id), wanted, mode === 'replace');
	}
	const headerChanges = diffFields(previous, header);
	const name = commitmentName({ ...current, id }, type);
	const linePart = mode === 'keep' ? '' : `; lines ${planSentence(plan)}`;
	const fieldPart = headerChanges.length ? `${headerChanges.map((c) => c.field).join(', ')} changed` : 'no field changed';
	const previewOnly = this.getNodeParameter('options.previewOnly', i, false) as boolean;
	const tagEnabled = this.getNodeParameter('options.auditTag', i, true) as boolean;
	const changes = [...headerChanges, ...lineChanges(plan)] as unknown as IDataObject[];
	const headerRequest = { method: 'PATCH' as const, path: contractPath(type, id), body: { project_id: Number(scope.projectId), [wrapperKey(type)]: header } };
	if (previewOnly) {
		return {
			preview: true,
			summary: `Would update ${name}: ${fieldPart}${linePart}`,
			request: { calls: [...(headerChanges.length ? [headerRequest] : []), ...planRequests(plan, lineTarget(type, id, scope.projectId))] as unknown as IDataObject[] },
			changes,
		};
	}
	// Only what differs is sent: a re-run with the same values writes nothing.
	if (headerChanges.length) {
		await procoreWrite.call(this, {
			itemIndex: i,
			action: 'update',
			recordLabel: name,
			request: { ...headerRequest, body: { project_id: Number(scope.projectId), [wrapperKey(type)]: Object.fromEntries(headerChanges.map((c) => [c.field, c.new])) }, companyId: scope.companyId },
			wrapperKey: wrapperKey(type),
			auditField: null,
			previous,
		});
	}
	await applyPlan(this, i, scope.companyId, lineTarget(type, id, scope.projectId), plan, tagEnabled);
	const wrote = headerChanges.length + plan.add.length + plan.change.length + plan.remove.length > 0;
	const record = wrote ? await readContract(this, i, scope, type, id) : current;
	const before = toCents(current.grand_total) ?? 0;
	const after = toCents(record.grand_total) ?? 0;
	const totalPart = before !== after ? `; total ${money(before)} → ${money(after)}` : '';
	return {
		...record,
		summary: wrote ? `${name} updated: ${fieldPart}${linePart}${totalPart}` : `${name} already as asked: nothing written`,
		changes,
		...(wrote ? {} : { skipped: true }),
	};
}

export const output: OutputSpec = { fields: COMMITMENT_FIELDS, simplify: flatVendor };
