import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../../helpers/context';
import { idList } from '../../helpers/filters';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { filtersCollection, pickFromList, projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { allDirectCostLinesPath, directCostLinesPath } from './common';

export const description: INodeProperties[] = [
	...forOperation('directCost', 'getLineItems', [projectLocator]),
	...returnAllOrLimit({ resource: ['directCost'], operation: ['getLineItems'] }),
	...forOperation('directCost', 'getLineItems', [
		filtersCollection([
			pickFromList('costCode', 'Cost Code', 'searchCostCodes', 'Only the lines on this cost code'),
			pickFromList('directCost', 'Direct Cost', 'searchDirectCosts', 'Only the lines of this direct cost (empty: every direct cost of the project)'),
		]),
	]),
];

/** The actual costs line by line: of one direct cost, or of the whole project in one list. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const limit = readLimit(this, i);
	const f = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (normalizeId(f.costCode)) qs['filters[cost_code_id]'] = idList(this, f.costCode, 'Cost Code', i)[0];
	const one = normalizeId(f.directCost) ? idList(this, f.directCost, 'Direct Cost', i)[0] : undefined;
	const lines = await procoreApiRequestAllItems.call(
		this,
		{ method: 'GET', path: one ? directCostLinesPath(projectId, one) : allDirectCostLinesPath(projectId), qs, companyId, itemIndex: i },
		{ limit },
	);
	return one ? lines.map((l) => ({ direct_cost_id: l.direct_cost_id ?? Number(one), ...l })) : lines;
}

export const output: OutputSpec = {
	fields: ['id', 'direct_cost_id', 'description', 'cost_code.full_code', 'cost_code.name', 'line_item_type.name', 'quantity', 'uom', 'unit_cost', 'amount'],
};
