import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { toProcoreId } from '../../helpers/context';
import { isWriteOutcomeUnknown, procoreApiRequest } from '../../transport';
import { explainTimecardError } from './errors';
import { differences, findExisting, originOf, projectEntries } from './existing';
import type { RemovedEntry, ReplacedEntries, Rewrite } from './replaced';
import { confirmByReading, daysAround, deleteStale, settleUpdate, staleEntries } from './replaced';
import { ID_FIELDS } from './fields';

/** Procore's documented maximum for v1.1 bulk_create (one transaction per call). */
export const PROJECT_BULK_MAX = 25;
/** The company timesheets bulk endpoint states no maximum (UNCONFIRMED); this is the safe default. */
export const COMPANY_BULK_DEFAULT = 25;

export type BulkTarget = 'project' | 'company';

export interface PlannedEntry {
	itemIndex: number;
	projectId: string;
	/** Procore's field names; IDs as strings. */
	entry: IDataObject;
	/** The source system's ID for this entry: when set, an entry already carrying it is not created again. */
	originId?: string;
}

export type EntryStatus = 'created' | 'existing' | 'updated' | 'failed' | 'preview';

export interface EntryResult {
	planned: PlannedEntry;
	status: EntryStatus;
	record?: IDataObject;
	error?: Error;
	/** Fields that differ from the entry already in Procore (status existing / updated). */
	changes?: string[];
}

export interface BulkOptions {
	target: BulkTarget;
	chunkSize: number;
	onExisting: 'skip' | 'update';
	previewOnly: boolean;
	/** Written to origin_data when the entry has none. */
	auditTag?: string;
}

export interface PreviewRequest {
	method: string;
	path: string;
	body: IDataObject;
	/** Which planned entries (by position in the input) this call carries. */
	entries: number[];
}

export interface BulkReport {
	results: EntryResult[];
	/** Write calls sent (or that would be sent, in preview). */
	writeCalls: number;
	requests: PreviewRequest[];
	/** Entries of replaced clock-outs deleted (Update mode), per item. */
	removed: RemovedEntry[];
}

function wire(entry: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(entry)) {
		if (value === undefined || value === '') continue;
		out[key] = ID_FIELDS.includes(key) && typeof value === 'string' && /^\d+$/.test(value) ? toProcoreId(value) : value;
	}
	return out;
}

function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

