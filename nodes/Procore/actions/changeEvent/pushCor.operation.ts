import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { uploadBinaryAttachments, withAttachments } from '../../helpers/attachments';
import { getCompanyId, getProjectId, getRecordId, normalizeId } from '../../helpers/context';
import { binaryPropertyNames, binarySource } from '../../helpers/files/binary';
import { idList } from '../../helpers/filters';
import { simplify } from '../../helpers/output';
import { procoreWrite, writeOptions } from '../../helpers/write';
import { isWriteOutcomeUnknown, procoreApiRequest, procoreApiRequestAllItems } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import type { HeaderInput, ResolvedLine } from './body';
import { V10_PATH, originIdOf, readLines, v10Header, v10ItemPath, v10Line, v10ZeroLine, v11Extras, v11ItemPath } from './body';
import type { Breakdown, CorDefaults } from './breakdown';
import { planLines } from './breakdown';
import type { Ref } from './corInput';
import { LINE_SHAPE, readCorLines } from './corInput';
import { CHANGE_EVENT_FIELDS, changeEventLocator, changeTypeLookup, eventTypeOptions, lookupLocator, lookupValue, reasonLookup, scopeOptions, statusLookup, withTotals } from './fields';
import type { LinePlan, RemovedLines } from './lineDiff';
import { hasLineWrites, lineDiffOutput, planLineChanges } from './lineDiff';
import { KINDS, Unmatched } from './lookups';
import type { Scope } from './lookups';
import { formatDelta, formatMoney, fromCents, toCents } from './money';
import { defaultStatusId, resolveContract, resolveLines, resolveOne } from './resolve';

const codeText = (value: unknown): Ref | undefined => {
	const text = normalizeId(value);
	return text ? { text, byId: false } : undefined;
};

