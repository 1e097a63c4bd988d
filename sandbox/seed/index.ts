/** Builds the whole seed; the same options always give the same ids. */
import type { Accounts } from '../oauth/accounts';
import type { Runtime } from '../runtime';
import { SeedWriter } from './context';
import { seedDirectory } from './directory';
import { seedDocuments } from './documents';
import { seedField } from './field';
import { seedFieldTools } from './fieldTools';
import { seedFinancials } from './financials';
import { seedPunchPhotos } from './punchPhotos';
import type { SeedIds } from './ids';

export type { SeedIds } from './ids';

export interface SeedOptions {
	/** Extra generated projects beyond the six named ones (benchmarks: `{ projects: 500 }`). */
	projects?: number;
	/** Extra RFIs on the tower project (pagination and benchmark tests). */
	rfis?: number;
	/** Extra timecard entries on the tower project. */
	timecardEntries?: number;
	/** Extra workers (a crew) in the company's people and every named project's directory. */
	workers?: number;
}

export function seed(rt: Runtime, accounts: Accounts, options: SeedOptions = {}): SeedIds {
	const w = new SeedWriter(rt);
	const dir = seedDirectory(w, accounts, options.projects ?? 0);
	const fin = seedFinancials(w, dir, [
		'tower',
		'hospital',
		'school',
		'warehouse',
		'inactive',
		'archived',
	]);
	const field = seedField(w, { ...dir, ...fin });
	const docs = seedDocuments(w, dir);
	const punchPhotos = seedPunchPhotos(w, dir);
	const tools = seedFieldTools(w, { ...dir, ...docs, ...punchPhotos });
	const tower = dir.projects.tower;
	const rfiKey = w.key('GET /rest/v1.0/projects/{project_id}/rfis', { project_id: tower });
	for (let i = 0; i < (options.rfis ?? 0); i++)
		w.put(
			rfiKey,
			{
				number: String(100 + i),
				subject: `Generated RFI ${i + 1}`,
				status: i % 3 === 0 ? 'closed' : 'open',
				project_id: tower,
				private: false,
				draft: false,
			},
			i % 60,
		);
	const teKey = w.key('GET /rest/v1.0/projects/{project_id}/timecard_entries', {
		project_id: tower,
	});
	for (let i = 0; i < (options.timecardEntries ?? 0); i++) {
		const party = Object.values(dir.people)[i % 5];
		w.put(
			teKey,
			{
				party_id: party,
				party: { id: party },
				date: w.at(i % 30).slice(0, 10),
				hours: '8.0',
				billable: true,
				project_id: tower,
				cost_code: { id: fin.costCodes['03-300'] },
				timecard_time_type: { id: field.timeTypes.regular },
				status: 'pending',
			},
			i % 30,
		);
	}
	// Generated last, so the other seeded ids do not move when a test asks for a crew.
	const extraWorkers: number[] = [];
	const companyPeople = w.key('GET /rest/v1.0/companies/{company_id}/people', {
		company_id: dir.companyId,
	});
	for (let i = 0; i < (options.workers ?? 0); i++) {
		const id = w.id();
		const person = {
			id,
			party_id: id,
			first_name: 'Crew',
			last_name: `Member ${i + 1}`,
			name: `Crew Member ${i + 1}`,
			is_employee: true,
			work_classification: { id: null, name: 'Laborer' },
		};
		w.put(companyPeople, { ...person, employee_id: `GP-C${1000 + i}`, user_id: null, active: true });
		for (const [name, pid] of Object.entries(dir.projects))
			if (name !== 'extra')
				w.put(w.key('GET /rest/v1.0/projects/{project_id}/people', { project_id: pid as number }), person);
		extraWorkers.push(id);
	}
	return { ...dir, ...fin, ...field, ...docs, ...punchPhotos, ...tools, extraWorkers };
}