function createdRecords(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	const data = (body ?? {}) as IDataObject;
	for (const key of ['timecard_entries', 'entities', 'data']) {
		if (Array.isArray(data[key])) return data[key] as IDataObject[];
	}
	return [];
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

	const byProject = new Map<string, number[]>();
	planned.forEach((p, k) => byProject.set(p.projectId, [...(byProject.get(p.projectId) ?? []), k]));
	const fresh: number[] = [];
	const rewrites = new Map<string, { days: string[]; stale: Array<{ itemIndex: number; row: IDataObject }>; rewrite: Rewrite }>();
	for (const [projectId, indexes] of byProject) {
		const withOrigin = indexes.filter((k) => planned[k].originId);
		const sets = options.onExisting === 'update' ? replaced.filter((r) => r.projectId === projectId) : [];
		const days = [...withOrigin.map((k) => String(planned[k].entry.date ?? '')), ...sets.flatMap((r) => daysAround(r.dates))].filter(Boolean).sort();
		const wanted = new Set(withOrigin.map((k) => planned[k].originId!));
		const existing = new Map<string, IDataObject>();
		const rewrite: Rewrite = { patched: [], deleted: [] };
		try {
			const rows = days.length ? await projectEntries(ctx, companyId, projectId, days[0], days[days.length - 1], planned[indexes[0]].itemIndex) : [];
			for (const row of rows) if (wanted.has(originOf(row)) && !existing.has(originOf(row))) existing.set(originOf(row), row);
			rewrites.set(projectId, { days, stale: staleEntries(sets, rows, existing), rewrite });
		} catch (error) {
			for (const k of indexes) results.set(k, { planned: planned[k], status: 'failed', error: forEach(error as Error) });
			continue;
		}
		for (const k of indexes) {
			const p = planned[k];
			const match = p.originId ? existing.get(p.originId) : undefined;
			if (!match) {
				fresh.push(k);
				continue;
			}
			const changes = differences(match, p.entry);
			if (options.onExisting === 'skip' || !changes.length) {
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
				results.set(k, { planned: p, status: 'updated', record: { ...match, ...record }, changes });
			} catch (error) {
				results.set(k, { planned: p, status: 'failed', error: forEach(error as Error) });
			}
			rewrite.patched.push({
				id: String(match.id),
				wanted: p.entry,
				confirm: (row) => {
					if (settleUpdate(row, p.entry) === 'applied') results.set(k, { planned: p, status: 'updated', record: row, changes });
				},
			});
		}
	}

	const groups = new Map<string, number[]>();
	for (const k of fresh) {
		const key = options.target === 'company' ? 'company' : planned[k].projectId;
		groups.set(key, [...(groups.get(key) ?? []), k]);
	}
	const size = Math.max(1, options.target === 'project' ? Math.min(PROJECT_BULK_MAX, options.chunkSize) : options.chunkSize);
	const pathFor = (projectId: string) =>
		options.target === 'company'
			? `/rest/v1.0/companies/${companyId}/timesheets`
			: `/rest/v1.1/projects/${projectId}/project_timecard_entries/bulk_create`;

	const send = async (batch: number[]): Promise<void> => {
		const path = pathFor(planned[batch[0]].projectId);
		const body = { timecard_entries: batch.map((k) => wire({ project_id: planned[k].projectId, ...planned[k].entry })) };
		writeCalls++;
		if (options.previewOnly) {
			requests.push({ method: 'POST', path, body, entries: batch });
			for (const k of batch) results.set(k, { planned: planned[k], status: 'preview', record: wire(planned[k].entry) });
			return;
		}
		try {
			const response = await procoreApiRequest.call(ctx, {
				method: 'POST',
				path,
				body,
				companyId,
				itemIndex: planned[batch[0]].itemIndex,
			});
			const records = createdRecords(response);
			batch.forEach((k, position) => {
				const origin = planned[k].originId;
				const record =
					(origin && records.find((r) => String(r.origin_id ?? '') === origin)) || records[position] || {};
				results.set(k, { planned: planned[k], status: 'created', record });
			});
		} catch (error) {
			if (isWriteOutcomeUnknown(error) && (await confirmByOrigin(batch, error as Error))) return;
			const status = error instanceof NodeApiError ? String(error.httpCode ?? '') : '';
			// Only the project endpoint is documented as one transaction: after its field errors
			// nothing was written, so singling out the bad entry cannot create anything twice.
			if (batch.length > 1 && options.target === 'project' && (status === '422' || status === '400')) {
				for (const k of batch) await send([k]);
				return;
			}
			for (const k of batch) results.set(k, { planned: planned[k], status: 'failed', error: forEach(error as Error) });
		}
	};
	/**
	 * Procore did not answer a bulk create (transport/retry.ts never re-sends a POST): the entries are
	 * looked up by origin ID instead. Those found were written; the others are reported failed, with
	 * the assurance that re-running them cannot create a second entry. Without origin IDs there is
	 * nothing to look up, and the batch is reported as possibly written.
	 */
	async function confirmByOrigin(batch: number[], error: Error): Promise<boolean> {
		if (!batch.every((k) => planned[k].originId)) return false;
		let found: Map<string, IDataObject>;
		try {
			const first = planned[batch[0]];
			found = await findExisting(
				ctx,
				companyId,
				first.projectId,
				batch.map((k) => String(planned[k].entry.date ?? '')),
				new Set(batch.map((k) => planned[k].originId!)),
				first.itemIndex,
			);
		} catch {
			return false;
		}
		for (const k of batch) {
			const record = found.get(planned[k].originId!);
			if (record) {
				results.set(k, { planned: planned[k], status: 'created', record });
				continue;
			}
			const failure = new NodeOperationError(ctx.getNode(), error.message, {
				description: `Procore did not answer the bulk create, and no entry with origin ID "${planned[k].originId!}" was found afterwards: it was not written, or Procore may still be writing it. Running this item again is safe: an entry already carrying its origin ID is not created again.`,
				itemIndex: planned[k].itemIndex,
			});
			results.set(k, { planned: planned[k], status: 'failed', error: failure });
		}
		return true;
	}

	for (const indexes of groups.values()) {
		for (const batch of chunks(indexes, size)) await send(batch);
	}

	// An item's old entries go only once its new ones are in: a failed write never leaves a
	// clock-out with fewer hours in Procore than before the edit.
	const failedItems = new Set(planned.filter((_, k) => results.get(k)?.status === 'failed').map((p) => p.itemIndex));
	const removed: RemovedEntry[] = [];
	for (const [projectId, { days, stale, rewrite }] of rewrites) {
		const due = stale.filter((s) => !failedItems.has(s.itemIndex));
		writeCalls += due.length;
		rewrite.deleted = await deleteStale(ctx, companyId, projectId, due, options.previewOnly);
		await confirmByReading(ctx, companyId, projectId, days, rewrite);
		removed.push(...rewrite.deleted);
	}

	return { results: planned.map((_, k) => results.get(k)!), writeCalls, requests, removed };
}