export const description: INodeProperties[] = forOperation('changeEvent', 'pushCor', [
	projectLocator,
	{
		displayName: 'Change Event',
		name: 'target',
		type: 'options',
		options: [
			{
				name: 'Find by COR, or Create',
				value: 'auto',
				description: 'Update the Change Event this COR was pushed to before (matched by its COR ID), or create one',
			},
			{ name: 'Update a Chosen Change Event', value: 'existing', description: 'Push the COR into a Change Event you pick' },
		],
		default: 'auto',
		description: 'Pushing the same COR again never creates a second Change Event: it updates the one it created',
	},
	{ ...changeEventLocator, displayOptions: { show: { target: ['existing'] } } },
	{
		displayName: 'COR ID',
		name: 'corId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. cor-8812',
		description:
			'The COR\'s unique ID in the tool it comes from. Stored as the Change Event\'s origin ID, so a re-push finds and updates it.',
	},
	{ displayName: 'COR Number', name: 'corNumber', type: 'string', default: '', placeholder: 'e.g. 17', description: 'Shown in line descriptions and the summary ("COR 17")' },
	{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '', description: 'The Change Event title, usually the COR title' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'The COR\'s description or scope narrative' },
	statusLookup,
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		options: [...scopeOptions, { name: 'Unchanged (TBD When Created)', value: '' }],
		default: '',
		description: 'In scope, out of scope or TBD. Procore requires it; empty means TBD on create and unchanged on update.',
	},
	{
		displayName: 'Cost Breakdown',
		name: 'breakdown',
		type: 'options',
		options: [
			{ name: 'Line Item', value: 'lineItem', description: 'One Change Event line per COR line' },
			{ name: 'Lump Sum', value: 'lumpSum', description: 'One line for the COR total, on the COR\'s cost code' },
			{
				name: 'Sub-Total',
				value: 'subTotal',
				description: 'One line per rate type (labor, material, equipment, subcontract, markup…), on the COR\'s cost code',
			},
		],
		default: 'lineItem',
	},
	{
		displayName: 'Lines (JSON)',
		name: 'lines',
		type: 'json',
		default: '={{ $json.lines }}',
		description: `The COR's lines as a JSON array; each line is ${LINE_SHAPE}. Codes are matched against the project's cost codes, line item types, WBS codes and commitments. Empty when the lines are entered below.`,
	},
	{
		displayName: 'Lines',
		name: 'lineItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		description: 'COR lines entered here (added after the JSON lines)',
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{ displayName: 'Amount', name: 'amount', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'Extended amount; 0 = quantity × unit cost' },
					{ displayName: 'Category', name: 'category', type: 'string', default: '', placeholder: 'e.g. L or Labor', description: 'Line item type (cost type) code, name or ID' },
					{ displayName: 'Contract', name: 'contract', type: 'string', default: '', description: 'Commitment ID, number or title (overrides the COR\'s contract)' },
					{ displayName: 'Cost Code', name: 'costCode', type: 'string', default: '', placeholder: 'e.g. 01-100', description: 'Cost code or its ID' },
					{ displayName: 'Description', name: 'description', type: 'string', default: '' },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 0 },
					{ displayName: 'Rate Type', name: 'rateType', type: 'string', default: '', placeholder: 'e.g. labor', description: 'Groups lines for the Sub-Total breakdown' },
					{ displayName: 'Unit', name: 'unit', type: 'string', default: '', placeholder: 'e.g. HR', description: 'One of the company\'s units of measure' },
					{ displayName: 'Unit Cost', name: 'unitCost', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
					{ displayName: 'Vendor', name: 'vendor', type: 'string', default: '', description: 'Vendor ID or name' },
				],
			},
		],
	},
	{
		displayName: 'Cost Code',
		name: 'costCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. 01-100',
		description: 'The COR\'s cost code (code or ID): the code of Lump Sum and Sub-Total lines, and of any line without one',
	},
	lookupLocator({
		name: 'contract',
		displayName: 'Contract',
		searchListMethod: 'searchChangeEventContracts',
		placeholder: 'e.g. SC-004, or an ID',
		description:
			'The commitment (subcontract, purchase order) the COR belongs to, or the prime contract. A commitment becomes each line\'s contract and vendor; a prime contract becomes the Change Event\'s prime contract for estimates.',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Attachment Binary Properties',
				name: 'binaryProperties',
				type: 'string',
				default: '',
				placeholder: 'e.g. data',
				description:
					'Binary properties of the input item holding files to attach, e.g. the COR PDF (comma-separated). Each is uploaded to the project and attached to the Change Event; a file name the Change Event already has is not uploaded again, so a re-push does not duplicate it.',
			},
			{
				displayName: 'Attachment Upload UUIDs',
				name: 'attachmentUuids',
				type: 'string',
				default: '',
				description:
					'Completed Procore uploads to attach (comma-separated UUIDs or an array), e.g. the COR PDF uploaded with Document > Upload',
			},
			{ displayName: 'Budget Code', name: 'budgetCode', type: 'string', default: '', placeholder: 'e.g. 01-100.L', description: 'WBS budget code (or ID) for lines without one, when the project uses WBS codes' },
			{ displayName: 'Category', name: 'category', type: 'string', default: '', placeholder: 'e.g. L', description: 'Line item type for the Lump Sum line and lines without one' },
			changeTypeLookup,
			{ ...reasonLookup },
			{
				displayName: 'Change Event Number',
				name: 'number',
				type: 'string',
				default: '',
				description: 'Procore numbers Change Events itself; set only to override',
			},
			{ displayName: 'COR Total', name: 'corTotal', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'The COR total for a Lump Sum push without lines' },
			{ displayName: 'Event Type', name: 'eventType', type: 'options', options: eventTypeOptions, default: 'tbd', description: 'Procore\'s fixed event type (v1.0)' },
			{ displayName: 'Procore File Version IDs', name: 'fileVersionIds', type: 'string', default: '', description: 'Files already in Procore Documents to attach (comma-separated file version IDs)' },
			{ displayName: 'Vendor', name: 'vendor', type: 'string', default: '', description: 'Vendor (ID or name) for lines without one, when no commitment gives it' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Removed Lines',
				name: 'removedLines',
				type: 'options',
				options: [
					{ name: 'Delete (Zero If Linked)', value: 'delete', description: 'Remove them; a line Procore will not delete (already in a commitment change order) is set to 0' },
					{ name: 'Keep', value: 'keep', description: 'Leave them as they are' },
					{ name: 'Set to Zero', value: 'zero', description: 'Keep them at 0, for the audit trail' },
				],
				default: 'delete',
				description: 'What happens on update to Change Event lines the COR no longer has',
			},
			...writeOptions,
		],
	},
]);

