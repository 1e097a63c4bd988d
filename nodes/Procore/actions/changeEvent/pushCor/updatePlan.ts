import type { IDataObject } from 'n8n-workflow';

import { withAttachments } from '../../../helpers/attachments';
import { originIdOf, readLines, v10Header, v10Line, v10ZeroLine, v11Extras } from '../body';
import type { LinePlan } from '../lineDiff';
import { hasLineWrites, planLineChanges } from '../lineDiff';
import type { Resolved } from './codes';
import { extrasHeader } from './codes';
import type { PushInput } from './input';
import { linesPhrase } from './output';

/** What a re-push must send to bring one Change Event to the COR: computed from the record as read. */
export interface UpdatePlan {
	lines: LinePlan;
	/** The Change Event has no origin or this COR's: its lines are the COR's to replace. */
	owned: boolean;
	existingOrigin: string;
	/** The v1.0 PATCH body's `change_event`, and the previous values of its header fields (for the diff). */
	header: IDataObject;
	previous: IDataObject;
	/** Header fields that differ (title, status…), not counting attachments. */
	fieldChanges: number;
	headerChanged: boolean;
	lineBodies: IDataObject[];
	/** Lines to remove, by v1.1 `change_items` (v1.0 cannot). */
	deleted: string[];
	newDescription?: string;
	/** The v1.1 PATCH body's `change_event`, if anything needs it. */
	extras?: IDataObject;
	/** Lines the Change Event has after the push. */
	lineCount: number;
}

export function planUpdate(input: PushInput, resolved: Resolved, existing: IDataObject, uploadUuids: string[]): UpdatePlan {
	const existingOrigin = originIdOf(existing);
	const owned = existingOrigin === '' || existingOrigin === input.corId;
	// Added to a Change Event another COR owns: this COR's lines carry its label ("COR 18: …"), which
	// is how a re-push finds them among the other CORs' lines (same descriptions must not collide).
	const tag = `${input.label}: `;
	const corLines = owned ? resolved.lines : resolved.lines.map((l) => (l.description.startsWith(tag) ? l : { ...l, description: tag + l.description }));
	const lines = planLineChanges(
		corLines,
		readLines(existing),
		owned ? { owned, removedLines: input.removedLines } : { owned: true, removedLines: input.removedLines, mine: (l) => l.description.startsWith(tag) },
	);
	const status = existing.change_event_status as IDataObject | undefined;
	const reason = existing.change_order_change_reason as IDataObject | undefined;
	const header: IDataObject = {};
	const previous: IDataObject = { id: existing.id };
	const setIfChanged = (field: string, current: unknown, next: unknown) => {
		if (next === undefined || next === '') return;
		if (String(current ?? '') !== String(next)) {
			header[field] = next as IDataObject[string];
			previous[field] = (current ?? null) as IDataObject[string];
		}
	};
	const wanted = v10Header({
		title: input.title,
		number: input.fields.number ? String(input.fields.number) : undefined,
		statusId: resolved.statusId,
		scope: input.eventScope || undefined,
		eventType: input.fields.eventType ? String(input.fields.eventType) : undefined,
		reasonId: resolved.reasonId,
	});
	// The header (title, status, description…) is the owner's: a COR added to another COR's Change
	// Event writes only its own lines and files (else CORs sharing one would rewrite it in turn).
	if (owned) {
		setIfChanged('title', existing.title, wanted.title);
		setIfChanged('number', existing.number, wanted.number);
		setIfChanged('change_event_status_id', status?.id, wanted.change_event_status_id);
		setIfChanged('event_scope', existing.event_scope, wanted.event_scope);
		setIfChanged('event_type', existing.event_type, wanted.event_type);
		setIfChanged('change_order_change_reason_id', reason?.id, wanted.change_order_change_reason_id);
	}
	// A Change Event chosen by the user becomes this COR's, unless another origin already owns it.
	if (existingOrigin === '') setIfChanged('origin_id', '', input.corId);
	const fieldChanges = Object.keys(header).length;
	Object.assign(header, withAttachments('changeEvent', v10Header({ attachmentUuids: input.attachmentUuids, fileVersionIds: input.fileVersionIds }), uploadUuids));
	const lineBodies = [
		...lines.updates.map((u) => v10Line(u.line, u.existing.id)),
		...lines.creates.map((l) => v10Line(l)),
		...lines.removals.filter((r) => r.action === 'zeroed').map((r) => v10ZeroLine(r.existing.id)),
	];
	if (lineBodies.length) header.change_event_line_items_attributes = lineBodies;
	// Lines are diffed per line in `lines`; the field diff covers the header only.
	previous.change_event_line_items_attributes = header.change_event_line_items_attributes;
	const deleted = lines.removals.filter((r) => r.action === 'deleted').map((r) => r.existing.id);
	const newDescription = owned && input.description && input.description !== String(existing.description ?? '') ? input.description : undefined;
	return {
		lines,
		owned,
		existingOrigin,
		header,
		previous,
		fieldChanges,
		headerChanged: Object.keys(header).some((k) => k !== 'change_event_line_items_attributes'),
		lineBodies,
		deleted,
		newDescription,
		extras: v11Extras(owned ? { ...extrasHeader(input, resolved), description: newDescription } : {}, deleted),
		lineCount: corLines.length + lines.removals.filter((r) => r.action !== 'deleted').length + lines.others.length,
	};
}

/** Whether the plan writes anything at all (an identical re-push writes nothing). */
export function writesAnything(p: UpdatePlan): boolean {
	return p.headerChanged || hasLineWrites(p.lines) || p.extras !== undefined;
}

/**
 * After a write whose answer was lost, the plan against the re-read record: what is still to do
 * (empty = the write landed). Attachments by reference cannot be seen on the record.
 */
export function stillToDo(p: UpdatePlan, uploadUuids: string[], existing: IDataObject, resolved: Resolved): string[] {
	const idOf = (field: string) => String((existing[field] as IDataObject | undefined)?.id ?? '');
	const v11Pending =
		p.newDescription ||
		p.deleted.length ||
		(p.owned && resolved.changeTypeId && idOf('change_type') !== resolved.changeTypeId) ||
		(p.owned && resolved.primeContractId && idOf('prime_contract_for_estimates') !== resolved.primeContractId);
	return [
		p.fieldChanges ? 'header fields' : '',
		hasLineWrites(p.lines) ? linesPhrase(p.lines) : '',
		uploadUuids.length ? `${uploadUuids.length} file(s)` : '',
		v11Pending ? 'v1.1 fields' : '',
	].filter(Boolean);
}
