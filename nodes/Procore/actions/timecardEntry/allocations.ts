import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';
import { z } from 'zod';

import type { AllocationUnit } from '../../helpers/allocation';
import type { MilestoneRef } from '../../helpers/milestone';
import { parseMilestone } from '../../helpers/milestone';
import { readMilestone } from './input';

/** A clock-out's split of the worked time: milestones with their shares, and what the shares are. */
export interface Allocation {
	unit: AllocationUnit;
	lines: Array<{ ref: MilestoneRef; amount: number }>;
}

function fail(ctx: IExecuteFunctions, message: string, description: string, i: number): never {
	throw new NodeOperationError(ctx.getNode(), message, { description, itemIndex: i });
}

function jsonLines(ctx: IExecuteFunctions, i: number): unknown {
	let raw = ctx.getNodeParameter('allocationsJson', i, '[]') as unknown;
	if (typeof raw === 'string') {
		try {
			raw = jsonParse(raw || '[]');
		} catch {
			fail(ctx, 'Allocations (JSON) is not valid JSON', 'Give an array such as [{"milestone": "procore:budget_line:cc:1:cat:2", "percent": 100}].', i);
		}
	}
	return raw;
}

/**
 * The unit of JSON lines: Options > Allocate By when set, otherwise what the lines say ("percent"
 * or "hours"), so the app's payload is read as it is meant without a setting to keep in step.
 */
function jsonUnit(ctx: IExecuteFunctions, raw: unknown, chosen: string, i: number): AllocationUnit {
	if (chosen === 'percent' || chosen === 'hours') return chosen;
	const lines = (Array.isArray(raw) ? raw : []) as IDataObject[];
	const says = new Set(lines.map((l) => (l && typeof l === 'object' && l.hours !== undefined && l.percent === undefined ? 'hours' : 'percent')));
	if (says.size > 1) {
		fail(ctx, 'Allocations (JSON) mixes "percent" and "hours" lines', 'Give every line the same kind of share, or set Options > Allocate By.', i);
	}
	return says.has('hours') ? 'hours' : 'percent';
}

/** A share as the app may send it: a number, or a number in text ("60", "3.5"). */
const shareValue = z
	.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'is not a number').transform(Number)], {
		errorMap: () => ({ message: 'is not a number' }),
	})
	.refine((n) => Number.isFinite(n) && n >= 0, 'must be a number of 0 or more');

/** One allocation line from the app: a milestone (string, or cost code + category / WBS IDs) and its share. */
function lineSchema(unit: AllocationUnit) {
	return z
		.object({ [unit]: shareValue.optional(), amount: shareValue.optional(), share: shareValue.optional() }, { invalid_type_error: 'is not an object' })
		.passthrough()
		.superRefine((line, issue) => {
			if (line[unit] === undefined && line.amount === undefined && line.share === undefined) {
				issue.addIssue({ code: z.ZodIssueCode.custom, path: [unit], message: 'is missing' });
			}
			try {
				parseMilestone(line);
			} catch (error) {
				// parseMilestone throws only MilestoneError: its text says what a milestone looks like.
				issue.addIssue({ code: z.ZodIssueCode.custom, path: ['milestone'], message: (error as Error).message });
			}
		});
}

function describeIssue(issue: z.ZodIssue): string {
	const [line, field] = issue.path;
	const where = typeof line === 'number' ? `line ${line + 1}` : 'the allocation';
	return `${where}${field !== undefined ? ` "${String(field)}"` : ''} ${issue.message}`.replace(' "milestone" ', ': ');
}

/** The JSON lines checked with zod: every problem of every line in one message. */
function checkedJsonLines(ctx: IExecuteFunctions, raw: unknown, unit: AllocationUnit, i: number): Allocation['lines'] {
	const result = z
		.array(lineSchema(unit), { invalid_type_error: 'must be an array' })
		.min(1, 'is empty: give at least one milestone with its share')
		.safeParse(raw);
	if (!result.success) {
		const problems = result.error.issues.map(describeIssue);
		fail(
			ctx,
			problems.length === 1 ? `Allocations (JSON): ${problems[0]}` : `Allocations (JSON) has ${problems.length} problems: ${problems.join('; ')}`,
			`Give one object per milestone, each with "milestone" (procore:budget_line:cc:<cost code ID>:cat:<category ID>, or costCodeId + lineItemTypeId, or wbsCodeId) and "${unit}" as a number.`,
			i,
		);
	}
	return result.data.map((line) => ({ ref: parseMilestone(line), amount: Number(line[unit] ?? line.amount ?? line.share) }));
}

export function readAllocation(ctx: IExecuteFunctions, i: number): Allocation {
	const chosen = ctx.getNodeParameter('options.allocationUnit', i, '') as string;
	if ((ctx.getNodeParameter('allocationSource', i, 'list') as string) === 'json') {
		const raw = jsonLines(ctx, i);
		const unit = jsonUnit(ctx, raw, chosen, i);
		return { unit, lines: checkedJsonLines(ctx, raw, unit, i) };
	}
	const unit: AllocationUnit = chosen === 'hours' ? 'hours' : 'percent';
	const rows = ((ctx.getNodeParameter('allocations', i, {}) as IDataObject).line ?? []) as IDataObject[];
	return { unit, lines: rows.map((l, n) => ({ ref: readMilestone(ctx, l.milestone, `Allocations line ${n + 1}`, i), amount: Number(l.amount) })) };
}
