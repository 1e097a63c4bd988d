import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId, toProcoreId } from '../../helpers/context';
import { idList } from '../../helpers/filters';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { projectLocator, recordLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { rfiFieldOptions, rfiFieldsToBody } from './fields';
import type { OutputSpec } from '../../helpers/output';
import { RFI_FIELDS } from './read';

export const description: INodeProperties[] = forOperation('rfi', 'create', [
	projectLocator,
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Curtain wall anchor spacing at level 3',
	},
	{
		displayName: 'Question',
		name: 'question',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The question to the design team, as it should appear in Procore',
	},
	recordLocator({
		name: 'rfiManager',
		displayName: 'RFI Manager',
		searchListMethod: 'searchRfiManagers',
		urlPattern: 'users/([0-9]+)',
		description: 'The user who manages the RFI (Procore requires one). The list shows the project\'s potential RFI managers.',
	}),
	{
		displayName: 'Draft',
		name: 'draft',
		type: 'boolean',
		default: true,
		description:
			'Whether to save the RFI as a draft for a person to review and send from Procore. Drafts get no number and notify no one.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: rfiFieldOptions,
	},
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const managerId = getRecordId(this, 'rfiManager', 'RFI Manager', i);
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const rfi: IDataObject = {
		subject: this.getNodeParameter('subject', i) as string,
		question: { body: this.getNodeParameter('question', i) as string },
		rfi_manager_id: toProcoreId(managerId),
		draft: this.getNodeParameter('draft', i, true) as boolean,
		...rfiFieldsToBody(this, additional, i),
	};
	if (additional.uploadIds) {
		(rfi.question as IDataObject).upload_ids = idList(this, additional.uploadIds, 'Attachment Upload IDs', i);
	}
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'RFI',
		request: {
			method: 'POST',
			path: `/rest/v1.0/projects/${projectId}/rfis`,
			body: { rfi },
			companyId,
		},
		wrapperKey: 'rfi',
		auditField: null,
		summarize: (record, _changes, preview) =>
			`${preview ? 'Would create' : 'Created'} ${rfi.draft ? 'draft ' : ''}RFI${record.number ? ` #${String(record.number)}` : record.id ? ` ${String(record.id)}` : ''}: "${String(rfi.subject)}"`,
	});
}

export const output: OutputSpec = { fields: RFI_FIELDS };
