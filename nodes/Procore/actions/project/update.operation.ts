import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, toProcoreId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { writeOptionsCollection } from '../../helpers/write';
import { projectLocator, sortedOptions } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { updateRecord } from '../shared/updateRecord';
import { PROJECT_FIELDS } from './fields';
import { projectFieldsToBody, projectWriteOptions } from './write';

export const description: INodeProperties[] = forOperation('project', 'update', [
	projectLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortedOptions(projectWriteOptions.filter((o) => o.name !== 'projectTemplateId'), [{ displayName: 'Name', name: 'name', type: 'string', default: '' }]),
	},
	writeOptionsCollection,
]);

/** Changes fields of a project; only what differs is reported as changed (previous → new). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	return await updateRecord.call(this, {
		itemIndex: i,
		label: 'Project',
		companyId,
		path: `/rest/v1.0/projects/${projectId}`,
		qs: { company_id: companyId },
		wrapperKey: 'project',
		bodyExtra: { company_id: toProcoreId(companyId) },
		auditField: 'origin_data',
		changes: projectFieldsToBody(this, this.getNodeParameter('updateFields', i, {}) as IDataObject, i),
	});
}

export const output: OutputSpec = { fields: PROJECT_FIELDS };
