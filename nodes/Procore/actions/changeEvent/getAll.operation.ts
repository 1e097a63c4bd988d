import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import { sinceRange } from '../../helpers/filters';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { parseAuditTag } from '../../helpers/write';
import { procoreApiRequestAllItems } from '../../transport';
import { filtersCollection, projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { V10_PATH, originIdOf } from './body';
import { CHANGE_EVENT_FIELDS, withTotals } from './fields';

export const description: INodeProperties[] = [
	...forOperation('changeEvent', 'getAll', [projectLocator]),
	...returnAllOrLimit({ resource: ['changeEvent'], operation: ['getAll'] }),
	...forOperation('changeEvent', 'getAll', [
		filtersCollection([
			{ displayName: 'Include Deleted', name: 'includeDeleted', type: 'boolean', default: false, description: 'Whether to include Change Events in the recycle bin' },
			{
				displayName: 'Origin ID',
				name: 'originId',
				type: 'string',
				default: '',
				description: 'Only the Change Event pushed from this COR ID (its origin ID)',
			},
			{
				displayName: 'Pushed From a COR',
				name: 'pushed',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'No', value: 'no', description: 'Created in Procore (no origin ID, no n8n audit tag)' },
					{ name: 'Yes', value: 'yes', description: 'Has an origin ID (a COR or another integration) or an n8n audit tag' },
				],
				default: 'any',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: [
					{ name: 'Closed', value: 'closed' },
					{ name: 'Open', value: 'open' },
					{ name: 'Pending', value: 'pending' },
				],
				default: [],
				description: 'Only Change Events in these statuses',
			},
			{ displayName: 'Title Contains', name: 'title', type: 'string', default: '' },
			{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '', description: 'Only Change Events changed at or after this time (for incremental syncs)' },
		]),
	]),
];

function statusOf(ce: IDataObject): string {
	const status = ce.change_event_status as IDataObject | undefined;
	return String(status?.mapped_to_status ?? status?.name ?? ce.status ?? '').toLowerCase();
}

function isPushed(ce: IDataObject): boolean {
	return originIdOf(ce) !== '' || parseAuditTag(ce.origin_data) !== undefined;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const limit = readLimit(this, i);
	const f = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = { project_id: projectId };
	if (f.updatedSince) qs['filters[updated_at]'] = sinceRange(this, f.updatedSince, i);
	if (f.includeDeleted) qs['filters[include_deleted]'] = 'with';
	const statuses = (f.status as string[] | undefined) ?? [];
	const pushed = (f.pushed as string | undefined) ?? 'any';
	const originId = String(f.originId ?? '').trim();
	const title = String(f.title ?? '').trim().toLowerCase();
	// Procore's v1.0 list filters only by id and dates; status, origin and title are matched here,
	// after paging, so the limit counts matching Change Events only.
	const clientSide = statuses.length > 0 || pushed !== 'any' || originId !== '' || title !== '';
	let records = await procoreApiRequestAllItems.call(
		this,
		{ method: 'GET', path: V10_PATH, qs, companyId, itemIndex: i },
		{ limit: clientSide ? undefined : limit },
	);
	if (clientSide) {
		records = records.filter(
			(ce) =>
				(!statuses.length || statuses.includes(statusOf(ce))) &&
				(pushed === 'any' || isPushed(ce) === (pushed === 'yes')) &&
				(!originId || originIdOf(ce) === originId) &&
				(!title || String(ce.title ?? '').toLowerCase().includes(title)),
		);
		if (limit !== undefined) records = records.slice(0, limit);
	}
	return records.map(withTotals);
}

export const output: OutputSpec = { fields: CHANGE_EVENT_FIELDS };
