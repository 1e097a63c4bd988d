import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import { procoreApiRequest, procoreApiRequestAllItems } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { budgetViewLocator } from './common';

export const description: INodeProperties[] = forOperation('budget', 'findOverCommitted', [
	projectLocator,
	budgetViewLocator,
	{
		displayName: 'Threshold (%)',
		name: 'threshold',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 90,
		description: 'Return budget lines whose committed cost is above this share of the revised budget',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Budget Column',
				name: 'budgetColumn',
				type: 'string',
				default: '',
				placeholder: 'e.g. revised_budget',
				description: 'ID of the view column holding the revised budget. Leave empty to find the column named "Revised Budget".',
			},
			{
				displayName: 'Committed Column',
				name: 'committedColumn',
				type: 'string',
				default: '',
				placeholder: 'e.g. committed_costs',
				description: 'ID of the view column holding committed costs. Leave empty to find the column named "Committed Costs".',
			},
		],
	},
]);

interface Column {
	id: string;
	name: string;
}

/** The view's column whose id or name matches; the keys of detail rows differ per budget view. */
function findColumn(columns: Column[], chosen: string, pattern: RegExp): Column | undefined {
	if (chosen) return columns.find((c) => c.id === chosen || c.name.toLowerCase() === chosen.toLowerCase());
	return columns.find((c) => pattern.test(c.name)) ?? columns.find((c) => pattern.test(c.id));
}

function amount(value: unknown): number {
	const n = typeof value === 'number' ? value : Number(String(value ?? '').replace(/[^0-9.-]/g, ''));
	return Number.isFinite(n) ? n : 0;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const viewId = getRecordId(this, 'budgetView', 'Budget View', i);
	const threshold = this.getNodeParameter('threshold', i) as number;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const columnsBody: unknown = await procoreApiRequest.call(this, {
		method: 'GET',
		path: `/rest/v1.0/budget_views/${viewId}/budget_detail_columns`,
		qs: { project_id: projectId },
		companyId,
		itemIndex: i,
	});
	const columns = (Array.isArray(columnsBody) ? columnsBody : []).map((c: IDataObject) => ({ id: String(c.id), name: String(c.name ?? c.id) }));
	const budget = findColumn(columns, String(options.budgetColumn ?? ''), /revised budget/i);
	const committed = findColumn(columns, String(options.committedColumn ?? ''), /committed cost/i);
	if (!budget || !committed) {
		throw new NodeOperationError(this.getNode(), `The budget view has no ${!budget ? '"Revised Budget"' : '"Committed Costs"'} column`, {
			description: `Set "${!budget ? 'Budget Column' : 'Committed Column'}" in Options to one of this view's columns: ${columns.map((c) => `${c.id} (${c.name})`).join(', ')}`,
			itemIndex: i,
		});
	}
	const rows = await procoreApiRequestAllItems.call(this, {
		method: 'GET',
		path: `/rest/v1.0/budget_views/${viewId}/detail_rows`,
		qs: { project_id: projectId, budget_row_type: 'budgeted' },
		companyId,
		itemIndex: i,
	});
	return rows
		.map((row) => {
			const revisedBudget = amount(row[budget.id]);
			const committedCost = amount(row[committed.id]);
			const ratio = revisedBudget > 0 ? committedCost / revisedBudget : committedCost > 0 ? Infinity : 0;
			return { row, revisedBudget, committedCost, ratio };
		})
		.filter(({ ratio }) => ratio * 100 > threshold)
		.sort((a, b) => b.ratio - a.ratio)
		.map(({ row, revisedBudget, committedCost, ratio }) => ({
			project_id: projectId,
			cost_code_id: row.cost_code_id,
			cost_code: row.cost_code ?? row.cost_code_name,
			category_id: row.category_id,
			category: row.category ?? row.category_name,
			revised_budget: revisedBudget,
			committed_cost: committedCost,
			percent_committed: Number.isFinite(ratio) ? Math.round(ratio * 1000) / 10 : null,
			over_by: Math.round((committedCost - revisedBudget) * 100) / 100,
		}));
}
