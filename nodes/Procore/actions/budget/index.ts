import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as findOverCommitted from './findOverCommitted.operation';
import * as getDetailRows from './getDetailRows.operation';
import * as getViews from './getViews.operation';

export const budget: ProcoreResource = {
	option: { name: 'Budget', value: 'budget', description: 'Budget views and their cost code × category rows' },
	description: [
		operationSelector(
			'budget',
			[
				{
					name: 'Find Over-Committed Cost Codes',
					value: 'findOverCommitted',
					action: 'Find over committed cost codes',
					description: 'Return budget lines whose committed costs exceed a share (default 90%) of the revised budget, read from the chosen budget view\'s columns',
				},
				{ name: 'Get Detail Rows', value: 'getDetailRows', action: 'Get budget detail rows', description: 'Every cost code × category row of a budget view, with the view\'s own columns' },
				{ name: 'Get Views', value: 'getViews', action: 'Get budget views', description: 'List the budget views of a project (their IDs are what the other operations need)' },
			],
			'findOverCommitted',
		),
		...findOverCommitted.description,
		...getDetailRows.description,
		...getViews.description,
	],
	operations: { findOverCommitted, getDetailRows, getViews },
};
