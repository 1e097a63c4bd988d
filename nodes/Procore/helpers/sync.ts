import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { procoreApiRequest, procoreErrorMessage } from '../transport';

/** Procore's sync actions take at most 1,000 records per call. */
export const SYNC_BATCH_SIZE = 1000;

export interface SyncInput {
	/** The n8n input item the record came from (results are paired back to it). */
	itemIndex: number;
	record: IDataObject;
}

export interface SyncResult {
	itemIndex: number;
	/** The record as Procore stored it. */
	entity?: IDataObject;
	/** Procore's reason, "field: message; …", when this record was refused. */
	error?: string;
}

export interface SyncSpec {
	/** The `…/sync` path. */
	path: string;
	companyId: string;
	inputs: SyncInput[];
	/** Fields that identify a record in Procore's answer (the echo of the input on errors). */
	matchKeys?: string[];
	batchSize?: number;
}

function comparable(value: unknown): string {
	return String(value ?? '').trim().toLowerCase();
}

function present(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

/**
 * Pairs each record of a sync answer with what was sent. Procore's answer is `{entities, errors}`
 * in no promised order and without indexes, so records are matched on the identifying fields the
 * input carried (id, origin_id, …); inputs that carried none take the remaining answers in order.
 */
export function pairSyncAnswer(sent: SyncInput[], answer: IDataObject, matchKeys: string[]): SyncResult[] {
	const entities = Array.isArray(answer.entities) ? (answer.entities as IDataObject[]) : [];
	const errors = Array.isArray(answer.errors) ? (answer.errors as IDataObject[]) : [];
	const answers = [
		...entities.map((record) => ({ record, failed: false })),
		...errors.map((record) => ({ record, failed: true })),
	];
	const results = new Map<number, SyncResult>();
	const taken = new Set<number>();
	const keysOf = (input: SyncInput) => matchKeys.filter((k) => present(input.record[k]));
	const assign = (position: number, answerIndex: number) => {
		const { record, failed } = answers[answerIndex];
		taken.add(answerIndex);
		const input = sent[position];
		results.set(position, failed
			? { itemIndex: input.itemIndex, error: procoreErrorMessage({ errors: record.errors }) || 'Procore refused this record' }
			: { itemIndex: input.itemIndex, entity: record });
	};
	sent.forEach((input, position) => {
		const keys = keysOf(input);
		if (!keys.length) return;
		const match = answers.findIndex(
			(a, index) => !taken.has(index) && keys.every((k) => comparable(a.record[k]) === comparable(input.record[k])),
		);
		if (match >= 0) assign(position, match);
	});
	sent.forEach((_input, position) => {
		if (results.has(position)) return;
		const next = answers.findIndex((_a, index) => !taken.has(index));
		if (next >= 0 && !keysOf(sent[position]).length) assign(position, next);
	});
	return sent.map(
		(input, position) =>
			results.get(position) ?? { itemIndex: input.itemIndex, error: 'Procore\'s sync answer did not include this record; check it in Procore before re-running' },
	);
}

/**
 * Sends records through a Procore sync action in ceil(N / 1000) calls and returns one result per
 * input, paired. The sync action answers 200 even when records fail, so failures come back as
 * per-record errors, never swallowed; a call that fails as a whole fails each of its records.
 */
export async function procoreSync(this: IExecuteFunctions, spec: SyncSpec): Promise<SyncResult[]> {
	const size = spec.batchSize ?? SYNC_BATCH_SIZE;
	const matchKeys = spec.matchKeys ?? ['id', 'origin_id'];
	const results: SyncResult[] = [];
	for (let start = 0; start < spec.inputs.length; start += size) {
		const batch = spec.inputs.slice(start, start + size);
		try {
			const answer = await procoreApiRequest.call(this, {
				method: 'PATCH',
				path: spec.path,
				body: { updates: batch.map((input) => input.record) },
				companyId: spec.companyId,
				itemIndex: batch[0].itemIndex,
				// A record with no id or origin_id is a create: never resend it after a dropped connection.
				idempotent: batch.every((input) => present(input.record.id) || present(input.record.origin_id)),
			});
			results.push(...pairSyncAnswer(batch, answer, matchKeys));
		} catch (error) {
			const message = (error as Error).message;
			const description = (error as { description?: string }).description;
			results.push(
				...batch.map((input) => ({
					itemIndex: input.itemIndex,
					error: description ? `${message} (${description})` : message,
				})),
			);
		}
	}
	return results;
}
