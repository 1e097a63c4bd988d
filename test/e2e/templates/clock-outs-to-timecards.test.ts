/**
 * Template workflows/clock-outs-to-timecards.json in the real n8n against the sandbox: the
 * workforce app posts clock-outs, the sandbox gets the timecard entries (hours to the hundredth,
 * no double export), and the app is told per clock-out what was written or why Procore refused it.
 * An edited clock-out moved to another project leaves the old one and lands in the new one (its
 * hours count once); crew and sub job pass through to the entries. A clock-in posted at once opens
 * in-progress entries that its clock-out completes: one entry per worker and milestone, hours once,
 * and a clock-in or clock-out sent again writes nothing (under both answers to whether Procore's
 * company timecard list carries origin_id and the project).
 */
import { n8n, sandbox, state } from '../env';
import { INBOUND_HEADER } from '../../../scripts/lib/n8n';

const WORKFLOW = 'ProcoreClockOut1';
/** The production path this import of the template got (the template leaves it empty). */
let PATH = '';
const DAY = '2026-11-20';

interface Entry {
	id: number;
	party_id: number;
	date: string;
	hours: string;
	cost_code_id?: number;
	line_item_type_id?: number;
	origin_id?: string;
	sub_job_id?: number | string | null;
	crew_id?: number | string | null;
	deleted_at?: string | null;
}
interface Result {
	clockOutId: string;
	status: string;
	summary?: string;
	hours?: string;
	entries?: Array<{ id: number; status: string; workerId: number; hours: string; originId: string }>;
	reason?: string;
	whatToDo?: string;
}
interface Reply {
	written: number;
	rejected: number;
	results: Result[];
}

