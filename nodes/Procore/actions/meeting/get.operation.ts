import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getProjectId, getRecordId } from '../../helpers/context';
import { simplify, type OutputSpec } from '../../helpers/output';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { meetingLocator, readMeeting, simplifyTopic, topicsOf } from './read';

export const description: INodeProperties[] = forOperation('meeting', 'get', [projectLocator, meetingLocator]);

/** The meeting as Procore returns it, plus `topics`: every topic of every category in one list. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const projectId = getProjectId(this, i);
	const id = getRecordId(this, 'meetingId', 'Meeting', i);
	const meeting = await readMeeting(this, i, projectId, id);
	return { ...meeting, topics: topicsOf(meeting) };
}

const FIELDS = ['id', 'title', 'starts_at', 'location', 'occurred', 'mode', 'is_draft', 'description', 'conclusion', 'topics'];

export const output: OutputSpec = {
	fields: FIELDS,
	simplify: (record) => ({
		...simplify(record, FIELDS),
		topics: (Array.isArray(record.topics) ? (record.topics as IDataObject[]) : topicsOf(record)).map(simplifyTopic) as unknown as IDataObject[],
	}),
};
