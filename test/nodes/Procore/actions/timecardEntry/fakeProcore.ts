/**
 * A small nock model of Procore's timecard rules, enough to check state and not just output:
 * v1.1 bulk_create takes at most 25 entries in one transaction (one bad entry fails them all),
 * Procore refuses a worker outside the project directory and a cost code without the category,
 * project lists default to today unless given a range, and a disabled tool answers 403.
 * In-progress entries (clock-ins) show only on the company list asked for them; `companyFields`
 * 'mytime' leaves origin_id and project_id off that list (UNCONFIRMED which Procore does), and
 * `lostBulkAnswers` stores the next bulk creates but loses their answers (a reset connection).
 */
import nock from 'nock';

export const API = 'https://api.procore.test';

export interface FakeState {
	project: { id: number; name: string; active: boolean; tz_name?: string };
	people: Array<{ id: number; name: string }>;
	costCodes: Array<{ id: number; full_code: string; name: string; line_item_types: Array<{ id: number; name: string; code: string; base_type: string }> }>;
	entries: Array<Record<string, any>>;
	bulkCalls: Array<Array<Record<string, any>>>;
	singleCalls: number;
	patchCalls: number;
	deleteCalls: number;
	listQueries: Array<Record<string, string>>;
	companyQueries: Array<Record<string, string>>;
	toolDisabled: boolean;
	companyFields: 'full' | 'mytime';
	lostBulkAnswers: number;
}

