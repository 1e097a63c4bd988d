import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

function toDate(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): Date {
	const date = new Date(String(value));
	if (Number.isNaN(date.getTime())) {
		throw new NodeOperationError(ctx.getNode(), `${label} "${String(value)}" is not a date`, {
			description: 'Use an ISO date such as 2026-01-31 or 2026-01-31T00:00:00Z.',
			itemIndex,
		});
	}
	return date;
}

/** Procore's range filter (`filters[updated_at]=<from>...<to>`) from an "Updated Since" value. */
export function sinceRange(ctx: IExecuteFunctions, since: unknown, itemIndex: number, label = 'Updated Since'): string {
	const from = toDate(ctx, since, label, itemIndex);
	return `${from.toISOString()}...${new Date(Date.UTC(2999, 11, 31)).toISOString()}`;
}

/** A YYYY-MM-DD day, validated (daily logs and timecards filter on days, not instants). */
export function isoDay(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const text = String(value ?? '').trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return text;
	return toDate(ctx, text, label, itemIndex).toISOString().slice(0, 10);
}

/** Start and end days in order, or a clear error naming both parameters. */
export function dayRange(
	ctx: IExecuteFunctions,
	start: unknown,
	end: unknown,
	itemIndex: number,
): { start: string; end: string } {
	const from = isoDay(ctx, start, 'Start Date', itemIndex);
	const to = end ? isoDay(ctx, end, 'End Date', itemIndex) : from;
	if (to < from) {
		throw new NodeOperationError(ctx.getNode(), `End Date ${to} is before Start Date ${from}`, {
			description: 'Swap the two dates, or leave End Date empty for a single day.',
			itemIndex,
		});
	}
	return { start: from, end: to };
}

/** Comma-separated numeric IDs (e.g. "12, 34") as strings, or a clear error. */
export function idList(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string[] {
	// A value picked in a resource locator ({ mode, value }) counts as its value.
	const raw = value && typeof value === 'object' && !Array.isArray(value) && 'value' in value ? (value as { value: unknown }).value : value;
	const ids = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(','))
		.map((s) => s.trim())
		.filter(Boolean);
	const bad = ids.find((id) => !/^\d{1,20}$/.test(id));
	if (bad !== undefined) {
		throw new NodeOperationError(ctx.getNode(), `${label} contains "${bad}", which is not a Procore ID`, {
			description: `Enter numeric IDs separated by commas, e.g. 101, 102.`,
			itemIndex,
		});
	}
	return ids;
}
