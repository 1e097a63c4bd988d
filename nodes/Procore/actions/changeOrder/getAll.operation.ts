import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../../helpers/context';
import { sinceRange } from '../../helpers/filters';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { filtersCollection, projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { CHANGE_ORDER_FIELDS, changeEventFilter, changeOrderTypeParameter, contractFilter } from './fields';
import { kindOf, STATUSES } from './kinds';
import { changeEventIdOf, listChangeOrders } from './records';

export const description: INodeProperties[] = [
	...forOperation('changeOrder', 'getAll', [projectLocator, changeOrderTypeParameter]),
	...returnAllOrLimit({ resource: ['changeOrder'], operation: ['getAll'] }),
	...forOperation('changeOrder', 'getAll', [
		filtersCollection([
			changeEventFilter,
			contractFilter,
			{ displayName: 'Status', name: 'status', type: 'multiOptions', options: STATUSES, default: [], description: 'Only change orders in these statuses' },
			{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '', description: 'Only change orders changed at or after this time (for incremental syncs)' },
		]),
	]),
];

const statusOf = (co: IDataObject) => String((co.status as IDataObject | undefined)?.name ?? co.status ?? '').toLowerCase().replace(/\s+/g, '_');

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const s = { companyId: await getCompanyId(this, i), projectId: getProjectId(this, i), itemIndex: i };
	const kind = kindOf(this.getNodeParameter('changeOrderType', i));
	const limit = readLimit(this, i);
	const f = this.getNodeParameter('filters', i, {}) as IDataObject;
	const contractId = normalizeId(f.contract);
	const changeEventId = normalizeId(f.changeEvent);
	const statuses = (f.status as string[] | undefined) ?? [];
	const qs: IDataObject = {};
	if (contractId) qs[kind.contractFilter] = contractId;
	if (f.updatedSince) qs['filters[updated_at]'] = sinceRange(this, f.updatedSince, i);
	if (statuses.length && kind.serverStatusFilter) qs['filters[status]'] = statuses.join(',');
	// The Change Event (and the status, where Procore's list has no status filter) is matched here,
	// after paging to the end, so the limit counts matching change orders only.
	const clientSide = changeEventId !== '' || statuses.length > 0;
	let records = await listChangeOrders(this, s, kind, qs, clientSide ? undefined : limit);
	if (clientSide) {
		records = records.filter(
			(co) => (!changeEventId || changeEventIdOf(co) === changeEventId) && (!statuses.length || statuses.includes(statusOf(co))),
		);
		if (limit !== undefined) records = records.slice(0, limit);
	}
	return records;
}

export const output: OutputSpec = { fields: CHANGE_ORDER_FIELDS };
