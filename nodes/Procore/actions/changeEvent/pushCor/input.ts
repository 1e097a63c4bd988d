import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../../../helpers/context';
import { binaryPropertyNames, binarySource } from '../../../helpers/files/binary';
import { idList } from '../../../helpers/filters';
import type { Breakdown } from '../breakdown';
import type { CorLine, LinesInput } from '../corInput';
import { LINE_SHAPE, readCorLines } from '../corInput';
import type { RemovedLines } from '../lineDiff';
import type { Scope } from '../lookups';

/** A file of the input item to attach: the binary field and the file's name (how a re-push recognises it). */
export interface FileToAttach {
	property: string;
	fileName: string;
}

/** One item's Push COR, read from the panel and checked; nothing is read from Procore here. */
export interface PushInput {
	scope: Scope;
	/** The Change Event chosen under Options; otherwise it is found by COR ID (or created). */
	chosenId?: string;
	corId: string;
	/** "COR 17" (the COR Number, else the COR ID): how lines and summaries name the COR. */
	label: string;
	title: string;
	description: string;
	/** In scope / out of scope / TBD; '' = TBD on create, unchanged on update. */
	eventScope: string;
	breakdown: Breakdown;
	lines: CorLine[];
	/** Additional Fields as given (codes and lookups are resolved in resolve.ts). */
	fields: IDataObject;
	removedLines: RemovedLines;
	previewOnly: boolean;
	files: FileToAttach[];
	attachmentUuids: string[];
	fileVersionIds: string[];
}

function chosenChangeEvent(ctx: IExecuteFunctions, i: number): string | undefined {
	const id = normalizeId(ctx.getNodeParameter('options.changeEventId', i, '', { extractValue: true }));
	if (id && !/^\d{1,20}$/.test(id)) {
		throw new NodeOperationError(ctx.getNode(), `Change Event "${id}" is not a Procore ID`, {
			description: 'Under Options, pick the Change Event from the list, enter its numeric ID, or paste its URL; or remove the option to find it by COR ID.',
			itemIndex: i,
		});
	}
	return id || undefined;
}

function noLines(ctx: IExecuteFunctions, i: number, linesInput: LinesInput): never {
	throw new NodeOperationError(ctx.getNode(), 'The COR has no lines', {
		description:
			linesInput === 'json'
				? `Map the lines into "Lines (JSON)" (an array of ${LINE_SHAPE}), or choose the Lump Sum breakdown with "COR Total".`
				: 'Add the lines under "Lines" (or set Lines Input to Using JSON to map them), or choose the Lump Sum breakdown with "COR Total".',
		itemIndex: i,
	});
}

export async function readPushInput(ctx: IExecuteFunctions, i: number): Promise<PushInput> {
	const scope: Scope = { companyId: await getCompanyId(ctx, i), projectId: getProjectId(ctx, i) };
	const fields = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const chosenId = chosenChangeEvent(ctx, i);
	const corId = String(ctx.getNodeParameter('corId', i)).trim();
	const corNumber = String(fields.corNumber ?? '').trim();
	const breakdown = ctx.getNodeParameter('breakdown', i, 'lineItem') as Breakdown;
	const linesInput = ctx.getNodeParameter('linesInput', i, 'fields') as LinesInput;
	const lines = readCorLines(ctx, i, linesInput);
	if (!lines.length && breakdown !== 'lumpSum') noLines(ctx, i, linesInput);

	// Every named binary property must be on the item before anything is read or written.
	const files: FileToAttach[] = [];
	for (const property of binaryPropertyNames(fields.binaryProperties)) {
		files.push({ property, fileName: (await binarySource(ctx, i, property)).fileName });
	}
	const uuids = Array.isArray(fields.attachmentUuids) ? fields.attachmentUuids.map(String) : String(fields.attachmentUuids ?? '').split(',');
	return {
		scope,
		chosenId,
		corId,
		label: `COR ${corNumber || corId}`,
		title: String(ctx.getNodeParameter('title', i)).trim(),
		description: String(fields.description ?? '').trim(),
		eventScope: String(fields.scope ?? ''),
		breakdown,
		lines,
		fields,
		removedLines: (options.removedLines as RemovedLines | undefined) ?? 'delete',
		previewOnly: options.previewOnly === true,
		files,
		attachmentUuids: uuids.map((s) => s.trim()).filter(Boolean),
		fileVersionIds: fields.fileVersionIds ? idList(ctx, fields.fileVersionIds, 'Procore File Version IDs', i) : [],
	};
}
