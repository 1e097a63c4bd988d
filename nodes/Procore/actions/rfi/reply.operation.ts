import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import { idList } from '../../helpers/filters';
import { procoreWrite, writeOptions } from '../../helpers/write';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { rfiLocator } from './read';

export const description: INodeProperties[] = forOperation('rfi', 'reply', [
	projectLocator,
	rfiLocator,
	{
		displayName: 'Response',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The text of the response',
	},
	{
		displayName: 'Official',
		name: 'official',
		type: 'boolean',
		default: false,
		description: 'Whether this is the official answer. Leave off for AI-drafted text a person should review.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Attachment Upload IDs',
				name: 'uploadIds',
				type: 'string',
				default: '',
				description: 'Upload UUIDs from Document > Upload (comma-separated)',
			},
			...writeOptions,
		],
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const rfiId = getRecordId(this, 'rfiId', 'RFI', i);
	const text = (this.getNodeParameter('body', i) as string).trim();
	if (!text) {
		throw new NodeOperationError(this.getNode(), 'Response is empty', {
			description: 'Enter the text of the reply in "Response".',
			itemIndex: i,
		});
	}
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const reply: IDataObject = { body: text, official: this.getNodeParameter('official', i, false) as boolean };
	if (options.uploadIds) reply.upload_ids = idList(this, options.uploadIds, 'Attachment Upload IDs', i);
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'RFI reply',
		request: {
			method: 'POST',
			path: `/rest/v1.0/projects/${projectId}/rfis/${rfiId}/replies`,
			body: { reply },
			companyId,
		},
		wrapperKey: 'reply',
		auditField: null,
		summarize: (_record, _c, preview) =>
			`${preview ? 'Would add' : 'Added'} ${reply.official ? 'an official' : 'a'} reply to RFI ${rfiId}`,
	});
}
