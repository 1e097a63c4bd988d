import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { procoreApiRequest } from '../../transport';
import { recordLocator } from '../common.descriptions';

export const commitmentLocator: INodeProperties = recordLocator({
	name: 'commitment',
	displayName: 'Commitment',
	searchListMethod: 'searchCommitments',
	urlPattern: '(?:work_order_contracts|purchase_order_contracts|commitments)/([0-9]+)',
	description: 'The subcontract or purchase order. Pick it from the project\'s list, enter its ID, or paste its URL from Procore.',
});

export const commitmentTypeParameter: INodeProperties = {
	displayName: 'Commitment Type',
	name: 'commitmentType',
	type: 'options',
	options: [
		{ name: 'Detect From Procore', value: 'auto', description: 'Read the commitment once to learn its type' },
		{ name: 'Subcontract', value: 'WorkOrderContract', description: 'A work order contract' },
		{ name: 'Purchase Order', value: 'PurchaseOrderContract' },
	],
	default: 'auto',
	description: 'Procore keeps compliance under different paths for subcontracts and purchase orders',
};

export type CommitmentType = 'WorkOrderContract' | 'PurchaseOrderContract';

/** `work_order_contracts` or `purchase_order_contracts`: the path segment of a commitment type. */
export function contractSegment(type: CommitmentType): string {
	return type === 'PurchaseOrderContract' ? 'purchase_order_contracts' : 'work_order_contracts';
}

export function commitmentTypeLabel(type: CommitmentType): string {
	return type === 'PurchaseOrderContract' ? 'Purchase Order' : 'Subcontract';
}

/** The commitment as v1.0 shows it (type, vendor, number, title, status). */
export async function getCommitment(
	ctx: IExecuteFunctions,
	itemIndex: number,
	companyId: string,
	projectId: string,
	commitmentId: string,
): Promise<IDataObject> {
	return await procoreApiRequest.call(ctx, {
		method: 'GET',
		path: `/rest/v1.0/commitments/${commitmentId}`,
		qs: { project_id: projectId },
		companyId,
		itemIndex,
	});
}

/** The type chosen in the node, or read from Procore when set to detect. */
export async function commitmentType(
	ctx: IExecuteFunctions,
	itemIndex: number,
	companyId: string,
	projectId: string,
	commitmentId: string,
	chosen: string,
	known?: IDataObject,
): Promise<CommitmentType> {
	if (chosen === 'WorkOrderContract' || chosen === 'PurchaseOrderContract') return chosen;
	const record = known ?? (await getCommitment(ctx, itemIndex, companyId, projectId, commitmentId));
	if (record.type === 'WorkOrderContract' || record.type === 'PurchaseOrderContract') return record.type;
	throw new NodeOperationError(ctx.getNode(), `Procore did not say whether commitment ${commitmentId} is a subcontract or a purchase order`, {
		description: 'Set Commitment Type to Subcontract or Purchase Order.',
		itemIndex,
	});
}

export function compliancePath(projectId: string, type: CommitmentType, commitmentId: string): string {
	return `/rest/v1.0/projects/${projectId}/${contractSegment(type)}/${commitmentId}/compliance`;
}

/** "Subcontract 55 (SC-001 Electrical)": how summaries name a commitment. */
export function commitmentName(record: IDataObject, type?: CommitmentType): string {
	const label = type ? commitmentTypeLabel(type) : 'Commitment';
	const detail = [record.number, record.title].filter((v) => v !== undefined && v !== null && v !== '').join(' ');
	const id = record.id === undefined || record.id === null || record.id === '' ? '' : ` ${String(record.id)}`;
	return `${label}${id}${detail ? ` (${detail})` : ''}`;
}
