import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as createManpower from './createManpower.operation';
import * as createNotes from './createNotes.operation';
import * as createWeather from './createWeather.operation';
import * as getAll from './getAll.operation';
import * as getDaySummary from './getDaySummary.operation';

export const dailyLog: ProcoreResource = {
	option: {
		name: 'Daily Log',
		value: 'dailyLog',
		description: 'Manpower, notes, work, delivery, weather, accident and timecard logs of a project; manpower, notes and weather entries can be written',
	},
	description: [
		operationSelector(
			'dailyLog',
			[
				{
					name: 'Create Manpower Entry',
					value: 'createManpower',
					action: 'Create a manpower entry in the daily log',
					description: 'Add a manpower entry (company, workers, hours each) to a day of the daily log; a re-run finds the same entry instead of adding it twice',
				},
				{
					name: 'Create Notes Entry',
					value: 'createNotes',
					action: 'Create a notes entry in the daily log',
					description: 'Add a note (optionally flagged as an issue) to a day of the daily log; a re-run finds the same note instead of adding it twice',
				},
				{
					name: 'Create Weather Entry',
					value: 'createWeather',
					action: 'Create a weather entry in the daily log',
					description: 'Add the weather (sky, temperature, wind, precipitation, delay) to a day of the daily log; a re-run finds the same entry instead of adding it twice',
				},
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
		...createManpower.description,
		...createNotes.description,
		...createWeather.description,
		...getAll.description,
		...getDaySummary.description,
	],
	operations: { createManpower, createNotes, createWeather, getAll, getDaySummary },
};
