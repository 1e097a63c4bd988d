import type { FieldChange } from '../../helpers/write';

/** "status non_compliant → compliant, notes (empty) → …" for summaries; the audit tag is not news. */
export function describeChanges(changes: FieldChange[]): string {
	const text = (v: unknown) => (v === undefined || v === null || v === '' ? '(empty)' : typeof v === 'object' ? JSON.stringify(v) : String(v));
	return changes
		.filter((c) => c.field !== 'origin_data')
		.map((c) => `${c.field} ${text(c.previous)} → ${text(c.new)}`)
		.join(', ');
}
