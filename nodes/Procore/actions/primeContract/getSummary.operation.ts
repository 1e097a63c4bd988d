import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequest } from '../../transport';
import { formatMoney, toCents } from '../changeEvent/money';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { primeContractLocator, primeContractName, primeContractPath } from './common';

export const description: INodeProperties[] = forOperation('primeContract', 'getSummary', [projectLocator, primeContractLocator]);

/**
 * Each figure of the summary and the field of Procore's prime contract it is read from (v1.0 show,
 * whose schema documents them). Returned as `sources` so a reader can check any figure in Procore.
 */
const FIGURES: Array<[string, string]> = [
	['original_contract_amount', 'grand_total'],
	['approved_change_orders', 'approved_change_orders'],
	['pending_change_orders', 'pending_change_orders_amount'],
	['draft_change_orders', 'draft_change_orders_amount'],
	['revised_contract_amount', 'revised_contract_amount'],
	['pending_revised_contract_amount', 'pending_revised_contract_amount'],
	['invoiced_amount', 'owner_invoices_amount'],
	['payments_received', 'total_payments'],
	['outstanding_balance', 'outstanding_balance'],
];

const cents = (v: unknown) => toCents(v) ?? 0;
const money = (c: number) => (c / 100).toFixed(2);

/**
 * Original, approved changes, pending changes and revised, as Procore's contract page shows them.
 * Where Procore leaves a figure out, it is derived the way Procore defines it (revised = original +
 * approved; pending revised = revised + pending) and `sources` says "computed: …".
 */
export function contractSummary(record: IDataObject, id: string): IDataObject {
	const out: IDataObject = { prime_contract_id: id, number: record.number ?? null, title: record.title ?? null, status: record.status ?? null };
	const sources: IDataObject = {};
	for (const [name, field] of FIGURES) {
		const value = record[field];
		out[name] = value === undefined || value === null || value === '' ? null : money(cents(value));
		if (out[name] !== null) sources[name] = field;
	}
	const original = cents(record.grand_total);
	const approved = cents(record.approved_change_orders);
	const pending = cents(record.pending_change_orders_amount);
	if (out.revised_contract_amount === null) {
		out.revised_contract_amount = money(original + approved);
		sources.revised_contract_amount = 'computed: grand_total + approved_change_orders';
	}
	if (out.pending_revised_contract_amount === null) {
		out.pending_revised_contract_amount = money(cents(out.revised_contract_amount) + pending);
		sources.pending_revised_contract_amount = 'computed: revised_contract_amount + pending_change_orders_amount';
	}
	out.sources = sources;
	const pendingText = pending ? `; ${formatMoney(pending)} pending (${formatMoney(cents(out.pending_revised_contract_amount))} if approved)` : '; nothing pending';
	out.summary =
		`${primeContractName({ ...record, id })}: original ${formatMoney(original)} + approved changes ${formatMoney(approved)} = ` +
		`revised ${formatMoney(cents(out.revised_contract_amount))}${pendingText}`;
	return out;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'primeContract', 'Prime Contract', i);
	const record = await procoreApiRequest.call(this, {
		method: 'GET',
		path: primeContractPath(id),
		qs: { project_id: projectId },
		companyId,
		itemIndex: i,
	});
	return contractSummary(record, id);
}

export const output: OutputSpec = {
	fields: [
		'prime_contract_id',
		'number',
		'title',
		'original_contract_amount',
		'approved_change_orders',
		'pending_change_orders',
		'revised_contract_amount',
		'pending_revised_contract_amount',
		'payments_received',
		'outstanding_balance',
	],
};
