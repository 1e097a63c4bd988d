import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withAttachments } from '../../../helpers/attachments';
import { procoreWrite } from '../../../helpers/write';
import { isWriteOutcomeUnknown } from '../../../transport';
import type { HeaderInput } from '../body';
import { V10_PATH, v10Header, v10Line, v11Extras, v11ItemPath } from '../body';
import { formatMoney, fromCents } from '../money';
import { defaultStatusId } from '../resolve';
import type { Resolved } from './codes';
import { extrasHeader } from './codes';
import { uploadFiles } from './files';
import type { PushInput } from './input';
import { pushOutput } from './output';
import { findByOrigin } from './target';

/**
 * A COR pushed for the first time: one v1.0 POST with every line (and the files), then one v1.1
 * PATCH for what v1.0 does not take. A create Procore does not answer is looked up by COR ID.
 */
export async function createChangeEvent(ctx: IExecuteFunctions, i: number, input: PushInput, resolved: Resolved): Promise<IDataObject> {
	const { scope, corId, label } = input;
	const { lines } = resolved;
	const header: HeaderInput = {
		title: input.title,
		number: input.fields.number ? String(input.fields.number) : undefined,
		statusId: resolved.statusId ?? (await defaultStatusId(ctx, i, scope)),
		scope: input.eventScope || 'tbd',
		eventType: input.fields.eventType ? String(input.fields.eventType) : undefined,
		reasonId: resolved.reasonId,
		originId: corId,
		attachmentUuids: input.attachmentUuids,
		fileVersionIds: input.fileVersionIds,
	};
	if (!header.statusId) {
		throw new NodeOperationError(ctx.getNode(), `Project ${scope.projectId} has no Change Event statuses`, {
			description: 'Choose a Status, or check that the Change Events tool is enabled on the project.',
			itemIndex: i,
		});
	}
	const uploads = await uploadFiles(ctx, i, scope, input.files, undefined, input.previewOnly);
	const newCents = lines.reduce((s, l) => s + l.amountCents, 0);
	const count = `${lines.length} line${lines.length === 1 ? '' : 's'}`;
	const summary = (id: unknown, preview: boolean) =>
		preview
			? `Would create a Change Event from ${label}: total ${formatMoney(newCents)} (${count})`
			: `Change Event ${String(id)} created from ${label}: total ${formatMoney(newCents)} (${count})`;
	const written = await procoreWrite
		.call(ctx, {
			itemIndex: i,
			action: 'create',
			recordLabel: 'Change Event',
			request: {
				method: 'POST',
				path: V10_PATH,
				qs: { project_id: scope.projectId },
				body: {
					change_event: withAttachments('changeEvent', { ...v10Header(header), change_event_line_items_attributes: lines.map((l) => v10Line(l)) }, uploads.uuids),
				},
				companyId: scope.companyId,
			},
			wrapperKey: 'change_event',
			auditField: 'origin_data',
			summarize: (record, _c, preview) => summary(record.id, preview),
		})
		.catch(async (error: unknown) => {
			// Procore did not answer the create (transport/retry.ts does not re-send a POST): look the
			// Change Event up by its COR ID instead, so a create that went through is reported as such.
			if (!isWriteOutcomeUnknown(error)) throw error;
			const created = await findByOrigin(ctx, i, scope, corId);
			if (!created) {
				const failure = error as NodeOperationError;
				failure.description = `Procore did not answer the create, and no Change Event with COR ID "${corId}" was found afterwards: it was not written, or Procore may still be writing it. Running this item again is safe: the push finds the Change Event by its COR ID and updates it instead of creating a second one.`;
				throw failure;
			}
			return { ...created.record, summary: summary(created.id, false), confirmed_by: 'COR ID lookup after Procore did not answer' } as IDataObject;
		});
	const newId = written.preview ? '<new Change Event ID>' : String(written.id);
	const extras = v11Extras(extrasHeader(input, resolved), []);
	const followUp = extras
		? await procoreWrite.call(ctx, {
				itemIndex: i,
				action: 'update',
				recordLabel: 'Change Event',
				request: { method: 'PATCH', path: v11ItemPath(newId), qs: { project_id: scope.projectId }, body: { change_event: extras }, companyId: scope.companyId },
				wrapperKey: 'change_event',
				auditField: null,
			})
		: undefined;
	return pushOutput(written, followUp, {
		action: 'created',
		corId,
		previousCents: 0,
		newCents,
		diff: { added: lines.map((l) => ({ description: l.description, amount: fromCents(l.amountCents) })), changed: [], removed: [], unchanged: 0, otherLinesKept: 0 },
		lineCount: lines.length,
		record: written.preview ? undefined : written,
		files: input.files.length ? uploads.report : undefined,
	});
}
