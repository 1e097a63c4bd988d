/**
 * Milestones as a workforce app sees Procore: a cost code + category (line item type) pair written
 * `procore:budget_line:cc:<cost_code_id>:cat:<line_item_type_id>`, or a WBS code (the newer model
 * that combines both), written `procore:wbs_code:<wbs_code_id>`. Pure: no Procore calls here.
 */

export type MilestoneRef =
	| { kind: 'budgetLine'; costCodeId: string; lineItemTypeId: string }
	| { kind: 'wbs'; wbsCodeId: string };

export class MilestoneError extends Error {}

const ID = '(\\d{1,20})';
const BUDGET_LINE = new RegExp(`^(?:procore:budget_line:)?cc:${ID}:cat:${ID}$`, 'i');
const WBS = new RegExp(`^(?:procore:wbs_code:|wbs:)${ID}$`, 'i');

export function formatMilestone(ref: MilestoneRef): string {
	return ref.kind === 'wbs'
		? `procore:wbs_code:${ref.wbsCodeId}`
		: `procore:budget_line:cc:${ref.costCodeId}:cat:${ref.lineItemTypeId}`;
}

function idOf(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	if (!/^\d{1,20}$/.test(text)) throw new MilestoneError(`"${text}" is not a Procore ID`);
	return text;
}

function fromObject(o: Record<string, unknown>): MilestoneRef {
	if (o.milestone !== undefined && o.milestone !== '') return parseMilestone(o.milestone);
	const costCodeId = idOf(o.costCodeId ?? o.cost_code_id);
	const lineItemTypeId = idOf(o.lineItemTypeId ?? o.line_item_type_id ?? o.categoryId);
	const wbsCodeId = idOf(o.wbsCodeId ?? o.wbs_code_id);
	if (wbsCodeId && (costCodeId || lineItemTypeId)) {
		throw new MilestoneError(
			'Give either a WBS code or a cost code + category, never both (Procore refuses an entry with both)',
		);
	}
	if (wbsCodeId) return { kind: 'wbs', wbsCodeId };
	if (costCodeId && lineItemTypeId) return { kind: 'budgetLine', costCodeId, lineItemTypeId };
	if (costCodeId) throw new MilestoneError(`Cost code ${costCodeId} has no category (line item type ID)`);
	throw new MilestoneError('No milestone: give a milestone string, a cost code + category, or a WBS code');
}

/**
 * Reads a milestone from its string (`procore:budget_line:cc:1:cat:2`, `cc:1:cat:2`,
 * `procore:wbs_code:9`, `wbs:9`) or from an object with costCodeId + lineItemTypeId or wbsCodeId.
 */
export function parseMilestone(value: unknown): MilestoneRef {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		return fromObject(value as Record<string, unknown>);
	}
	const text = String(value ?? '').trim();
	const budget = BUDGET_LINE.exec(text);
	if (budget) return { kind: 'budgetLine', costCodeId: budget[1], lineItemTypeId: budget[2] };
	const wbs = WBS.exec(text);
	if (wbs) return { kind: 'wbs', wbsCodeId: wbs[1] };
	throw new MilestoneError(
		text
			? `"${text}" is not a milestone. Write it as procore:budget_line:cc:<cost code ID>:cat:<category ID> or procore:wbs_code:<WBS code ID>`
			: 'The milestone is empty',
	);
}

/** The fields a timecard entry gets for a milestone: the cost code + category pair, or the WBS code. */
export function milestoneFields(ref: MilestoneRef): { cost_code_id?: string; line_item_type_id?: string; wbs_code_id?: string } {
	return ref.kind === 'wbs'
		? { wbs_code_id: ref.wbsCodeId }
		: { cost_code_id: ref.costCodeId, line_item_type_id: ref.lineItemTypeId };
}

export interface LineItemTypeLike {
	id?: unknown;
	name?: unknown;
	code?: unknown;
	base_type?: unknown;
}

export interface CostCodeLike {
	id?: unknown;
	name?: unknown;
	code?: unknown;
	full_code?: unknown;
	line_item_types?: unknown;
}

export interface MilestoneRow {
	milestone: string;
	name: string;
	cost_code_id: string;
	cost_code: string;
	cost_code_name: string;
	line_item_type_id: string;
	line_item_type: string;
	line_item_type_name: string;
	base_type: string;
}

function lineItemTypes(costCode: CostCodeLike): LineItemTypeLike[] | undefined {
	return Array.isArray(costCode.line_item_types) ? (costCode.line_item_types as LineItemTypeLike[]) : undefined;
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

/** Every cost code × its categories, as milestone rows with names (optionally only some base types, e.g. labor). */
export function milestonesFor(costCodes: CostCodeLike[], baseTypes: string[] = []): MilestoneRow[] {
	const wanted = baseTypes.map((b) => b.trim().toLowerCase()).filter(Boolean);
	const rows: MilestoneRow[] = [];
	for (const cc of costCodes) {
		for (const lit of lineItemTypes(cc) ?? []) {
			const baseType = text(lit.base_type);
			if (wanted.length && !wanted.includes(baseType.toLowerCase())) continue;
			const code = text(cc.full_code ?? cc.code);
			rows.push({
				milestone: formatMilestone({ kind: 'budgetLine', costCodeId: text(cc.id), lineItemTypeId: text(lit.id) }),
				name: `${code ? `${code} ` : ''}${text(cc.name)} / ${text(lit.name || lit.code)}`.trim(),
				cost_code_id: text(cc.id),
				cost_code: code,
				cost_code_name: text(cc.name),
				line_item_type_id: text(lit.id),
				line_item_type: text(lit.code),
				line_item_type_name: text(lit.name),
				base_type: baseType,
			});
		}
	}
	return rows;
}

export type MilestoneCheck =
	| { ok: true; name?: string }
	| { ok: false; reason: 'unknown_cost_code' | 'category_not_on_cost_code'; message: string };

/**
 * Checks a milestone against a project's cost codes (as listed by Procore, with their categories).
 * WBS codes are not checked here. A cost code listed without its categories is accepted: Procore
 * will be the judge.
 */
export function validateMilestone(ref: MilestoneRef, costCodes: CostCodeLike[]): MilestoneCheck {
	if (ref.kind === 'wbs') return { ok: true };
	const cc = costCodes.find((c) => text(c.id) === ref.costCodeId);
	if (!cc) {
		return {
			ok: false,
			reason: 'unknown_cost_code',
			message: `Cost code ${ref.costCodeId} is not a cost code of this project`,
		};
	}
	const label = `${text(cc.full_code ?? cc.code)} ${text(cc.name)}`.trim() || ref.costCodeId;
	const types = lineItemTypes(cc);
	if (!types) return { ok: true, name: label };
	const lit = types.find((t) => text(t.id) === ref.lineItemTypeId);
	if (!lit) {
		const available = types.map((t) => `${text(t.name || t.code)} (${text(t.id)})`).join(', ') || 'none';
		return {
			ok: false,
			reason: 'category_not_on_cost_code',
			message: `Cost code ${label} has no category ${ref.lineItemTypeId}; its categories are: ${available}`,
		};
	}
	return { ok: true, name: `${label} / ${text(lit.name || lit.code)}` };
}
