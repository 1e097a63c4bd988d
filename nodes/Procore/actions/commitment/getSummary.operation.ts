import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import { procoreApiRequest } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { commitmentLocator } from './common';

export const description: INodeProperties[] = forOperation('commitment', 'getSummary', [projectLocator, commitmentLocator]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'commitment', 'Commitment', i);
	const body = await procoreApiRequest.call(this, {
		method: 'GET',
		path: `/rest/v2.0/companies/${companyId}/projects/${projectId}/commitment_contracts/${id}/summary`,
		companyId,
		itemIndex: i,
	});
	const data = body.data && typeof body.data === 'object' && !Array.isArray(body.data) ? (body.data as IDataObject) : body;
	return { commitment_id: id, ...data };
}
