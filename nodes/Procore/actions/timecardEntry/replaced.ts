import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { procoreApiRequest } from '../../transport';
import { explainTimecardError } from './errors';
import type { EntryReader } from './existing';
import { differences, originOf } from './existing';

/**
 * An edited clock-out replaces what an earlier export wrote. Each entry carries the origin ID
 * `<clock-out ID>:<worker>:<milestone>`, so the entries of one clock-out are those whose origin ID
 * starts with `<clock-out ID>:`. In Update mode, an entry of the clock-out that the edit no longer
 * plans (a milestone or coworker dropped, or a second copy of the same origin ID) is deleted, so
 * its hours are never counted twice.
 */
export interface ReplacedEntries {
	itemIndex: number;
	projectId: string;
	/** `<clock-out ID>:`, and `<clock-in ID>:` when the clock-out completes an exported clock-in. */
	originPrefixes: string[];
	/** The days the item's entries are on now; the old ones are looked for a day either side. */
	dates: string[];
	/** The workers of the source record now (worker and coworkers). */
	parties: string[];
}

export interface RemovedEntry {
	itemIndex: number;
	status: 'deleted' | 'preview' | 'failed';
	record: IDataObject;
	/** The DELETE call (shown in preview). */
	path: string;
	error?: Error;
}

/** The days around the given ones: an edit that moves a shift across midnight moves its date by one. */
export function daysAround(dates: string[]): string[] {
	return dates.flatMap((d) => {
		const day = DateTime.fromISO(d, { zone: 'UTC' });
		return day.isValid ? [day.minus({ days: 1 }).toISODate()!, d, day.plus({ days: 1 }).toISODate()!] : [d];
	});
}

/** Whether an entry is one of the set's source records (its origin ID starts with one of the prefixes). */
export function hasPrefix(row: IDataObject, set: ReplacedEntries): boolean {
	const origin = originOf(row);
	return set.originPrefixes.some((prefix) => origin.startsWith(prefix));
}

/**
 * The entries to delete for each replaced clock-out: those of the clock-out (by prefix) that are
 * not the entry kept for an origin ID planned now.
 */
export function staleEntries(sets: ReplacedEntries[], rows: IDataObject[], kept: Map<string, IDataObject>): Array<{ itemIndex: number; row: IDataObject }> {
	const keptIds = new Set([...kept.values()].map((r) => String(r.id)));
	const claimed = new Set<string>();
	const out: Array<{ itemIndex: number; row: IDataObject }> = [];
	for (const set of sets) {
		for (const row of rows) {
			const id = String(row.id);
			if (!hasPrefix(row, set) || keptIds.has(id) || claimed.has(id)) continue;
			claimed.add(id);
			out.push({ itemIndex: set.itemIndex, row });
		}
	}
	return out;
}

export interface Rewrite {
	/** Entries PATCHed: what was wanted, and the result to confirm. */
	patched: Array<{ id: string; wanted: IDataObject; confirm: (row: IDataObject | undefined) => void }>;
	deleted: RemovedEntry[];
}

/** Deletes stale entries (unless previewing). Outcomes are settled by `confirmByReading`. */
export async function deleteStale(
	ctx: IExecuteFunctions,
	companyId: string,
	projectId: string,
	stale: Array<{ itemIndex: number; row: IDataObject }>,
	previewOnly: boolean,
): Promise<RemovedEntry[]> {
	const removed: RemovedEntry[] = [];
	for (const { itemIndex, row } of stale) {
		const path = `/rest/v1.0/projects/${projectId}/timecard_entries/${String(row.id)}`;
		if (previewOnly) {
			removed.push({ itemIndex, status: 'preview', record: row, path });
			continue;
		}
		try {
			// Not re-sent by the transport when the answer is lost: confirmByReading settles it.
			await procoreApiRequest.call(ctx, { method: 'DELETE', path, companyId, itemIndex, idempotent: false });
			removed.push({ itemIndex, status: 'deleted', record: row, path });
		} catch (error) {
			removed.push({ itemIndex, status: 'failed', record: row, path, error: explainTimecardError(error as Error) });
		}
	}
	return removed;
}

/**
 * The outcome of every update and delete is read back from Procore, never assumed and never
 * re-sent: one list of the project's entries for the days concerned. An update whose answer was
 * lost but that Procore applied counts as done; a delete whose answer was lost but whose entry is
 * gone counts as done; an entry still there after a delete is reported, with what to do.
 */
export async function confirmByReading(
	ctx: IExecuteFunctions,
	read: EntryReader,
	projectId: string,
	days: string[],
	rewrite: Rewrite,
): Promise<void> {
	const sent = rewrite.deleted.filter((r) => r.status !== 'preview');
	if (!rewrite.patched.length && !sent.length) return;
	const sorted = [...days].sort();
	const itemIndex = sent[0]?.itemIndex ?? 0;
	let rows: IDataObject[];
	try {
		rows = await read(projectId, sorted[0], sorted[sorted.length - 1], itemIndex);
	} catch {
		return; // the write results stand as Procore answered them
	}
	const byId = new Map(rows.map((r) => [String(r.id), r] as const));
	for (const p of rewrite.patched) p.confirm(byId.get(p.id));
	for (const r of sent) {
		const still = byId.get(String(r.record.id));
		if (!still) {
			r.status = 'deleted';
			r.error = undefined;
			continue;
		}
		r.status = 'failed';
		r.error ??= new NodeOperationError(ctx.getNode(), `Timecard entry ${String(r.record.id)} (origin ID ${originOf(r.record)}) is still in Procore after it was deleted`, {
			description: 'Its hours would count twice with the edited clock-out. Run the node again (it deletes only entries of this clock-out the edit no longer has), or delete the entry in Procore\'s Timesheets.',
			itemIndex: r.itemIndex,
		});
	}
}

/** For an update: the re-read entry settles it (applied: updated; otherwise the error stands). */
export function settleUpdate(row: IDataObject | undefined, wanted: IDataObject): 'applied' | 'not applied' {
	return row && !differences(row, wanted).length ? 'applied' : 'not applied';
}
