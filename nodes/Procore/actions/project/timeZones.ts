import type { IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime, IANAZone } from 'luxon';

/**
 * Procore writes a project's `time_zone` in Rails' names ("Pacific Time (US & Canada)") and reads
 * back the IANA zone beside it as `tz_name` ("America/Los_Angeles"): the pairs below are Rails'
 * ActiveSupport::TimeZone mapping (the zones a construction project is found in; an IANA zone not
 * listed here has no Procore name and is refused with the list to pick from).
 */
export const PROCORE_TIME_ZONES: Record<string, string> = {
	'Hawaii': 'Pacific/Honolulu',
	'Alaska': 'America/Juneau',
	'Pacific Time (US & Canada)': 'America/Los_Angeles',
	'Tijuana': 'America/Tijuana',
	'Arizona': 'America/Phoenix',
	'Mountain Time (US & Canada)': 'America/Denver',
	'Chihuahua': 'America/Chihuahua',
	'Mazatlan': 'America/Mazatlan',
	'Central Time (US & Canada)': 'America/Chicago',
	'Saskatchewan': 'America/Regina',
	'Mexico City': 'America/Mexico_City',
	'Monterrey': 'America/Monterrey',
	'Central America': 'America/Guatemala',
	'Eastern Time (US & Canada)': 'America/New_York',
	'Indiana (East)': 'America/Indiana/Indianapolis',
	'Bogota': 'America/Bogota',
	'Lima': 'America/Lima',
	'Atlantic Time (Canada)': 'America/Halifax',
	'Caracas': 'America/Caracas',
	'La Paz': 'America/La_Paz',
	'Santiago': 'America/Santiago',
	'Newfoundland': 'America/St_Johns',
	'Brasilia': 'America/Sao_Paulo',
	'Buenos Aires': 'America/Argentina/Buenos_Aires',
	'Montevideo': 'America/Montevideo',
	'Azores': 'Atlantic/Azores',
	'UTC': 'Etc/UTC',
	'Dublin': 'Europe/Dublin',
	'London': 'Europe/London',
	'Lisbon': 'Europe/Lisbon',
	'Casablanca': 'Africa/Casablanca',
	'Amsterdam': 'Europe/Amsterdam',
	'Berlin': 'Europe/Berlin',
	'Brussels': 'Europe/Brussels',
	'Madrid': 'Europe/Madrid',
	'Paris': 'Europe/Paris',
	'Rome': 'Europe/Rome',
	'Stockholm': 'Europe/Stockholm',
	'Vienna': 'Europe/Vienna',
	'Warsaw': 'Europe/Warsaw',
	'Zurich': 'Europe/Zurich',
	'Athens': 'Europe/Athens',
	'Bucharest': 'Europe/Bucharest',
	'Cairo': 'Africa/Cairo',
	'Helsinki': 'Europe/Helsinki',
	'Jerusalem': 'Asia/Jerusalem',
	'Johannesburg': 'Africa/Johannesburg',
	'Istanbul': 'Europe/Istanbul',
	'Moscow': 'Europe/Moscow',
	'Riyadh': 'Asia/Riyadh',
	'Abu Dhabi': 'Asia/Muscat',
	'Karachi': 'Asia/Karachi',
	'New Delhi': 'Asia/Kolkata',
	'Kathmandu': 'Asia/Kathmandu',
	'Dhaka': 'Asia/Dhaka',
	'Bangkok': 'Asia/Bangkok',
	'Jakarta': 'Asia/Jakarta',
	'Beijing': 'Asia/Shanghai',
	'Hong Kong': 'Asia/Hong_Kong',
	'Kuala Lumpur': 'Asia/Kuala_Lumpur',
	'Perth': 'Australia/Perth',
	'Singapore': 'Asia/Singapore',
	'Taipei': 'Asia/Taipei',
	'Seoul': 'Asia/Seoul',
	'Tokyo': 'Asia/Tokyo',
	'Adelaide': 'Australia/Adelaide',
	'Darwin': 'Australia/Darwin',
	'Brisbane': 'Australia/Brisbane',
	'Melbourne': 'Australia/Melbourne',
	'Sydney': 'Australia/Sydney',
	'Hobart': 'Australia/Hobart',
	'Guam': 'Pacific/Guam',
	'Auckland': 'Pacific/Auckland',
	'Fiji': 'Pacific/Fiji',
};

/** The panel's list: "(UTC-08:00) Pacific Time (US & Canada)", the offset as of today (luxon). */
export function timeZoneOptions(now = DateTime.utc()): INodePropertyOptions[] {
	return Object.entries(PROCORE_TIME_ZONES)
		.map(([name, iana]) => ({ name: `${name} (UTC${now.setZone(iana).toFormat('ZZ')}, ${iana})`, value: name }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A Procore time zone name from either Procore's name or an IANA zone (what most systems hold, e.g.
 * "America/Chicago"), or an error that names the field and the fix.
 */
export function procoreTimeZone(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const text = String(value ?? '').trim();
	if (PROCORE_TIME_ZONES[text]) return text;
	const byIana = Object.entries(PROCORE_TIME_ZONES).find(([, iana]) => iana.toLowerCase() === text.toLowerCase());
	if (byIana) return byIana[0];
	const valid = IANAZone.isValidZone(text);
	const sameOffset = valid
		? Object.entries(PROCORE_TIME_ZONES).filter(([, iana]) => DateTime.utc().setZone(iana).offset === DateTime.utc().setZone(text).offset).map(([name]) => name)
		: [];
	throw new NodeOperationError(ctx.getNode(), `Time Zone "${text}" is not one Procore takes`, {
		description: valid
			? `Procore names time zones its own way. Pick one from the Time Zone list${sameOffset.length ? `; at the same offset today: ${sameOffset.join(', ')}` : ''}.`
			: 'Pick a time zone from the list, or give an IANA zone such as America/Chicago.',
		itemIndex,
	});
}
