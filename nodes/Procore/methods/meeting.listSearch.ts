import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../helpers/context';
import { procoreApiRequest } from '../transport';
import { matching, projectRows } from './rows';

/** The project's meetings, newest first (Procore's list groups them; the picker does not). */
export async function searchMeetings(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const groups = await projectRows(this, '/rest/v1.0/meetings', { project_id: getProjectId(this) });
	const meetings = groups.flatMap((g) => (Array.isArray(g.meetings) ? (g.meetings as IDataObject[]) : [g]));
	return {
		results: meetings
			.sort((a, b) => String(b.starts_at ?? b.meeting_date ?? '').localeCompare(String(a.starts_at ?? a.meeting_date ?? '')))
			.map((m) => {
				const day = String(m.meeting_date ?? m.starts_at ?? '').slice(0, 10);
				return { name: `${String(m.title ?? m.id)}${day ? ` (${day})` : ''}`, value: String(m.id) };
			})
			.filter(matching(filter)),
	};
}

/** The chosen meeting's categories (read from the meeting, which lists them with their topics). */
export async function searchMeetingCategories(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const value = this.getCurrentNodeParameter('meetingId') as unknown;
	const meetingId = normalizeId(value);
	if (!/^\d+$/.test(meetingId)) return { results: [] };
	const meeting: IDataObject = await procoreApiRequest.call(this, {
		method: 'GET',
		path: `/rest/v1.1/projects/${getProjectId(this)}/meetings/${meetingId}`,
		companyId: await getCompanyId(this),
	});
	const categories = Array.isArray(meeting.meeting_categories) ? (meeting.meeting_categories as IDataObject[]) : [];
	return { results: categories.map((c) => ({ name: String(c.title ?? c.id), value: String(c.id) })).filter(matching(filter)) };
}