interface Target {
	record: IDataObject;
	id: string;
}

async function findByOrigin(ctx: IExecuteFunctions, i: number, scope: Scope, corId: string): Promise<Target | undefined> {
	// Procore's Change Event lists take no origin ID filter (v1.0 nor v1.1), so the project's
	// Change Events are read in pages of 1,000 and matched here.
	const all = await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: V10_PATH,
		qs: { project_id: scope.projectId },
		companyId: scope.companyId,
		itemIndex: i,
	});
	const hits = all.filter((ce) => originIdOf(ce) === corId && !ce.deleted_at);
	if (!hits.length) return undefined;
	// Should a person have copied one, the oldest is the one the push created.
	hits.sort((a, b) => (BigInt(String(a.id)) < BigInt(String(b.id)) ? -1 : 1));
	return { record: hits[0], id: String(hits[0].id) };
}

function money(cents: number): number {
	return fromCents(cents);
}

function linesPhrase(plan: LinePlan): string {
	const removed = plan.removals.filter((r) => r.action === 'deleted' || r.action === 'zeroed').length;
	const parts = [
		plan.updates.length ? `${plan.updates.length} line${plan.updates.length === 1 ? '' : 's'} changed` : '',
		plan.creates.length ? `${plan.creates.length} added` : '',
		removed ? `${removed} removed` : '',
	].filter(Boolean);
	return parts.length ? parts.join(', ') : 'lines unchanged';
}

interface FileToAttach {
	property: string;
	fileName: string;
}

/**
 * Uploads the item's files the Change Event does not have yet (matched by file name) and returns
 * their upload UUIDs with a line per file for the output. In preview nothing is uploaded.
 */
