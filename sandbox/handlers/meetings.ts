/**
 * Meetings and their topics as Procore returns them: the v1.0 list groups meetings
 * (`[{group_title, meetings: [...]}]`, its schema), a meeting's show nests its topics under its
 * categories (`meeting_categories[].meeting_topic[]`), and a topic is written with `meeting_id`
 * beside the `meeting_topic` object. A topic must name a meeting (and category) of the project,
 * otherwise 422 naming the field and nothing is stored. A topic without a category goes into the
 * meeting's first category (UNCONFIRMED: how Procore files uncategorised topics).
 */
import { emitChange, listReply, readAttributes, respond } from '../engine/generic';
import { errorReply, notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { StoredRec } from '../store';
import type { Ctx, Reply } from '../types';
import { defineHandler } from './registry';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const keys = (projectId: number) => ({
	meetings: `projects/${projectId}/meetings`,
	categories: `projects/${projectId}/meeting_categories`,
	topics: `projects/${projectId}/meeting_topics`,
});

function topicsOf(rt: Runtime, projectId: number, meetingId: unknown): StoredRec[] {
	return rt.store.list(keys(projectId).topics).filter((t) => String(t.meeting_id) === String(meetingId));
}

function categoriesOf(rt: Runtime, projectId: number, meetingId: unknown): StoredRec[] {
	return rt.store
		.list(keys(projectId).categories)
		.filter((c) => String(c.meeting_id) === String(meetingId))
		.sort((a, b) => Number(a.position) - Number(b.position));
}

function showMeeting(ctx: Ctx, rt: Runtime): Reply {
	const projectId = ctx.projectId!;
	const meeting = rt.store.get(keys(projectId).meetings, ctx.params.id);
	if (!meeting) return notFound(false, 'Meeting');
	const topics = topicsOf(rt, projectId, meeting.id);
	const meeting_categories = categoriesOf(rt, projectId, meeting.id).map((c) => ({
		id: c.id,
		title: c.title,
		position: c.position,
		meeting_topic: topics.filter((t) => String(t.meeting_category_id) === String(c.id)).map((t) => topicView(t, c)),
	}));
	return respond(ctx, rt, { ...meeting, meeting_categories }, 200);
}

function topicView(t: StoredRec, category?: StoredRec): Obj {
	return { ...t, meeting_category: category ? { id: category.id, title: category.title } : t.meeting_category };
}

function listMeetings(ctx: Ctx, rt: Runtime): Reply {
	const projectId = ctx.projectId!;
	const meetings = rt.store.list(keys(projectId).meetings).map((m) => ({
		...m,
		meeting_date: typeof m.starts_at === 'string' ? m.starts_at.slice(0, 10) : null,
		meeting_topics_count: topicsOf(rt, projectId, m.id).length,
	}));
	const groups = new Map<string, Obj[]>();
	for (const m of meetings) {
		const title = String((m as Obj).group_title ?? 'Meetings');
		groups.set(title, [...(groups.get(title) ?? []), m]);
	}
	return listReply(ctx, rt, [...groups].map(([group_title, list]) => ({ group_title, meetings: list })));
}

function writeTopic(ctx: Ctx, rt: Runtime, existing?: StoredRec): Reply {
	const projectId = ctx.projectId!;
	const k = keys(projectId);
	const body = isObject(ctx.body) ? ctx.body : {};
	const read = readAttributes(ctx, 'meeting_topics', !!existing);
	if ('error' in read) return read.error;
	const meetingId = body.meeting_id ?? existing?.meeting_id;
	if (meetingId === undefined || meetingId === null || meetingId === '')
		return errorReply(false, 422, "meeting_id can't be blank", { meeting_id: ["can't be blank"] });
	const meeting = rt.store.get(k.meetings, String(meetingId));
	if (!meeting) return errorReply(false, 422, `Meeting ${String(meetingId)} not found in this project`, { meeting_id: ['is not a meeting of this project'] });
	const attrs = read.attrs;
	const categories = categoriesOf(rt, projectId, meeting.id);
	const categoryId = attrs.meeting_category_id ?? existing?.meeting_category_id ?? categories[0]?.id;
	const category = categories.find((c) => String(c.id) === String(categoryId));
	if (attrs.meeting_category_id !== undefined && !category)
		return errorReply(false, 422, 'Meeting category not found in this meeting', { meeting_category_id: ['is not a category of this meeting'] });
	const company = ctx.companyId ?? rt.companyId;
	const users = rt.store.list(`companies/${company}/users`);
	const { assignment_ids, upload_ids: _u, ...rest } = attrs;
	void _u;
	const patch: Obj = { ...rest, meeting_id: meeting.id, meeting_category_id: category?.id ?? null };
	if (Array.isArray(assignment_ids))
		patch.assignments = assignment_ids.map((id) => {
			const u = users.find((x) => String(x.id) === String(id));
			return u ? { id: u.id, login: u.login, name: u.name } : { id };
		});
	else if (assignment_ids === 'none') patch.assignments = [];
	const now = rt.clock.iso();
	let topic: StoredRec;
	if (existing) {
		topic = rt.store.update(k.topics, existing.id, { ...patch, updated_at: now })!;
		emitChange(ctx, rt, 'update', k.topics, topic);
	} else {
		const n = topicsOf(rt, projectId, meeting.id).length + 1;
		topic = rt.store.insert(k.topics, {
			status: 'Open',
			priority: '',
			assignments: [],
			number: `${String(meeting.position ?? 1)}.${n}`,
			created_on: now.slice(0, 10),
			...patch,
			project_id: projectId,
			created_at: now,
			updated_at: now,
		});
		emitChange(ctx, rt, 'create', k.topics, topic);
	}
	return respond(ctx, rt, topicView(topic, category), existing ? 200 : 201);
}

export const meetingList = defineHandler('GET /rest/v1.0/meetings', listMeetings);
export const meetingShow = defineHandler(
	['GET /rest/v1.0/meetings/{id}', 'GET /rest/v1.1/projects/{project_id}/meetings/{id}'],
	showMeeting,
);
export const topicCreate = defineHandler(
	['POST /rest/v1.0/meeting_topics', 'POST /rest/v1.1/projects/{project_id}/meeting_topics'],
	(ctx, rt) => writeTopic(ctx, rt),
);
export const topicUpdate = defineHandler(
	['PATCH /rest/v1.0/meeting_topics/{id}', 'PATCH /rest/v1.1/projects/{project_id}/meeting_topics/{id}'],
	(ctx, rt) => {
		const found = rt.store.get(keys(ctx.projectId!).topics, ctx.params.id);
		return found ? writeTopic(ctx, rt, found) : notFound(false, 'Meeting topic');
	},
);

export const meetingHandlers = [meetingList, meetingShow, topicCreate, topicUpdate];