describe('template: export worker clock-outs to Procore timecards', () => {
	const { projects, people, costCodes, lineItemTypes } = state.seed as typeof state.seed & {
		people: Record<string, number>;
		costCodes: Record<string, number>;
		lineItemTypes: Record<string, number>;
	};
	const project = projects.tower;
	const milestone = (code: string, category: string) => `procore:budget_line:cc:${costCodes[code]}:cat:${lineItemTypes[category]}`;
	const entries = async () =>
		(await sandbox.state<Entry>(`projects/${project}/timecard_entries`)).filter((e) => e.date === DAY && !e.deleted_at);
	const hundredths = (list: Entry[]) => list.reduce((s, e) => s + Math.round(Number(e.hours) * 100), 0);

	/** 07:00 to 15:29 with 30 min lunch = 7 h 59 min = 7.98 h, 60/40 over two milestones. */
	const CLOCK_OUT = {
		clockOutId: 'co_81234',
		projectId: String(project),
		workerId: String(people.carpenter),
		coworkerIds: [String(people.laborer)],
		clockIn: `${DAY}T07:00:00-08:00`,
		clockOut: `${DAY}T15:29:00-08:00`,
		lunchMinutes: 30,
		allocations: [
			{ milestone: milestone('03-300', 'labor'), percent: 60 },
			{ milestone: milestone('09-250', 'labor'), percent: 40 },
		],
	};

	beforeAll(async () => {
		PATH = await n8n.webhookPath(WORKFLOW, 'Clock-out from the workforce app');
		await sandbox.reset();
		await n8n.publish(WORKFLOW);
	});

	afterAll(async () => {
		await n8n.unpublish(WORKFLOW).catch(() => undefined);
		await sandbox.config({ companyTimecardFields: 'full' });
	});

	it('a clock-out with a coworker becomes one entry per worker per milestone; the app gets their IDs', async () => {
		const reply = await n8n.webhook(PATH, CLOCK_OUT);
		expect(reply.status).toBe(200);
		const stored = await entries();
		expect(stored).toHaveLength(4);
		for (const worker of [people.carpenter, people.laborer]) {
			const mine = stored.filter((e) => Number(e.party_id) === worker);
			expect(mine).toHaveLength(2);
			expect(hundredths(mine)).toBe(798);
		}
		expect(stored.filter((e) => Number(e.cost_code_id) === costCodes['03-300'])).toHaveLength(2);
		const body = reply.body as Reply;
		expect(body).toMatchObject({ written: 1, rejected: 0 });
		expect(body.results).toHaveLength(1);
		expect(body.results[0]).toMatchObject({ clockOutId: 'co_81234', status: 'written', hours: '7.98' });
		expect(body.results[0].summary).toContain('4 timecard entries created');
		expect(body.results[0].entries!.map((e) => e.id).sort()).toEqual(stored.map((e) => e.id).sort());
		expect(body.results[0].entries!.every((e) => e.status === 'created' && e.originId.startsWith('co_81234:'))).toBe(true);
	});

	it('the same clock-out sent again writes nothing and doubles no hours', async () => {
		await sandbox.clearCalls();
		const reply = await n8n.webhook(PATH, CLOCK_OUT);
		expect(reply.status).toBe(200);
		expect((reply.body as Reply).results[0]).toMatchObject({ clockOutId: 'co_81234', status: 'already in Procore' });
		expect(await entries()).toHaveLength(4);
		expect((await sandbox.calls()).filter((c) => c.method !== 'GET')).toEqual([]);
	});

	it('a batch with one refused clock-out: the good one is written, the app learns why the other was refused (207)', async () => {
		const good = { ...CLOCK_OUT, clockOutId: 'co_81235', coworkerIds: [], clockIn: `${DAY}T16:00:00-08:00`, clockOut: `${DAY}T18:00:00-08:00`, lunchMinutes: 0 };
		// HVAC (23-000) has no Labor category: Procore refuses that entry.
		const bad = { ...good, clockOutId: 'co_81236', allocations: [{ milestone: milestone('23-000', 'labor'), percent: 100 }] };
		const reply = await n8n.webhook(PATH, { clockOuts: [good, bad] });
		expect(reply.status).toBe(207);
		const body = reply.body as Reply;
		expect(body).toMatchObject({ written: 1, rejected: 1 });
		const byId = Object.fromEntries(body.results.map((r) => [r.clockOutId, r]));
		expect(byId.co_81235).toMatchObject({ status: 'written', hours: '2.00' });
		expect(byId.co_81236).toMatchObject({ status: 'rejected' });
		expect(byId.co_81236.reason).toMatch(/23-000/);
		expect(byId.co_81236.whatToDo).toBeTruthy();
		const stored = await entries();
		expect(stored).toHaveLength(6);
		expect(stored.filter((e) => String(e.origin_id ?? '').startsWith('co_81236'))).toEqual([]);
	});

	it('a clock-out for a worker outside the project directory is refused with the reason (422)', async () => {
		const reply = await n8n.webhook(PATH, { ...CLOCK_OUT, clockOutId: 'co_90000', workerId: '999999', coworkerIds: [] });
		expect(reply.status).toBe(422);
		const body = reply.body as Reply;
		expect(body).toMatchObject({ written: 0, rejected: 1 });
		expect(body.results[0]).toMatchObject({ clockOutId: 'co_90000', status: 'rejected' });
		expect(body.results[0].reason).toMatch(/999999/);
		expect(await entries()).toHaveLength(6);
	});

	it('the clock-out edited (left an hour earlier, coworker dropped) and sent again: its entries updated, the coworker\'s removed, no hours twice', async () => {
		const edited = { ...CLOCK_OUT, coworkerIds: [], clockOut: `${DAY}T14:29:00-08:00` };
		const reply = await n8n.webhook(PATH, edited);
		expect(reply.status).toBe(200);
		const body = reply.body as Reply & { results: Array<{ removed?: Array<{ workerId: unknown; originId: string }> }> };
		expect(body.results[0]).toMatchObject({ clockOutId: 'co_81234', status: 'written', hours: '6.98' });
		expect(body.results[0].removed!.map((r) => Number(r.workerId))).toEqual([people.laborer, people.laborer]);
		const mine = (await entries()).filter((e) => String(e.origin_id ?? '').startsWith('co_81234:'));
		expect(mine.map((e) => Number(e.party_id))).toEqual([people.carpenter, people.carpenter]);
		expect(hundredths(mine)).toBe(698);
	});

	it('the clock-out edited into another project: its entries leave the old project and are written in the new one; the hours count once', async () => {
		const { hospital } = projects;
		const codes = await sandbox.state<{ id: number; full_code: string }>(`projects/${hospital}/cost_codes`);
		const there = (code: string) => `procore:budget_line:cc:${codes.find((c) => c.full_code === code)!.id}:cat:${lineItemTypes.labor}`;
		const moved = {
			...CLOCK_OUT,
			projectId: String(hospital),
			coworkerIds: [],
			clockOut: `${DAY}T14:29:00-08:00`,
			allocations: [
				{ milestone: there('03-300'), percent: 60 },
				{ milestone: there('09-250'), percent: 40 },
			],
		};
		const ofClockOut = async (projectId: number) =>
			(await sandbox.state<Entry>(`projects/${projectId}/timecard_entries`)).filter((e) => !e.deleted_at && String(e.origin_id ?? '').startsWith('co_81234:'));
		const reply = await n8n.webhook(PATH, moved);
		expect(reply.status).toBe(200);
		const body = reply.body as Reply & { results: Array<{ removed?: Array<{ originId: string }> }> };
		expect(body.results[0]).toMatchObject({ clockOutId: 'co_81234', status: 'written', hours: '6.98' });
		expect(body.results[0].removed).toHaveLength(2);
		expect(await ofClockOut(project)).toEqual([]);
		const landed = await ofClockOut(hospital);
		expect(landed).toHaveLength(2);
		expect(hundredths(landed)).toBe(698);
		// Sent again: nothing written, nothing removed, still 6.98 h in all.
		const again = await n8n.webhook(PATH, moved);
		expect((again.body as Reply).results[0]).toMatchObject({ status: 'already in Procore' });
		expect(hundredths([...(await ofClockOut(project)), ...(await ofClockOut(hospital))])).toBe(698);
	});

	it('the crew and the sub job the app sends land on the entries', async () => {
		const { crews, subJobs } = state.seed as typeof state.seed & { crews: Record<string, number>; subJobs: Record<string, number> };
		const reply = await n8n.webhook(PATH, { ...CLOCK_OUT, clockOutId: 'co_crew_1', coworkerIds: [], crewId: String(crews.concrete), subJobId: String(subJobs.towerA) });
		expect(reply.status).toBe(200);
		const stored = (await entries()).filter((e) => String(e.origin_id ?? '').startsWith('co_crew_1:'));
		expect(stored).toHaveLength(2);
		expect(stored.every((e) => Number(e.sub_job_id) === subJobs.towerA && Number(e.crew_id) === crews.concrete)).toBe(true);
	});

	describe.each(['full', 'mytime'])('clock-in exported at once, completed at clock-out (company list fields: %s)', (fields) => {
		/** Its own day and IDs per setting, so the clock-out tests above are not disturbed. */
		const day = fields === 'full' ? '2026-11-24' : '2026-11-25';
		const clockInId = `ci_e2e_${fields}`;
		let PATH_IN = '';
		const CLOCK_IN = () => ({
			clockInId,
			projectId: String(project),
			workerId: String(people.carpenter),
			coworkerIds: [String(people.laborer)],
			// 07:00 at the tower (Los Angeles), as the app records it: UTC.
			clockIn: `${day}T15:00:00Z`,
			milestone: milestone('03-300', 'labor'),
		});
		const CLOCK_OUT_OF_SHIFT = () => ({
			...CLOCK_OUT,
			clockOutId: `co_e2e_${fields}`,
			clockInId,
			clockIn: `${day}T15:00:00Z`,
			clockOut: `${day}T23:29:00Z`,
			allocations: [
				{ milestone: milestone('09-250', 'labor'), percent: 60 },
				{ milestone: milestone('03-300', 'labor'), percent: 40 },
			],
		});
		const ofShift = async () => (await sandbox.state<Entry & { in_progress?: boolean; time_in?: string }>(`projects/${project}/timecard_entries`)).filter((e) => e.date === day && !e.deleted_at);
		const writes = async () => (await sandbox.calls()).filter((c) => c.method !== 'GET');

		beforeAll(async () => {
			PATH_IN = await n8n.webhookPath(WORKFLOW, 'Clock-in from the workforce app');
			expect(PATH_IN).not.toBe(PATH);
			await sandbox.config({ companyTimecardFields: fields });
		});

		it('a clock-in without the webhook header, or with a wrong one, is refused (403) and writes nothing', async () => {
			await sandbox.clearCalls();
			for (const headers of [{}, { [INBOUND_HEADER.name]: 'not-the-secret' }]) {
				const reply = await n8n.webhook(PATH_IN, CLOCK_IN(), 'POST', headers);
				expect(reply.status).toBe(403);
			}
			expect(await writes()).toEqual([]);
			expect(await ofShift()).toEqual([]);
		});

		it('the clock-in opens one in-progress entry per worker at once: time in, milestone, no hours', async () => {
			const reply = await n8n.webhook(PATH_IN, CLOCK_IN());
			expect(reply.status).toBe(200);
			const stored = await ofShift();
			expect(stored.map((e) => [Number(e.party_id), e.origin_id, e.in_progress, e.time_in, Number(e.cost_code_id)])).toEqual([
				[people.carpenter, `${clockInId}:${people.carpenter}`, true, `${day}T07:00:00-08:00`, costCodes['03-300']],
				[people.laborer, `${clockInId}:${people.laborer}`, true, `${day}T07:00:00-08:00`, costCodes['03-300']],
			]);
			expect(stored.every((e) => e.hours === null || e.hours === undefined)).toBe(true);
			const body = reply.body as Reply & { results: Array<{ clockInId: string; status: string }> };
			expect(body).toMatchObject({ written: 1, rejected: 0 });
			expect(body.results[0]).toMatchObject({ clockInId, status: 'written' });
		});

		it('the clock-in sent again (app retry) writes nothing', async () => {
			await sandbox.clearCalls();
			const reply = await n8n.webhook(PATH_IN, CLOCK_IN());
			expect(reply.status).toBe(200);
			expect((reply.body as { results: Array<{ status: string }> }).results[0].status).toBe('already in Procore');
			expect(await writes()).toEqual([]);
			expect(await ofShift()).toHaveLength(2);
		});

		it('the clock-out completes those entries with the first milestone and adds the second: 4 entries, 7.98 h per worker', async () => {
			const opened = (await ofShift()).map((e) => e.id);
			const reply = await n8n.webhook(PATH, CLOCK_OUT_OF_SHIFT());
			expect(reply.status).toBe(200);
			const stored = await ofShift();
			expect(stored).toHaveLength(4);
			expect(stored.filter((e) => opened.includes(e.id)).map((e) => [e.in_progress, Number(e.cost_code_id), e.hours])).toEqual([
				[false, costCodes['09-250'], '4.79'],
				[false, costCodes['09-250'], '4.79'],
			]);
			for (const worker of [people.carpenter, people.laborer]) expect(hundredths(stored.filter((e) => Number(e.party_id) === worker))).toBe(798);
			const result = (reply.body as Reply).results[0];
			expect(result).toMatchObject({ status: 'written', hours: '7.98' });
			expect(result.entries!.map((e) => e.status).sort()).toEqual(['completed', 'completed', 'created', 'created']);
		});

		it('the clock-out and then the clock-in sent again write nothing; the hours stay counted once', async () => {
			await sandbox.clearCalls();
			const again = await n8n.webhook(PATH, CLOCK_OUT_OF_SHIFT());
			expect((again.body as Reply).results[0]).toMatchObject({ status: 'already in Procore' });
			const late = await n8n.webhook(PATH_IN, CLOCK_IN());
			expect((late.body as { results: Array<{ status: string }> }).results[0].status).toBe('already in Procore');
			expect(await writes()).toEqual([]);
			expect(hundredths(await ofShift())).toBe(2 * 798);
		});

		it('a clock-in for a worker outside the project directory is refused with the reason (422), nothing written', async () => {
			const reply = await n8n.webhook(PATH_IN, { ...CLOCK_IN(), clockInId: `ci_bad_${fields}`, workerId: '999999', coworkerIds: [] });
			expect(reply.status).toBe(422);
			const body = reply.body as { results: Array<{ clockInId: string; status: string; reason: string; whatToDo: string }> };
			expect(body.results[0]).toMatchObject({ clockInId: `ci_bad_${fields}`, status: 'rejected' });
			expect(body.results[0].reason).toMatch(/999999/);
			expect(body.results[0].whatToDo).toMatch(/Add Person/);
			expect(await ofShift()).toHaveLength(4);
		});
	});
});
