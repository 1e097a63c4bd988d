import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId, normalizeId } from '../../helpers/context';
import { idList } from '../../helpers/filters';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { filtersCollection, pickFromList, projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { primeContractLineItemsPath, primeContractLocator } from './common';

export const description: INodeProperties[] = [
	...forOperation('primeContract', 'getLineItems', [projectLocator, primeContractLocator]),
	...returnAllOrLimit({ resource: ['primeContract'], operation: ['getLineItems'] }),
	...forOperation('primeContract', 'getLineItems', [
		filtersCollection([
			pickFromList('costCode', 'Cost Code', 'searchCostCodes', 'Only the lines on this cost code'),
			pickFromList('lineItemType', 'Cost Type', 'searchLineItemTypes', 'Only the lines of this cost type (line item type)'),
		]),
	]),
];

/** The schedule of values: one item per line, in Procore's order. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'primeContract', 'Prime Contract', i);
	const limit = readLimit(this, i);
	const f = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = { project_id: projectId };
	if (normalizeId(f.costCode)) qs['filters[cost_code_id]'] = idList(this, f.costCode, 'Cost Code', i)[0];
	if (normalizeId(f.lineItemType)) qs['filters[line_item_type_id]'] = idList(this, f.lineItemType, 'Cost Type', i)[0];
	const lines = await procoreApiRequestAllItems.call(
		this,
		{ method: 'GET', path: primeContractLineItemsPath(id), qs, companyId, itemIndex: i },
		{ limit },
	);
	return lines.map((line) => ({ prime_contract_id: id, ...line }));
}

export const output: OutputSpec = {
	fields: [
		'id',
		'position',
		'description',
		'cost_code.full_code',
		'cost_code.name',
		'line_item_type.name',
		'quantity',
		'uom',
		'unit_cost',
		'amount',
	],
};
