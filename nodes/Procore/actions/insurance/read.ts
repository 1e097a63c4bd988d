import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../common.descriptions';

export const insuranceLocator: INodeProperties = recordLocator({
	name: 'insuranceId',
	displayName: 'Insurance',
	searchListMethod: 'searchInsurances',
	urlPattern: 'insurances/([0-9]+)',
	description: 'The insurance record. Pick it from the list (for the directory and vendor chosen above) or enter its ID (see Insurance > Get Many).',
});
