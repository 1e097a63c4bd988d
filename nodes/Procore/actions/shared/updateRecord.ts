import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { WriteSpec } from '../../helpers/write';
import { procoreWrite } from '../../helpers/write';
import { procoreApiRequest } from '../../transport';

export interface UpdateRecordSpec {
	itemIndex: number;
	label: string;
	companyId: string;
	/** GET path of the record (for the previous values and the diff). */
	path: string;
	/** PATCH path, when it differs from `path`. */
	patchPath?: string;
	qs?: IDataObject;
	wrapperKey: string;
	/** The fields to change, in Procore's names. */
	changes: IDataObject;
	/** Fields Procore requires on every PATCH even when unchanged (copied from the current record). */
	carry?: Array<{ field: string; from: (record: IDataObject) => unknown }>;
	/** Top-level body keys Procore wants beside the wrapper (e.g. project_id). */
	bodyExtra?: IDataObject;
	auditField?: string | null;
	summarize?: WriteSpec['summarize'];
}

/** Read the record, send only what changes (plus what Procore requires), report previous → new. */
export async function updateRecord(this: IExecuteFunctions, spec: UpdateRecordSpec): Promise<IDataObject> {
	if (Object.keys(spec.changes).length === 0) {
		throw new NodeOperationError(this.getNode(), `No fields to update on the ${spec.label}`, {
			description: 'Add at least one field under "Update Fields".',
			itemIndex: spec.itemIndex,
		});
	}
	const previous = await procoreApiRequest.call(this, {
		method: 'GET',
		path: spec.path,
		qs: spec.qs,
		companyId: spec.companyId,
		itemIndex: spec.itemIndex,
	});
	const fields: IDataObject = {};
	// Carried fields are also the "previous" value under the name the PATCH uses, so the diff
	// reports only what the user changed.
	const previousByPatchName: IDataObject = { ...previous };
	for (const { field, from } of spec.carry ?? []) {
		const value = from(previous);
		if (value !== undefined && value !== null) {
			fields[field] = value as IDataObject[string];
			previousByPatchName[field] = value as IDataObject[string];
		}
	}
	Object.assign(fields, spec.changes);
	return await procoreWrite.call(this, {
		itemIndex: spec.itemIndex,
		action: 'update',
		recordLabel: spec.label,
		request: {
			method: 'PATCH',
			path: spec.patchPath ?? spec.path,
			qs: spec.qs,
			body: { ...spec.bodyExtra, [spec.wrapperKey]: fields },
			companyId: spec.companyId,
		},
		wrapperKey: spec.wrapperKey,
		auditField: spec.auditField ?? null,
		previous: previousByPatchName,
		summarize: spec.summarize,
	});
}
