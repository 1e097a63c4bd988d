jest.setTimeout(180_000);
/**
 * workflows/daily-log-summary-and-risk-flags.json run by n8n's CLI in the shared real n8n: each
 * active project's daily logs of the day are summarised, and the rules of "Any risk?" turn safety,
 * delay and overtime signals into one Observation per flagged project for the project manager, with
 * a narrative written by the AI Agent (a local OpenAI-compatible stand-in model); a quiet project
 * gets none, and a re-run the same day neither asks the model again nor creates a second one.
 */
import { n8n, sandbox, state } from '../env';
import { chats, completion, connectStandInModel, STAND_IN_MODEL, type ChatRequest } from './standInModel';

/** The narrative names the project it was asked about, so each Observation's can be told apart. */
function model(request: ChatRequest) {
	const project = /Project: ([^\\]+)\\n/.exec(JSON.stringify(request.messages))?.[1] ?? 'the project';
	return completion({ content: `NARRATIVE for ${project}: crews worked as logged; the flagged risk needs the PM's follow-up tomorrow.` });
}

const WORKFLOW_ID = 'ProcoreDailyLogs';

interface Observation {
	id: number;
	name: string;
	description?: string;
	type_id?: number;
	assignee_id?: number;
	priority?: string;
	due_date?: string;
	project_id?: number;
}