export function fakeProcore(overrides: Partial<FakeState> = {}): FakeState {
	const state: FakeState = {
		project: { id: 101, name: 'Riverside Medical', active: true, tz_name: 'America/Los_Angeles' },
		people: [
			{ id: 501, name: 'Ana Ruiz' },
			...Array.from({ length: 70 }, (_, k) => ({ id: 600 + k, name: `Crew ${k}` })),
		],
		costCodes: [
			{ id: 1234, full_code: '01-100', name: 'General Labor', line_item_types: [{ id: 5678, name: 'Labor', code: 'L', base_type: 'labor' }, { id: 5679, name: 'Materials', code: 'M', base_type: 'materials' }] },
			{ id: 2000, full_code: '03-300', name: 'Concrete', line_item_types: [{ id: 5678, name: 'Labor', code: 'L', base_type: 'labor' }] },
			{ id: 3000, full_code: '05-500', name: 'Steel', line_item_types: [{ id: 5678, name: 'Labor', code: 'L', base_type: 'labor' }] },
		],
		entries: [],
		bulkCalls: [],
		singleCalls: 0,
		patchCalls: 0,
		deleteCalls: 0,
		listQueries: [],
		companyQueries: [],
		toolDisabled: false,
		companyFields: 'full',
		lostBulkAnswers: 0,
		...overrides,
	};
	let nextId = 9000;
	const problem = (e: Record<string, any>): string | undefined => {
		if (!state.people.some((p) => p.id === Number(e.party_id))) return 'Party must exist in the project directory';
		if (e.cost_code_id !== undefined) {
			const cc = state.costCodes.find((c) => c.id === Number(e.cost_code_id));
			if (!cc) return 'Cost code is invalid';
			if (e.line_item_type_id !== undefined && !cc.line_item_types.some((t) => t.id === Number(e.line_item_type_id))) {
				return 'Line item type is not valid for the cost code';
			}
		}
		if (e.wbs_code_id !== undefined && e.cost_code_id !== undefined) return 'wbs_code_id cannot be combined with cost_code_id';
		if (e.hours === undefined && e.time_in === undefined) return 'Hours can\'t be blank';
		return undefined;
	};
	const store = (e: Record<string, any>) => {
		const record = { id: nextId++, ...e, party: { id: e.party_id, name: state.people.find((p) => p.id === Number(e.party_id))?.name } };
		state.entries.push(record);
		return record;
	};
	const forbidden = [403, { errors: 'You do not have permission to access this tool' }] as const;

	nock(API)
		.persist()
		.get(`/rest/v1.0/projects/${state.project.id}`)
		.query(true)
		.reply(() => [200, state.project])
		.get(`/rest/v1.0/projects/${state.project.id}/people`)
		.query(true)
		.reply(() => [200, state.people])
		.get('/rest/v1.0/cost_codes')
		.query((q) => String(q.project_id) === String(state.project.id))
		.reply(() => [200, state.costCodes])
		.get(`/rest/v1.0/projects/${state.project.id}/timecard_entries`)
		.query(true)
		.reply(function (uri) {
			if (state.toolDisabled) return forbidden;
			const q = Object.fromEntries(new URL(uri, API).searchParams) as Record<string, string>;
			state.listQueries.push(q);
			const today = new Date().toISOString().slice(0, 10);
			const from = q.start_date ?? q.log_date ?? today;
			const to = q.end_date ?? q.log_date ?? today;
			return [200, state.entries.filter((e) => e.date >= from && e.date <= to && e.in_progress !== true)];
		})
		// The company's list covers every project (here one): Update mode reads it for entries an
		// edited clock-out left in a project it moved out of.
		.get(/\/rest\/v1\.0\/companies\/\d+\/timecard_entries$/)
		.query(true)
		.reply(function (uri) {
			const q = Object.fromEntries(new URL(uri, API).searchParams) as Record<string, string>;
			state.companyQueries.push(q);
			const progress = (e: Record<string, any>) =>
				q['filters[in_progress_only]'] === 'true' ? e.in_progress === true : q['filters[include_in_progress]'] === 'true' || e.in_progress !== true;
			const rows: Array<Record<string, any>> = state.entries.filter((e) => e.date >= (q.start_date ?? '') && e.date <= (q.end_date ?? '9999') && progress(e)).map((e) => ({ project_id: state.project.id, ...e }));
			if (state.companyFields === 'full') return [200, rows];
			return [200, rows.map(({ origin_id: _o, project_id: _p, ...rest }) => rest)];
		})
		.post(`/rest/v1.1/projects/${state.project.id}/project_timecard_entries/bulk_create`)
		.reply((_uri, body: any, done) => {
			const answer = (): [number, any] => {
				if (state.toolDisabled) return forbidden as unknown as [number, any];
				const list = body.timecard_entries as Array<Record<string, any>>;
				state.bulkCalls.push(list);
				if (list.length > 25) return [422, { errors: { timecard_entries: ['is too long (maximum is 25 entries)'] } }];
				const bad = list.map(problem).find(Boolean);
				if (bad) return [422, { errors: bad }];
				return [201, { timecard_entries: list.map(store) }];
			};
			const result = answer();
			if (state.lostBulkAnswers > 0 && result[0] === 201) {
				state.lostBulkAnswers--;
				done(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), [0, '']);
				return;
			}
			done(null, result);
		})
		.post(`/rest/v1.1/projects/${state.project.id}/project_timecard_entries`)
		.reply((_uri, body: any) => {
			state.singleCalls++;
			if (state.toolDisabled) return forbidden;
			const bad = problem(body);
			return bad ? [422, { errors: bad }] : [201, store(body)];
		})
		.patch(/\/rest\/v1\.1\/projects\/101\/project_timecard_entries\/\d+$/)
		.reply((uri, body: any) => {
			state.patchCalls++;
			const id = Number(uri.split('/').pop());
			const record = state.entries.find((e) => e.id === id);
			if (!record) return [404, { errors: 'not found' }];
			// A time out or hours completes an open (in-progress) entry.
			const completes = record.in_progress === true && (body.hours !== undefined || body.time_out !== undefined);
			Object.assign(record, body, completes ? { in_progress: false } : {});
			return [200, record];
		})
		.delete(/\/rest\/v1\.0\/projects\/101\/timecard_entries\/\d+$/)
		.reply((uri) => {
			state.deleteCalls++;
			const at = state.entries.findIndex((e) => e.id === Number(uri.split('/').pop()));
			if (at < 0) return [404, { errors: 'not found' }];
			state.entries.splice(at, 1);
			return [204, ''];
		});
	return state;
}
