import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { procoreApiRequest } from '../../transport';
import type { EntryResult } from './bulk.types';
import { explainTimecardError } from './errors';

/**
 * Completing a clock-in's in-progress entry at clock-out. The catalog's update of a project timecard
 * entry (PATCH /rest/v1.1/projects/{project_id}/project_timecard_entries/{id}) takes `time_out` and
 * `hours` but has no `in_progress`: whether Procore completes an open entry given them is
 * UNCONFIRMED (sandbox config `inProgressCompletion`: 'patch', 'refused', 'ignored'). Each works:
 * - the PATCH completes it: done;
 * - the PATCH is refused (422) or answered with the entry still in progress: the completed entry is
 *   created as a new one with the same origin ID (so a re-run finds it), and only once it is in is
 *   the open entry deleted. Created first: if Procore refuses the clock-out's own values, the
 *   clock-in stays as it was and the item fails with Procore's text.
 */

/** An open entry to delete once its completed copy is created, by planned entry. */
export type OpenEntries = Map<number, { projectId: string; row: IDataObject }>;

function httpCodeOf(error: unknown): string {
	return String((error as { httpCode?: unknown }).httpCode ?? '');
}

/** Whether the completing PATCH left the entry open: refused (422), or answered still in progress. */
export function leftOpen(answer: { record?: IDataObject; error?: unknown }): boolean {
	if (answer.error !== undefined) return httpCodeOf(answer.error) === '422';
	return answer.record?.in_progress === true;
}

/**
 * Deletes each open entry whose completed copy was created, and calls its result `completed`.
 * A failed delete fails the item naming both entries: the hours are in Procore, the open one is not gone.
 */
export async function deleteCompletedOpenEntries(
	ctx: IExecuteFunctions,
	companyId: string,
	open: OpenEntries,
	results: Map<number, EntryResult>,
): Promise<number> {
	let calls = 0;
	for (const [k, { projectId, row }] of open) {
		const result = results.get(k);
		if (result?.status !== 'created') continue;
		calls++;
		try {
			await procoreApiRequest.call(ctx, {
				method: 'DELETE',
				path: `/rest/v1.0/projects/${projectId}/timecard_entries/${String(row.id)}`,
				companyId,
				itemIndex: result.planned.itemIndex,
				idempotent: false,
			});
			results.set(k, { ...result, status: 'completed' });
		} catch (error) {
			const explained = explainTimecardError(error as Error);
			const created = String(result.record?.id ?? '');
			explained.message = `The clock-out's entry ${created} was created, but the clock-in's open entry ${String(row.id)} could not be deleted: ${explained.message}`;
			(explained as { description?: string }).description =
				`The hours are in entry ${created}. Delete entry ${String(row.id)} (in progress, no hours) in Procore's Timecard tool, or the worker shows as still clocked in.`;
			results.set(k, { ...result, status: 'failed', error: explained });
		}
	}
	return calls;
}
