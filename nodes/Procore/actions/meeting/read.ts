import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getCompanyId } from '../../helpers/context';
import { simplify } from '../../helpers/output';
import { procoreApiRequest } from '../../transport';
import { recordLocator } from '../common.descriptions';

export const MEETINGS_LIST_PATH = '/rest/v1.0/meetings';
export const meetingPath = (projectId: string, id: string) => `/rest/v1.1/projects/${projectId}/meetings/${id}`;

export const meetingLocator = recordLocator({
	name: 'meetingId',
	displayName: 'Meeting',
	searchListMethod: 'searchMeetings',
	urlPattern: 'meetings/([0-9]+)',
	description: 'The meeting. Pick it from the list, enter its ID, or paste its URL from Procore.',
});

export const MEETING_FIELDS = ['id', 'title', 'meeting_date', 'starts_at', 'location', 'occurred', 'mode', 'is_draft', 'meeting_topics_count', 'updated_at'];
export const TOPIC_FIELDS = ['id', 'number', 'title', 'status', 'priority', 'due_date', 'minutes', 'meeting_category.title', 'assignments'];

/**
 * Procore's v1.0 list answers groups of meetings (`[{group_title, meetings}]`); the node returns
 * one item per meeting, with its group's title beside its own fields.
 */
export function flattenMeetingGroups(rows: IDataObject[]): IDataObject[] {
	return rows.flatMap((row) =>
		Array.isArray(row.meetings) ? (row.meetings as IDataObject[]).map((m) => ({ ...m, group_title: row.group_title })) : [row],
	);
}

/** A meeting's topics, which Procore nests under its categories, as one list with the category named. */
export function topicsOf(meeting: IDataObject): IDataObject[] {
	const categories = Array.isArray(meeting.meeting_categories) ? (meeting.meeting_categories as IDataObject[]) : [];
	return categories.flatMap((c) =>
		(Array.isArray(c.meeting_topic) ? (c.meeting_topic as IDataObject[]) : []).map((t) => ({
			...t,
			meeting_category: t.meeting_category ?? { id: c.id, title: c.title },
		})),
	);
}

export async function readMeeting(ctx: IExecuteFunctions, i: number, projectId: string, id: string): Promise<IDataObject> {
	const companyId = await getCompanyId(ctx, i);
	return await procoreApiRequest.call(ctx, { method: 'GET', path: meetingPath(projectId, id), companyId, itemIndex: i });
}

/** A topic as Simplified shows it (assignees by name). */
export function simplifyTopic(topic: IDataObject): IDataObject {
	const out = simplify(topic, TOPIC_FIELDS);
	if (Array.isArray(topic.assignments)) out.assignments = (topic.assignments as IDataObject[]).map((a) => a.name ?? a.login ?? a.id) as unknown as IDataObject[];
	return out;
}
