import type { IDataObject, IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import { procoreWrite } from '../../../helpers/write';
import { isWriteOutcomeUnknown } from '../../../transport';
import { v10ItemPath, v11ItemPath } from '../body';
import { lineDiffOutput } from '../lineDiff';
import { formatDelta, formatMoney } from '../money';
import type { Resolved } from './codes';
import { uploadFiles } from './files';
import type { PushInput } from './input';
import type { OutputDetails } from './output';
import { linesPhrase, pushOutput } from './output';
import type { Target } from './target';
import { readChangeEvent } from './target';
import type { UpdatePlan } from './updatePlan';
import { planUpdate, stillToDo, writesAnything } from './updatePlan';

/** A write whose answer was lost: what it would have reported, and the error to throw if it did not land. */
interface Lost {
	details: OutputDetails;
	summary: string;
	error: NodeOperationError;
	/** The write only attached files by reference, which a re-read cannot confirm. */
	byRefOnly: boolean;
}

/** The v1.0 PATCH (header, changed and new lines, files) and the v1.1 PATCH (description, type, contract, removals). */
async function write(ctx: IExecuteFunctions, i: number, input: PushInput, id: string, p: UpdatePlan, summary: (preview: boolean) => string) {
	const { projectId, companyId } = input.scope;
	const written =
		p.headerChanged || p.lineBodies.length
			? await procoreWrite.call(ctx, {
					itemIndex: i,
					action: 'update',
					recordLabel: 'Change Event',
					request: { method: 'PATCH', path: v10ItemPath(id), qs: { project_id: projectId }, body: { project_id: projectId, change_event: p.header }, companyId },
					wrapperKey: 'change_event',
					auditField: 'origin_data',
					previous: p.previous,
					summarize: (_r, _c, preview) => summary(preview),
				})
			: undefined;
	const followUp = p.extras
		? await procoreWrite.call(ctx, {
				itemIndex: i,
				action: 'update',
				recordLabel: 'Change Event',
				// Removing a line twice fails (it is gone): a lost answer is re-read like the lines.
				request: { method: 'PATCH', path: v11ItemPath(id), qs: { project_id: projectId }, body: { change_event: p.extras }, companyId, idempotent: p.deleted.length === 0 },
				wrapperKey: 'change_event',
				auditField: null,
				summarize: (_r, _c, preview) => summary(preview),
			})
		: undefined;
	return { written, followUp };
}

/**
 * A re-push: the Change Event is diffed against the COR and only what differs is written, so an
 * identical re-push writes nothing.
 *
 * When Procore does not answer a PATCH, transport/retry.ts does not send it again (its new lines
 * and files would be added twice). The Change Event is read again and the push planned against
 * it: nothing left to write means the PATCH landed, and the push is reported done. What is left is
 * not sent (a slow write may still land): the item fails, and running it again is safe, because
 * the next push re-reads and writes only what is missing.
 */
export async function updateChangeEvent(ctx: IExecuteFunctions, i: number, input: PushInput, resolved: Resolved, target: Target): Promise<IDataObject> {
	const { id } = target;
	let existing = target.record;
	let lost: Lost | undefined;
	for (;;) {
		// On the re-read nothing is uploaded: a file still missing (by name) is reported, not sent.
		const uploads = await uploadFiles(ctx, i, input.scope, input.files, existing, input.previewOnly || lost !== undefined);
		const p = planUpdate(input, resolved, existing, uploads.uuids);
		if (lost) {
			const pending = stillToDo(p, uploads.uuids, existing, resolved);
			if (pending.length || lost.byRefOnly) {
				lost.error.description = pending.length
					? `Procore did not answer the update, and re-reading Change Event ${id} shows it was not written (still to do: ${pending.join(', ')}). It was not sent again, in case a slow write still lands. Running this item again is safe: the push re-reads the Change Event and writes only what is missing.`
					: `Procore did not answer the update, which only attached files by upload UUID or file version; re-reading Change Event ${id} cannot tell whether they were attached. Check its attachments before running this item again.`;
				throw lost.error;
			}
			return pushOutput({ summary: lost.summary, confirmed_by: 'Change Event re-read after Procore did not answer' }, undefined, { ...lost.details, record: existing });
		}
		const summary = (preview: boolean) => {
			const totals = `total ${formatMoney(p.lines.previousCents)} → ${formatMoney(p.lines.newCents)} (${formatDelta(p.lines.newCents - p.lines.previousCents)})`;
			return `${preview ? `Would update Change Event ${id}` : `Change Event ${id} updated`} from ${input.label}: ${totals}, ${linesPhrase(p.lines)}`;
		};
		const details: OutputDetails = {
			action: 'updated',
			corId: input.corId,
			previousCents: p.lines.previousCents,
			newCents: p.lines.newCents,
			diff: lineDiffOutput(p.lines),
			record: existing,
			owned: p.owned,
			existingOrigin: p.existingOrigin,
			lineCount: p.lineCount,
			files: input.files.length ? uploads.report : undefined,
		};
		if (!writesAnything(p)) {
			const summaryOnly = { summary: `Change Event ${id} already matches ${input.label}: total ${formatMoney(p.lines.newCents)}, nothing to write` };
			return pushOutput({ ...summaryOnly, ...(input.previewOnly ? { preview: true } : {}) }, undefined, { ...details, action: 'unchanged' });
		}
		try {
			const { written, followUp } = await write(ctx, i, input, id, p, summary);
			const main = written ?? followUp!;
			return pushOutput(main, written ? followUp : undefined, { ...details, record: main.preview ? existing : written && !written.preview ? written : existing });
		} catch (caught) {
			// procoreRequest throws only NodeApiError / NodeOperationError.
			const error = caught as NodeOperationError;
			if (!isWriteOutcomeUnknown(error)) throw error;
			const byRefOnly = !p.fieldChanges && !p.lineBodies.length && !uploads.uuids.length && !p.extras;
			lost = { details, summary: summary(false), error, byRefOnly };
			existing = await readChangeEvent(ctx, i, input.scope, id);
		}
	}
}
