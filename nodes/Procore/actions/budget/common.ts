import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../common.descriptions';

export const budgetViewLocator: INodeProperties = recordLocator({
	name: 'budgetView',
	displayName: 'Budget View',
	searchListMethod: 'searchBudgetViews',
	urlPattern: 'budget_views/([0-9]+)',
	description: 'The budget view whose columns to read (views are configured per company; "Procore Standard Budget" is common)',
});
