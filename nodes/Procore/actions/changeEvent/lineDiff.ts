import type { IDataObject } from 'n8n-workflow';

import type { ExistingLine, ResolvedLine } from './body';
import { totalCents } from './body';
import { fromCents } from './money';

/**
 * What happens to a line the COR no longer has:
 * - delete: removed from the Change Event when Procore says it is deletable; a line already linked
 *   downstream (a commitment change order, an RFQ) is not deletable, so it is set to zero instead,
 *   which keeps the link and the audit trail while the Change Event total stays right;
 * - zero: always set to zero (never removed);
 * - keep: left as it is.
 * Lines of a Change Event that this COR does not own (another origin ID) are never removed; in one
 * another COR owns, the pushing COR's lines are the ones `mine` recognises (its label prefix).
 */
export type RemovedLines = 'delete' | 'zero' | 'keep';

export type RemovalAction = 'deleted' | 'zeroed' | 'kept' | 'locked';

export interface FieldDiff {
	previous: unknown;
	new: unknown;
}

export interface LinePlan {
	creates: ResolvedLine[];
	updates: Array<{ existing: ExistingLine; line: ResolvedLine; changes: Record<string, FieldDiff> }>;
	unchanged: Array<{ existing: ExistingLine; line: ResolvedLine }>;
	removals: Array<{ existing: ExistingLine; action: RemovalAction }>;
	/** Lines of a Change Event another origin owns: never touched. */
	others: ExistingLine[];
	previousCents: number;
	newCents: number;
}

const text = (value: unknown): string => String(value ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

function sameCode(line: ResolvedLine, existing: ExistingLine): boolean {
	if (line.wbsCodeId) return existing.wbsCodeId === line.wbsCodeId;
	return (line.costCodeId ?? '') === (existing.costCodeId ?? '') && (line.lineItemTypeId ?? '') === (existing.lineItemTypeId ?? '');
}

/** Field changes, for the fields the new line sets (what it leaves out, Procore keeps). */
function lineChanges(line: ResolvedLine, existing: ExistingLine): Record<string, FieldDiff> {
	const changes: Record<string, FieldDiff> = {};
	const compare = (field: string, previous: unknown, next: unknown) => {
		if (next === undefined) return;
		if (String(previous ?? '') !== String(next ?? '')) changes[field] = { previous: previous ?? null, new: next };
	};
	compare('description', existing.description, line.description);
	if (line.amountCents !== existing.amountCents) {
		changes.amount = { previous: fromCents(existing.amountCents), new: fromCents(line.amountCents) };
	}
	compare('quantity', existing.quantity, line.quantity);
	compare('unitCost', existing.unitCost, line.unitCost);
	compare('uom', existing.uom, line.uom);
	compare('costCodeId', existing.costCodeId, line.costCodeId);
	compare('lineItemTypeId', existing.lineItemTypeId, line.lineItemTypeId);
	if (line.wbsCodeId) compare('wbsCodeId', existing.wbsCodeId, line.wbsCodeId);
	compare('vendorId', existing.vendorId, line.vendorId);
	compare('contractId', existing.contractId, line.contractId);
	return changes;
}

/**
 * Pairs the COR's lines with the Change Event's, so a re-push replaces lines instead of appending:
 * same description and code first, then same description, then (on a Change Event this COR owns)
 * same code, in order — a renamed line or a re-coded line is still the same line.
 */
export function planLineChanges(
	lines: ResolvedLine[],
	existing: ExistingLine[],
	options: { owned: boolean; removedLines: RemovedLines; mine?: (line: ExistingLine) => boolean },
): LinePlan {
	const { mine } = options;
	// A Change Event shared by several CORs: only this COR's lines are paired, replaced or removed.
	const free = new Set(existing.map((_, k) => k).filter((k) => !mine || mine(existing[k])));
	const pairs = new Map<number, number>();
	const passes: Array<(l: ResolvedLine, e: ExistingLine) => boolean> = [
		(l, e) => text(l.description) === text(e.description) && sameCode(l, e),
		(l, e) => text(l.description) === text(e.description),
	];
	if (options.owned) passes.push((l, e) => sameCode(l, e));
	for (const pass of passes) {
		lines.forEach((line, n) => {
			if (pairs.has(n)) return;
			for (const k of free) {
				if (pass(line, existing[k])) {
					pairs.set(n, k);
					free.delete(k);
					return;
				}
			}
		});
	}
	const plan: LinePlan = { creates: [], updates: [], unchanged: [], removals: [], others: [], previousCents: totalCents(existing), newCents: 0 };
	lines.forEach((line, n) => {
		const k = pairs.get(n);
		if (k === undefined) {
			plan.creates.push(line);
			return;
		}
		const changes = lineChanges(line, existing[k]);
		if (Object.keys(changes).length) plan.updates.push({ existing: existing[k], line, changes });
		else plan.unchanged.push({ existing: existing[k], line });
	});
	let keptCents = 0;
	existing.forEach((line) => {
		if (mine && !mine(line)) {
			plan.others.push(line);
			keptCents += line.amountCents;
		}
	});
	for (const k of free) {
		const line = existing[k];
		if (!options.owned) {
			plan.others.push(line);
			keptCents += line.amountCents;
			continue;
		}
		let action: RemovalAction = 'kept';
		if (options.removedLines === 'delete' && line.deletable) action = 'deleted';
		else if (options.removedLines !== 'keep' && line.amountCents !== 0) action = line.editable ? 'zeroed' : 'locked';
		if (action === 'kept' || action === 'locked') keptCents += line.amountCents;
		plan.removals.push({ existing: line, action });
	}
	plan.newCents = totalCents(lines) + keptCents;
	return plan;
}

export function hasLineWrites(plan: LinePlan): boolean {
	return plan.creates.length + plan.updates.length > 0 || plan.removals.some((r) => r.action === 'deleted' || r.action === 'zeroed');
}

/** The per-line diff of the output: small enough to read, complete enough to audit. */
export function lineDiffOutput(plan: LinePlan): IDataObject {
	return {
		added: plan.creates.map((l) => ({ description: l.description, amount: fromCents(l.amountCents) })),
		changed: plan.updates.map((u) => ({ id: u.existing.id, description: u.line.description, changes: u.changes as unknown as IDataObject })),
		removed: plan.removals
			.filter((r) => r.action !== 'kept' || r.existing.amountCents !== 0)
			.map((r) => ({ id: r.existing.id, description: r.existing.description, previousAmount: fromCents(r.existing.amountCents), action: r.action })),
		unchanged: plan.unchanged.length,
		otherLinesKept: plan.others.length,
	};
}
