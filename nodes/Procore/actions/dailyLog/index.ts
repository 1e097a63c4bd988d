import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as getAll from './getAll.operation';
import * as getDaySummary from './getDaySummary.operation';

export const dailyLog: ProcoreResource = {
	option: {
		name: 'Daily Log',
		value: 'dailyLog',
		description: 'Manpower, notes, work, delivery, weather, accident and timecard logs of a project',
	},
	description: [
		operationSelector(
			'dailyLog',
			[
				{
					name: 'Get Day Summary',
					value: 'getDaySummary',
					action: 'Get a day summary of the daily logs',
					description: 'Gather one day of a project\'s daily logs (all types) into one compact item with totals and an overview sentence, ready for a language model to summarise',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many daily log entries',
					description: 'List the entries of one daily log type for a day or a date range',
				},
			],
			'getDaySummary',
		),
		...getAll.description,
		...getDaySummary.description,
	],
	operations: { getAll, getDaySummary },
};
