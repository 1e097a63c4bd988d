import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { filtersCollection, projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { INSPECTION_FIELDS, INSPECTIONS_PATH, inspectionFilters, inspectionQuery } from './read';

export const description: INodeProperties[] = [
	...forOperation('inspection', 'getAll', [projectLocator]),
	...returnAllOrLimit({ resource: ['inspection'], operation: ['getAll'] }),
	...forOperation('inspection', 'getAll', [
		filtersCollection(inspectionFilters),
	]),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const limit = readLimit(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const status = filters.status ? String(filters.status) : undefined;
	const records = await procoreApiRequestAllItems.call(
		this,
		{ method: 'GET', path: INSPECTIONS_PATH.replace('{project_id}', projectId), qs: inspectionQuery(this, filters, i), companyId, itemIndex: i },
		// The status is matched here (Procore's filter takes an undocumented number): read every page then.
		{ limit: status ? undefined : limit },
	);
	const kept = status ? records.filter((r) => String(r.status ?? '').toLowerCase() === status.toLowerCase()) : records;
	return limit === undefined ? kept : kept.slice(0, limit);
}

export const output: OutputSpec = { fields: INSPECTION_FIELDS };
