import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CorLine, Ref } from './corInput';
import { norm, refKey } from './lookups';

export type Breakdown = 'lumpSum' | 'subTotal' | 'lineItem';

/** What the COR says at its own level: the budget code and contract chosen for the push. */
export interface CorDefaults {
	costCode?: Ref;
	category?: Ref;
	budgetCode?: Ref;
	vendor?: Ref;
	contract?: Ref;
	/** The COR's total, for a Lump Sum push of a COR sent without lines. */
	amountCents?: number;
	/** "COR 17", used to name Lump Sum and Sub-Total lines. */
	label: string;
	title: string;
}

/** A Change Event line to be written, its codes still as the user gave them. */
export interface PlannedLine {
	description: string;
	costCode?: Ref;
	category?: Ref;
	budgetCode?: Ref;
	vendor?: Ref;
	contract?: Ref;
	quantity?: number;
	unit?: string;
	unitCost?: number;
	amountCents: number;
	/** The COR lines it stands for (1-based), for messages. */
	from: number[];
}

type Field = 'costCode' | 'category' | 'budgetCode' | 'vendor' | 'contract';

/** The one value a group of lines shares, undefined if none has one, or 'conflict'. */
function shared(lines: CorLine[], field: Field): Ref | undefined | 'conflict' {
	const refs = lines.map((l) => l[field]);
	const keys = new Set(refs.map((r) => (r ? refKey(r) : '')));
	if (keys.size <= 1) return refs[0];
	return 'conflict';
}

const RATE_LABELS: Record<string, string> = {
	labor: 'Labor',
	material: 'Material',
	equipment: 'Equipment',
	subcontract: 'Subcontract',
	markup: 'Markup',
	other: 'Other',
};

function rateLabel(text: string): string {
	return RATE_LABELS[norm(text)] ?? text.charAt(0).toUpperCase() + text.slice(1);
}

function conflictError(ctx: IExecuteFunctions, i: number, what: string, group: string, lines: CorLine[], field: Field, parameter: string): never {
	const values = [...new Set(lines.map((l) => l[field]?.text ?? '(none)'))].join(', ');
	throw new NodeOperationError(ctx.getNode(), `${what} puts ${group} on one line, but those COR lines use different ${parameter.toLowerCase()}s: ${values}`, {
		description: `Set "${parameter}" (the COR's own ${parameter.toLowerCase()}) so the line has one, or use the Line Item breakdown.`,
		itemIndex: i,
	});
}

function groupLine(
	ctx: IExecuteFunctions,
	i: number,
	what: string,
	group: string,
	lines: CorLine[],
	defaults: CorDefaults,
	description: string,
	category: Ref | undefined,
): PlannedLine {
	const line: PlannedLine = {
		description,
		amountCents: lines.reduce((sum, l) => sum + l.amountCents, 0),
		from: lines.map((l) => l.index),
		category,
	};
	const parameters: Record<Field, string> = {
		costCode: 'Cost Code',
		budgetCode: 'Budget Code',
		vendor: 'Vendor',
		contract: 'Contract',
		category: 'Category',
	};
	for (const field of ['costCode', 'budgetCode', 'vendor', 'contract'] as const) {
		if (defaults[field]) {
			line[field] = defaults[field];
			continue;
		}
		const value = shared(lines, field);
		if (value === 'conflict') conflictError(ctx, i, what, group, lines, field, parameters[field]);
		line[field] = value;
	}
	return line;
}

/**
 * The three cost breakdowns of a COR push: Lump Sum (one line for the total), Sub-Total (one line
 * per rate type), Line Item (every line). COR-level codes fill what a line leaves empty and are
 * the codes of the Lump Sum and Sub-Total lines.
 */
export function planLines(ctx: IExecuteFunctions, i: number, breakdown: Breakdown, lines: CorLine[], defaults: CorDefaults): PlannedLine[] {
	if (breakdown === 'lineItem') {
		return lines.map((l) => ({
			description: l.description || `${defaults.label} line ${l.index}`,
			costCode: l.costCode ?? defaults.costCode,
			category: l.category ?? defaults.category,
			budgetCode: l.budgetCode ?? defaults.budgetCode,
			vendor: l.vendor ?? defaults.vendor,
			contract: l.contract ?? defaults.contract,
			quantity: l.quantity,
			unit: l.unit,
			unitCost: l.unitCost,
			amountCents: l.amountCents,
			from: [l.index],
		}));
	}
	if (breakdown === 'lumpSum') {
		if (!lines.length && defaults.amountCents === undefined) {
			throw new NodeOperationError(ctx.getNode(), 'Lump Sum needs the COR\'s lines or its total', {
				description: 'Give the lines (Lines (JSON) or Lines), or set "COR Total" under Additional Fields.',
				itemIndex: i,
			});
		}
		const category = defaults.category ?? (lines.length ? shared(lines, 'category') : undefined);
		const line = groupLine(ctx, i, 'Lump Sum', 'the whole COR', lines, defaults, `${defaults.label}: ${defaults.title}`, category === 'conflict' ? undefined : category);
		if (!lines.length) line.amountCents = defaults.amountCents ?? 0;
		return [line];
	}
	const groups = new Map<string, { label: string; lines: CorLine[] }>();
	for (const l of lines) {
		const rate = l.rateType ?? l.category?.text ?? 'other';
		const key = norm(rate);
		const group = groups.get(key) ?? { label: rateLabel(rate), lines: [] };
		group.lines.push(l);
		groups.set(key, group);
	}
	return [...groups.values()].map(({ label, lines: members }) => {
		const common = shared(members, 'category');
		// The rate type names the category when the lines do not agree on one (e.g. "labor" → L Labor).
		const category =
			common && common !== 'conflict'
				? common
				: members.some((m) => m.rateType)
					? { text: label, byId: false }
					: undefined;
		return groupLine(ctx, i, 'Sub-Total', `the ${label} lines`, members, defaults, `${defaults.label} – ${label}`, category);
	});
}
