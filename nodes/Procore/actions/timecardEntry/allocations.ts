import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import type { AllocationUnit } from '../../helpers/allocation';
import type { MilestoneRef } from '../../helpers/milestone';
import { readMilestone } from './input';

/** A clock-out's split of the worked time: milestones with their shares, and what the shares are. */
export interface Allocation {
	unit: AllocationUnit;
	lines: Array<{ ref: MilestoneRef; amount: number }>;
}

function fail(ctx: IExecuteFunctions, message: string, description: string, i: number): never {
	throw new NodeOperationError(ctx.getNode(), message, { description, itemIndex: i });
}

function jsonLines(ctx: IExecuteFunctions, i: number): IDataObject[] {
	let raw = ctx.getNodeParameter('allocationsJson', i, '[]') as unknown;
	if (typeof raw === 'string') {
		try {
			raw = jsonParse(raw || '[]');
		} catch {
			fail(ctx, 'Allocations (JSON) is not valid JSON', 'Give an array such as [{"milestone": "procore:budget_line:cc:1:cat:2", "percent": 100}].', i);
		}
	}
	if (!Array.isArray(raw)) fail(ctx, 'Allocations (JSON) must be an array', 'Give one object per milestone, each with "milestone" (or IDs) and "percent" or "hours".', i);
	return raw as IDataObject[];
}

/**
 * The unit of JSON lines: Options > Allocate By when set, otherwise what the lines say ("percent"
 * or "hours"), so the app's payload is read as it is meant without a setting to keep in step.
 */
function jsonUnit(ctx: IExecuteFunctions, lines: IDataObject[], chosen: string, i: number): AllocationUnit {
	if (chosen === 'percent' || chosen === 'hours') return chosen;
	const says = new Set(lines.map((l) => (l.hours !== undefined && l.percent === undefined ? 'hours' : 'percent')));
	if (says.size > 1) {
		fail(ctx, 'Allocations (JSON) mixes "percent" and "hours" lines', 'Give every line the same kind of share, or set Options > Allocate By.', i);
	}
	return says.has('hours') ? 'hours' : 'percent';
}

export function readAllocation(ctx: IExecuteFunctions, i: number): Allocation {
	const chosen = ctx.getNodeParameter('options.allocationUnit', i, '') as string;
	if ((ctx.getNodeParameter('allocationSource', i, 'list') as string) === 'json') {
		const raw = jsonLines(ctx, i);
		const unit = jsonUnit(ctx, raw, chosen, i);
		const lines = raw.map((o, n) => {
			const amount = o[unit] ?? o.amount ?? o.share;
			if (amount === undefined || amount === '' || Number.isNaN(Number(amount))) {
				fail(ctx, `Allocations (JSON) line ${n + 1} has no "${unit}"`, `Give each line a number in "${unit}" (the shares are ${unit === 'percent' ? 'percentages' : 'hours'}).`, i);
			}
			return { ref: readMilestone(ctx, o, `Allocations (JSON) line ${n + 1}`, i), amount: Number(amount) };
		});
		return { unit, lines };
	}
	const unit: AllocationUnit = chosen === 'hours' ? 'hours' : 'percent';
	const rows = ((ctx.getNodeParameter('allocations', i, {}) as IDataObject).line ?? []) as IDataObject[];
	return { unit, lines: rows.map((l, n) => ({ ref: readMilestone(ctx, l.milestone, `Allocations line ${n + 1}`, i), amount: Number(l.amount) })) };
}
