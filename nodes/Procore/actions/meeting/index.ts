import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as upsertTopic from './upsertTopic.operation';

export const meeting: ProcoreResource = {
	option: {
		name: 'Meeting',
		value: 'meeting',
		description: 'Project meetings (agendas and minutes) and their topics',
	},
	description: [
		operationSelector(
			'meeting',
			[
				{ name: 'Create or Update Topic', value: 'upsertTopic', action: 'Create or update a meeting topic', description: 'Add a topic to a meeting, or update the meeting\'s topic with the same title (minutes, status, due date, assignees…); a re-run changes nothing twice' },
				{ name: 'Get', value: 'get', action: 'Get a meeting', description: 'Get one meeting by ID with all its topics (title, status, minutes, assignees, category)' },
				{ name: 'Get Many', value: 'getAll', action: 'Get many meetings', description: 'List a project\'s meetings with their date, location and number of topics' },
			],
			'getAll',
		),
		...get.description,
		...getAll.description,
		...upsertTopic.description,
	],
	operations: { get, getAll, upsertTopic },
};