async function uploadFiles(
	ctx: IExecuteFunctions,
	i: number,
	scope: Scope,
	files: FileToAttach[],
	existing: IDataObject | undefined,
	preview: boolean,
): Promise<{ uuids: string[]; report: IDataObject[] }> {
	const attached = new Set(
		(Array.isArray(existing?.attachments) ? (existing.attachments as IDataObject[]) : []).map((a) => String(a.filename ?? a.name ?? '')),
	);
	const fresh = files.filter((f) => !attached.has(f.fileName));
	const report: IDataObject[] = files
		.filter((f) => attached.has(f.fileName))
		.map((f) => ({ fileName: f.fileName, status: 'already attached' }));
	if (!fresh.length) return { uuids: [], report };
	if (preview) {
		return {
			uuids: fresh.map((f) => `(upload of ${f.fileName})`),
			report: [...fresh.map((f) => ({ fileName: f.fileName, status: 'would upload' })), ...report],
		};
	}
	const uuids = await uploadBinaryAttachments(ctx, i, {
		companyId: scope.companyId,
		projectId: scope.projectId,
		binaryProperties: fresh.map((f) => f.property),
	});
	return { uuids, report: [...fresh.map((f, n) => ({ fileName: f.fileName, status: 'uploaded', uuid: uuids[n] })), ...report] };
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const scope: Scope = { companyId, projectId };
	const target = this.getNodeParameter('target', i, 'auto') as string;
	const chosenId = target === 'existing' ? getRecordId(this, 'changeEventId', 'Change Event', i) : undefined;
	const corId = String(this.getNodeParameter('corId', i)).trim();
	const corNumber = String(this.getNodeParameter('corNumber', i, '')).trim();
	const title = String(this.getNodeParameter('title', i)).trim();
	const corDescription = String(this.getNodeParameter('description', i, '')).trim();
	const scopeValue = String(this.getNodeParameter('scope', i, ''));
	const breakdown = this.getNodeParameter('breakdown', i, 'lineItem') as Breakdown;
	const add = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const removedLines = (options.removedLines as RemovedLines | undefined) ?? 'delete';
	const previewOnly = options.previewOnly === true;
	const label = `COR ${corNumber || corId}`;

	const corLines = readCorLines(this, i);
	if (!corLines.length && breakdown !== 'lumpSum') {
		throw new NodeOperationError(this.getNode(), 'The COR has no lines', {
			description: `Give the lines in "Lines (JSON)" (an array of ${LINE_SHAPE}) or under "Lines", or choose the Lump Sum breakdown with "COR Total".`,
			itemIndex: i,
		});
	}

	// Every named binary property must be on the item before anything is read or written.
	const files: FileToAttach[] = [];
	for (const property of binaryPropertyNames(add.binaryProperties)) {
		files.push({ property, fileName: (await binarySource(this, i, property)).fileName });
	}

	// Everything that can be wrong with the input is found here, before any write.
	const unmatched = new Unmatched();
	const contract = await resolveContract(this, i, scope, lookupValue(this, 'contract', i), unmatched);
	const defaults: CorDefaults = {
		costCode: codeText(this.getNodeParameter('costCode', i, '')),
		category: codeText(add.category),
		budgetCode: codeText(add.budgetCode),
		vendor: codeText(add.vendor),
		contract: contract.commitment,
		amountCents: add.corTotal ? toCents(add.corTotal) : undefined,
		label,
		title,
	};
	const planned = planLines(this, i, breakdown, corLines, defaults);
	const lines: ResolvedLine[] = await resolveLines(this, i, scope, planned, unmatched);
	const statusId = await resolveOne(this, i, scope, KINDS.status, lookupValue(this, 'status', i), unmatched);
	const reasonId = await resolveOne(this, i, scope, KINDS.reason, normalizeId(add.reason), unmatched);
	const changeTypeId = await resolveOne(this, i, scope, KINDS.changeType, normalizeId(add.changeType), unmatched);
	unmatched.throwIfAny(this, i, projectId);
	const attachmentUuids = (Array.isArray(add.attachmentUuids) ? add.attachmentUuids.map(String) : String(add.attachmentUuids ?? '').split(','))
		.map((s) => s.trim())
		.filter(Boolean);
	const fileVersionIds = add.fileVersionIds ? idList(this, add.fileVersionIds, 'Procore File Version IDs', i) : [];

	let found: Target | undefined;
	if (chosenId) {
		const record = await procoreApiRequest.call(this, {
			method: 'GET',
			path: v10ItemPath(chosenId),
			qs: { project_id: projectId },
			companyId,
			itemIndex: i,
		});
		found = { record, id: chosenId };
	} else {
		found = await findByOrigin(this, i, scope, corId);
	}

	const extrasHeader: HeaderInput = {
		description: corDescription || undefined,
		changeTypeId,
		primeContractId: contract.primeContractId,
	};

	if (!found) {
		const header: HeaderInput = {
			title,
			number: add.number ? String(add.number) : undefined,
			statusId: statusId ?? (await defaultStatusId(this, i, scope)),
			scope: scopeValue || 'tbd',
			eventType: add.eventType ? String(add.eventType) : undefined,
			reasonId,
			originId: corId,
			attachmentUuids,
			fileVersionIds,
		};
		if (!header.statusId) {
			throw new NodeOperationError(this.getNode(), `Project ${projectId} has no Change Event statuses`, {
				description: 'Choose a Status, or check that the Change Events tool is enabled on the project.',
				itemIndex: i,
			});
		}
		const uploads = await uploadFiles(this, i, scope, files, undefined, previewOnly);
		const newCents = lines.reduce((s, l) => s + l.amountCents, 0);
		const summary = (id: unknown, preview: boolean) =>
			preview
				? `Would create a Change Event from ${label}: total ${formatMoney(newCents)} (${lines.length} line${lines.length === 1 ? '' : 's'})`
				: `Change Event ${String(id)} created from ${label}: total ${formatMoney(newCents)} (${lines.length} line${lines.length === 1 ? '' : 's'})`;
		const written = await procoreWrite
			.call(this, {
				itemIndex: i,
				action: 'create',
				recordLabel: 'Change Event',
				request: {
					method: 'POST',
					path: V10_PATH,
					qs: { project_id: projectId },
					body: {
						change_event: withAttachments(
							'changeEvent',
							{ ...v10Header(header), change_event_line_items_attributes: lines.map((l) => v10Line(l)) },
							uploads.uuids,
						),
					},
					companyId,
				},
				wrapperKey: 'change_event',
				auditField: 'origin_data',
				summarize: (record, _c, preview) => summary(record.id, preview),
			})
			.catch(async (error: unknown) => {
				// Procore did not answer the create (transport/retry.ts does not re-send a POST): look the
				// Change Event up by its COR ID instead, so a create that went through is reported as such.
				if (!isWriteOutcomeUnknown(error)) throw error;
				const created = await findByOrigin(this, i, scope, corId);
				if (!created) {
					const failure = error as NodeOperationError;
					failure.description = `Procore did not answer the create, and no Change Event with COR ID "${corId}" was found afterwards: it was not written, or Procore may still be writing it. Running this item again is safe: the push finds the Change Event by its COR ID and updates it instead of creating a second one.`;
					throw failure;
				}
				return { ...created.record, summary: summary(created.id, false), confirmedBy: 'COR ID lookup after Procore did not answer' } as IDataObject;
			});
		const newId = written.preview ? '<new Change Event ID>' : String(written.id);
		const extras = v11Extras(extrasHeader, []);
		const followUp = extras
			? await procoreWrite.call(this, {
					itemIndex: i,
					action: 'update',
					recordLabel: 'Change Event',
					request: { method: 'PATCH', path: v11ItemPath(newId), qs: { project_id: projectId }, body: { change_event: extras }, companyId },
					wrapperKey: 'change_event',
					auditField: null,
				})
			: undefined;
		return output(written, followUp, {
			action: 'created',
			corId,
			previousCents: 0,
			newCents,
			diff: { added: lines.map((l) => ({ description: l.description, amount: money(l.amountCents) })), changed: [], removed: [], unchanged: 0, otherLinesKept: 0 },
			lineCount: lines.length,
			record: written.preview ? undefined : (written as IDataObject),
			attachments: files.length ? uploads.report : undefined,
		});
	}

	// When Procore does not answer a PATCH, transport/retry.ts does not send it again (its new lines
	// and files would be added twice). The Change Event is read again and the push planned against
	// it: nothing left to write means the PATCH landed, and the push is reported done. What is left is
	// not sent (a slow write may still land): the item fails, and running it again is safe, because
	// the next push re-reads and writes only what is missing.
	let existing = found.record;
	let lost: { details: OutputDetails; summary: string; error: NodeOperationError; byRefOnly: boolean } | undefined;
	for (;;) {
		const existingOrigin = originIdOf(existing);
		const owned = existingOrigin === '' || existingOrigin === corId;
		const plan = planLineChanges(lines, readLines(existing), { owned, removedLines });
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
			title,
			number: add.number ? String(add.number) : undefined,
			statusId,
			scope: scopeValue || undefined,
			eventType: add.eventType ? String(add.eventType) : undefined,
			reasonId,
		});
		setIfChanged('title', existing.title, wanted.title);
		setIfChanged('number', existing.number, wanted.number);
		setIfChanged('change_event_status_id', status?.id, wanted.change_event_status_id);
		setIfChanged('event_scope', existing.event_scope, wanted.event_scope);
		setIfChanged('event_type', existing.event_type, wanted.event_type);
		setIfChanged('change_order_change_reason_id', reason?.id, wanted.change_order_change_reason_id);
		// A Change Event chosen by the user becomes this COR's, unless another origin already owns it.
		if (existingOrigin === '') setIfChanged('origin_id', '', corId);
		// On the re-read nothing is uploaded: a file still missing (by name) is reported, not sent.
		const uploads = await uploadFiles(this, i, scope, files, existing, previewOnly || lost !== undefined);
		const fieldChanges = Object.keys(header).length;
		Object.assign(header, withAttachments('changeEvent', v10Header({ attachmentUuids, fileVersionIds }), uploads.uuids));
		const lineBodies = [
			...plan.updates.map((u) => v10Line(u.line, u.existing.id)),
			...plan.creates.map((l) => v10Line(l)),
			...plan.removals.filter((r) => r.action === 'zeroed').map((r) => v10ZeroLine(r.existing.id)),
		];
		if (lineBodies.length) header.change_event_line_items_attributes = lineBodies;
		// Lines are diffed per line in `lines`; the field diff covers the header only.
		previous.change_event_line_items_attributes = header.change_event_line_items_attributes;

		const deleted = plan.removals.filter((r) => r.action === 'deleted').map((r) => r.existing.id);
		const newDescription = corDescription && corDescription !== String(existing.description ?? '') ? corDescription : undefined;
		const extras = v11Extras({ ...extrasHeader, description: newDescription }, deleted);
		const changeEventId = found.id;
		if (lost) {
			const idOf = (field: string) => String((existing[field] as IDataObject | undefined)?.id ?? '');
			const pending = [
				fieldChanges ? 'header fields' : '',
				hasLineWrites(plan) ? linesPhrase(plan) : '',
				uploads.uuids.length ? `${uploads.uuids.length} file(s)` : '',
				newDescription || deleted.length || (extrasHeader.changeTypeId && idOf('change_type') !== extrasHeader.changeTypeId) ||
				(extrasHeader.primeContractId && idOf('prime_contract_for_estimates') !== extrasHeader.primeContractId)
					? 'v1.1 fields'
					: '',
			].filter(Boolean);
			if (pending.length || lost.byRefOnly) {
				lost.error.description = pending.length
					? `Procore did not answer the update, and re-reading Change Event ${changeEventId} shows it was not written (still to do: ${pending.join(', ')}). It was not sent again, in case a slow write still lands. Running this item again is safe: the push re-reads the Change Event and writes only what is missing.`
					: `Procore did not answer the update, which only attached files by upload UUID or file version; re-reading Change Event ${changeEventId} cannot tell whether they were attached. Check its attachments before running this item again.`;
				throw lost.error;
			}
			return output({ summary: lost.summary, confirmedBy: 'Change Event re-read after Procore did not answer' }, undefined, { ...lost.details, record: existing });
		}
		const summary = (preview: boolean) => {
			const totals = `total ${formatMoney(plan.previousCents)} → ${formatMoney(plan.newCents)} (${formatDelta(plan.newCents - plan.previousCents)})`;
			return preview
				? `Would update Change Event ${changeEventId} from ${label}: ${totals}, ${linesPhrase(plan)}`
				: `Change Event ${changeEventId} updated from ${label}: ${totals}, ${linesPhrase(plan)}`;
		};
		const headerChanged = Object.keys(header).some((k) => k !== 'change_event_line_items_attributes');
		const lineCount = lines.length + plan.removals.filter((r) => r.action !== 'deleted').length + plan.others.length;
		const details: OutputDetails = {
			action: 'updated',
			corId,
			previousCents: plan.previousCents,
			newCents: plan.newCents,
			diff: lineDiffOutput(plan),
			record: existing,
			owned,
			existingOrigin,
			lineCount,
			attachments: files.length ? uploads.report : undefined,
		};
		if (!headerChanged && !hasLineWrites(plan) && !extras) {
			return output(
				{ summary: `Change Event ${changeEventId} already matches ${label}: total ${formatMoney(plan.newCents)}, nothing to write`, ...(previewOnly ? { preview: true } : {}) },
				undefined,
				{ ...details, action: 'unchanged' },
			);
		}
		try {
			let written: IDataObject | undefined;
			if (headerChanged || lineBodies.length) {
				written = await procoreWrite.call(this, {
					itemIndex: i,
					action: 'update',
					recordLabel: 'Change Event',
					request: {
						method: 'PATCH',
						path: v10ItemPath(changeEventId),
						qs: { project_id: projectId },
						body: { project_id: projectId, change_event: header },
						companyId,
					},
					wrapperKey: 'change_event',
					auditField: 'origin_data',
					previous,
					summarize: (_r, _c, preview) => summary(preview),
				});
			}
			const followUp = extras
				? await procoreWrite.call(this, {
						itemIndex: i,
						action: 'update',
						recordLabel: 'Change Event',
						// Removing a line twice fails (it is gone): a lost answer is re-read like the lines.
						request: { method: 'PATCH', path: v11ItemPath(changeEventId), qs: { project_id: projectId }, body: { change_event: extras }, companyId, idempotent: deleted.length === 0 },
						wrapperKey: 'change_event',
						auditField: null,
						summarize: (_r, _c, preview) => summary(preview),
					})
				: undefined;
			const main = written ?? followUp!;
			return output(main, written ? followUp : undefined, {
				...details,
				record: main.preview ? existing : written && !written.preview ? written : existing,
			});
		} catch (caught) {
			// procoreRequest throws only NodeApiError / NodeOperationError.
			const error = caught as NodeOperationError;
			if (lost || !isWriteOutcomeUnknown(error)) throw error;
			const byRefOnly = !fieldChanges && !lineBodies.length && !uploads.uuids.length && !extras;
			lost = { details, summary: summary(false), error, byRefOnly };
			existing = await procoreApiRequest.call(this, { method: 'GET', path: v10ItemPath(found.id), qs: { project_id: projectId }, companyId, itemIndex: i });
		}
	}
}

