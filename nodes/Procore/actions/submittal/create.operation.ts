import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { submittalFieldOptions, submittalFieldsToBody } from './fields';
import type { OutputSpec } from '../../helpers/output';
import { submittalRead } from './read';

export const description: INodeProperties[] = forOperation('submittal', 'create', [
	projectLocator,
	{
		displayName: 'Number',
		name: 'number',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 08 44 13-1',
		description: 'The submittal number (Procore requires it)',
	},
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: submittalFieldOptions },
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const submittal: IDataObject = {
		number: this.getNodeParameter('number', i) as string,
		...submittalFieldsToBody(this, this.getNodeParameter('additionalFields', i, {}) as IDataObject, i),
	};
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'Submittal',
		request: { method: 'POST', path: `/rest/v1.1/projects/${projectId}/submittals`, body: { submittal }, companyId },
		wrapperKey: 'submittal',
		auditField: null,
	});
}

export const output: OutputSpec = { fields: submittalRead.fields };
