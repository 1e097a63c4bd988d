import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequest } from '../../transport';
import { forOperation } from '../operationSelector';
import { projectLocator } from '../common.descriptions';
import { PROJECT_FIELDS } from './fields';

export const description: INodeProperties[] = forOperation('project', 'get', [
	projectLocator,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const project = await procoreApiRequest.call(this, {
		method: 'GET',
		path: `/rest/v1.0/projects/${projectId}`,
		qs: { company_id: companyId },
		companyId,
		itemIndex: i,
	});
	return project;
}

export const output: OutputSpec = { fields: PROJECT_FIELDS };
