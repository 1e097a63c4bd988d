import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { simplify } from '../../helpers/output';
import { procoreApiRequest } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { commitmentLocator, commitmentType, commitmentTypeParameter, compliancePath } from './common';

export const description: INodeProperties[] = forOperation('commitment', 'getCompliance', [
	projectLocator,
	commitmentLocator,
	commitmentTypeParameter,
]);

function files(list: unknown): IDataObject[] {
	return Array.isArray(list) ? (list as IDataObject[]).map((f) => simplify(f, ['id', 'filename', 'name', 'url'])) : [];
}

/** Statuses, notes and each document with its status, expiry and file links (the certificate PMs open). */
function simplified(record: IDataObject): IDataObject {
	const docs = (list: unknown, fields: string[]) =>
		Array.isArray(list) ? (list as IDataObject[]).map((d) => ({ ...simplify(d, fields), attachments: files(d.attachments) })) : [];
	return {
		...record,
		insurance_documents: docs(record.insurance_documents, ['id', 'name', 'insurance_type', 'level', 'status', 'expires_at']),
		compliance_documents: docs(record.compliance_documents, ['id', 'name', 'type', 'status', 'expires_at']),
	};
}

export const output: OutputSpec = {
	fields: [
		'commitment_id',
		'commitment_type',
		'insurance_status',
		'derived_insurance_status',
		'compliance_status',
		'derived_compliance_status',
		'insurance_documents',
		'compliance_documents',
		'insurance_notes',
		'compliance_notes',
	],
	simplify: simplified,
};

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'commitment', 'Commitment', i);
	const type = await commitmentType(this, i, companyId, projectId, id, this.getNodeParameter('commitmentType', i, 'auto') as string);
	const record = await procoreApiRequest.call(this, {
		method: 'GET',
		path: compliancePath(projectId, type, id),
		companyId,
		itemIndex: i,
	});
	return { commitment_id: id, commitment_type: type, ...record };
}
