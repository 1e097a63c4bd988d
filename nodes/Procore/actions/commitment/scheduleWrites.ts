import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { procoreApiRequest, procoreApiRequestAllItems } from '../../transport';
import type { Scope } from '../changeEvent/lookups';
import type { LineTarget } from '../shared/lineWrites';
import type { CommitmentType } from './common';
import { commitmentTypeLabel, contractSegment } from './common';

/** The v1.0 paths that write each kind, spelled out (the catalog test reads path literals). */
const PATHS: Record<CommitmentType, { list: string; one: (id: string) => string; lines: (id: string) => string }> = {
	WorkOrderContract: {
		list: '/rest/v1.0/work_order_contracts',
		one: (id) => `/rest/v1.0/work_order_contracts/${id}`,
		lines: (id) => `/rest/v1.0/work_order_contracts/${id}/line_items`,
	},
	PurchaseOrderContract: {
		list: '/rest/v1.0/purchase_order_contracts',
		one: (id) => `/rest/v1.0/purchase_order_contracts/${id}`,
		lines: (id) => `/rest/v1.0/purchase_order_contracts/${id}/line_items`,
	},
};
export const contractPath = (type: CommitmentType, id?: string) => (id ? PATHS[type].one(id) : PATHS[type].list);
const linesPath = (type: CommitmentType, id: string) => PATHS[type].lines(id);
export const wrapperKey = (type: CommitmentType) => contractSegment(type).slice(0, -1);

export async function readContract(ctx: IExecuteFunctions, i: number, scope: Scope, type: CommitmentType, id: string): Promise<IDataObject> {
	return await procoreApiRequest.call(ctx, { method: 'GET', path: contractPath(type, id), qs: { project_id: scope.projectId }, companyId: scope.companyId, itemIndex: i });
}

export async function readLines(ctx: IExecuteFunctions, i: number, scope: Scope, type: CommitmentType, id: string): Promise<IDataObject[]> {
	return await procoreApiRequestAllItems.call(ctx, {
		method: 'GET',
		path: linesPath(type, id),
		qs: { project_id: scope.projectId },
		companyId: scope.companyId,
		itemIndex: i,
	});
}

/** Where a commitment's lines are written. */
export function lineTarget(type: CommitmentType, id: string, projectId: string): LineTarget {
	return { label: `${commitmentTypeLabel(type)} ${id}`, linesPath: linesPath(type, id), bodyExtra: { project_id: Number(projectId) }, deleteQs: { project_id: Number(projectId) } };
}
