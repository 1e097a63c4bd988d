import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId, toProcoreId } from '../../helpers/context';
import { asNodeError } from '../../helpers/errorItem';
import type { OutputSpec } from '../../helpers/output';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { isWriteOutcomeUnknown, procoreApiRequest } from '../../transport';
import { projectLocator, sortedOptions } from '../common.descriptions';
import { v10ItemPath } from '../changeEvent/body';
import { changeEventLocator } from '../changeEvent/fields';
import { formatMoney } from '../changeEvent/money';
import { forOperation } from '../operationSelector';
import { CHANGE_ORDER_FIELDS, contractLocator, createTypeParameter, headerBody, headerFields } from './fields';
import type { KindSpec } from './kinds';
import { kindOf } from './kinds';
import type { LineChoice, SourceLine } from './lines';
import { budgetCodes, pcoLineBody, pickLines, sameLine, sourceLines, totalCents, v2LineBody } from './lines';
import type { Contract, Scope } from './records';
import { contractName, listChangeOrders, resolveContract } from './records';
import { assertTierAllows, tiersOf, withTierHint } from './tiers';

export const description: INodeProperties[] = forOperation('changeOrder', 'createFromChangeEvent', [
	projectLocator,
	createTypeParameter,
	changeEventLocator,
	contractLocator,
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'options',
		options: [
			{ name: 'All Lines', value: 'all', description: 'Every line of the Change Event' },
			{ name: 'Chosen Lines', value: 'chosen', description: 'The lines picked below' },
			{
				name: 'Lines of This Contract',
				value: 'contract',
				description: 'On a commitment: the lines naming it (or its vendor). On the prime contract: every line.',
			},
		],
		default: 'contract',
		description: 'Which of the Change Event\'s lines become lines of the change order',
	},
	{
		displayName: 'Change Event Lines',
		name: 'lineIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getChangeEventLines', loadOptionsDependsOn: ['project.value', 'changeEventId.value'] },
		default: [],
		displayOptions: { show: { lines: ['chosen'] } },
		description:
			'The lines to take. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortedOptions(headerFields, [
			{
				displayName: 'Origin ID',
				name: 'originId',
				type: 'string',
				default: '',
				description:
					'What makes a re-run find this change order instead of writing a second one (e.g. the COR ID). Empty: the Change Event and contract IDs.',
			},
		]),
	},
	writeOptionsCollection,
]);

function changeEventLabel(ce: IDataObject): string {
	return `#${String(ce.alphanumeric_number ?? ce.number ?? ce.id)}${ce.title ? ` "${String(ce.title)}"` : ''}`;
}

/** The v1.0 create body of the kind: PCOs carry project and contract outside `change_order`. */
function createBody(kind: KindSpec, s: Scope, contract: Contract, header: IDataObject, originId: string, changeEventId: string): IDataObject {
	const changeOrder: IDataObject = { ...header, [kind.originField]: originId };
	if (kind.acronym === 'PCO') changeOrder[contract.side === 'prime' ? 'prime_change_event_id' : 'commitment_change_event_id'] = toProcoreId(changeEventId);
	if (kind.contractOutside) return { project_id: toProcoreId(s.projectId), contract_id: toProcoreId(contract.id), change_order: changeOrder };
	return { change_order: { contract_id: toProcoreId(contract.id), ...changeOrder } };
}

async function lineBodies(ctx: IExecuteFunctions, s: Scope, kind: KindSpec, lines: SourceLine[]): Promise<IDataObject[]> {
	if (kind.acronym === 'PCO') return lines.map((l) => pcoLineBody(s.projectId, l));
	const codes = lines.every((l) => l.wbsCodeId) ? new Map<string, string>() : await budgetCodes(ctx, s);
	return lines.map((l) => v2LineBody(ctx, s.itemIndex, l, codes));
}

const unwrap = (body: unknown): IDataObject => {
	const data = (body as IDataObject | undefined)?.data;
	return (data && typeof data === 'object' && !Array.isArray(data) ? data : body) as IDataObject;
};

