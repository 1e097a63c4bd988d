import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { commitmentLocator, commitmentType, commitmentTypeParameter, contractSegment } from '../commitment/common';
import { forOperation } from '../operationSelector';

export const description: INodeProperties[] = forOperation('complianceDocument', 'getAll', [
	projectLocator,
	commitmentLocator,
	commitmentTypeParameter,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject | IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const commitmentId = getRecordId(this, 'commitment', 'Commitment', i);
	const type = await commitmentType(this, i, companyId, projectId, commitmentId, this.getNodeParameter('commitmentType', i, 'auto') as string);
	const documents = await procoreApiRequestAllItems.call(this, {
		method: 'GET',
		path: `/rest/v1.0/projects/${projectId}/${contractSegment(type)}/${commitmentId}/compliance_documents`,
		companyId,
		itemIndex: i,
	});
	return documents;
}

/** What Simplified keeps of a compliance document (Get Many and Create). */
export const COMPLIANCE_DOCUMENT_FIELDS = ['id', 'name', 'type', 'status', 'effective_at', 'expires_at', 'notes', 'attachments', 'updated_at'];

export const output: OutputSpec = { fields: COMPLIANCE_DOCUMENT_FIELDS };
