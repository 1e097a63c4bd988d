import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OutputSpec } from '../../helpers/output';
import { createEntry, entryDescription, idFields, locationOption, vendorOption } from './entryWrite';
import { LOG_TYPES } from './logTypes';

/** Procore's fixed values for a weather condition, as its weather log schema lists them. */
const values = (list: string[]) => list.map((v) => ({ name: v, value: v }));

export const description: INodeProperties[] = entryDescription('createWeather', [
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Average Temperature', name: 'average', type: 'string', default: '', placeholder: 'e.g. 48', description: 'Average temperature of the workday, as Procore stores it (text)' },
			{ displayName: 'Calamity', name: 'calamity', type: 'options', options: values(['Earthquake', 'Fire', 'Flash Flood', 'Hurricane', 'Landslide', 'Other', 'Snow', 'Tornado']), default: 'Earthquake' },
			{ displayName: 'Comments', name: 'comments', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{ displayName: 'Delay', name: 'isWeatherDelay', type: 'boolean', default: false, description: 'Whether the weather delayed the work' },
			{ displayName: 'Ground', name: 'ground', type: 'options', options: values(['Dry', 'Flooded', 'Frozen', 'Heavy Surf/Swell', 'High Tide', 'Low Tide', 'Snow', 'Wet/Muddy']), default: 'Dry' },
			locationOption,
			{ displayName: 'Precipitation', name: 'precipitation', type: 'string', default: '', placeholder: 'e.g. Light rain' },
			{ displayName: 'Sky', name: 'sky', type: 'options', options: values(['Clear', 'Cloudy', 'Fog', 'Ice/Sleet/Hail', 'Mist', 'Overcast', 'Rain', 'Snow']), default: 'Clear' },
			{ displayName: 'Temperature', name: 'temperature', type: 'options', options: values(['Cold', 'Hot', 'Mild', 'Very Cold', 'Very Hot']), default: 'Cold' },
			{ displayName: 'Time Observed', name: 'time', type: 'string', default: '', placeholder: 'e.g. 14:00', description: 'UTC time of the observation (HH:MM); several entries a day differ by it' },
			vendorOption,
			{ displayName: 'Wind', name: 'wind', type: 'options', options: values(['Calm', 'High Wind', 'Light Wind']), default: 'Calm' },
		],
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const f = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const entry: IDataObject = { ...idFields(f, { locationId: 'location_id', vendorId: 'vendor_id' }) };
	for (const key of ['average', 'calamity', 'comments', 'ground', 'precipitation', 'sky', 'temperature', 'time', 'wind'])
		if (f[key] !== undefined && f[key] !== '') entry[key] = f[key];
	// Procore writes the delay as 0/1 and reads it back as "true"/"false".
	if (f.isWeatherDelay !== undefined) entry.is_weather_delay = f.isWeatherDelay ? 1 : 0;
	return await createEntry(this, i, {
		type: 'weather',
		wrapperKey: 'weather_log',
		entry,
		describe: (e) => [e.sky, e.temperature, e.precipitation, e.wind].filter(Boolean).map(String).join(', ') || 'conditions',
	});
}

export const output: OutputSpec = { fields: LOG_TYPES.weather.fields };
