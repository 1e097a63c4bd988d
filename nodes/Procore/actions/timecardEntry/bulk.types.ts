import type { IDataObject } from 'n8n-workflow';

import type { RemovedEntry } from './replaced';

/** The shapes of the bulk timecard write path (bulk.ts plans, bulkCreate.ts sends, replaced.ts rewrites). */

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
	/**
	 * This entry is (or completes) a clock-in exported before: the worker and the instant clocked in.
	 * Its in-progress entry is looked for too (inProgress.ts), and a clock-out completes it.
	 */
	clockIn?: { party: string; timeInMs: number };
}

/** `completed`: a clock-in's in-progress entry given its hours or time out by the clock-out. */
export type EntryStatus = 'created' | 'existing' | 'updated' | 'completed' | 'failed' | 'preview';

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
	/**
	 * The projects the app syncs (Synced Project IDs): where a moved clock-out's old entries are
	 * looked for when the company list does not say an entry's origin ID and project (moved.ts).
	 */
	searchProjects?: string[];
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