async function existingLines(ctx: IExecuteFunctions, s: Scope, path: string, kind: KindSpec): Promise<IDataObject[]> {
	const body: unknown = await procoreApiRequest.call(ctx, {
		method: 'GET',
		path,
		qs: kind.acronym === 'PCO' ? { project_id: s.projectId } : {},
		companyId: s.companyId,
		itemIndex: s.itemIndex,
	});
	const list = Array.isArray(body) ? body : (body as IDataObject | undefined)?.data;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/**
 * Change Event → change order, the path a project manager takes in Procore: the header on the
 * contract, then the chosen lines with their codes and amounts. Safe to re-run: the change order is
 * found again by its origin ID (never written twice) and only lines it lacks are added, so a run
 * stopped between the header and its lines is completed by the next one.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const s: Scope = { companyId: await getCompanyId(this, i), projectId: getProjectId(this, i), itemIndex: i };
	const kind = kindOf(this.getNodeParameter('changeOrderType', i));
	if (!kind.linePath) {
		throw new NodeOperationError(this.getNode(), `A ${kind.label} cannot be made from a Change Event's lines`, {
			description: 'Procore groups change orders into a package. Choose Change Order Type "Potential Change Order", "Commitment Change Order" or "Prime Contract Change Order".',
			itemIndex: i,
		});
	}
	const changeEventId = getRecordId(this, 'changeEventId', 'Change Event', i);
	const contractId = getRecordId(this, 'contract', 'Contract', i);
	const choice = this.getNodeParameter('lines', i, 'contract') as LineChoice;
	const chosen = choice === 'chosen' ? (this.getNodeParameter('lineIds', i, []) as unknown[]).map(String) : [];
	const f = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const previewOnly = this.getNodeParameter('options.previewOnly', i, false) as boolean;

	const ce = await procoreApiRequest.call(this, { method: 'GET', path: v10ItemPath(changeEventId), qs: { project_id: s.projectId }, companyId: s.companyId, itemIndex: i });
	const contract = await resolveContract(this, s, kind, contractId);
	const siblings = (await listChangeOrders(this, s, kind, { [kind.contractFilter]: contract.id })).filter(
		(r) => r.contract_id === undefined || r.contract_id === null || String(r.contract_id) === contract.id,
	);
	const tiers = tiersOf(contract.record, siblings);
	assertTierAllows(this, kind, contract, tiers, i);

	const ceLabel = changeEventLabel(ce);
	const lines = pickLines(this, i, sourceLines(ce, contract.side), choice, chosen, contract, ceLabel);
	const bodies = await lineBodies(this, s, kind, lines);
	const total = formatMoney(totalCents(lines));
	const where = contractName(contract);
	const originId = String(f.originId ?? '').trim() || `change_event:${changeEventId}:contract:${contract.id}`;
	const linePath = (id: string) => kind.linePath!({ companyId: s.companyId, projectId: s.projectId, id });
	const writeLines = async (id: string, which: IDataObject[]) => {
		const written: IDataObject[] = [];
		for (const body of which) {
			written.push(unwrap(await procoreApiRequest.call(this, { method: 'POST', path: linePath(id), body, companyId: s.companyId, itemIndex: i })));
		}
		return written;
	};

	const found = siblings.find((r) => String(r[kind.originField] ?? '') === originId);
	if (found) {
		const id = String(found.id);
		const have = await existingLines(this, s, linePath(id), kind);
		const missing = lines.map((l, n) => [l, bodies[n]] as const).filter(([l]) => !have.some((e) => sameLine(e, l)));
		const name = `${kind.label} ${id}`;
		if (previewOnly) {
			return {
				preview: true,
				summary: missing.length
					? `Would add ${missing.length} missing line${missing.length === 1 ? '' : 's'} to ${name} (already made from Change Event ${ceLabel})`
					: `${name} already exists for Change Event ${ceLabel} on ${where}: nothing to write`,
				request: { method: 'POST', path: linePath(id), qs: {}, body: missing.map(([, b]) => b) as unknown as IDataObject },
			};
		}
		const added = await writeLines(id, missing.map(([, b]) => b));
		return {
			...found,
			line_items: [...have, ...added],
			summary: added.length
				? `${name} already existed for Change Event ${ceLabel} on ${where}: added its ${added.length} missing line${added.length === 1 ? '' : 's'} (total ${total})`
				: `${name} already exists for Change Event ${ceLabel} on ${where} (origin ID ${originId}): nothing written`,
			skipped: added.length === 0,
		};
	}

	const header = { title: String(ce.title ?? ''), status: 'draft', ...(ce.description ? { description: String(ce.description) } : {}), ...headerBody(f) };
	const request = { method: 'POST' as const, path: kind.listPath(s.projectId), qs: kind.scopeQuery(s.projectId), body: createBody(kind, s, contract, header, originId, changeEventId), companyId: s.companyId };
	const sentence = (id: unknown, preview: boolean) =>
		preview
			? `Would create a ${kind.label} on ${where} from ${lines.length} line${lines.length === 1 ? '' : 's'} of Change Event ${ceLabel}: total ${total}`
			: `${kind.label} ${String(id)} created on ${where} from ${lines.length} line${lines.length === 1 ? '' : 's'} of Change Event ${ceLabel}: total ${total}`;
	let record: IDataObject;
	try {
		record = await procoreWrite.call(this, {
			itemIndex: i,
			action: 'create',
			recordLabel: kind.label,
			request,
			wrapperKey: 'change_order',
			auditField: kind.auditField,
			summarize: (r, _c, preview) => sentence(r.id, preview),
		});
	} catch (error) {
		if (!isWriteOutcomeUnknown(error)) throw withTierHint(error, kind, contract, tiers);
		// Procore did not answer the create: read back by origin ID instead of sending it again.
		const again = (await listChangeOrders(this, s, kind, { [kind.contractFilter]: contract.id })).find((r) => String(r[kind.originField] ?? '') === originId);
		if (!again) throw asNodeError(this, error as Error, i);
		record = { ...again, summary: sentence(again.id, false), confirmed_by: `${kind.label} re-read by origin ID after Procore did not answer` };
	}
	if (record.preview) {
		return { ...record, line_requests: bodies.map((body) => ({ method: 'POST', path: linePath('{new id}'), body })) };
	}
	const written = await writeLines(String(record.id), bodies);
	return { ...record, line_items: written, line_items_total: totalCents(lines) / 100 };
}

export const output: OutputSpec = { fields: CHANGE_ORDER_FIELDS };
