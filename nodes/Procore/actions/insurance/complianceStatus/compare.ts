import type { IDataObject } from 'n8n-workflow';

/** What happened to one record: a sentence for the summary and a row for `records`. */
export interface Outcome {
	sentence: string;
	changed: boolean;
	preview: boolean;
	detail: IDataObject;
}

export function same(field: string, previous: unknown, next: unknown): boolean {
	// An unset flag reads as false in Procore, so writing false over it changes nothing.
	if (typeof next === 'boolean') return (previous === true || previous === 'true') === next;
	const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
	if (field.endsWith('_date')) return text(previous).slice(0, 10) === text(next);
	return text(previous) === text(next);
}

/** The desired fields that differ from the record: what a write must send (nothing on a re-run). */
export function changedFields(previous: IDataObject, desired: IDataObject): IDataObject {
	const changes: IDataObject = {};
	for (const [field, value] of Object.entries(desired)) {
		if (!same(field, previous[field], value)) changes[field] = value;
	}
	return changes;
}

/** "non_compliant → compliant (expires 2027-03-31)" */
export function statusPhrase(previous: IDataObject, next: IDataObject, statusField: string, dateField?: string): string {
	const before = previous[statusField];
	const after = next[statusField] ?? before;
	const status = same(statusField, before, after) ? String(after) : `${String(before ?? '(none)')} → ${String(after)}`;
	const extras: string[] = [];
	if (dateField && next[dateField] !== undefined) {
		const was = String(previous[dateField] ?? '').slice(0, 10);
		const now = String(next[dateField]);
		extras.push(was && was !== now ? `expires ${was} → ${now}` : `expires ${now}`);
	}
	if (next.exempt === true) extras.push('exempt');
	return `${status}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}
