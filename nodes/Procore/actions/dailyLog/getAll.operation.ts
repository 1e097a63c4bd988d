import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import { dayRange } from '../../helpers/filters';
import { readLimit } from '../../helpers/limit';
import { procoreApiRequestAllItems } from '../../transport';
import { projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { fillPath } from '../shared/path';
import type { OutputSpec } from '../../helpers/output';
import { LOG_TYPE_FIELDS, LOG_TYPE_OPTIONS, LOG_TYPES } from './logTypes';

const dateParameters: INodeProperties[] = [
	{
		displayName: 'Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'The day of the logs (or the first day of a range). Procore returns today only when no date is given.',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'Last day of the range (inclusive); leave empty for one day',
	},
];

export const description: INodeProperties[] = [
	...forOperation('dailyLog', 'getAll', [
		projectLocator,
		{
			displayName: 'Log Type',
			name: 'logType',
			type: 'options',
			options: LOG_TYPE_OPTIONS,
			default: 'manpower',
		},
		...dateParameters,
	]),
	...returnAllOrLimit({ resource: ['dailyLog'], operation: ['getAll'] }),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const logType = LOG_TYPES[this.getNodeParameter('logType', i) as string];
	const { start, end } = dayRange(this, this.getNodeParameter('startDate', i), this.getNodeParameter('endDate', i, ''), i);
	const limit = readLimit(this, i);
	return await procoreApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			path: fillPath(logType.path, { companyId, projectId }),
			qs: { start_date: start, end_date: end },
			companyId,
			itemIndex: i,
		},
		{ limit },
	);
}

/** Simplified keeps each log type's own fields (a weather entry shares none with a delivery). */
export const output: OutputSpec = {
	fields: ['id', 'date'],
	variants: { parameter: 'logType', fields: LOG_TYPE_FIELDS },
};