async function procore(method: string, path: string, body: unknown): Promise<unknown> {
	const access_token = await sandbox.dmsaToken();
	const response = await fetch(`${state.sandboxUrl}${path}`, {
		method,
		headers: { Authorization: `Bearer ${access_token}`, 'Procore-Company-Id': String(state.companyId), 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
	return await response.json();
}

describe('template: Daily log summary and risk flags', () => {
	const { tower, hospital, school, warehouse } = state.seed.projects;
	const seed = state.seed as unknown as { observationTypes: { safety: number }; users: { pm: number } };
	const today = new Date().toISOString().slice(0, 10);
	let llm: Awaited<ReturnType<typeof connectStandInModel>>;
	const asked = () => chats(llm);
	let run: { data: { resultData: { error?: unknown; runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }>> } } };

	beforeAll(async () => {
		await sandbox.reset();
		// Today: an accident at the tower, an overtime spike at the hospital, a weather delay at the
		// school, an ordinary day at the warehouse (daily log lists return the day asked for only).
		await procore('POST', `/rest/v1.0/projects/${tower}/accident_logs`, { accident_log: { date: today, time_hour: 10, time_minute: 15, involved_name: "James O'Neill", involved_company: 'Granite Peak Builders, Inc.', comments: 'Minor hand laceration; first aid on site.' } });
		await procore('POST', `/rest/v1.0/projects/${tower}/manpower_logs`, { manpower_log: { date: today, num_workers: 12, num_hours: '8.0', notes: 'Level 8 deck pour' } });
		await procore('POST', `/rest/v1.0/projects/${hospital}/manpower_logs`, { manpower_log: { date: today, num_workers: 14, num_hours: '12.0', notes: 'Double shift to recover the MEP rough-in' } });
		await procore('POST', `/rest/v1.1/projects/${school}/daily_logs/weather_logs`, { weather_log: { date: today, sky: 'Overcast', precipitation: 'Heavy Rain', is_weather_delay: 1, comments: 'Roofing stopped at 10:00' } });
		await procore('POST', `/rest/v1.0/projects/${school}/manpower_logs`, { manpower_log: { date: today, num_workers: 6, num_hours: '8.0' } });
		await procore('POST', `/rest/v1.0/projects/${warehouse}/manpower_logs`, { manpower_log: { date: today, num_workers: 5, num_hours: '8.0', notes: 'Slab prep' } });
		await procore('POST', `/rest/v1.0/projects/${warehouse}/notes_logs`, { notes_log: { date: today, comment: 'Survey layout for racking completed.' } });
		llm = await connectStandInModel(WORKFLOW_ID, model, {
			observationTypeId: String(seed.observationTypes.safety),
			projectManagerUserId: String(seed.users.pm),
			logDate: today,
		});
		await sandbox.clearCalls();
		run = (await n8n.execute(WORKFLOW_ID)) as typeof run;
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW_ID).catch(() => undefined);
		await llm?.stop();
	});

	const output = (node: string, index = 0) => (run.data.resultData.runData[node]?.[0]?.data?.main[index] ?? []).map((i) => i.json);

	it('reads the day of every active project (all log types) and summarises each', () => {
		expect(run.data.resultData.error).toBeUndefined();
		const summaries = output("Get the day's logs");
		expect(summaries.map((s) => s.project_id).sort()).toEqual([tower, hospital, school, warehouse].map(String).sort());
		for (const s of summaries) {
			expect(s.date).toBe(today);
			expect(Object.keys(s.counts as object).sort()).toEqual(['accident', 'delivery', 'manpower', 'notes', 'timecard', 'weather', 'work']);
			expect(String(s.overview)).toMatch(/^Manpower: \d+ workers/);
		}
	});

	it('creates one Observation per flagged project, for the PM, with the summary and the reasons; none for a quiet day', async () => {
		const created: Record<number, Observation> = {};
		for (const project of [tower, hospital, school, warehouse]) {
			const rows = await sandbox.state<Observation>(`projects/${project}/observations/items`);
			const fresh = rows.filter((o) => o.name?.startsWith('Daily log risks'));
			expect({ project, count: fresh.length }).toEqual({ project, count: project === warehouse ? 0 : 1 });
			if (fresh[0]) created[project] = fresh[0];
		}
		expect(created[tower].name).toBe(`Daily log risks ${today}: safety`);
		expect(created[tower].description).toMatch(/Safety: 1 accident\(s\) logged: .*Minor hand laceration/);
		expect(created[hospital].name).toBe(`Daily log risks ${today}: overtime`);
		expect(created[hospital].description).toContain('Overtime: a crew logged 12 h per worker (limit 10 h)');
		expect(created[school].name).toBe(`Daily log risks ${today}: delay`);
		expect(created[school].description).toContain('Delay: weather delay logged');
		for (const o of Object.values(created)) {
			expect(o).toMatchObject({ type_id: seed.observationTypes.safety, assignee_id: seed.users.pm, priority: 'High' });
			expect(o.description).toMatch(/^Daily log summary for .+ on \d{4}-\d{2}-\d{2}: Manpower: /);
		}
		// The model wrote one narrative per flagged project, from that project's logs, and each sits
		// in its own Observation beside the rules' reasons.
		expect(asked()).toHaveLength(3);
		expect(asked().every((a) => a.model === STAND_IN_MODEL)).toBe(true);
		const hospitalPrompt = JSON.stringify(asked().find((a) => JSON.stringify(a.messages).includes('Double shift to recover the MEP rough-in'))?.messages);
		expect(hospitalPrompt).toContain('overtime (12 h per worker)');
		for (const o of Object.values(created)) {
			const name = /^Daily log summary for (.+) on /.exec(o.description ?? '')?.[1];
			expect(o.description).toContain(`Narrative (written by a language model from the logs above; check it before relying on it):\nNARRATIVE for ${name}: crews worked as logged`);
		}
		const writes = (await sandbox.calls()).filter((c) => c.method !== 'GET' && c.path.startsWith('/rest/'));
		expect(writes.map((c) => `${c.method} ${c.path}`)).toEqual(Array(3).fill('POST /rest/v1.0/observations/items'));
		expect(output('No risk today').map((i) => i.project_id)).toEqual([String(warehouse)]);
	});

	it('run again the same day: each flagged project\'s Observation is found, none is created twice', async () => {
		await sandbox.clearCalls();
		const again = (await n8n.execute(WORKFLOW_ID)) as typeof run;
		expect(again.data.resultData.error).toBeUndefined();
		const writes = (await sandbox.calls()).filter((c) => c.method !== 'GET' && c.path.startsWith('/rest/'));
		expect(writes).toEqual([]);
		for (const project of [tower, hospital, school]) {
			const rows = await sandbox.state<Observation>(`projects/${project}/observations/items`);
			expect({ project, count: rows.filter((o) => o.name?.startsWith('Daily log risks')).length }).toEqual({ project, count: 1 });
		}
		expect(again.data.resultData.runData['Create Observation for the PM']).toBeUndefined();
		// The Observation was found before the model was asked: no narrative is written twice.
		expect(asked()).toHaveLength(3);
	});
});