interface OutputDetails {
	action: string;
	corId: string;
	previousCents: number;
	newCents: number;
	diff: IDataObject;
	lineCount: number;
	record?: IDataObject;
	owned?: boolean;
	existingOrigin?: string;
	/** One line per file given as binary data: uploaded, already attached, or would upload. */
	attachments?: IDataObject[];
}

/** The Change Event (simplified), the totals, the per-line diff, and what was (or would be) sent. */
function output(main: IDataObject, followUp: IDataObject | undefined, d: OutputDetails): IDataObject {
	const out: IDataObject = {
		...(d.record ? simplify(withTotals(d.record), CHANGE_EVENT_FIELDS) : {}),
		action: main.preview && d.action !== 'unchanged' ? `would be ${d.action}` : d.action,
		corId: d.corId,
		previousTotal: money(d.previousCents),
		newTotal: money(d.newCents),
		delta: money(d.newCents - d.previousCents),
		lines: d.diff,
		summary: main.summary,
	};
	// The record in Procore is the total of what was written, not the v1.0 response alone.
	if (d.record) {
		out.total = money(d.newCents);
		out.line_count = d.lineCount;
	}
	if (d.attachments) out.attachments = d.attachments;
	if (main.confirmedBy) out.confirmedBy = main.confirmedBy;
	if (d.owned === false) {
		out.notes = `This Change Event belongs to origin "${String(d.existingOrigin)}", not to this COR: its other lines were left as they are and its origin ID was kept.`;
	}
	if (main.preview) {
		out.preview = true;
		out.requests = [main.request, followUp?.request].filter(Boolean) as IDataObject[];
	}
	if (main._n8n) out._n8n = main._n8n;
	return out;
}
