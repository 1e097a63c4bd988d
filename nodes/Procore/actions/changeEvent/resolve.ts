import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ResolvedLine } from './body';
import type { PlannedLine } from './breakdown';
import type { Ref } from './corInput';
import type { Kind, Scope } from './lookups';
import { KINDS, Unmatched, matchRef, projectList, refKey, resolveAll } from './lookups';

function where(line: PlannedLine): string {
	return line.from.length === 1 ? `line ${line.from[0]}` : line.from.length ? `lines ${line.from.join(', ')}` : 'the COR';
}

function refs(lines: PlannedLine[], field: 'costCode' | 'category' | 'budgetCode' | 'vendor' | 'contract') {
	return lines.flatMap((l) => (l[field] ? [{ ref: l[field] as Ref, where: where(l) }] : []));
}

function idFrom(map: Map<string, IDataObject>, ref: Ref | undefined): string | undefined {
	if (!ref) return undefined;
	const record = map.get(refKey(ref));
	return record ? String(record.id) : undefined;
}

/**
 * Every code of every line to a Procore ID, reading each project list at most once and only when
 * some value is a code rather than an ID. All unmatched values are reported together, before any
 * write, with the closest candidates.
 */
export async function resolveLines(
	ctx: IExecuteFunctions,
	i: number,
	scope: Scope,
	lines: PlannedLine[],
	unmatched: Unmatched,
): Promise<ResolvedLine[]> {
	const costCodes = await resolveAll(ctx, i, scope, KINDS.costCode, refs(lines, 'costCode'), unmatched);
	const categories = await resolveAll(ctx, i, scope, KINDS.category, refs(lines, 'category'), unmatched);
	const budgetCodes = await resolveAll(ctx, i, scope, KINDS.budgetCode, refs(lines, 'budgetCode'), unmatched);
	const contracts = await resolveAll(ctx, i, scope, KINDS.commitment, refs(lines, 'contract'), unmatched);
	const vendors = await resolveAll(ctx, i, scope, KINDS.vendor, refs(lines, 'vendor'), unmatched);
	return lines.map((l) => {
		const contract = l.contract ? contracts.get(refKey(l.contract)) : undefined;
		// A commitment's vendor is the line's vendor unless the COR names another.
		const contractVendor = (contract?.vendor as IDataObject | undefined)?.id;
		return {
			description: l.description,
			costCodeId: idFrom(costCodes, l.costCode),
			lineItemTypeId: idFrom(categories, l.category),
			wbsCodeId: idFrom(budgetCodes, l.budgetCode),
			contractId: idFrom(contracts, l.contract),
			vendorId: idFrom(vendors, l.vendor) ?? (contractVendor !== undefined ? String(contractVendor) : undefined),
			quantity: l.quantity,
			uom: l.unit,
			unitCost: l.unitCost,
			amountCents: l.amountCents,
			from: l.from,
		};
	});
}

/** One header lookup (status, reason, change type) by ID or name; undefined when not given. */
export async function resolveOne(
	ctx: IExecuteFunctions,
	i: number,
	scope: Scope,
	kind: Kind,
	text: string,
	unmatched: Unmatched,
): Promise<string | undefined> {
	if (!text) return undefined;
	const ref: Ref = { text, byId: false };
	const map = await resolveAll(ctx, i, scope, kind, [{ ref, where: `"${kind.label}"` }], unmatched);
	return idFrom(map, ref);
}

/** The project's default Change Event status (Procore requires one on create). */
export async function defaultStatusId(ctx: IExecuteFunctions, i: number, scope: Scope): Promise<string | undefined> {
	const statuses = await projectList(ctx, 'statuses', scope, i);
	const chosen =
		statuses.find((s) => s.default_status === true) ??
		statuses.find((s) => String(s.mapped_to_status ?? s.name).toLowerCase() === 'open') ??
		statuses[0];
	return chosen ? String(chosen.id) : undefined;
}

export interface ContractChoice {
	/** A commitment: the default contract of every line. */
	commitment?: Ref;
	/** A prime contract: the Change Event's prime contract for estimates. */
	primeContractId?: string;
}

/**
 * The COR's contract: a commitment or a prime contract, by ID, number or title. A value picked
 * from the list carries its kind (`commitment:12`, `prime:34`); a typed one is looked up among
 * the commitments first, then the prime contracts.
 */
export async function resolveContract(
	ctx: IExecuteFunctions,
	i: number,
	scope: Scope,
	value: string,
	unmatched: Unmatched,
): Promise<ContractChoice> {
	if (!value) return {};
	const prefixed = /^(commitment|prime):(\d+)$/.exec(value);
	if (prefixed) {
		return prefixed[1] === 'prime' ? { primeContractId: prefixed[2] } : { commitment: { text: prefixed[2], byId: true } };
	}
	const ref: Ref = { text: value, byId: false };
	const commitments = await projectList(ctx, 'commitments', scope, i);
	const asCommitment = matchRef(KINDS.commitment, ref, commitments);
	if (asCommitment.ok) return { commitment: { text: asCommitment.id, byId: false } };
	const primes = await projectList(ctx, 'primeContracts', scope, i);
	const asPrime = matchRef(KINDS.primeContract, ref, primes);
	if (asPrime.ok) return { primeContractId: asPrime.id };
	await resolveAll(ctx, i, scope, KINDS.commitment, [{ ref, where: '"Contract"' }], unmatched);
	return {};
}
