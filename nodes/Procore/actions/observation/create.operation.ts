import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId, toProcoreId } from '../../helpers/context';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { projectLocator, recordLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { observationFieldOptions, observationFieldsToBody } from './fields';
import type { OutputSpec } from '../../helpers/output';
import { observationRead } from './read';

export const description: INodeProperties[] = forOperation('observation', 'create', [
	projectLocator,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Missing guardrail at stair 2, level 4',
	},
	recordLocator({
		name: 'type',
		displayName: 'Type',
		searchListMethod: 'searchObservationTypes',
		urlPattern: 'types/([0-9]+)',
		description: 'Observation type (safety, quality, commissioning…), as configured in the company',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: observationFieldOptions,
	},
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const typeId = getRecordId(this, 'type', 'Type', i);
	const observation: IDataObject = {
		name: this.getNodeParameter('name', i) as string,
		type_id: toProcoreId(typeId),
		...observationFieldsToBody(this, this.getNodeParameter('additionalFields', i, {}) as IDataObject, i),
	};
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'Observation',
		request: {
			method: 'POST',
			path: '/rest/v1.0/observations/items',
			body: { project_id: toProcoreId(projectId), observation },
			companyId,
		},
		wrapperKey: 'observation',
		auditField: null,
		summarize: (record, _c, preview) =>
			`${preview ? 'Would create' : 'Created'} observation${record.id ? ` ${String(record.id)}` : ''}: "${String(observation.name)}"${observation.priority ? ` (${String(observation.priority)})` : ''}`,
	});
}

export const output: OutputSpec = { fields: observationRead.fields };
