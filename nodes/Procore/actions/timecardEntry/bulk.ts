import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { procoreApiRequest } from '../../transport';
import { explainTimecardError } from './errors';
import type { BulkOptions, BulkReport, EntryResult, EntryStatus, PlannedEntry, PreviewRequest } from './bulk.types';
import { PROJECT_BULK_MAX } from './bulk.types';
import { differences, originOf } from './existing';
import type { ClockInKey } from './inProgress';
import { entryReader } from './inProgress';
import type { LeftBehind } from './moved';
import { entriesLeftBehind } from './moved';
import type { RemovedEntry, ReplacedEntries, Rewrite } from './replaced';
import { confirmByReading, daysAround, deleteStale, settleUpdate, staleEntries } from './replaced';
import { BulkCreator, wire } from './bulkCreate';
import type { OpenEntries } from './completion';
import { deleteCompletedOpenEntries, leftOpen } from './completion';

export type { BulkOptions, BulkReport, BulkTarget, EntryResult, EntryStatus, PlannedEntry, PreviewRequest } from './bulk.types';
export { COMPANY_BULK_DEFAULT, PROJECT_BULK_MAX } from './bulk.types';

function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

/** The same error, one copy per entry, so each item can report it. */
function forEach(error: Error): Error {
	return explainTimecardError(error);
}

/**
 * Creates timecard entries in the fewest calls Procore allows, skipping (or updating) those whose
 * origin ID is already in Procore, and reports a result per entry. A bulk call is one transaction:
 * when Procore refuses one for a field error, its entries are retried one per call so the good ones
 * go in and each bad one gets its own reason. In Update mode, entries of a replaced clock-out that
 * are no longer planned are deleted once the item's own writes succeeded (see replaced.ts), and
 * every update and delete is read back.
 */
