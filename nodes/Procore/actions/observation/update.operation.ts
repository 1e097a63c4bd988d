import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId, toProcoreId } from '../../helpers/context';
import { writeOptionsCollection } from '../../helpers/write';
import { pickFromList, projectLocator, sortedOptions } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { updateRecord } from '../shared/updateRecord';
import { observationFieldOptions, observationFieldsToBody } from './fields';
import { observationLocator, observationRead } from './read';
import type { OutputSpec } from '../../helpers/output';

export const description: INodeProperties[] = forOperation('observation', 'update', [
	projectLocator,
	observationLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortedOptions(observationFieldOptions, [
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			pickFromList('typeId', 'Type', 'searchObservationTypes'),
		]),
	},
	writeOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'observationId', 'Observation', i);
	const changes = observationFieldsToBody(this, this.getNodeParameter('updateFields', i, {}) as IDataObject, i);
	return await updateRecord.call(this, {
		itemIndex: i,
		label: 'Observation',
		companyId,
		path: `/rest/v1.0/observations/items/${id}`,
		qs: { project_id: projectId },
		wrapperKey: 'observation',
		bodyExtra: { project_id: toProcoreId(projectId) },
		// Procore's PATCH schema requires name and type_id even when they do not change.
		carry: [
			{ field: 'name', from: (r) => r.name },
			{ field: 'type_id', from: (r) => (r.type as IDataObject | undefined)?.id ?? r.type_id },
		],
		changes,
	});
}

export const output: OutputSpec = { fields: observationRead.fields };
