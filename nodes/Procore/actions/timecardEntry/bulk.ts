import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { toProcoreId } from '../../helpers/context';
import { isWriteOutcomeUnknown, procoreApiRequest, procoreApiRequestAllItems } from '../../transport';
import { explainTimecardError } from './errors';
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
}

function wire(entry: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(entry)) {
		if (value === undefined || value === '') continue;
		out[key] = ID_FIELDS.includes(key) && typeof value === 'string' && /^\d+$/.test(value) ? toProcoreId(value) : value;
	}
	return out;
}

function sameValue(field: string, a: unknown, b: unknown): boolean {
	if ((a === undefined || a === null || a === '') && (b === undefined || b === null || b === '')) return true;
	if (a && typeof a === 'object') return sameValue(field, (a as IDataObject).id, b);
	if (field === 'hours' || field === 'lunch_time') return Number(a) === Number(b);
	if (field === 'time_in' || field === 'time_out') {
		const x = Date.parse(String(a));
		const y = Date.parse(String(b));
		return Number.isFinite(x) && Number.isFinite(y) ? x === y : String(a) === String(b);
	}
	return String(a) === String(b);
}

const COMPARED = ['date', 'hours', 'time_in', 'time_out', 'lunch_time', 'party_id', 'cost_code_id', 'line_item_type_id', 'wbs_code_id', 'timecard_time_type_id', 'sub_job_id', 'billable', 'description'];

function differences(existing: IDataObject, wanted: IDataObject): string[] {
	return COMPARED.filter((f) => f in wanted && wanted[f] !== undefined && wanted[f] !== '').filter((f) => {
		const current = existing[f] ?? existing[f.replace(/_id$/, '')];
		return !sameValue(f, current, wanted[f]);
	});
}

/**
 * Entries already in Procore for these origin IDs. Procore has no timecard upsert and it is
 * UNCONFIRMED whether its lists filter on origin_id, so the project's entries for the dates
 * concerned are read (a range is always sent: the list defaults to today only) and matched here.
 */
export async function findExisting(
	ctx: IExecuteFunctions,
	companyId: string,
	projectId: string,
	dates: string[],
	originIds: Set<string>,
	itemIndex: number,
): Promise<Map<string, IDataObject>> {
	const sorted = [...dates].filter(Boolean).sort();
	const found = new Map<string, IDataObject>();
	if (!originIds.size || !sorted.length) return found;
	const rows = await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: `/rest/v1.0/projects/${projectId}/timecard_entries`,
		qs: { start_date: sorted[0], end_date: sorted[sorted.length - 1] },
		companyId,
		itemIndex,
	});
	for (const row of rows) {
		const origin = row.origin_id === undefined || row.origin_id === null ? '' : String(row.origin_id);
		if (originIds.has(origin) && !found.has(origin)) found.set(origin, row);
	}
	return found;
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
 * go in and each bad one gets its own reason.
 */
export async function writeEntries(
	ctx: IExecuteFunctions,
	companyId: string,
	planned: PlannedEntry[],
	options: BulkOptions,
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
	for (const [projectId, indexes] of byProject) {
		const withOrigin = indexes.filter((k) => planned[k].originId);
		let existing = new Map<string, IDataObject>();
		try {
			existing = await findExisting(
				ctx,
				companyId,
				projectId,
				withOrigin.map((k) => String(planned[k].entry.date ?? '')),
				new Set(withOrigin.map((k) => planned[k].originId!)),
				planned[indexes[0]].itemIndex,
			);
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
				const record = await procoreApiRequest.call(ctx, { method: 'PATCH', path, body, companyId, itemIndex: p.itemIndex });
				results.set(k, { planned: p, status: 'updated', record: { ...match, ...record }, changes });
			} catch (error) {
				results.set(k, { planned: p, status: 'failed', error: forEach(error as Error) });
			}
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

	return { results: planned.map((_, k) => results.get(k)!), writeCalls, requests };
}
