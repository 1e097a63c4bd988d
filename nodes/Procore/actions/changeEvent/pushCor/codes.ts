import type { IExecuteFunctions } from 'n8n-workflow';

import { normalizeId } from '../../../helpers/context';
import type { HeaderInput, ResolvedLine } from '../body';
import type { CorDefaults } from '../breakdown';
import { planLines } from '../breakdown';
import type { Ref } from '../corInput';
import { costCodeRef } from '../corInput';
import { KINDS, Unmatched } from '../lookups';
import { toCents } from '../money';
import { resolveContract, resolveLines, resolveOne } from '../resolve';
import type { PushInput } from './input';

/** The COR matched to the project: Change Event lines with Procore IDs, and the header's lookups. */
export interface Resolved {
	lines: ResolvedLine[];
	statusId?: string;
	reasonId?: string;
	changeTypeId?: string;
	primeContractId?: string;
}

const codeText = (value: unknown): Ref | undefined => {
	const text = normalizeId(value);
	return text ? { text, byId: false } : undefined;
};

/**
 * Plans the Change Event lines (breakdown) and matches every code, lookup and contract to the
 * project. Everything that can be wrong with the input is found here, before any write, and named
 * in one error.
 */
export async function resolveCor(ctx: IExecuteFunctions, i: number, input: PushInput): Promise<Resolved> {
	const { scope, fields } = input;
	const unmatched = new Unmatched();
	const contract = await resolveContract(ctx, i, scope, normalizeId(fields.contract), unmatched);
	const defaults: CorDefaults = {
		costCode: costCodeRef(ctx.getNodeParameter('costCode', i, '')),
		category: codeText(fields.category),
		budgetCode: codeText(fields.budgetCode),
		vendor: codeText(fields.vendor),
		contract: contract.commitment,
		amountCents: fields.corTotal ? toCents(fields.corTotal) : undefined,
		label: input.label,
		title: input.title,
	};
	const planned = planLines(ctx, i, input.breakdown, input.lines, defaults);
	const lines = await resolveLines(ctx, i, scope, planned, unmatched);
	const statusId = await resolveOne(ctx, i, scope, KINDS.status, normalizeId(fields.status), unmatched);
	const reasonId = await resolveOne(ctx, i, scope, KINDS.reason, normalizeId(fields.reason), unmatched);
	const changeTypeId = await resolveOne(ctx, i, scope, KINDS.changeType, normalizeId(fields.changeType), unmatched);
	unmatched.throwIfAny(ctx, i, scope.projectId);
	return { lines, statusId, reasonId, changeTypeId, primeContractId: contract.primeContractId };
}

/** The v1.1 header fields (v1.0 does not take them); each push sends them after the v1.0 write. */
export function extrasHeader(input: PushInput, resolved: Resolved): HeaderInput {
	return { description: input.description || undefined, changeTypeId: resolved.changeTypeId, primeContractId: resolved.primeContractId };
}
