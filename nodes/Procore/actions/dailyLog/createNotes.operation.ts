import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OutputSpec } from '../../helpers/output';
import { createEntry, entryDescription, idFields, locationOption, vendorOption } from './entryWrite';
import { LOG_TYPES } from './logTypes';

export const description: INodeProperties[] = entryDescription('createNotes', [
	{ displayName: 'Comment', name: 'comment', type: 'string', required: true, typeOptions: { rows: 4 }, default: '', placeholder: 'e.g. Crane inspection completed; tower crane cleared for operation.' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Issue', name: 'isIssueDay', type: 'boolean', default: false, description: 'Whether the note records an issue affecting the project that day' },
			locationOption,
			vendorOption,
		],
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const f = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const entry: IDataObject = {
		comment: this.getNodeParameter('comment', i) as string,
		...idFields(f, { locationId: 'location_id', vendorId: 'vendor_id' }),
		...(f.isIssueDay !== undefined ? { is_issue_day: f.isIssueDay } : {}),
	};
	return await createEntry(this, i, {
		type: 'notes',
		wrapperKey: 'notes_log',
		entry,
		describe: (e) => `"${String(e.comment).slice(0, 80)}"`,
	});
}

export const output: OutputSpec = { fields: LOG_TYPES.notes.fields };
