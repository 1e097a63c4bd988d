import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { KindSpec } from './kinds';
import type { Contract } from './records';
import { contractName } from './records';

/**
 * Procore's change order tier setting (1, 2 or 3 tiers per contract type) decides whether a
 * contract has potential change orders. How to read the setting itself is UNCONFIRMED
 * (procore-api.md §3.6): the catalog's PCO records carry `change_order_tiers`, and a contract
 * record may. So the node reads it where Procore shows it, refuses before writing when it knows,
 * and otherwise lets Procore decide and explains a refusal in terms of the setting.
 */
export function tiersOf(contract: IDataObject, siblings: IDataObject[] = []): number | undefined {
	for (const record of [contract, ...siblings]) {
		const n = Number(record.change_order_tiers);
		if (Number.isInteger(n) && n >= 1 && n <= 3) return n;
	}
	return undefined;
}

function where(contract: Contract): string {
	return contract.side === 'prime' ? 'Prime Contracts' : 'Commitments';
}

function advice(kind: KindSpec, contract: Contract): string {
	const instead = contract.side === 'prime' ? 'Prime Contract Change Order' : 'Commitment Change Order';
	return `With 1 tier, Procore has no ${kind.label.toLowerCase()}s: choose Change Order Type "${instead}" instead, or ask a Procore admin to set 2 or 3 tiers (${where(contract)} tool › Configure Settings › Number of Change Order Tiers).`;
}

/** Throws before any write when the contract's tier setting has no such change orders. */
export function assertTierAllows(ctx: IExecuteFunctions, kind: KindSpec, contract: Contract, tiers: number | undefined, itemIndex: number): void {
	if (tiers === undefined || tiers >= kind.minTiers) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`${contractName(contract)} uses ${tiers}-tier change orders: it has no ${kind.label.toLowerCase()}s`,
		{ description: advice(kind, contract), itemIndex },
	);
}

/** Procore refused a create whose kind may not exist at the contract's (unknown) tier setting. */
export function withTierHint(error: unknown, kind: KindSpec, contract: Contract, tiers: number | undefined): Error {
	const code = String((error as { httpCode?: unknown }).httpCode ?? '');
	if (kind.minTiers <= 1 || tiers !== undefined || !['403', '404', '422'].includes(code)) return error as Error;
	const e = error as { description?: string | null };
	const hint = `If the ${where(contract)} change order tier setting is 1 tier, that is why. ${advice(kind, contract)}`;
	e.description = e.description ? `${e.description} ${hint}` : hint;
	return error as Error;
}
