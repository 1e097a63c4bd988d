import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { toProcoreId } from '../../helpers/context';
import { isWriteOutcomeUnknown, procoreApiRequest } from '../../transport';
import type { BulkOptions, EntryResult, PlannedEntry, PreviewRequest } from './bulk.types';
import { explainTimecardError } from './errors';
import type { EntryReader } from './existing';
import { findExisting } from './existing';
import { ID_FIELDS } from './fields';

/** An entry as Procore takes it: empty values left out, numeric IDs as numbers (big ones kept exact). */
export function wire(entry: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(entry)) {
		if (value === undefined || value === '') continue;
		out[key] = ID_FIELDS.includes(key) && typeof value === 'string' && /^\d+$/.test(value) ? toProcoreId(value) : value;
	}
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

/**
 * Sends new entries in bulk calls (project bulk_create, or the company timesheets endpoint) and
 * records a result per planned entry. A refused project call is one transaction: its entries are
 * retried one per call so the good ones go in and each bad one gets its own reason.
 */
export class BulkCreator {
	/** Write calls sent (or that would be sent, in preview). */
	calls = 0;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly companyId: string,
		private readonly planned: PlannedEntry[],
		private readonly options: BulkOptions,
		private readonly results: Map<number, EntryResult>,
		private readonly requests: PreviewRequest[],
		/** How entries are looked up after a lost answer (open clock-ins included when planned). */
		private readonly read: EntryReader,
	) {}

	private pathFor(projectId: string): string {
		return this.options.target === 'company'
			? `/rest/v1.0/companies/${this.companyId}/timesheets`
			: `/rest/v1.1/projects/${projectId}/project_timecard_entries/bulk_create`;
	}

	async send(batch: number[]): Promise<void> {
		const { planned, results } = this;
		const path = this.pathFor(planned[batch[0]].projectId);
		const body = { timecard_entries: batch.map((k) => wire({ project_id: planned[k].projectId, ...planned[k].entry })) };
		this.calls++;
		if (this.options.previewOnly) {
			this.requests.push({ method: 'POST', path, body, entries: batch });
			for (const k of batch) results.set(k, { planned: planned[k], status: 'preview', record: wire(planned[k].entry) });
			return;
		}
		try {
			const response = await procoreApiRequest.call(this.ctx, { method: 'POST', path, body, companyId: this.companyId, itemIndex: planned[batch[0]].itemIndex });
			const records = createdRecords(response);
			batch.forEach((k, position) => {
				const origin = planned[k].originId;
				const record = (origin && records.find((r) => String(r.origin_id ?? '') === origin)) || records[position] || {};
				results.set(k, { planned: planned[k], status: 'created', record });
			});
		} catch (error) {
			if (isWriteOutcomeUnknown(error) && (await this.confirmByOrigin(batch, error as Error))) return;
			const status = error instanceof NodeApiError ? String(error.httpCode ?? '') : '';
			// Only the project endpoint is documented as one transaction: after its field errors
			// nothing was written, so singling out the bad entry cannot create anything twice.
			if (batch.length > 1 && this.options.target === 'project' && (status === '422' || status === '400')) {
				for (const k of batch) await this.send([k]);
				return;
			}
			for (const k of batch) results.set(k, { planned: planned[k], status: 'failed', error: explainTimecardError(error as Error) });
		}
	}

	/**
	 * Procore did not answer a bulk create (transport/retry.ts never re-sends a POST): the entries are
	 * looked up by origin ID instead. Those found were written; the others are reported failed, with
	 * the assurance that re-running them cannot create a second entry. Without origin IDs there is
	 * nothing to look up, and the batch is reported as possibly written.
	 */
	private async confirmByOrigin(batch: number[], error: Error): Promise<boolean> {
		const { planned, results } = this;
		if (!batch.every((k) => planned[k].originId)) return false;
		let found: Map<string, IDataObject>;
		try {
			const first = planned[batch[0]];
			found = await findExisting(
				this.read,
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
			const failure = new NodeOperationError(this.ctx.getNode(), error.message, {
				description: `Procore did not answer the bulk create, and no entry with origin ID "${planned[k].originId!}" was found afterwards: it was not written, or Procore may still be writing it. Running this item again is safe: an entry already carrying its origin ID is not created again.`,
				itemIndex: planned[k].itemIndex,
			});
			results.set(k, { planned: planned[k], status: 'failed', error: failure });
		}
		return true;
	}
}
