import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId, normalizeId, toProcoreId } from '../../helpers/context';
import { idList, isoDay } from '../../helpers/filters';
import type { OutputSpec } from '../../helpers/output';
import { diffFields, procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { pickFromList, pickManyFromList, projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { meetingLocator, readMeeting, TOPIC_FIELDS, topicsOf } from './read';

export const description: INodeProperties[] = forOperation('meeting', 'upsertTopic', [
	projectLocator,
	meetingLocator,
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Curtain wall embed conflict at grid C/4',
		description: 'The topic\'s title. A topic of this meeting with the same title (case and spacing aside) is updated; otherwise one is created.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			pickManyFromList('assigneeIds', 'Assignees', 'getProjectUsers', 'Project users assigned to the topic'),
			pickFromList('categoryId', 'Category', 'searchMeetingCategories', 'The meeting\'s category the topic sits under (new topics: the meeting\'s first category when empty)'),
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
			{ displayName: 'Minutes', name: 'minutes', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'What was said and decided (Procore accepts simple HTML)' },
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				options: [
					{ name: 'Low', value: 'Low' },
					{ name: 'Medium', value: 'Medium' },
					{ name: 'High', value: 'High' },
				],
				default: 'Medium',
			},
			{ displayName: 'Private', name: 'isPrivate', type: 'boolean', default: false, description: 'Whether only the meeting\'s private viewers see the topic' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Closed', value: 'Closed' },
					{ name: 'On Hold', value: 'On Hold' },
					{ name: 'Open', value: 'Open' },
				],
				default: 'Open',
			},
		],
	},
	writeOptionsCollection,
]);

const key = (title: unknown) => String(title ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

function topicBody(ctx: IExecuteFunctions, title: string, f: IDataObject, i: number): IDataObject {
	const topic: IDataObject = { title };
	for (const [option, field] of Object.entries({ description: 'description', minutes: 'minutes', priority: 'priority', status: 'status' }))
		if (f[option] !== undefined && f[option] !== '') topic[field] = f[option];
	if (f.isPrivate !== undefined) topic.is_private = f.isPrivate;
	if (f.dueDate) topic.due_date = isoDay(ctx, f.dueDate, 'Due Date', i);
	if (normalizeId(f.categoryId)) topic.meeting_category_id = toProcoreId(normalizeId(f.categoryId));
	const assignees = idList(ctx, f.assigneeIds, 'Assignees', i);
	if (assignees.length) topic.assignment_ids = assignees.map(toProcoreId);
	return topic;
}

/** The existing topic in the names the write uses, so previous → new compares like with like. */
function asWritten(topic: IDataObject): IDataObject {
	const category = topic.meeting_category as IDataObject | undefined;
	const assignments = Array.isArray(topic.assignments) ? (topic.assignments as IDataObject[]) : [];
	return {
		...topic,
		meeting_category_id: category?.id ?? topic.meeting_category_id,
		assignment_ids: assignments.map((a) => a.id),
	};
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const meetingId = getRecordId(this, 'meetingId', 'Meeting', i);
	const title = String(this.getNodeParameter('title', i, '')).trim();
	if (!title) {
		throw new NodeOperationError(this.getNode(), 'Title is empty', {
			description: 'Give the topic a title: it is how a re-run finds the topic to update instead of adding it twice.',
			itemIndex: i,
		});
	}
	const topic = topicBody(this, title, this.getNodeParameter('additionalFields', i, {}) as IDataObject, i);
	const meeting = await readMeeting(this, i, projectId, meetingId);
	const existing = topicsOf(meeting).find((t) => key(t.title) === key(title));
	if (existing) {
		// The title found the topic; its spelling in Procore stays as it is.
		const { title: _title, ...changes } = topic;
		void _title;
		const body = { meeting_id: toProcoreId(meetingId), meeting_topic: changes };
		const previous = asWritten(existing);
		if (!diffFields(previous, changes).length) {
			return { ...existing, skipped: true, summary: `Topic ${String(existing.number ?? existing.id)} "${title}" already says this; nothing written` };
		}
		return await procoreWrite.call(this, {
			itemIndex: i,
			action: 'update',
			recordLabel: 'Meeting topic',
			request: { method: 'PATCH', path: `/rest/v1.1/projects/${projectId}/meeting_topics/${String(existing.id)}`, body, companyId },
			wrapperKey: 'meeting_topic',
			auditField: null,
			previous,
			summarize: (_r, changes, preview) =>
				`${preview ? 'Would update' : 'Updated'} topic ${String(existing.number ?? existing.id)} "${title}" of meeting "${String(meeting.title)}": ${changes.map((c) => c.field).join(', ')}`,
		});
	}
	const body = { meeting_id: toProcoreId(meetingId), meeting_topic: topic };
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'Meeting topic',
		request: { method: 'POST', path: `/rest/v1.1/projects/${projectId}/meeting_topics`, body, companyId },
		wrapperKey: 'meeting_topic',
		auditField: null,
		summarize: (record, _c, preview) =>
			`${preview ? 'Would add' : 'Added'} topic${record.number ? ` ${String(record.number)}` : ''} "${title}" to meeting "${String(meeting.title)}"`,
	});
}

export const output: OutputSpec = { fields: TOPIC_FIELDS };