export async function writeEntries(
	ctx: IExecuteFunctions,
	companyId: string,
	planned: PlannedEntry[],
	options: BulkOptions,
	replaced: ReplacedEntries[] = [],
): Promise<BulkReport> {
	const results = new Map<number, EntryResult>();
	const requests: PreviewRequest[] = [];
	let writeCalls = 0;
	for (const p of planned) {
		if (options.auditTag && (p.entry.origin_data === undefined || p.entry.origin_data === '')) {
			p.entry.origin_data = options.auditTag;
		}
		if (p.originId) p.entry.origin_id = p.originId;
	}
	// Clock-ins planned (or completed by a clock-out): their open entries are read too.
	const keys: ClockInKey[] = planned.filter((p) => p.clockIn && p.originId).map((p) => ({ ...p.clockIn!, originId: p.originId! }));
	const read = entryReader(ctx, companyId, keys);

	// Read first: without knowing what an edited clock-out left in other projects, writing its new
	// entries could count hours twice, so such an item fails before anything of it is written.
	let leftBehind = new Map<string, LeftBehind>();
	if (options.onExisting === 'update' && replaced.length) {
		try {
			leftBehind = await entriesLeftBehind(ctx, companyId, replaced, options.searchProjects);
		} catch (error) {
			const items = new Set(replaced.map((r) => r.itemIndex));
			planned.forEach((p, k) => {
				if (items.has(p.itemIndex)) results.set(k, { planned: p, status: 'failed', error: forEach(error as Error) });
			});
		}
	}

	const byProject = new Map<string, number[]>();
	planned.forEach((p, k) => byProject.set(p.projectId, [...(byProject.get(p.projectId) ?? []), k]));
	const fresh: number[] = [];
	// Clock-in entries a PATCH could not complete: created anew, then deleted (completion.ts).
	const reopen: OpenEntries = new Map();
	const rewrites = new Map<string, { days: string[]; stale: Array<{ itemIndex: number; row: IDataObject }>; rewrite: Rewrite }>();
	for (const [projectId, indexes] of byProject) {
		const withOrigin = indexes.filter((k) => planned[k].originId);
		const sets = options.onExisting === 'update' ? replaced.filter((r) => r.projectId === projectId) : [];
		const days = [...withOrigin.map((k) => String(planned[k].entry.date ?? '')), ...sets.flatMap((r) => daysAround(r.dates))].filter(Boolean).sort();
		const wanted = new Set(withOrigin.map((k) => planned[k].originId!));
		const existing = new Map<string, IDataObject>();
		const rewrite: Rewrite = { patched: [], deleted: [] };
		try {
			const rows = days.length ? await read(projectId, days[0], days[days.length - 1], planned[indexes[0]].itemIndex) : [];
			for (const row of rows) if (wanted.has(originOf(row)) && !existing.has(originOf(row))) existing.set(originOf(row), row);
			rewrites.set(projectId, { days, stale: staleEntries(sets, rows, existing), rewrite });
		} catch (error) {
			for (const k of indexes) results.set(k, { planned: planned[k], status: 'failed', error: forEach(error as Error) });
			continue;
		}
		for (const k of indexes) {
			if (results.has(k)) continue;
			const p = planned[k];
			const match = p.originId ? existing.get(p.originId) : undefined;
			if (!match) {
				fresh.push(k);
				continue;
			}
			const changes = differences(match, p.entry);
			// A clock-in's open entry is completed by its clock-out whatever If Already in Procore says:
			// that is the export of the clock-out, not an edit of it.
			const completes = match.in_progress === true && p.entry.in_progress !== true;
			const done: EntryStatus = completes ? 'completed' : 'updated';
			if ((options.onExisting === 'skip' && !completes) || !changes.length) {
				results.set(k, { planned: p, status: 'existing', record: match, changes });
				continue;
			}
			const body: IDataObject = wire(Object.fromEntries(changes.map((f) => [f, p.entry[f]])));
			const path = `/rest/v1.1/projects/${projectId}/project_timecard_entries/${String(match.id)}`;
			writeCalls++;
			if (options.previewOnly) {
				requests.push({ method: 'PATCH', path, body, entries: [k] });
				results.set(k, { planned: p, status: 'preview', record: { ...match, ...p.entry }, changes });
				continue;
			}
			try {
				// A lost answer is settled by reading the entry back (confirmByReading), not by re-sending.
				const record = await procoreApiRequest.call(ctx, { method: 'PATCH', path, body, companyId, itemIndex: p.itemIndex, idempotent: false });
				if (completes && leftOpen({ record })) {
					reopen.set(k, { projectId, row: match });
					fresh.push(k);
					continue;
				}
				results.set(k, { planned: p, status: done, record: { ...match, ...record }, changes });
			} catch (error) {
				if (completes && leftOpen({ error })) {
					reopen.set(k, { projectId, row: match });
					fresh.push(k);
					continue;
				}
				results.set(k, { planned: p, status: 'failed', error: forEach(error as Error) });
			}
			rewrite.patched.push({
				id: String(match.id),
				wanted: p.entry,
				confirm: (row) => {
					if (settleUpdate(row, p.entry) === 'applied') results.set(k, { planned: p, status: done, record: row, changes });
				},
			});
		}
	}

	// Clock-outs edited into another project: their entries in the project they left go too.
	for (const [projectId, left] of leftBehind) {
		const known = rewrites.get(projectId);
		if (!known) {
			rewrites.set(projectId, { days: [...new Set(left.days)].sort(), stale: left.stale, rewrite: { patched: [], deleted: [] } });
			continue;
		}
		const ids = new Set(known.stale.map((s) => String(s.row.id)));
		known.stale.push(...left.stale.filter((s) => !ids.has(String(s.row.id))));
		known.days = [...new Set([...known.days, ...left.days])].sort();
	}

	const groups = new Map<string, number[]>();
	for (const k of fresh) {
		const key = options.target === 'company' ? 'company' : planned[k].projectId;
		groups.set(key, [...(groups.get(key) ?? []), k]);
	}
	const size = Math.max(1, options.target === 'project' ? Math.min(PROJECT_BULK_MAX, options.chunkSize) : options.chunkSize);
	// A lost answer is looked up by origin ID: never take an open entry being replaced for the new one.
	const closing = new Set([...reopen.values()].map((o) => String(o.row.id)));
	const readNew: typeof read = async (...a) => (await read(...a)).filter((r) => !closing.has(String(r.id)));
	const creator = new BulkCreator(ctx, companyId, planned, options, results, requests, readNew);
	for (const indexes of groups.values()) {
		for (const batch of chunks(indexes, size)) await creator.send(batch);
	}
	writeCalls += creator.calls + (await deleteCompletedOpenEntries(ctx, companyId, reopen, results));

	// An item's old entries go only once its new ones are in: a failed write never leaves a
	// clock-out with fewer hours in Procore than before the edit.
	const failedItems = new Set(planned.filter((_, k) => results.get(k)?.status === 'failed').map((p) => p.itemIndex));
	const removed: RemovedEntry[] = [];
	for (const [projectId, { days, stale, rewrite }] of rewrites) {
		const due = stale.filter((s) => !failedItems.has(s.itemIndex));
		writeCalls += due.length;
		rewrite.deleted = await deleteStale(ctx, companyId, projectId, due, options.previewOnly);
		await confirmByReading(ctx, read, projectId, days, rewrite);
		removed.push(...rewrite.deleted);
	}

	return { results: planned.map((_, k) => results.get(k)!), writeCalls, requests, removed };
}
